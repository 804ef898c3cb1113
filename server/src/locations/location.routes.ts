import { type CardInfoResponse, type LocationResponse, LocationSettingsBody } from "@ordered/contract";
import { Router } from "express";
import { staffOf } from "../auth/passport.js";
import type { AppDeps } from "../deps.js";
import { toLocationDto } from "../dto.js";
import { AppError } from "../errors.js";
import { clientKey } from "../http/client-key.js";
import { parse } from "../http/validate.js";
import { cardInfo } from "../sessions/customers.js";

/** The staff's own location and its settings (changed by its owners only). */
export function locationRoutes(deps: AppDeps): Router {
  const router = Router();
  router.use(deps.guards.staff);

  router.get("/", async (req, res) => {
    const location = await deps.prisma.location.findUniqueOrThrow({ where: { id: staffOf(req).locationId } });
    res.json({ location: toLocationDto(location) } satisfies LocationResponse);
  });

  router.patch("/", async (req, res) => {
    const staff = staffOf(req);
    if (staff.role !== "OWNER") throw new AppError("FORBIDDEN", "only an owner can change the location's settings");
    const body = parse(LocationSettingsBody, req.body, "body");
    const location = await deps.prisma.location.update({ where: { id: staff.locationId }, data: body });
    res.json({ location: toLocationDto(location) } satisfies LocationResponse);
  });

  return router;
}

/** A table card, as a phone sees it before joining (no token: the card is the credential). */
export function cardRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get("/:cardCode", async (req, res) => {
    await deps.limiters.join.consume(clientKey(req), "join attempts");
    res.json((await cardInfo(deps.prisma, String(req.params.cardCode))) satisfies CardInfoResponse);
  });
  return router;
}
