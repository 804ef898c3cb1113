import type { OrderDto } from "@ordered/contract/client";
import { useCallback, useState } from "react";
import { customerStorage } from "./customer-storage";

/** One of this phone's orders that the kitchen will not make, with its number at the table ("Order 2"). */
export interface RefusedOrder {
  order: OrderDto;
  number: number;
}

/**
 * This phone's orders refused after they were placed (rejected by the pipeline, e.g. out of
 * stock, or failed), oldest first, that the guest has not dealt with yet. Orders staff
 * cancel are not offered back: staff tell the guest why in person.
 */
export function refusedOrders(orders: readonly OrderDto[], me: string, dismissed: readonly string[]): RefusedOrder[] {
  return orders.flatMap((order, i) =>
    order.customerId === me && (order.status === "REJECTED" || order.status === "FAILED") && !dismissed.includes(order.id)
      ? [{ order, number: i + 1 }]
      : [],
  );
}

/** The refused orders to tell the guest about, and how they are dealt with (kept per entry across reloads). */
export function useRefusedOrders(storageKey: string, orders: readonly OrderDto[], me: string) {
  const [dismissed, setDismissed] = useState(() => customerStorage.dismissedRefusals(storageKey));
  const dismiss = useCallback(
    (orderId: string) =>
      setDismissed((ids) => {
        const next = ids.includes(orderId) ? ids : [...ids, orderId];
        customerStorage.saveDismissedRefusals(storageKey, next);
        return next;
      }),
    [storageKey],
  );
  return { refused: refusedOrders(orders, me, dismissed), dismiss };
}
