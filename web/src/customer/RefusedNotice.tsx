import type { ProductDto } from "@ordered/contract/client";
import { useEffect, useRef } from "react";
import { t } from "../i18n/i18n";
import { reasonText } from "./order-reason";
import type { RefusedOrder } from "./refused-orders";

interface Props {
  refused: RefusedOrder;
  /** The products as this phone's menu names them (the reason names its product so). */
  products: ReadonlyMap<string, ProductDto>;
  onPutBack: () => void;
  onDismiss: () => void;
}

/**
 * A refused order, told where the guest is whatever tab they are on (the phone's bottom dock),
 * and announced; one tap puts its lines back into the cart to change and send again.
 */
export function RefusedNotice({ refused: { order, number }, products, onPutBack, onDismiss }: Props) {
  const putBack = useRef<HTMLButtonElement>(null);
  // Focus that was on the confirmation this refusal replaced would fall to the page: catch it here.
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement === null) putBack.current?.focus({ preventScroll: true });
  }, []);
  const title = order.status === "FAILED" ? t("customer.failedTitle", { n: number }) : t("customer.refusedTitle", { n: number });
  return (
    <div role="alert" className="refused-notice" data-order={order.id}>
      <p className="refused-title">{title}</p>
      {reasonText(order, products) && <p className="refused-reason">{reasonText(order, products)}</p>}
      <p className="small">{t("customer.refusedHint")}</p>
      <div className="refused-actions">
        <button type="button" className="button" onClick={onDismiss}>
          {t("customer.dismiss")}
        </button>
        <button ref={putBack} type="button" className="button primary" onClick={onPutBack}>
          {t("customer.putBack")}
        </button>
      </div>
    </div>
  );
}
