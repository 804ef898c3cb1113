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

  router.get("/", ...deps.guards.may("location.view"), async (req, res) => {
    const location = await deps.prisma.location.findUniqueOrThrow({ where: { id: staffOf(req).locationId } });
    res.json({ location: toLocationDto(location) } satisfies LocationResponse);
  });

  router.patch("/", ...deps.guards.may("location.settings"), async (req, res) => {
    const staff = staffOf(req);
    const body = parse(LocationSettingsBody, req.body, "body");
    // Thresholds given one at a time are checked against the other's stored value.
    const { ticketAmberMinutes: amber, ticketRedMinutes: red } = body;
    if (amber !== undefined || red !== undefined) {
      const current = await deps.prisma.location.findUniqueOrThrow({ where: { id: staff.locationId } });
      if ((amber ?? current.ticketAmberMinutes) >= (red ?? current.ticketRedMinutes)) {
        throw new AppError("VALIDATION_FAILED", "body.ticketAmberMinutes: must be less than ticketRedMinutes");
      }
    }
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
