/**
 * Login throttling per account that is not a lockout (issue 30 #13b). Counting every attempt
 * per account let anyone who knew a staff email spend the account's budget with wrong
 * passwords and lock its owner out for 15 minutes. Now:
 * - only failures are counted, per email (LOGIN_RATE_PER_ACCOUNT per 15 min), from every
 *   device that has not logged in with this email before: many addresses guessing one
 *   account are still stopped after that many guesses in all;
 * - a device that has (it holds the `deviceToken` a successful login gave it, a JWT naming
 *   the email and the device) has a budget of its own for the email, which nobody else's
 *   failures spend: the account's owner keeps logging in from their usual devices while
 *   someone guesses. A stolen device token still allows only that device's budget.
 * The per-address limit (LOGIN_RATE_PER_MINUTE, auth.routes.ts) applies to every attempt.
 */
import { randomUUID } from "node:crypto";
import type { LoginBody, LoginResponse } from "@ordered/contract";
import type { z } from "zod";
import type { AppDeps } from "../deps.js";
import { AppError } from "../errors.js";
import { login } from "./auth.service.js";

export async function loginThrottled(
  deps: Pick<AppDeps, "prisma" | "tokens" | "limiters">,
  body: z.output<typeof LoginBody>,
): Promise<LoginResponse> {
  const device = body.deviceToken ? deps.tokens.verifyDevice(body.deviceToken, body.email) : null;
  // A known device's failures are counted apart from everyone else's for the email.
  const budget = device ? `${body.email}:device:${device}` : body.email;
  const what = device ? "failed logins from this device for this account" : "failed logins for this account";
  await deps.limiters.loginPerAccount.assertLeft(budget, what);
  try {
    const result = await login(deps, body);
    // The same device keeps its id; a new one gets one.
    return { ...result, deviceToken: deps.tokens.signDevice(body.email, device ?? randomUUID()) };
  } catch (err) {
    if (err instanceof AppError && err.code === "INVALID_CREDENTIALS") await deps.limiters.loginPerAccount.spend(budget);
    throw err;
  }
}
