import type { MenuResponse } from "@ordered/contract";
import { Router } from "express";
import { customerOf } from "../auth/passport.js";
import type { AppDeps } from "../deps.js";
import { loadPhoneMenu } from "./products.service.js";

/** The menu a phone sees: visible categories in order and their visible products, sold-out ones flagged. */
export function menuRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get("/", deps.guards.customer, async (req, res) => {
    res.json((await loadPhoneMenu(deps.prisma, customerOf(req))) satisfies MenuResponse);
  });
  return router;
}
