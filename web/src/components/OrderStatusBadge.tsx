import type { OrderDto } from "@ordered/contract/client";
import { t } from "../i18n/i18n";

/** The one status that matters now: the shipment's once accepted, else the order's. */
export function statusKey(order: OrderDto): string {
  if (order.status === "ACCEPTED" && order.shipment) return order.shipment.status;
  return order.status;
}

export function statusText(order: OrderDto): string {
  if (order.status === "ACCEPTED" && order.shipment) return t(`order.shipment.${order.shipment.status}`);
  return t(`order.status.${order.status}`);
}

export function OrderStatusBadge({ order }: { order: OrderDto }) {
  return <span className={`badge status-${statusKey(order).toLowerCase()}`}>{statusText(order)}</span>;
}
