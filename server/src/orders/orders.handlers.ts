import type { AppDeps } from "../app.js";
import { parse } from "../http/validate.js";
import { command, requireCustomer, requireStaff } from "../realtime/command.js";
import type { AppSocket } from "../realtime/io.js";
import { AdvanceOrderInput, CancelOrderInput, PlaceOrderInput } from "./orders.schemas.js";
import { advanceOrder, cancelOrderByStaff } from "./staff-actions.js";
import { placeOrder } from "./place-order.js";

export function registerOrderHandlers(socket: AppSocket, deps: AppDeps): void {
  socket.on(
    "order:place",
    command(socket, deps.log, async (payload, principal) => {
      const customer = requireCustomer(principal);
      const input = parse(PlaceOrderInput, payload, "payload");
      await deps.limiters.orderPerSocket.consume(socket.id, "orders from this phone");
      await deps.limiters.orderPerSession.consume(customer.sessionId, "orders at this table");
      const { order, event } = await placeOrder(deps.prisma, customer, input);
      if (event) {
        deps.publisher.sessionEvent(customer.locationId, event);
        await deps.hooks.orderPlaced(order, customer.locationId);
      }
      return { order };
    }),
  );

  socket.on(
    "order:advance",
    command(socket, deps.log, async (payload, principal) => {
      const staff = requireStaff(principal);
      return { order: await advanceOrder(deps, staff, parse(AdvanceOrderInput, payload, "payload")) };
    }),
  );

  socket.on(
    "order:cancel",
    command(socket, deps.log, async (payload, principal) => {
      const staff = requireStaff(principal);
      return { order: await cancelOrderByStaff(deps, staff, parse(CancelOrderInput, payload, "payload")) };
    }),
  );
}
