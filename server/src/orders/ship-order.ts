import type { PrismaClient } from "../db/prisma.js";
import { CLOCK, sql, sqlOn } from "../db/sql.js";
import { appendEvent } from "../session-log/session-log.js";
import { orderDtoPayload } from "./order-dto.sql.js";
import { LockedOrder, lockOrderSql, type TransitionResult, unchanged } from "./transition.js";

/** The order row the statement locked (null: no such order). */
const LOCKED = { locked: LockedOrder.nullable() };

/**
 * Pipeline stage "shipping": an ACCEPTED order gets its Shipment (PREPARING) and one kitchen
 * ticket (NEW) per station its lines go to, once. One statement, so one round trip and no
 * BEGIN/COMMIT: lock the session and the order, create the shipment and tickets if the order
 * is ACCEPTED and has no shipment, and log the order with them. The DTO
 * reads the order from the locked row (the latest version, even if the lock was waited
 * for) and the shipment from the insert. Returns null if the order does not exist.
 */
export async function shipOrder(prisma: PrismaClient, orderId: string): Promise<TransitionResult | null> {
  const db = sqlOn(prisma);
  const { event, also } = await appendEvent(db, {
    type: "order.updated",
    sessionId: sql`(SELECT session_id FROM l)`,
    writes: sql`
      l AS MATERIALIZED (${lockOrderSql(orderId, true)}),
      created AS (
        INSERT INTO shipment (id, order_id, status, created_at, updated_at)
        SELECT gen_random_uuid(), l.id, 'PREPARING', ${CLOCK}, ${CLOCK} FROM l WHERE l.status = 'ACCEPTED'
        ON CONFLICT (order_id) DO NOTHING
        RETURNING *
      ),
      tickets AS (
        INSERT INTO ticket (id, order_id, station_id, status, created_at, moved_at)
        SELECT gen_random_uuid(), created.order_id, lines.station_id, 'NEW', ${CLOCK}, ${CLOCK}
        FROM created, (SELECT DISTINCT station_id FROM order_item WHERE order_id = ${orderId}::uuid) lines
        ON CONFLICT (order_id, station_id) DO NOTHING
        RETURNING *
      )`,
    payload: sql`${orderDtoPayload(sql`${orderId}::uuid`, { order: sql`l`, shipment: sql`created`, tickets: sql`tickets` })} WHERE EXISTS (SELECT 1 FROM created)`,
    also: {
      columns: sql`(SELECT json_build_object('id', id, 'status', status, 'session_id', session_id, 'location_id', location_id) FROM l) AS locked`,
      shape: LOCKED,
    },
  });
  if (!also.locked) return null;
  // Not ACCEPTED, or shipped already: nothing changed.
  if (!event) return unchanged(db, also.locked);
  return { order: event.payload, locationId: also.locked.location_id, event };
}
