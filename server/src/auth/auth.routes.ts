import {
  ChangePasswordBody,
  LoginBody,
  type LoginResponse,
  type MeResponse,
  SetPasswordBody,
  type SetupInfoResponse,
  SetupTokenQuery,
} from "@ordered/contract";
import { Router } from "express";
import type { AppDeps } from "../deps.js";
import { clientKey } from "../http/client-key.js";
import { parse } from "../http/validate.js";
import { changePassword, getStaff, setPasswordWithLink, setupInfo } from "./auth.service.js";
import { loginThrottled } from "./login-throttle.js";
import { staffOf } from "./passport.js";

export function authRoutes(deps: AppDeps): Router {
  const router = Router();

  router.post("/login", async (req, res) => {
    await deps.limiters.login.consume(clientKey(req), "login attempts");
    const body = parse(LoginBody, req.body, "body");
    res.json((await loginThrottled(deps, body)) satisfies LoginResponse);
  });

  // One-time links (staff/setup-links.ts): throttled per address like logins.
  router.get("/setup", async (req, res) => {
    await deps.limiters.login.consume(clientKey(req), "attempts");
    const { token } = parse(SetupTokenQuery, req.query, "query");
    res.json((await setupInfo(deps.prisma, token)) satisfies SetupInfoResponse);
  });

  router.post("/setup", async (req, res) => {
    await deps.limiters.login.consume(clientKey(req), "attempts");
    const body = parse(SetPasswordBody, req.body, "body");
    const result = await setPasswordWithLink(deps, body);
    res.json(result satisfies LoginResponse);
    // A reset account may still have sockets open from before; they end now.
    deps.publisher.staffEnded(result.staff.id, "this account's password was set again; please log in");
  });

  router.post("/password", deps.guards.staff, async (req, res) => {
    const staff = staffOf(req);
    await deps.limiters.loginPerAccount.consume(staff.staffId, "password attempts for this account");
    const body = parse(ChangePasswordBody, req.body, "body");
    const result = await changePassword(deps, staff, body);
    // The account's other devices are refused from their next request or command, and their
    // listening sockets closed by the periodic check (realtime/staff-recheck.ts). Not at once
    // through staffEnded: that would also close this device's socket, mid-way to its new token.
    res.json(result satisfies LoginResponse);
  });

  router.get("/me", deps.guards.staff, async (req, res) => {
    res.json({ staff: await getStaff(deps.prisma, staffOf(req).staffId) } satisfies MeResponse);
  });

  return router;
}
