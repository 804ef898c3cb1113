import type { PrismaClient } from "../db/prisma.js";
import { CLOCK, type Sql, sql, sqlOn } from "../db/sql.js";
import { appendEvent } from "../session-log/session-log.js";
import { orderDtoPayload } from "./order-dto.sql.js";
import { LOCKED_ALSO, lockedResult, lockOrderSql, type TransitionResult } from "./transition.js";

/**
 * CTEs `created` (the order's Shipment, PREPARING) and `tickets` (one NEW kitchen ticket per
 * station its lines go to), for the order row in `order` if its status there is ACCEPTED and
 * it has no shipment yet. A new ticket's createdAt and movedAt are the same instant (the
 * shipment's): metrics tell an untouched ticket by it. Shared by this stage and processOrder, which accepts and ships in
 * one statement.
 */
export const shipmentWrites = (order: Sql, orderId: string): Sql => sql`
      created AS (
        INSERT INTO shipment (id, order_id, status, created_at, updated_at)
        SELECT gen_random_uuid(), o.id, 'PREPARING', ${CLOCK}, ${CLOCK} FROM ${order} o WHERE o.status = 'ACCEPTED'
        ON CONFLICT (order_id) DO NOTHING
        RETURNING *
      ),
      tickets AS (
        INSERT INTO ticket (id, order_id, station_id, status, created_at, moved_at)
        SELECT gen_random_uuid(), created.order_id, lines.station_id, 'NEW', created.created_at, created.created_at
        FROM created, (SELECT DISTINCT station_id FROM order_item WHERE order_id = ${orderId}::uuid) lines
        ON CONFLICT (order_id, station_id) DO NOTHING
        RETURNING *
      )`;

/**
 * Pipeline stage "shipping": an ACCEPTED order gets its Shipment (PREPARING) and one kitchen
 * ticket (NEW) per station its lines go to, once. processOrder ships the orders it accepts
 * itself; this stage re-drives an order accepted without its shipment (the sweeper finds
 * those: accepted by an older version, or by hand). One statement, so one round trip and no
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
      ${shipmentWrites(sql`l`, orderId)}`,
    payload: sql`${orderDtoPayload(sql`${orderId}::uuid`, { order: sql`l`, shipment: sql`created`, tickets: sql`tickets` })} WHERE EXISTS (SELECT 1 FROM created)`,
    also: LOCKED_ALSO,
  });
  return lockedResult(db, event, also.locked);
}
