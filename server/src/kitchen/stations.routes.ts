import { staffOf } from "../auth/passport.js";
import { sqlOn } from "../db/sql.js";
import type { AppDeps } from "../deps.js";
import { handlers } from "../http/routes.js";
import { createStation, deleteStation, loadStations, renameStation, setStationCapacity } from "./stations.service.js";

/** Stations: every account reads them (a display picks its own); the menu's editors change them. */
export function stationRoutes(deps: AppDeps) {
  // Categories name their station: the menu pages refetch.
  const changed = (locationId: string) => deps.publisher.menuChanged(locationId);

  return handlers({
    "GET /api/stations": async ({ req, reply }) => {
      reply({ stations: await loadStations(sqlOn(deps.prisma), staffOf(req).locationId) });
    },

    "POST /api/stations": async ({ req, body, reply }) => {
      const { locationId } = staffOf(req);
      const station = await createStation(deps.prisma, locationId, body.name);
      reply({ station });
      changed(locationId);
    },

    "PATCH /api/stations/:id": async ({ req, params, body, reply }) => {
      const { locationId } = staffOf(req);
      reply({ station: await renameStation(deps.prisma, locationId, params.id, body.name) });
      changed(locationId);
    },

    "PUT /api/stations/:id/capacity": async ({ req, params, body, reply }) => {
      const { locationId } = staffOf(req);
      reply({ station: await setStationCapacity(deps.prisma, locationId, params.id, body.capacity) });
      changed(locationId);
    },

    "DELETE /api/stations/:id": async ({ req, params, reply }) => {
      const { locationId } = staffOf(req);
      await deleteStation(deps.prisma, locationId, params.id);
      reply();
      changed(locationId);
    },
  });
}
