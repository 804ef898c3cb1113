import { type CardInfoResponse, type LocationResponse, LocationSettingsBody } from "@ordered/contract";
import { Router } from "express";
import { staffOf } from "../auth/passport.js";
import type { AppDeps } from "../deps.js";
import { clientKey } from "../http/client-key.js";
import { parse } from "../http/validate.js";
import { cardInfo } from "../sessions/customers.js";
import { getLocation, updateLocationSettings } from "./location-dto.sql.js";

/** The staff's own location and its settings (changed by its owners only). */
export function locationRoutes(deps: AppDeps): Router {
  const router = Router();

  router.get("/", ...deps.guards.may("location.view"), async (req, res) => {
    res.json({ location: await getLocation(deps.prisma, staffOf(req).locationId) } satisfies LocationResponse);
  });

  router.patch("/", ...deps.guards.may("location.settings"), async (req, res) => {
    const body = parse(LocationSettingsBody, req.body, "body");
    res.json({ location: await updateLocationSettings(deps.prisma, staffOf(req).locationId, body) } satisfies LocationResponse);
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
