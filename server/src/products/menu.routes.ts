import type { MenuResponse } from "@ordered/contract";
import { Router } from "express";
import { customerOf } from "../auth/passport.js";
import type { AppDeps } from "../deps.js";
import { AppError } from "../errors.js";
import { loadMenu } from "./products.service.js";

/** The menu a phone sees: visible categories in order and their visible products, sold-out ones flagged. */
export function menuRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get("/", deps.guards.customer, async (req, res) => {
    const customer = customerOf(req);
    const session = await deps.prisma.orderSession.findUnique({ where: { id: customer.sessionId }, select: { status: true } });
    if (session?.status !== "OPEN") throw new AppError("SESSION_CLOSED", "this table's session is closed");
    res.json((await loadMenu(deps.prisma, customer.locationId)) satisfies MenuResponse);
  });
  return router;
}
