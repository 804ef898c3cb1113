import { staffOf } from "../auth/passport.js";
import type { AppDeps } from "../deps.js";
import { handlers } from "../http/routes.js";
import { followSession } from "./follow-session.js";
import { mergeSessions } from "./merge-sessions.js";
import { moveLines } from "./move-lines.js";
import { splitSession } from "./split-session.js";

/** Merging sessions, splitting one off, moving lines between bills (issue 32, item 4), and the phones following. */
export function transferRoutes(deps: AppDeps) {
  const publicUrl = deps.config.publicUrl;
  return handlers({
    "POST /api/sessions/:id/merge": async ({ req, params, body, reply }) => {
      const staff = staffOf(req);
      const { session, merged, events } = await mergeSessions(deps.prisma, publicUrl, staff, params.id, body);
      for (const event of events) deps.publisher.sessionEvent(staff.locationId, event);
      reply({ session, merged });
    },

    "POST /api/sessions/:id/split": async ({ req, params, body, reply }) => {
      const staff = staffOf(req);
      const { session, split, events, created } = await splitSession(deps.prisma, publicUrl, staff, params.id, body);
      for (const event of events) deps.publisher.sessionEvent(staff.locationId, event);
      reply({ session, split }, created ? 201 : 200);
    },

    "POST /api/sessions/:id/move-lines": async ({ req, params, body, reply }) => {
      const staff = staffOf(req);
      const { from, to, events } = await moveLines(deps.prisma, staff, params.id, body);
      for (const event of events) deps.publisher.sessionEvent(staff.locationId, event);
      reply({ from, to });
    },

    "POST /api/sessions/follow": async ({ body, reply }) => {
      reply(await followSession(deps.prisma, deps.tokens, body.token));
    },
  });
}
