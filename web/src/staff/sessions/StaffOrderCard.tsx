import {
  type AdvanceStep,
  canCancel,
  isBilledOrder,
  nextAdvanceStep,
  ORDER_VIEW_WORDS,
  type OrderDto,
  type OrderItemDto,
  type StaffRoleName,
  unfinishedTickets,
} from "@ordered/contract/client";
import { useLayoutEffect, useRef, useState } from "react";
import { useAnnounce } from "../../components/Announcer";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { isVoided } from "../../components/CorrectionTags";
import { OrderItems } from "../../components/OrderItems";
import { OrderStatusBadge } from "../../components/OrderStatusBadge";
import { formatMoney, formatTime } from "../../lib/money";
import { useCommands } from "../../realtime/live-context";
import { strings } from "../../strings";
import { CorrectionDialog } from "../corrections/CorrectionDialog";
import { correctionStrings } from "../corrections/strings";
import { OrderAge } from "../floor/OrderAge";
import type { Thresholds } from "../floor/triage";
import { type LineAllergy, lineAllergy, orderAcks, type TableAllergies } from "./allergy-view";
import { CancelOrderDialog } from "./CancelOrderDialog";
import { LineAllergyTag, OrderAllergyAcks } from "./LineAllergyTag";

interface Props {
  order: OrderDto;
  /** Human name of the order, e.g. "Table 2 #3", used in button names. */
  label: string;
  /** The time now (ms), refreshed by its session's card: the age ticks with it. */
  now: number;
  /** The location's amber and red minutes. */
  thresholds: Thresholds;
  /** The signed-in account's role: what it may cancel. */
  role: StaffRoleName;
  /** Opens "Move to…" (lines onto another table's bill); absent: not offered here. */
  onMoveLines?: () => void;
  /** The staff token: with it, each line of a billed order offers its corrections (void, comp, discount). */
  token?: string;
  /** The table's declared allergies: a line whose guest declared some shows them, loudly. */
  allergies?: TableAllergies;
}

/** One order in a session with its age while unfinished, its next step (Ready, Delivered) and Cancel. */
export function StaffOrderCard({ order, label, now, thresholds, role, onMoveLines, token, allergies }: Props) {
  const commands = useCommands();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [confirmReady, setConfirmReady] = useState(false);
  const [correcting, setCorrecting] = useState<OrderItemDto | null>(null);
  // Lines of an order on the bill (accepted or delivered) can be corrected; a voided or comped one is done.
  const correctable = (item: OrderItemDto) =>
    token !== undefined && isBilledOrder(order) && !isVoided(item) && !item.corrections.some((c) => c.kind === "COMP");
  const allergyOf = (item: OrderItemDto): LineAllergy | null => (allergies ? lineAllergy(order, item, allergies.byGuest) : null);
  const acks = allergies && order.items.some((i) => allergyOf(i)) ? orderAcks(order.tickets, allergies.all) : [];
  const next = nextAdvanceStep(order);
  // The kitchen owns the order until its stations finish: the floor's Ready is then an override, asked first
  // (the server refuses it unconfirmed: advance-order.ts).
  const kitchenBusy = unfinishedTickets(order);
  const overrides = next === "READY" && kitchenBusy.length > 0;
  const announce = useAnnounce();
  const cardRef = useRef<HTMLDivElement>(null);
  // After an action, keyboard focus stays on this card: its button is disabled while sending, and
  // the panel re-sorts the sessions (React moves the card's DOM, which drops focus) when it lands.
  const keepFocusUntil = useRef(0);
  useLayoutEffect(() => {
    const card = cardRef.current;
    if (!card || Date.now() > keepFocusUntil.current || card.contains(document.activeElement)) return;
    if (document.activeElement && document.activeElement !== document.body) return; // the person moved on
    (card.querySelector<HTMLElement>("[data-next-step]:not(:disabled)") ?? card).focus();
  });

  async function advance(to: AdvanceStep) {
    const hadFocus = !!cardRef.current?.contains(document.activeElement);
    setBusy(true);
    setError(null);
    try {
      await commands.send("order:advance", { orderId: order.id, to });
      announce(strings.announce.orderAdvanced[to](label));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      if (hadFocus) keepFocusUntil.current = Date.now() + 3000;
      setBusy(false);
    }
  }

  return (
    <div ref={cardRef} tabIndex={-1} className={`order-card order-${order.status.toLowerCase()}`} data-order-id={order.id}>
      <div className="order-head">
        <strong>{label}</strong>
        <OrderStatusBadge order={order} />
        <span className="muted small">
          {formatTime(order.placedAt)}
          {order.customerName
            ? ` · ${strings.order.from(order.customerName)}`
            : order.enteredBy
              ? ` · ${strings.order.takenBy(order.enteredBy)}`
              : ""}
        </span>
        {order.movedFrom && <span className="muted small moved-from">{strings.transfer.movedFrom(order.movedFrom)}</span>}
        <OrderAge order={order} now={now} thresholds={thresholds} />
      </div>
      <OrderItems
        items={order.items}
        currency={order.currency}
        courseNames={new Map(order.tickets.flatMap((t) => (t.courseId && t.course ? [[t.courseId, t.course] as const] : [])))}
        actions={(item) => (
          <>
            {allergies && <LineAllergyTag allergy={allergyOf(item)} names={allergies.names} />}
            {correctable(item) && (
              <button
                type="button"
                className="button ghost small line-correct"
                aria-haspopup="dialog"
                aria-label={correctionStrings.lineButtonLabel(`${item.quantity}× ${item.productName}`, label)}
                onClick={() => setCorrecting(item)}
              >
                {correctionStrings.lineButton}
              </button>
            )}
          </>
        )}
      />
      <OrderAllergyAcks acks={acks} />
      {order.statusReason && <p className="reason small">{order.statusReason}</p>}
      <div className="order-foot">
        <span className="total">{formatMoney(order.totalCents, order.currency)}</span>
        {next && (
          <button
            type="button"
            className={overrides ? "button small" : "button primary small"}
            disabled={busy || !commands.ready}
            onClick={() => (overrides ? setConfirmReady(true) : advance(next))}
            data-next-step={next}
            data-override={overrides || undefined}
            aria-label={strings.order.advanceLabel[next](label)}
            aria-haspopup={overrides ? "dialog" : undefined}
          >
            {strings.order.advance[next]}
            {overrides && "…"}
          </button>
        )}
        {onMoveLines && movableLines(order) && (
          <button
            type="button"
            className="button ghost small"
            aria-haspopup="dialog"
            onClick={onMoveLines}
            aria-label={strings.transfer.moveLabel(label)}
          >
            {strings.transfer.moveButton}
          </button>
        )}
        {/* An order with lines on another table's bill cannot be cancelled (cancel-order.ts). */}
        {canCancel(order) && !order.items.some((i) => i.movedTo) && (
          <button
            type="button"
            className="button ghost small"
            disabled={busy || !commands.ready}
            onClick={() => setConfirmCancel(true)}
            aria-label={strings.order.cancelOrder(label)}
          >
            {strings.order.cancel}
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
      {confirmReady && (
        <ConfirmDialog
          title={strings.order.overrideTitle}
          message={strings.order.overrideMessage(
            label,
            kitchenBusy.map((t) => `${t.station}: ${ORDER_VIEW_WORDS[t.status]}`),
          )}
          confirmLabel={strings.order.overrideConfirm}
          dismissLabel={strings.order.overrideDismiss}
          onConfirm={async () => {
            await commands.send("order:advance", { orderId: order.id, to: "READY", overrideKitchen: true });
            announce(strings.announce.orderAdvanced.READY(label));
            // As after a plain advance: focus comes back to this card's next step once the panel re-sorts.
            keepFocusUntil.current = Date.now() + 3000;
          }}
          onClose={() => setConfirmReady(false)}
        />
      )}
      {correcting && token && (
        <CorrectionDialog
          sessionId={order.sessionId}
          token={token}
          role={role}
          target={{ kind: "line", order, item: order.items.find((i) => i.position === correcting.position) ?? correcting, label }}
          onClose={() => setCorrecting(null)}
        />
      )}
      {confirmCancel && (
        <CancelOrderDialog
          order={order}
          label={label}
          role={role}
          onCancelled={() => announce(strings.announce.orderCancelled(label))}
          onClose={() => setConfirmCancel(false)}
        />
      )}
    </div>
  );
}

/** Lines may move to another bill from an accepted or delivered order, while some are still on this one (move-lines.ts). */
const movableLines = (order: OrderDto) =>
  (order.status === "ACCEPTED" || order.status === "DELIVERED") && order.items.some((i) => !i.movedTo);
