import { staffOf } from "../auth/passport.js";
import { sqlOn } from "../db/sql.js";
import type { AppDeps } from "../deps.js";
import { handlers } from "../http/routes.js";
import { createCategory, deleteCategory, loadCategories, reorderCategories, updateCategory } from "./categories.service.js";

/** The menu's sections, managed by staff of the location; every change tells open phones to refetch the menu. */
export function categoryRoutes(deps: AppDeps) {
  const changed = (locationId: string) => deps.publisher.menuChanged(locationId);

  return handlers({
    "GET /api/categories": async ({ req, reply }) => {
      reply({ categories: await loadCategories(sqlOn(deps.prisma), staffOf(req).locationId) });
    },

    "POST /api/categories": async ({ req, body, reply }) => {
      const { locationId } = staffOf(req);
      const category = await createCategory(deps.prisma, locationId, body);
      reply({ category });
      changed(locationId);
    },

    "PUT /api/categories/order": async ({ req, body, reply }) => {
      const { locationId } = staffOf(req);
      const categories = await reorderCategories(deps.prisma, locationId, body);
      reply({ categories });
      changed(locationId);
    },

    "PATCH /api/categories/:id": async ({ req, params, body, reply }) => {
      const { locationId } = staffOf(req);
      const category = await updateCategory(deps.prisma, locationId, params.id, body);
      reply({ category });
      changed(locationId);
    },

    "DELETE /api/categories/:id": async ({ req, params, reply }) => {
      const { locationId } = staffOf(req);
      await deleteCategory(deps.prisma, locationId, params.id);
      reply();
      changed(locationId);
    },
  });
}
