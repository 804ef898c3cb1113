import type { KitchenResponse } from "@ordered/contract";
import { Router } from "express";
import { staffOf } from "../auth/passport.js";
import type { AppDeps } from "../deps.js";
import { loadKitchen } from "./kitchen.service.js";

/**
 * GET /api/kitchen: what a display starts from: the open sessions with their log numbers
 * (the socket's cursors: what follows is replayed or streamed) and their orders being
 * prepared, oldest first, in their kitchen form (contract kitchenOrderOf): the same fields
 * the display's socket events carry (SESSION_EVENTS' `kitchen`), no guest names.
 */
export function kitchenRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get("/", ...deps.guards.may("kitchen.work"), async (req, res) => {
    res.json((await loadKitchen(deps.prisma, staffOf(req).locationId)) satisfies KitchenResponse);
  });
  return router;
}
