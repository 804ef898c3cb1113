import {
  CreateTableBody,
  ListTablesQuery,
  ReorderTablesBody,
  type TableListResponse,
  type TableResponse,
  UpdateTableBody,
} from "@ordered/contract";
import { Router } from "express";
import { staffOf } from "../auth/passport.js";
import type { AppDeps } from "../deps.js";
import { idParam, parse } from "../http/validate.js";
import { createTable, listTables, reorderTables, retireTable, updateTable } from "./tables.service.js";

/** The location's floor: its tables, managed by staff of that location only. */
export function tableRoutes(deps: AppDeps): Router {
  const router = Router();
  const publicUrl = deps.config.publicUrl;
  router.use(deps.guards.staff);

  router.get("/", async (req, res) => {
    const query = parse(ListTablesQuery, req.query, "query");
    res.json({
      tables: await listTables(deps.prisma, publicUrl, staffOf(req).locationId, query.retired === "include"),
    } satisfies TableListResponse);
  });

  router.post("/", async (req, res) => {
    const body = parse(CreateTableBody, req.body, "body");
    res.status(201).json({ table: await createTable(deps.prisma, publicUrl, staffOf(req).locationId, body) } satisfies TableResponse);
  });

  router.put("/order", async (req, res) => {
    const body = parse(ReorderTablesBody, req.body, "body");
    res.json({ tables: await reorderTables(deps.prisma, publicUrl, staffOf(req).locationId, body) } satisfies TableListResponse);
  });

  router.patch("/:id", async (req, res) => {
    const id = idParam(req.params.id, "table");
    const body = parse(UpdateTableBody, req.body, "body");
    res.json({ table: await updateTable(deps.prisma, publicUrl, staffOf(req).locationId, id, body) } satisfies TableResponse);
  });

  router.post("/:id/retire", async (req, res) => {
    const id = idParam(req.params.id, "table");
    res.json({ table: await retireTable(deps.prisma, publicUrl, staffOf(req).locationId, id) } satisfies TableResponse);
  });

  return router;
}
