import { staffOf } from "../auth/passport.js";
import { sqlOn } from "../db/sql.js";
import type { AppDeps } from "../deps.js";
import { handlers } from "../http/routes.js";
import { createCourse, deleteCourse, loadCourses, renameCourse } from "./courses.service.js";

/** Courses: the menu's readers read them (the order pad, the category form); its editors change them. */
export function courseRoutes(deps: AppDeps) {
  // Categories name their default course: the menu pages refetch.
  const changed = (locationId: string) => deps.publisher.menuChanged(locationId);

  return handlers({
    "GET /api/courses": async ({ req, reply }) => {
      reply({ courses: await loadCourses(sqlOn(deps.prisma), staffOf(req).locationId) });
    },

    "POST /api/courses": async ({ req, body, reply }) => {
      const { locationId } = staffOf(req);
      const course = await createCourse(deps.prisma, locationId, body.name);
      reply({ course });
      changed(locationId);
    },

    "PATCH /api/courses/:id": async ({ req, params, body, reply }) => {
      const { locationId } = staffOf(req);
      reply({ course: await renameCourse(deps.prisma, locationId, params.id, body.name) });
      changed(locationId);
    },

    "DELETE /api/courses/:id": async ({ req, params, reply }) => {
      const { locationId } = staffOf(req);
      await deleteCourse(deps.prisma, locationId, params.id);
      reply();
      changed(locationId);
    },
  });
}
