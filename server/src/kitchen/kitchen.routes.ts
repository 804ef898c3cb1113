import { staffOf } from "../auth/passport.js";
import type { AppDeps } from "../deps.js";
import { handlers } from "../http/routes.js";
import { loadKitchen } from "./kitchen.service.js";

/**
 * GET /api/kitchen: what a display starts from: the open sessions with their log numbers
 * (the socket's cursors: what follows is replayed or streamed) and their orders being
 * prepared, oldest first, in their kitchen form (contract kitchenOrderOf): the same fields
 * the display's socket events carry (SESSION_EVENTS' `kitchen`), no guest names.
 */
export function kitchenRoutes(deps: AppDeps) {
  return handlers({
    "GET /api/kitchen": async ({ req, reply }) => {
      reply(await loadKitchen(deps.prisma, staffOf(req).locationId));
    },
  });
}
