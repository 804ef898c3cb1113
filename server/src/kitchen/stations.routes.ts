import { StationBody, type StationListResponse, type StationResponse } from "@ordered/contract";
import { Router } from "express";
import { staffOf } from "../auth/passport.js";
import { sqlOn } from "../db/sql.js";
import type { AppDeps } from "../deps.js";
import { idParam, parse } from "../http/validate.js";
import { createStation, deleteStation, loadStations, renameStation } from "./stations.service.js";

/** Stations: every account reads them (a display picks its own); the menu's editors change them. */
export function stationRoutes(deps: AppDeps): Router {
  const router = Router();
  // Categories name their station: the menu pages refetch.
  const changed = (locationId: string) => deps.publisher.menuChanged(locationId);

  router.get("/", ...deps.guards.may("kitchen.work"), async (req, res) => {
    res.json({ stations: await loadStations(sqlOn(deps.prisma), staffOf(req).locationId) } satisfies StationListResponse);
  });

  router.post("/", ...deps.guards.may("menu.edit"), async (req, res) => {
    const { locationId } = staffOf(req);
    const station = await createStation(deps.prisma, locationId, parse(StationBody, req.body, "body").name);
    res.status(201).json({ station } satisfies StationResponse);
    changed(locationId);
  });

  router.patch("/:id", ...deps.guards.may("menu.edit"), async (req, res) => {
    const { locationId } = staffOf(req);
    const { name } = parse(StationBody, req.body, "body");
    res.json({ station: await renameStation(deps.prisma, locationId, idParam(req.params.id, "station"), name) } satisfies StationResponse);
    changed(locationId);
  });

  router.delete("/:id", ...deps.guards.may("menu.edit"), async (req, res) => {
    const { locationId } = staffOf(req);
    await deleteStation(deps.prisma, locationId, idParam(req.params.id, "station"));
    res.status(204).end();
    changed(locationId);
  });

  return router;
}
