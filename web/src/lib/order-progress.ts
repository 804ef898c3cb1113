import { progress, type OrderDto } from "@ordered/contract";

/** The newer of two copies of one order, for copies that did not come through the log. */
export function newer(current: OrderDto | undefined, candidate: OrderDto): OrderDto {
  return !current || progress(candidate) > progress(current) ? candidate : current;
}
