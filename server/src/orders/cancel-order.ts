import {
  type CancelOrderPayload,
  can,
  canCancel,
  canMoveOrder,
  canMoveShipment,
  centsText,
  forbiddenMessage,
  kitchenStarted,
  type LoggedEvent,
  movedOnSince,
  ORDER_VIEW_WORDS,
  type OrderWithTickets,
  orderViewOf,
  overpaidCents,
  SHIPMENT_STATUSES,
  TICKET_STATUSES,
} from "@ordered/contract";
import { z } from "zod";
import type { StaffPrincipal } from "../auth/tokens.js";
import { label } from "../db/enums.js";
import type { PrismaClient } from "../db/prisma.js";
import { type SqlRunner, sql, sqlTransaction, statement, utc } from "../db/sql.js";
import { AppError } from "../errors.js";
import { recordRefund } from "../sessions/payments.js";
import { loadBill } from "../sessions/session-extras.sql.js";
import { type LockedOrder, lockOrder, logOrderChange, type TransitionResult, unchanged } from "./transition.js";

const MovedRow = z.strictObject({ to: z.string().nullable() });
const MOVED_LINES = statement<{ orderId: string }>(
  "orders.cancel-moved-lines",
  (p) => sql`SELECT min(moved_to) AS to FROM order_item WHERE order_id = ${p.orderId}::uuid AND moved_to IS NOT NULL`,
);

const StateRow = z.strictObject({
  shipment: z.enum(SHIPMENT_STATUSES).nullable(),
  tickets: z.array(z.enum(TICKET_STATUSES)),
});

const STATE = statement<{ orderId: string }>(
  "orders.state",
  (p) =>
    sql`SELECT (SELECT status FROM shipment WHERE order_id = ${p.orderId}::uuid) AS shipment,
               ARRAY(SELECT status::text FROM ticket WHERE order_id = ${p.orderId}::uuid) AS tickets`,
);

/** The locked order's shipment and tickets: what orderViewOf and kitchenStarted read. */
export async function orderStateOf(db: SqlRunner, locked: LockedOrder): Promise<OrderWithTickets> {
  const row = await db.row(StateRow, STATE, { orderId: locked.id });
  if (!row) throw new Error(`order ${locked.id} has no state`);
  return {
    status: locked.status,
    shipment: row.shipment ? { status: row.shipment } : null,
    tickets: row.tickets.map((status) => ({ status })),
  };
}

export interface CancelResult extends TransitionResult {
  /** The refund recorded with the cancel (the order had been paid), or null. */
  refund: LoggedEvent<"payment.recorded"> | null;
}

/**
 * Staff cancel an order that has not reached the table; what processing reserved comes
 * back to stock. The rules (docs/architecture.md, "Who may cancel, waive and refund"):
 *  - the cancel names what the person saw (`seen`): if the order moved on since, CONFLICT;
 *  - food the kitchen started needs `orders.void` and a reason;
 *  - an order that was paid for needs a refund of what the bill no longer owes, recorded
 *    with the cancel (REFUND_REQUIRED names the amount).
 * Cancelling a cancelled order is a no-op (a retry); another location's order is "not found".
 */
export async function cancelOrder(
  prisma: PrismaClient,
  staff: StaffPrincipal,
  input: z.output<typeof CancelOrderPayload>,
): Promise<CancelResult> {
  return sqlTransaction(prisma, async (db) => {
    const locked = await lockOrder(db, input.orderId);
    if (!locked || locked.location_id !== staff.locationId) throw AppError.notFound("order");
    if (locked.status === "CANCELLED") return { ...(await unchanged(db, locked)), refund: null };
    const state = await orderStateOf(db, locked);
    const now = orderViewOf(state);
    if (movedOnSince(input.seen, now)) {
      throw new AppError(
        "CONFLICT",
        `this order is ${ORDER_VIEW_WORDS[now]} now, not ${ORDER_VIEW_WORDS[input.seen]} as you saw it: look at it again before cancelling`,
      );
    }
    if (!canCancel(state)) throw new AppError("CONFLICT", `a ${locked.status.toLowerCase()} order cannot be cancelled`);
    if (kitchenStarted(state)) {
      if (!can(staff.role, "orders.void")) throw new AppError("FORBIDDEN", forbiddenMessage(staff.role, "orders.void"));
      if (!input.reason) throw new AppError("VALIDATION_FAILED", "payload.reason: say why food the kitchen has started is cancelled");
    }
    const reason = input.reason ?? "cancelled by staff";
    const result = await cancelLocked(db, locked, reason, staff.staffId);
    const refund = await refundOverpayment(db, staff, locked.session_id, input.refund, reason);
    return { ...result, refund };
  });
}

/**
 * After a cancel under the session's lock: if the bill is now paid for more than it owes,
 * records the refund of the difference (the cancel's `refund` says how it was given back),
 * or refuses with REFUND_REQUIRED, which rolls the cancel back.
 */
async function refundOverpayment(
  db: SqlRunner,
  staff: StaffPrincipal,
  sessionId: string,
  refund: { clientPaymentId: string; method: "CASH" | "CARD" | "OTHER" } | undefined,
  reason: string,
): Promise<LoggedEvent<"payment.recorded"> | null> {
  const { bill } = await loadBill(db, sessionId);
  const over = overpaidCents(bill);
  if (over === 0) return null;
  if (!refund) {
    throw new AppError(
      "REFUND_REQUIRED",
      `${centsText(over, bill.currency)} was paid for food this takes off the bill: give it back and record the refund with the cancel`,
    );
  }
  return recordRefund(db, staff, sessionId, { ...refund, amountCents: over, note: reason });
}

const ShipmentRow = z.strictObject({ status: z.enum(SHIPMENT_STATUSES) });
const SHIPMENT = statement<{ orderId: string }>(
  "orders.shipment",
  (p) => sql`SELECT status FROM shipment WHERE order_id = ${p.orderId}::uuid`,
);

/** Accepted means its stock was reserved: give it back, product rows locked in id order like the reservation. */
const RESTOCK = statement<{ orderId: string; now: Date }>(
  "orders.restock",
  (p) => sql`
    WITH w AS (
      SELECT product_id, sum(quantity)::int AS quantity FROM order_item WHERE order_id = ${p.orderId}::uuid GROUP BY product_id
    ),
    stocked AS MATERIALIZED (
      SELECT id FROM product WHERE id IN (SELECT product_id FROM w) AND stock IS NOT NULL ORDER BY id FOR NO KEY UPDATE
    )
    UPDATE product p SET stock = p.stock + w.quantity, updated_at = ${utc(p.now)}
    FROM w JOIN stocked ON stocked.id = w.product_id
    WHERE p.id = w.product_id`,
);

const SHIPMENT_CANCELLED = statement<{ orderId: string; now: Date }>(
  "orders.shipment-cancelled",
  (p) =>
    sql`UPDATE shipment SET status = ${label("ShipmentStatus", "CANCELLED")}, updated_at = ${utc(p.now)} WHERE order_id = ${p.orderId}::uuid`,
);

const CANCELLED = statement<{ orderId: string; reason: string; by: string | null; now: Date }>(
  "orders.cancelled",
  (p) => sql`
    UPDATE "order" SET status = ${label("OrderStatus", "CANCELLED")}, status_reason = ${p.reason},
      status_reason_code = jsonb_build_object('code', 'CANCELLED', 'note', ${p.reason}::text), finished_at = ${utc(p.now)},
      updated_at = ${utc(p.now)}, cancelled_by_id = ${p.by}::uuid
    WHERE id = ${p.orderId}::uuid`,
);

/** Cancels an order locked by `lockOrder` in the caller's transaction (staff, or closing its table). */
export async function cancelLocked(db: SqlRunner, locked: LockedOrder, reason: string, by: string | null): Promise<TransitionResult> {
  const orderId = locked.id;
  const shipment = await db.row(ShipmentRow, SHIPMENT, { orderId });
  if (!canMoveOrder(locked.status, "CANCELLED") || (shipment && !canMoveShipment(shipment.status, "CANCELLED"))) {
    throw new AppError("CONFLICT", `a ${locked.status.toLowerCase()} order cannot be cancelled`);
  }
  // Lines moved onto another table's bill (sessions/move-lines.ts) are billed there as made
  // with this order: cancelling it would bill them unmade.
  const moved = await db.row(MovedRow, MOVED_LINES, { orderId });
  if (moved?.to) throw new AppError("CONFLICT", `lines of this order are on ${moved.to}'s bill: serve it rather than cancel it`);
  const now = new Date();
  if (locked.status === "ACCEPTED") await db.run(RESTOCK, { orderId, now });
  if (shipment) await db.run(SHIPMENT_CANCELLED, { orderId, now });
  await db.run(CANCELLED, { orderId, reason, by, now });
  return logOrderChange(db, locked);
}
