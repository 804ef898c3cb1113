import { DailyStatsQuery, type DailyStatsResponse } from "@ordered/contract";
import { Router } from "express";
import { staffOf } from "../auth/passport.js";
import type { AppDeps } from "../deps.js";
import { AppError } from "../errors.js";
import { parse } from "../http/validate.js";
import { dailyStats, knownTimeZones } from "./stats.service.js";

/** `GET /api/stats/daily?date=YYYY-MM-DD&tz=Europe/Rome`: the staff's location's totals for a day. */
export function statsRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get("/daily", ...deps.guards.may("stats.view"), async (req, res) => {
    const query = parse(DailyStatsQuery, req.query, "query");
    // Node's list of zones is not PostgreSQL's (which does the arithmetic): check against the database's.
    if (!(await knownTimeZones(deps.prisma)).has(query.tz)) {
      throw new AppError("VALIDATION_FAILED", "query.tz: must be an IANA time zone like Europe/Rome");
    }
    const date = query.date ?? new Intl.DateTimeFormat("en-CA", { timeZone: query.tz }).format(new Date());
    res.json((await dailyStats(deps.prisma, staffOf(req).locationId, date, query.tz)) satisfies DailyStatsResponse);
  });
  return router;
}
