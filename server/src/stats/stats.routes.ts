import { staffOf } from "../auth/passport.js";
import type { AppDeps } from "../deps.js";
import { AppError } from "../errors.js";
import { handlers } from "../http/routes.js";
import { dailyStats, knownTimeZones } from "./stats.service.js";

/** `GET /api/stats/daily?date=YYYY-MM-DD&tz=Europe/Rome`: the staff's location's totals for a day. */
export function statsRoutes(deps: AppDeps) {
  return handlers({
    "GET /api/stats/daily": async ({ req, query, reply }) => {
      // Node's list of zones is not PostgreSQL's (which does the arithmetic): check against the database's.
      if (!(await knownTimeZones(deps.prisma)).has(query.tz)) {
        throw new AppError("VALIDATION_FAILED", "query.tz: must be an IANA time zone like Europe/Rome");
      }
      const date = query.date ?? new Intl.DateTimeFormat("en-CA", { timeZone: query.tz }).format(new Date());
      reply(await dailyStats(deps.prisma, staffOf(req).locationId, date, query.tz));
    },
  });
}
