import { staffOf } from "../auth/passport.js";
import type { AppDeps } from "../deps.js";
import { handlers } from "../http/routes.js";
import { getLocation } from "../locations/location-dto.sql.js";
import { renderQrPng, renderQrSvg } from "../sessions/qr.js";
import { createTable, getTable, listTables, reorderTables, retireTable, updateTable } from "./tables.service.js";

/** The location's floor: its tables, managed by staff of that location only. */
export function tableRoutes(deps: AppDeps) {
  const publicUrl = deps.config.publicUrl;

  return handlers({
    "GET /api/tables": async ({ req, query, reply }) => {
      reply({ tables: await listTables(deps.prisma, publicUrl, staffOf(req).locationId, query.retired === "include") });
    },

    "POST /api/tables": async ({ req, body, reply }) => {
      reply({ table: await createTable(deps.prisma, publicUrl, staffOf(req).locationId, body) });
    },

    // Every card of the floor, for the printable sheet.
    "GET /api/tables/cards": async ({ req, reply }) => {
      const { locationId } = staffOf(req);
      const [tables, location] = await Promise.all([
        listTables(deps.prisma, publicUrl, locationId, false),
        getLocation(deps.prisma, locationId),
      ]);
      const cards = await Promise.all(tables.map(async (table) => ({ table, svg: await renderQrSvg(table.cardUrl) })));
      reply({ location, cards });
    },

    // One table's card QR as an image, to print or put in a menu holder.
    "GET /api/tables/:id/card.:format": async ({ req, res, params }) => {
      const table = await getTable(deps.prisma, publicUrl, staffOf(req).locationId, params.id);
      const name = `card-${table.name.replace(/[^A-Za-z0-9_-]+/g, "-")}`;
      if (params.format === "svg") {
        res
          .type("image/svg+xml")
          .attachment(`${name}.svg`)
          .send(await renderQrSvg(table.cardUrl));
      } else {
        res
          .type("image/png")
          .attachment(`${name}.png`)
          .send(await renderQrPng(table.cardUrl));
      }
    },

    "PUT /api/tables/order": async ({ req, body, reply }) => {
      reply({ tables: await reorderTables(deps.prisma, publicUrl, staffOf(req).locationId, body) });
    },

    "PATCH /api/tables/:id": async ({ req, params, body, reply }) => {
      reply({ table: await updateTable(deps.prisma, publicUrl, staffOf(req).locationId, params.id, body) });
    },

    "POST /api/tables/:id/retire": async ({ req, params, reply }) => {
      reply({ table: await retireTable(deps.prisma, publicUrl, staffOf(req).locationId, params.id) });
    },
  });
}
