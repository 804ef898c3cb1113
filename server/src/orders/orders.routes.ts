import { staffOf } from "../auth/passport.js";
import type { AppDeps } from "../deps.js";
import { handlers } from "../http/routes.js";
import { getOrder } from "./get-order.js";
import { advance, cancel, enter } from "./orders.handlers.js";

/** Staff order actions over HTTP; the same as the `order:enter` / `order:advance` / `order:cancel` commands. */
export function orderRoutes(deps: AppDeps) {
  return handlers({
    "POST /api/sessions/:id/orders": async ({ req, params, body, reply }) => {
      const { order, placed } = await enter(deps, staffOf(req), { ...body, sessionId: params.id });
      reply({ order }, placed ? 201 : 200);
    },

    "GET /api/orders/:id": async ({ req, params, reply }) => {
      reply({ order: await getOrder(deps.prisma, staffOf(req).locationId, params.id) });
    },

    "POST /api/orders/:id/advance": async ({ req, params, body, reply }) => {
      reply({ order: await advance(deps, staffOf(req), { ...body, orderId: params.id }) });
    },

    "POST /api/orders/:id/cancel": async ({ req, params, body, reply }) => {
      reply({ order: await cancel(deps, staffOf(req), { ...body, orderId: params.id }) });
    },
  });
}
