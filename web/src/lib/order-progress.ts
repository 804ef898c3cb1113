import type { OrderDto } from "../api/types";

/**
 * How far along an order is. Events are applied in log order and always win; an ack's
 * copy of an order (which may race the events) is only used when it is further along.
 */
export function progress(o: OrderDto): number {
  switch (o.status) {
    case "PLACED":
      return 0;
    case "ACCEPTED":
      return o.shipment?.status === "READY" ? 2 : 1;
    default:
      return 3; // REJECTED, DELIVERED, CANCELLED, FAILED are final
  }
}

export function isFinal(o: OrderDto): boolean {
  return progress(o) === 3;
}

/** The newer of two copies of one order, for copies that did not come through the log. */
export function newer(current: OrderDto | undefined, candidate: OrderDto): OrderDto {
  return !current || progress(candidate) > progress(current) ? candidate : current;
}
