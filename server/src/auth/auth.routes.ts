import { LoginBody, type LoginResponse, type MeResponse } from "@ordered/contract";
import { Router } from "express";
import type { AppDeps } from "../deps.js";
import { clientKey } from "../http/client-key.js";
import { parse } from "../http/validate.js";
import { getStaff, login } from "./auth.service.js";
import { staffOf } from "./passport.js";

export function authRoutes(deps: AppDeps): Router {
  const router = Router();

  router.post("/login", async (req, res) => {
    await deps.limiters.login.consume(clientKey(req), "login attempts");
    const body = parse(LoginBody, req.body, "body");
    // Per account too: a password guessed from many addresses is still throttled.
    await deps.limiters.loginPerAccount.consume(body.email, "login attempts for this account");
    res.json((await login(deps, body)) satisfies LoginResponse);
  });

  router.get("/me", deps.guards.staff, async (req, res) => {
    res.json({ staff: await getStaff(deps.prisma, staffOf(req).staffId) } satisfies MeResponse);
  });

  return router;
}
