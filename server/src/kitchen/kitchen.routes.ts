import { kitchenOrderOf } from "@ordered/contract";
import { z } from "zod";
import { staffOf } from "../auth/passport.js";
import { sql, sqlOn } from "../db/sql.js";
import type { AppDeps } from "../deps.js";
import { handlers } from "../http/routes.js";
import { loadPreparingOrderDtos } from "../orders/order-dto.sql.js";
import { loadStations } from "./stations.service.js";

const SessionRow = z.strictObject({ id: z.uuid(), label: z.string(), lastSeq: z.number().int() });

/**
 * GET /api/kitchen: what a display starts from: the open sessions with their log numbers
 * (the socket's cursors: what follows is replayed or streamed) and their orders being
 * prepared, oldest first, in their kitchen form (contract kitchenOrderOf): the same fields
 * the display's socket events carry (SESSION_EVENTS' `kitchen`), no guest names.
 */
export function kitchenRoutes(deps: AppDeps) {
  return handlers({
    "GET /api/kitchen": async ({ req, reply }) => {
      const { locationId } = staffOf(req);
      const db = sqlOn(deps.prisma);
      // Sessions first: an order committed after this read is in the log after its number.
      const sessions = await db.rows(
        SessionRow,
        sql`SELECT id, label, last_seq AS "lastSeq" FROM order_session
          WHERE location_id = ${locationId}::uuid AND status = 'OPEN' ORDER BY opened_at, id`,
      );
      const [stations, orders] = await Promise.all([
        loadStations(db, locationId),
        loadPreparingOrderDtos(
          db,
          sessions.map((s) => s.id),
        ),
      ]);
      reply({ stations, sessions, orders: orders.map(kitchenOrderOf) });
    },
  });
}
