import { type KitchenResponse, kitchenOrderOf } from "@ordered/contract";
import { z } from "zod";
import { label } from "../db/enums.js";
import type { PrismaClient } from "../db/prisma.js";
import { sql, sqlOn, statement } from "../db/sql.js";
import { loadPreparingOrderDtos } from "../orders/order-dto.sql.js";
import { loadStations } from "./stations.service.js";

const SessionRow = z.strictObject({ id: z.uuid(), label: z.string(), lastSeq: z.number().int() });
const OPEN_SESSIONS = statement<{ locationId: string }>(
  "kitchen.open-sessions",
  (p) => sql`SELECT id, label, last_seq AS "lastSeq" FROM order_session
    WHERE location_id = ${p.locationId}::uuid AND status = ${label("SessionStatus", "OPEN")} ORDER BY opened_at, id`,
);

/**
 * What a display starts from: the open sessions with their log numbers (the socket's
 * cursors: what follows is replayed or streamed) and their orders being prepared, oldest
 * first, in their kitchen form (contract kitchenOrderOf): the same fields the display's
 * socket events carry (SESSION_EVENTS' `kitchen`), no guest names.
 */
export async function loadKitchen(prisma: PrismaClient, locationId: string): Promise<KitchenResponse> {
  const db = sqlOn(prisma);
  // Sessions first: an order committed after this read is in the log after its number.
  const sessions = await db.rows(SessionRow, OPEN_SESSIONS, { locationId });
  const [stations, orders] = await Promise.all([
    loadStations(db, locationId),
    loadPreparingOrderDtos(
      db,
      sessions.map((s) => s.id),
    ),
  ]);
  return { stations, sessions, orders: orders.map(kitchenOrderOf) };
}
