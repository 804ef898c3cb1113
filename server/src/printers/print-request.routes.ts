import { staffOf } from "../auth/passport.js";
import { sqlOn } from "../db/sql.js";
import type { AppDeps } from "../deps.js";
import { handlers } from "../http/routes.js";
import { loadPrintJob, requestPrint } from "./request-print.js";

/** Bills and receipts on the location's receipt printer (issue 34), asked by floor staff. */
export function printRequestRoutes(deps: AppDeps) {
  return handlers({
    "POST /api/sessions/:id/print": async ({ req, params, body, reply }) => {
      const staff = staffOf(req);
      const { job, created } = await requestPrint(sqlOn(deps.prisma), staff, params.id, body);
      // A repeat wakes too: its job may still be waiting after a wake lost with Redis away.
      if (job.status === "QUEUED") deps.producer.wakePrinters(staff.locationId);
      reply({ job }, created ? 201 : 200);
    },

    "GET /api/print-jobs/:id": async ({ req, params, reply }) => {
      reply({ job: await loadPrintJob(sqlOn(deps.prisma), staffOf(req).locationId, params.id) });
    },
  });
}
