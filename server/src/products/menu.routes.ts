import type { ProductListResponse } from "@ordered/contract";
import { Router } from "express";
import { customerOf } from "../auth/passport.js";
import type { AppDeps } from "../deps.js";
import { AppError } from "../errors.js";
import { listProducts } from "./products.service.js";

/** The menu a customer sees: every product of their session's location, sold-out ones flagged. */
export function menuRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get("/", deps.guards.customer, async (req, res) => {
    const customer = customerOf(req);
    const session = await deps.prisma.orderSession.findUnique({ where: { id: customer.sessionId }, select: { status: true } });
    if (session?.status !== "OPEN") throw new AppError("SESSION_CLOSED", "this table's session is closed");
    res.json({ products: await listProducts(deps.prisma, customer.locationId) } satisfies ProductListResponse);
  });
  return router;
}
