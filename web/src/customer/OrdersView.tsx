import {
  chosenOptions,
  type OrderDto,
  type OrderEstimateDto,
  type OrderItemDto,
  type ProductDto,
  unitPriceOf,
} from "@ordered/contract/client";
import { OrderItems } from "../components/OrderItems";
import { t } from "../i18n/i18n";
import { formatMoney, formatTime } from "../lib/money";
import type { CartLine, Submission } from "./customer-storage";
import { OrderTimeline } from "./OrderTimeline";
import { reasonText } from "./order-reason";
import { currentStep } from "./timeline-steps";
import { minutesOf } from "./use-estimates";

interface Props {
  orders: OrderDto[];
  me: string;
  submission: Submission | null;
  products: Map<string, ProductDto>;
  /** The kitchen's estimate of each order being prepared (issue 35), as the server says now. */
  estimates?: ReadonlyMap<string, OrderEstimateDto>;
}

/** The element id of an order's card (the confirmation's "See the order" goes there). */
export const orderAnchor = (orderId: string) => `order-${orderId}`;

/** The table's orders with live status, and the one being sent (honestly marked as such). */
export function OrdersView({ orders, me, submission, products, estimates }: Props) {
  const pending = submission && !orders.some((o) => o.clientOrderId === submission.clientOrderId) ? submission : null;
  if (orders.length === 0 && !pending) return null;
  return (
    <section aria-labelledby="orders-title" className="my-orders">
      <h2 id="orders-title">{t("customer.myOrders")}</h2>
      <ol className="order-list">
        {orders.map((o) => (
          <li
            key={o.id}
            id={orderAnchor(o.id)}
            tabIndex={-1}
            className={`order-card order-${o.status.toLowerCase()}`}
            aria-label={t("customer.orderTitle", { n: o.number })}
            data-status={t(`customer.timeline.${currentStep(o)}`)}
          >
            <div className="order-head">
              {/* The server's number: what the waiter and the kitchen call this order too. */}
              <strong>{t("customer.orderTitle", { n: o.number })}</strong>
              {o.customerId === me && <span className="muted small">({t("customer.yours")})</span>}
              {/* Taken at the table by a waiter (the order pad), not by a phone. */}
              {o.enteredBy && <span className="muted small">({t("customer.takenBy", { name: o.enteredBy })})</span>}
              {/* Brought from another table by staff (merged, split off, or lines moved): its old name. */}
              {o.movedFrom && <span className="muted small">({t("order.movedFrom", { label: o.movedFrom })})</span>}
              <span className="muted small">{formatTime(o.placedAt)}</span>
              <span className="total">{formatMoney(o.totalCents, o.currency)}</span>
            </div>
            <OrderItems items={o.items} showAllergens={false} currency={o.currency} showReasons={false} />
            <OrderTimeline order={o} />
            <EstimateLine order={o} estimate={estimates?.get(o.id)} />
            {reasonText(o, products) && <p className="reason">{t("customer.reason", { reason: reasonText(o, products) ?? "" })}</p>}
          </li>
        ))}
        {pending && (
          <li className="order-card pending" aria-label={t("customer.sending")}>
            <div className="order-head">
              <strong>{t("customer.sending")}</strong>
            </div>
            <OrderItems items={pending.lines.map((l, i) => pendingItem(l, products.get(l.productId), i))} showAllergens={false} />
            <p className="muted small">{t("customer.sendingHint")}</p>
          </li>
        )}
      </ol>
    </section>
  );
}

/** A line being sent, shown as the order line it will be (the server's answer replaces it). */
function pendingItem(l: CartLine, p: ProductDto | undefined, position: number): OrderItemDto {
  return {
    position,
    productId: l.productId,
    productName: p?.name ?? t("customer.unknownProduct"),
    unitPriceCents: p ? unitPriceOf(p, l.options) : 0,
    quantity: l.quantity,
    note: l.note.trim() || null,
    options: p ? chosenOptions(p, l.options) : [],
    allergens: p?.allergens ?? [],
    stationId: "", // not routed until the server accepts it; the phone does not show stations per line
    seat: null,
    courseId: null,
    corrections: [],
  };
}

/** "About 12 min", or honestly longer when the kitchen is late; nothing once it is ready or when unknown. */
function EstimateLine({ order, estimate }: { order: OrderDto; estimate: OrderEstimateDto | undefined }) {
  if (!estimate || estimate.readyInSeconds === null || order.status !== "ACCEPTED" || order.shipment?.status !== "PREPARING") return null;
  const n = minutesOf(estimate.readyInSeconds);
  return (
    <p className={`estimate${estimate.late ? " late" : ""}`} data-estimate={n} data-late={estimate.late || undefined}>
      {estimate.late ? t("estimate.late", { n }) : t("estimate.about", { n })}
    </p>
  );
}
