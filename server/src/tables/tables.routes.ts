import {
  CreateTableBody,
  ListTablesQuery,
  ReorderTablesBody,
  type TableCardsResponse,
  type TableListResponse,
  type TableResponse,
  UpdateTableBody,
} from "@ordered/contract";
import { Router } from "express";
import { staffOf } from "../auth/passport.js";
import type { AppDeps } from "../deps.js";
import { AppError } from "../errors.js";
import { idParam, parse } from "../http/validate.js";
import { getLocation } from "../locations/location-dto.sql.js";
import { renderQrPng, renderQrSvg } from "../sessions/qr.js";
import { createTable, getTable, listTables, reorderTables, retireTable, updateTable } from "./tables.service.js";

/** The location's floor: its tables, managed by staff of that location only. */
export function tableRoutes(deps: AppDeps): Router {
  const router = Router();
  const publicUrl = deps.config.publicUrl;

  router.get("/", ...deps.guards.may("floor.serve"), async (req, res) => {
    const query = parse(ListTablesQuery, req.query, "query");
    res.json({
      tables: await listTables(deps.prisma, publicUrl, staffOf(req).locationId, query.retired === "include"),
    } satisfies TableListResponse);
  });

  router.post("/", ...deps.guards.may("tables.edit"), async (req, res) => {
    const body = parse(CreateTableBody, req.body, "body");
    res.status(201).json({ table: await createTable(deps.prisma, publicUrl, staffOf(req).locationId, body) } satisfies TableResponse);
  });

  // Every card of the floor, for the printable sheet (before /:id, which it would match).
  router.get("/cards", ...deps.guards.may("tables.edit"), async (req, res) => {
    const { locationId } = staffOf(req);
    const [tables, location] = await Promise.all([
      listTables(deps.prisma, publicUrl, locationId, false),
      getLocation(deps.prisma, locationId),
    ]);
    const cards = await Promise.all(tables.map(async (table) => ({ table, svg: await renderQrSvg(table.cardUrl) })));
    res.json({ location, cards } satisfies TableCardsResponse);
  });

  // One table's card QR as an image, to print or put in a menu holder.
  router.get("/:id/card.:format", ...deps.guards.may("tables.edit"), async (req, res) => {
    const id = idParam(req.params.id, "table");
    if (req.params.format !== "svg" && req.params.format !== "png") throw AppError.notFound("card format (svg or png)");
    const table = await getTable(deps.prisma, publicUrl, staffOf(req).locationId, id);
    const name = `card-${table.name.replace(/[^A-Za-z0-9_-]+/g, "-")}`;
    if (req.params.format === "svg") {
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
  });

  router.put("/order", ...deps.guards.may("tables.edit"), async (req, res) => {
    const body = parse(ReorderTablesBody, req.body, "body");
    res.json({ tables: await reorderTables(deps.prisma, publicUrl, staffOf(req).locationId, body) } satisfies TableListResponse);
  });

  router.patch("/:id", ...deps.guards.may("tables.edit"), async (req, res) => {
    const id = idParam(req.params.id, "table");
    const body = parse(UpdateTableBody, req.body, "body");
    res.json({ table: await updateTable(deps.prisma, publicUrl, staffOf(req).locationId, id, body) } satisfies TableResponse);
  });

  router.post("/:id/retire", ...deps.guards.may("tables.edit"), async (req, res) => {
    const id = idParam(req.params.id, "table");
    res.json({ table: await retireTable(deps.prisma, publicUrl, staffOf(req).locationId, id) } satisfies TableResponse);
  });

  return router;
}
