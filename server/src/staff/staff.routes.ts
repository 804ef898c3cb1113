import { CreateStaffBody, type StaffAccountResponse, type StaffListResponse, UpdateStaffBody } from "@ordered/contract";
import { Router } from "express";
import { staffOf } from "../auth/passport.js";
import { sqlOn } from "../db/sql.js";
import type { AppDeps } from "../deps.js";
import { idParam, parse } from "../http/validate.js";
import { type AccountChange, createStaff, listStaff, resetPassword, updateStaff } from "./staff.service.js";

/** Staff accounts, for owners and managers (staff.manage). */
export function staffRoutes(deps: AppDeps): Router {
  const router = Router();
  const answer = (change: AccountChange, why: string): StaffAccountResponse => {
    // After the commit: every instance closes the account's sockets.
    if (change.ended) deps.publisher.staffEnded(change.staff.id, why);
    return change.setupLink ? { staff: change.staff, setupLink: change.setupLink } : { staff: change.staff };
  };

  router.get("/", ...deps.guards.may("staff.manage"), async (req, res) => {
    res.json({ staff: await listStaff(sqlOn(deps.prisma), staffOf(req).locationId) } satisfies StaffListResponse);
  });

  router.post("/", ...deps.guards.may("staff.manage"), async (req, res) => {
    const change = await createStaff(deps.prisma, staffOf(req), parse(CreateStaffBody, req.body, "body"), deps.config.publicUrl);
    res.status(201).json(answer(change, ""));
  });

  router.patch("/:id", ...deps.guards.may("staff.manage"), async (req, res) => {
    const body = parse(UpdateStaffBody, req.body, "body");
    const change = await updateStaff(deps.prisma, staffOf(req), idParam(req.params.id, "staff account"), body);
    const why = change.staff.active ? "your role was changed; please log in again" : "this account was deactivated";
    res.json(answer(change, why));
  });

  router.post("/:id/reset-password", ...deps.guards.may("staff.manage"), async (req, res) => {
    const change = await resetPassword(deps.prisma, staffOf(req), idParam(req.params.id, "staff account"), deps.config.publicUrl);
    res.json(answer(change, "your password was reset; set a new one with the link you were given"));
  });

  return router;
}
