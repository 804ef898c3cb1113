import { label } from "../db/enums.js";
import type { PrismaClient } from "../db/prisma.js";
import { CLOCK, type Cte, cte, type Param, sql, sqlOn, takes } from "../db/sql.js";
import { appendEvent, appendStatement } from "../session-log/session-log.js";
import { orderDtoPayload } from "./order-dto.sql.js";
import { lockedAlso, lockedResult, lockOrderCte, type TransitionResult } from "./transition.js";

/**
 * CTEs `created` (the order's Shipment, PREPARING) and `tickets` (one NEW kitchen ticket per
 * station and course its lines go to, held when the course is held at the table), for the order row in `order` if its status there is ACCEPTED and
 * it has no shipment yet. A new ticket's createdAt and movedAt are the same instant (the
 * shipment's): metrics tell an untouched ticket by it. Shared by this stage and processOrder, which accepts and ships in
 * one statement.
 */
export function shipmentWrites(order: Cte, orderId: Param<string>): { created: Cte<"created">; tickets: Cte<"tickets"> } {
  const created = cte(
    "created",
    sql`
        INSERT INTO shipment (id, order_id, status, created_at, updated_at)
        SELECT gen_random_uuid(), o.id, ${label("ShipmentStatus", "PREPARING")}, ${CLOCK}, ${CLOCK} FROM ${order.ref} o
        WHERE o.status = ${label("OrderStatus", "ACCEPTED")}
        ON CONFLICT (order_id) DO NOTHING
        RETURNING *`,
  );
  // One ticket per station and course; a course held at the table (course_hold) comes held
  // (fired_at null) until staff fire it. Only a new shipment makes tickets, so each is made once.
  const tickets = cte(
    "tickets",
    sql`
        INSERT INTO ticket (id, order_id, station_id, course_id, status, created_at, moved_at, fired_at)
        SELECT gen_random_uuid(), c.order_id, lines.station_id, lines.course_id, ${label("TicketStatus", "NEW")}, c.created_at, c.created_at,
               CASE WHEN EXISTS (SELECT 1 FROM course_hold h JOIN "order" ho ON ho.session_id = h.session_id
                                 WHERE ho.id = c.order_id AND h.course_id = lines.course_id)
                    THEN NULL ELSE c.created_at END
        FROM ${created.ref} c, (SELECT DISTINCT station_id, course_id FROM order_item WHERE order_id = ${orderId}::uuid) lines
        RETURNING *`,
  );
  return { created, tickets };
}

const SHIP = appendStatement("orders.ship", "order.updated", takes<{ orderId: string }>(), (p) => {
  const lock = lockOrderCte(p.orderId, { whole: true });
  const { created, tickets } = shipmentWrites(lock, p.orderId);
  return {
    sessionId: sql`(SELECT session_id FROM ${lock.ref})`,
    writes: [lock, created, tickets],
    payload: sql`${orderDtoPayload(sql`${p.orderId}::uuid`, { order: lock, shipment: created, tickets })} WHERE EXISTS (SELECT 1 FROM ${created.ref})`,
    also: lockedAlso(lock),
  };
});

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
  const { event, also } = await appendEvent(db, SHIP, { orderId });
  return lockedResult(db, event, also.locked);
}
