import { ORDER_VIEW_WORDS, type OrderDto, type OrderWithTickets, orderViewOf } from "@ordered/contract/client";
import "./OrderStatusBadge.css";

/** The order's one word on staff screens: the contract's (orderViewOf), the same the kitchen display's columns use. */
export function statusText(order: OrderWithTickets): string {
  return ORDER_VIEW_WORDS[orderViewOf(order)];
}

/** An order's status as a staff screen shows it; `data-view` names it for tests and styles. */
export function OrderStatusBadge({ order }: { order: Pick<OrderDto, "status" | "shipment" | "tickets"> }) {
  const view = orderViewOf(order);
  return (
    <span className={`badge status-${view.toLowerCase()}`} data-view={view}>
      {ORDER_VIEW_WORDS[view]}
    </span>
  );
}
