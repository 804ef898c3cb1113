import { AdvanceOrderPayload, CancelOrderPayload, type OrderResponse } from "@ordered/contract";
import { Router } from "express";
import { staffOf } from "../auth/passport.js";
import type { AppDeps } from "../deps.js";
import { idParam, parse } from "../http/validate.js";
import { getOrder } from "./get-order.js";
import { advance, cancel } from "./orders.handlers.js";

/** Staff order actions over HTTP; the same as the `order:advance` / `order:cancel` commands. */
export function orderRoutes(deps: AppDeps): Router {
  const router = Router();

  router.get("/:id", ...deps.guards.may("floor.serve"), async (req, res) => {
    res.json({ order: await getOrder(deps.prisma, staffOf(req).locationId, idParam(req.params.id, "order")) } satisfies OrderResponse);
  });

  router.post("/:id/advance", ...deps.guards.may("floor.serve"), async (req, res) => {
    const input = parse(AdvanceOrderPayload, { ...req.body, orderId: idParam(req.params.id, "order") }, "body");
    res.json({ order: await advance(deps, staffOf(req), input) } satisfies OrderResponse);
  });

  router.post("/:id/cancel", ...deps.guards.may("floor.serve"), async (req, res) => {
    const input = parse(CancelOrderPayload, { ...req.body, orderId: idParam(req.params.id, "order") }, "body");
    res.json({ order: await cancel(deps, staffOf(req), input) } satisfies OrderResponse);
  });

  return router;
}
