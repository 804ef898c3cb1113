import { customerOf, staffOf } from "../auth/passport.js";
import { sqlOn } from "../db/sql.js";
import type { AppDeps } from "../deps.js";
import { AppError } from "../errors.js";
import { handlers } from "../http/routes.js";
import { loadOpenAllergies, loadSessionAllergies } from "./allergies.sql.js";
import { declareByStaff, declareOnPhone, ownDeclaration } from "./declare-allergies.js";

/**
 * Guests' declared allergies and diets (issue 35): the phone reads and sets its own; staff read
 * a session's (the panel) or every open one's (a kitchen display) and record a seat's. Every
 * change reaches staff screens as `allergies:changed` — never other phones.
 */
export function allergyRoutes(deps: AppDeps) {
  return handlers({
    "GET /api/sessions/allergies": async ({ req, reply }) => {
      reply({ declaration: await ownDeclaration(deps.prisma, customerOf(req)) });
    },

    "PUT /api/sessions/allergies": async ({ req, body, reply }) => {
      const customer = customerOf(req);
      const declared = await declareOnPhone(deps.prisma, customer, body);
      if (declared.changed) await tellStaff(deps, customer.locationId, declared.sessionId);
      reply({ declaration: declared.result });
    },

    "GET /api/sessions/:id/allergies": async ({ req, params, reply }) => {
      const allergies = await loadSessionAllergies(sqlOn(deps.prisma), staffOf(req).locationId, params.id);
      if (!allergies) throw AppError.notFound("session");
      reply({ allergies });
    },

    "PUT /api/sessions/:id/allergies": async ({ req, params, body, reply }) => {
      const staff = staffOf(req);
      const declared = await declareByStaff(deps.prisma, staff, params.id, body);
      if (declared.changed) deps.publisher.allergiesChanged(staff.locationId, declared.result);
      reply({ allergies: declared.result });
    },

    "GET /api/kitchen/allergies": async ({ req, reply }) => {
      reply({ allergies: await loadOpenAllergies(sqlOn(deps.prisma), staffOf(req).locationId) });
    },
  });
}

/** Staff screens hear a session's allergies as they are now (read after the change committed). */
export async function tellStaff(deps: AppDeps, locationId: string, sessionId: string): Promise<void> {
  const allergies = await loadSessionAllergies(sqlOn(deps.prisma), locationId, sessionId);
  if (allergies) deps.publisher.allergiesChanged(locationId, allergies);
}
