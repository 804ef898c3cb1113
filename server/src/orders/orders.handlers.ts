/**
 * The order commands at the edge, for the socket (registered in app.ts) and the REST routes:
 * run the domain function, then tell every instance's clients (and queue the pipeline).
 */
import type { AdvanceStep, CancelOrderPayload, CommandResults, EnterOrderPayload, OrderDto } from "@ordered/contract";
import type { z } from "zod";
import type { StaffPrincipal } from "../auth/tokens.js";
import type { AppDeps } from "../deps.js";
import type { CommandHandler } from "../realtime/command.js";
import { advanceOrder } from "./advance-order.js";
import { cancelOrder } from "./cancel-order.js";
import { enterOrder } from "./enter-order.js";
import { placeOrder } from "./place-order.js";
import type { TransitionResult } from "./transition.js";

/**
 * `order:place`: the phone's budget (in memory: a socket lives on this instance only), then
 * store the order once, within the table's budget, which the write counts on the session
 * row (placeOrder; it also makes the phone's account check: registered with
 * `handlerChecksPhone`). A new order is queued for processing. No round trip to Redis
 * before the order is stored.
 */
export const place: CommandHandler<"order:place"> = async (deps, input, customer, socket) => {
  await deps.limiters.orderPerSocket.consume(socket.id, "orders from this phone");
  const { order, event } = await placeOrder(deps.prisma, deps.menus, customer, input, {
    perMinute: deps.config.limits.orderPerSessionPerMinute,
  });
  if (!event) return { order }; // a repeat: nothing new to tell anyone
  // Everyone else hears the event; the placer gets it in this ack (one frame, not two).
  deps.publisher.sessionEvent(customer.locationId, event, socket.id);
  // Never waits on Redis: while it is away the job waits in the outbox (pipeline/queues.ts).
  deps.producer.enqueue("processing", order.id);
  return { order, placed: { seq: event.seq, at: event.at } };
};

/**
 * Staff take an order at a table (socket `order:enter` and `POST /api/sessions/:id/orders`):
 * stored once by its clientOrderId, heard by every screen of the table and the floor
 * (the sender's too: its other views follow the log), queued for processing like a phone's.
 */
export async function enter(
  deps: AppDeps,
  staff: StaffPrincipal,
  input: z.output<typeof EnterOrderPayload>,
): Promise<CommandResults["order:enter"]> {
  const { order, event } = await enterOrder(deps.prisma, staff, input);
  if (!event) return { order };
  deps.publisher.sessionEvent(staff.locationId, event);
  deps.producer.enqueue("processing", order.id);
  return { order, placed: { seq: event.seq, at: event.at } };
}

/** Staff move an order's shipment forward (socket `order:advance` and `POST /api/orders/:id/advance`). */
export async function advance(
  deps: AppDeps,
  staff: StaffPrincipal,
  input: { orderId: string; to: AdvanceStep; overrideKitchen?: boolean | undefined },
): Promise<OrderDto> {
  return published(
    deps,
    await advanceOrder(deps.prisma, staff.locationId, input.orderId, input.to, { overrideKitchen: input.overrideKitchen ?? false }),
  );
}

/** Staff cancel an order (socket `order:cancel` and `POST /api/orders/:id/cancel`), with its refund if it was paid. */
export async function cancel(deps: AppDeps, staff: StaffPrincipal, input: z.output<typeof CancelOrderPayload>): Promise<OrderDto> {
  const result = await cancelOrder(deps.prisma, staff, input);
  const order = published(deps, result);
  if (result.refund) deps.publisher.sessionEvent(result.locationId, result.refund);
  return order;
}

function published(deps: AppDeps, result: TransitionResult): OrderDto {
  if (result.event) deps.publisher.sessionEvent(result.locationId, result.event);
  return result.order;
}
