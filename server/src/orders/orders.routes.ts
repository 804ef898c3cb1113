import { Router } from "express";
import type { AppDeps } from "../app.js";
import { staffOf } from "../auth/passport.js";
import { idParam, parse } from "../http/validate.js";
import { AdvanceOrderInput, CancelOrderInput } from "./orders.schemas.js";
import { getOrder } from "./orders.service.js";
import { advanceOrder, cancelOrderByStaff } from "./staff-actions.js";

/** Staff order actions over HTTP; the same as the `order:advance` / `order:cancel` commands. */
export function orderRoutes(deps: AppDeps): Router {
  const router = Router();
  router.use(deps.guards.staff);

  router.get("/:id", async (req, res) => {
    res.json({ order: await getOrder(deps.prisma, staffOf(req).locationId, idParam(req.params.id, "order")) });
  });

  router.post("/:id/advance", async (req, res) => {
    const input = parse(AdvanceOrderInput, { ...req.body, orderId: idParam(req.params.id, "order") }, "body");
    res.json({ order: await advanceOrder(deps, staffOf(req), input) });
  });

  router.post("/:id/cancel", async (req, res) => {
    const input = parse(CancelOrderInput, { ...req.body, orderId: idParam(req.params.id, "order") }, "body");
    res.json({ order: await cancelOrderByStaff(deps, staffOf(req), input) });
  });

  return router;
}
