import { Router } from "express";
import { z } from "zod";
import type { AppDeps } from "../app.js";
import { staffOf } from "../auth/passport.js";
import { parse } from "../http/validate.js";
import { dailyStats } from "./stats.service.js";

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const DailyQuery = z.strictObject({
  date: z.iso.date("must be a date like 2026-11-21").optional(),
  tz: z.string().max(64).refine(isTimeZone, "must be an IANA time zone like Europe/Rome").default("UTC"),
});

/** `GET /api/stats/daily?date=YYYY-MM-DD&tz=Europe/Rome`: the staff's location's totals for a day. */
export function statsRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get("/daily", deps.guards.staff, async (req, res) => {
    const query = parse(DailyQuery, req.query, "query");
    const date = query.date ?? new Intl.DateTimeFormat("en-CA", { timeZone: query.tz }).format(new Date());
    res.json(await dailyStats(deps.prisma, staffOf(req).locationId, date, query.tz));
  });
  return router;
}
