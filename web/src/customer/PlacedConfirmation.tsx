import { ORDER_STAGES, type OrderDto, type OrderStage } from "@ordered/contract/client";
import { useEffect, useRef } from "react";
import { t } from "../i18n/i18n";
import { timelineSteps } from "./timeline-steps";

interface Props {
  order: OrderDto;
  /** Its number at the table ("Order 2"). */
  number: number;
  /** Take the focus (and so the screen reader's attention) when shown: once per order, not again on a tab switch. */
  takeFocus: boolean;
  onFocused: () => void;
  onSeeOrder: () => void;
  onOrderMore: () => void;
}

/** Where the order stands for the confirmation: the last stage it reached (null once it will not reach the table). */
function stageNow(order: OrderDto): OrderStage | null {
  const steps = timelineSteps(order);
  if (steps.some((s) => s.state === "failed")) return null;
  const reached = steps.filter((s) => s.state !== "todo").at(-1)?.key;
  return ORDER_STAGES.find((k) => k === reached) ?? null;
}

export const confirmsOrder = (order: OrderDto) => stageNow(order) !== null;

/**
 * "Order 2 sent ✓" where the guest just tapped Place order (in the cart), taking the focus so
 * neither eyes nor a screen reader have to look for it; it follows the order live until the
 * guest moves on.
 */
export function PlacedConfirmation({ order, number, takeFocus, onFocused, onSeeOrder, onOrderMore }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const focus = useRef({ takeFocus, onFocused });
  useEffect(() => {
    const el = box.current;
    if (!focus.current.takeFocus || !el) return;
    el.focus({ preventScroll: true });
    const keepInView = () => {
      if (document.activeElement === el) el.scrollIntoView({ block: "nearest" });
    };
    keepInView();
    // Its text follows the order (checking → accepted → …) and the page settles around it
    // after the tap: while it has the focus, all of it stays in view (also on a 320 px phone).
    const resized = new ResizeObserver(keepInView);
    resized.observe(el);
    el.addEventListener("blur", () => resized.disconnect(), { once: true });
    focus.current.onFocused();
    return () => resized.disconnect();
  }, []);
  const stage = stageNow(order);
  if (!stage) return null;
  return (
    <div ref={box} tabIndex={-1} className="placed-confirmation">
      <p className="placed-title" id="placed-title">
        {t("customer.placedTitle", { n: number })}
      </p>
      <p className="placed-status" data-stage={stage}>
        {t(`customer.placedStatus.${stage}`)}
      </p>
      <p className="muted small">{t("customer.placedFollow")}</p>
      <div className="placed-actions">
        <button type="button" className="button" onClick={onSeeOrder}>
          {t("customer.seeOrder")}
        </button>
        <button type="button" className="button primary" onClick={onOrderMore}>
          {t("customer.orderMore")}
        </button>
      </div>
    </div>
  );
}
