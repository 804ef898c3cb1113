import {
  type CategoryListResponse,
  type CategoryResponse,
  CreateCategoryBody,
  ReorderCategoriesBody,
  UpdateCategoryBody,
} from "@ordered/contract";
import { Router } from "express";
import { staffOf } from "../auth/passport.js";
import { sqlOn } from "../db/sql.js";
import type { AppDeps } from "../deps.js";
import { idParam, parse } from "../http/validate.js";
import { createCategory, deleteCategory, loadCategories, reorderCategories, updateCategory } from "./categories.service.js";

/** The menu's sections, managed by staff of the location; every change tells open phones to refetch the menu. */
export function categoryRoutes(deps: AppDeps): Router {
  const router = Router();
  const changed = (locationId: string) => deps.publisher.menuChanged(locationId);

  router.get("/", ...deps.guards.may("menu.view"), async (req, res) => {
    res.json({ categories: await loadCategories(sqlOn(deps.prisma), staffOf(req).locationId) } satisfies CategoryListResponse);
  });

  router.post("/", ...deps.guards.may("menu.edit"), async (req, res) => {
    const { locationId } = staffOf(req);
    const category = await createCategory(deps.prisma, locationId, parse(CreateCategoryBody, req.body, "body"));
    res.status(201).json({ category } satisfies CategoryResponse);
    changed(locationId);
  });

  router.put("/order", ...deps.guards.may("menu.edit"), async (req, res) => {
    const { locationId } = staffOf(req);
    const categories = await reorderCategories(deps.prisma, locationId, parse(ReorderCategoriesBody, req.body, "body"));
    res.json({ categories } satisfies CategoryListResponse);
    changed(locationId);
  });

  router.patch("/:id", ...deps.guards.may("menu.edit"), async (req, res) => {
    const { locationId } = staffOf(req);
    const id = idParam(req.params.id, "category");
    const category = await updateCategory(deps.prisma, locationId, id, parse(UpdateCategoryBody, req.body, "body"));
    res.json({ category } satisfies CategoryResponse);
    changed(locationId);
  });

  router.delete("/:id", ...deps.guards.may("menu.edit"), async (req, res) => {
    const { locationId } = staffOf(req);
    await deleteCategory(deps.prisma, locationId, idParam(req.params.id, "category"));
    res.status(204).end();
    changed(locationId);
  });

  return router;
}
