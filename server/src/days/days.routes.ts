import { staffOf } from "../auth/passport.js";
import type { AppDeps } from "../deps.js";
import { handlers } from "../http/routes.js";
import { closeDay } from "./close-day.js";
import { reportCsv } from "./report-csv.js";
import { dayReport, rangeReport } from "./reports.service.js";

/** End of day (issue 33): Z reports, closing a business day, range reports and their CSV. */
export function daysRoutes(deps: AppDeps) {
  return handlers({
    "GET /api/reports/day": async ({ req, query, reply }) => {
      reply({ report: await dayReport(deps.prisma, staffOf(req).locationId, query.date) });
    },
    "POST /api/days/close": async ({ req, body, reply }) => {
      const { close, report, created } = await closeDay(deps.prisma, staffOf(req), body);
      reply({ close, report }, created ? 201 : 200);
    },
    "GET /api/reports": async ({ req, query, reply }) => {
      reply({ report: (await rangeReport(deps.prisma, staffOf(req).locationId, query.from, query.to)).report });
    },
    "GET /api/reports/days.csv": async ({ req, res, query }) => {
      const csv = reportCsv(await rangeReport(deps.prisma, staffOf(req).locationId, query.from, query.to));
      res.type("text/csv; charset=utf-8").attachment(`report-${query.from}_${query.to}.csv`).send(csv);
    },
  });
}
