/**
 * Staff move lines of an order to another open session's bill (issue 32, items 2 and 4: the
 * drink ordered at the bar goes onto the table's bill).
 *
 * The kitchen is not disturbed: the lines stay on their order, its tickets and its shipment
 * (the food is made and served as one ticket, whatever bill it lands on), marked `movedTo`
 * ("Table 5 #7") and left out of that order's total and bill. The other session gets a new
 * order of copies of those lines, numbered after its last (gap-free), marked `movedFrom`
 * ("Bar #3"), taken by this staff member and finished (DELIVERED, no tickets: it is bill only,
 * its making is the original order's). Hence only lines of an accepted or delivered order
 * move: a placed one may still be refused by the kitchen, an ended one is on no bill. The
 * sum of both bills is unchanged to the cent; payments stay where they were recorded.
 *
 * Locks: both session rows in id order, then the order row. Logged in both sessions:
 * `order.updated` (the order with its lines marked) and `order.placed` (the new order), so
 * every screen applies them as it applies any order. Exactly once by `clientMoveId`.
 */
import type { LoggedEvent, MoveLinesBody, OrderDto } from "@ordered/contract";
import { z } from "zod";
import type { StaffPrincipal } from "../auth/tokens.js";
import { label } from "../db/enums.js";
import { isUniqueViolation } from "../db/errors.js";
import type { PrismaClient } from "../db/prisma.js";
import { CLOCK, type SqlRunner, sql, sqlTransactionRetryingDeadlocks, statement } from "../db/sql.js";
import { AppError } from "../errors.js";
import { loadOrderDto } from "../orders/order-dto.sql.js";
import { lockOrder } from "../orders/transition.js";
import { appendJsonEvent } from "../session-log/session-log.js";
import { assertOpen, assertSameTaxMode, findTransfer, lockTwoSessions, recordTransfer, refuseOverpaid } from "./transfers.sql.js";

const Line = z.strictObject({ position: z.number().int(), moved: z.boolean(), corrected: z.boolean() });
const LINES = statement<{ orderId: string; positions: number[] }>(
  "sessions.move-lines-lines",
  (p) => sql`SELECT i.position, i.moved_to IS NOT NULL AS moved,
                    EXISTS (SELECT 1 FROM correction k WHERE k.order_id = i.order_id AND k.position = i.position) AS corrected
             FROM order_item i
             WHERE i.order_id = ${p.orderId}::uuid AND i.position = ANY(${p.positions}::int[])`,
);

/**
 * One statement: the new order (next number of the target), its lines copied in their order,
 * the old lines marked, the old order's total lowered by what left, the target's count raised.
 */
const MOVE = statement<{
  orderId: string;
  newOrderId: string;
  clientOrderId: string;
  toId: string;
  positions: number[];
  staffId: string;
}>(
  "sessions.move-lines",
  (p) => sql`
    WITH src AS (
      SELECT o.id, o.number, o.location_id, o.currency, s.label FROM "order" o JOIN order_session s ON s.id = o.session_id
      WHERE o.id = ${p.orderId}::uuid
    ), lines AS (
      SELECT i.*, row_number() OVER (ORDER BY i.position) - 1 AS new_position FROM order_item i
      WHERE i.order_id = ${p.orderId}::uuid AND i.position = ANY(${p.positions}::int[])
    ), target AS (
      UPDATE order_session SET orders_placed = orders_placed + 1 WHERE id = ${p.toId}::uuid RETURNING orders_placed AS number, label
    ), placed AS (
      INSERT INTO "order" (id, session_id, location_id, customer_id, entered_by_id, client_order_id, number, status, total_cents, currency,
                           placed_at, processed_at, accepted_at, finished_at, updated_at, moved_from)
      SELECT ${p.newOrderId}::uuid, ${p.toId}::uuid, src.location_id, NULL, ${p.staffId}::uuid, ${p.clientOrderId}, target.number,
             ${label("OrderStatus", "DELIVERED")}, (SELECT coalesce(sum(unit_price_cents * quantity), 0) FROM lines), src.currency,
             ${CLOCK}, ${CLOCK}, ${CLOCK}, ${CLOCK}, ${CLOCK}, src.label || ' #' || src.number
      FROM src, target
      RETURNING id
    ), copied AS (
      INSERT INTO order_item (id, order_id, position, product_id, product_name, unit_price_cents, quantity, note, options, allergens, station_id,
                              seat, course_id, tax_rate_bps, tax_name)
      SELECT gen_random_uuid(), (SELECT id FROM placed), l.new_position, l.product_id, l.product_name, l.unit_price_cents, l.quantity,
             l.note, l.options, l.allergens, l.station_id, l.seat, l.course_id, l.tax_rate_bps, l.tax_name
      FROM lines l
    ), marked AS (
      UPDATE order_item i SET moved_to = (SELECT label || ' #' || number FROM target)
      FROM lines l WHERE i.id = l.id
    )
    UPDATE "order" o SET total_cents = o.total_cents - (SELECT coalesce(sum(unit_price_cents * quantity), 0) FROM lines),
                         updated_at = ${CLOCK}
    WHERE o.id = ${p.orderId}::uuid`,
);

export interface MoveLinesResult {
  from: OrderDto;
  to: OrderDto;
  /** `order.updated` (from) and `order.placed` (to); none for a retry. */
  events: LoggedEvent[];
}

export async function moveLines(
  prisma: PrismaClient,
  staff: StaffPrincipal,
  fromId: string,
  body: MoveLinesBody,
): Promise<MoveLinesResult> {
  if (fromId === body.toSessionId) throw new AppError("VALIDATION_FAILED", "body.toSessionId: the lines are in that session already");
  const positions = [...new Set(body.positions)].sort((a, b) => a - b);
  const request = { from: fromId, to: body.toSessionId, order: body.orderId, positions };
  const attempt = () =>
    sqlTransactionRetryingDeadlocks(prisma, async (db) => {
      const locked = await lockTwoSessions(db, { from: fromId, to: body.toSessionId }, staff.locationId);
      const done = await findTransfer(db, staff.locationId, body.clientMoveId, "LINES", request);
      if (done) return { ...(await orders(db, done.from_order_id!, done.to_order_id!)), events: [] };
      await assertOpen(db, locked.from);
      await assertOpen(db, locked.to);
      assertSameTaxMode(locked.from, locked.to);
      const order = await lockOrder(db, body.orderId);
      if (!order || order.session_id !== fromId) throw AppError.notFound("order");
      if (order.status !== "ACCEPTED" && order.status !== "DELIVERED") {
        throw new AppError("CONFLICT", "only lines of an accepted or delivered order move to another bill");
      }
      const lines = await db.rows(Line, LINES, { orderId: order.id, positions });
      if (lines.length !== positions.length) throw AppError.notFound("line");
      if (lines.some((l) => l.moved)) throw new AppError("CONFLICT", "a line chosen was moved to another bill already");
      // A correction names its line by order and position: the copy on the other bill would be
      // billed at full price while the void, comp or discount stayed behind.
      if (lines.some((l) => l.corrected))
        throw new AppError("CONFLICT", "a line chosen was corrected (void, comp, discount): it stays on this bill");
      const newOrderId = crypto.randomUUID();
      await db.run(MOVE, {
        orderId: order.id,
        newOrderId,
        clientOrderId: `moved-${body.clientMoveId}`,
        toId: body.toSessionId,
        positions,
        staffId: staff.staffId,
      });
      await refuseOverpaid(db, fromId, locked.from.label);
      const both = await orders(db, order.id, newOrderId);
      const updated = await appendJsonEvent(db, "order.updated", fromId, both.from);
      const placed = await appendJsonEvent(db, "order.placed", body.toSessionId, both.to);
      if (!updated.event || !placed.event) throw new Error(`lines of ${order.id} moved but were not logged`);
      await recordTransfer(db, {
        locationId: staff.locationId,
        clientTransferId: body.clientMoveId,
        kind: "LINES",
        fromSessionId: fromId,
        toSessionId: body.toSessionId,
        request,
        fromOrderId: order.id,
        toOrderId: newOrderId,
        staffId: staff.staffId,
      });
      return { ...both, events: [updated.event, placed.event] };
    });
  try {
    return await attempt();
  } catch (err) {
    if (isUniqueViolation(err)) return attempt();
    throw err;
  }
}

async function orders(db: SqlRunner, fromOrderId: string, toOrderId: string): Promise<{ from: OrderDto; to: OrderDto }> {
  const from = await loadOrderDto(db, { id: fromOrderId });
  const to = await loadOrderDto(db, { id: toOrderId });
  if (!from || !to) throw new Error(`moved lines' orders ${fromOrderId} / ${toOrderId} vanished`);
  return { from, to };
}
