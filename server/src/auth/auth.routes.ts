import type { AppDeps } from "../deps.js";
import { clientKey } from "../http/client-key.js";
import { handlers } from "../http/routes.js";
import { changePassword, getStaff, setPasswordWithLink, setupInfo } from "./auth.service.js";
import { loginThrottled } from "./login-throttle.js";
import { staffOf } from "./passport.js";

export function authRoutes(deps: AppDeps) {
  return handlers({
    "POST /api/auth/login": async ({ req, body, reply }) => {
      await deps.limiters.login.consume(clientKey(req), "login attempts");
      reply(await loginThrottled(deps, body));
    },

    // One-time links (staff/setup-links.ts): throttled per address like logins.
    "GET /api/auth/setup": async ({ req, query, reply }) => {
      await deps.limiters.login.consume(clientKey(req), "attempts");
      reply(await setupInfo(deps.prisma, query.token));
    },

    "POST /api/auth/setup": async ({ req, body, reply }) => {
      await deps.limiters.login.consume(clientKey(req), "attempts");
      const result = await setPasswordWithLink(deps, body);
      reply(result);
      // A reset account may still have sockets open from before; they end now.
      deps.publisher.staffEnded(result.staff.id, "this account's password was set again; please log in");
    },

    "POST /api/auth/password": async ({ req, body, reply }) => {
      const staff = staffOf(req);
      await deps.limiters.loginPerAccount.consume(staff.staffId, "password attempts for this account");
      const result = await changePassword(deps, staff, body);
      // The account's other devices are refused from their next request or command, and their
      // listening sockets closed by the periodic check (realtime/staff-recheck.ts). Not at once
      // through staffEnded: that would also close this device's socket, mid-way to its new token.
      reply(result);
    },

    "GET /api/auth/me": async ({ req, reply }) => {
      reply({ staff: await getStaff(deps.prisma, staffOf(req).staffId) });
    },
  });
}
