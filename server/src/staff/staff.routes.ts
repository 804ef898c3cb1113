import type { StaffAccountResponse } from "@ordered/contract";
import { staffOf } from "../auth/passport.js";
import { sqlOn } from "../db/sql.js";
import type { AppDeps } from "../deps.js";
import { handlers } from "../http/routes.js";
import { type AccountChange, createStaff, listStaff, resetPassword, updateStaff } from "./staff.service.js";

/** Staff accounts, for owners and managers (staff.manage). */
export function staffRoutes(deps: AppDeps) {
  const answer = (change: AccountChange, why: string): StaffAccountResponse => {
    // After the commit: every instance closes the account's sockets.
    if (change.ended) deps.publisher.staffEnded(change.staff.id, why);
    return change.setupLink ? { staff: change.staff, setupLink: change.setupLink } : { staff: change.staff };
  };

  return handlers({
    "GET /api/staff": async ({ req, reply }) => {
      reply({ staff: await listStaff(sqlOn(deps.prisma), staffOf(req).locationId) });
    },

    "POST /api/staff": async ({ req, body, reply }) => {
      const change = await createStaff(deps.prisma, staffOf(req), body, deps.config.publicUrl);
      reply(answer(change, ""));
    },

    "PATCH /api/staff/:id": async ({ req, params, body, reply }) => {
      const change = await updateStaff(deps.prisma, staffOf(req), params.id, body);
      const why = change.staff.active ? "your role was changed; please log in again" : "this account was deactivated";
      reply(answer(change, why));
    },

    "POST /api/staff/:id/reset-password": async ({ req, params, reply }) => {
      const change = await resetPassword(deps.prisma, staffOf(req), params.id, deps.config.publicUrl);
      reply(answer(change, "your password was reset; set a new one with the link you were given"));
    },
  });
}
