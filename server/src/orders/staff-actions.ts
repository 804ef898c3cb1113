import type { AppDeps } from "../app.js";
import type { StaffPrincipal } from "../auth/tokens.js";
import type { OrderDto } from "../dto.js";
import { advanceShipment, cancelOrder, type TransitionResult } from "../pipeline/transitions.js";

/** The staff's shipping and cancel commands, shared by the REST routes and the socket handlers. */
export async function advanceOrder(deps: AppDeps, staff: StaffPrincipal, input: { orderId: string; to: "READY" | "DELIVERED" }): Promise<OrderDto> {
  return publish(deps, await advanceShipment(deps.prisma, staff.locationId, input.orderId, input.to));
}

export async function cancelOrderByStaff(deps: AppDeps, staff: StaffPrincipal, input: { orderId: string; reason?: string | undefined }): Promise<OrderDto> {
  return publish(deps, await cancelOrder(deps.prisma, staff.locationId, input.orderId, input.reason));
}

function publish(deps: AppDeps, result: TransitionResult): OrderDto {
  if (result.event) deps.publisher.sessionEvent(result.locationId, result.event);
  return result.order;
}
