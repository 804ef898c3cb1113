/**
 * A station moves its part of an order: bump (NEW → PREPARING → READY) and recall (undo a
 * bump within RECALL_WINDOW_MS). The rules are the contract's (kitchen.ts). Each move is an
 * order transition (orders/transition.ts): under the session and order locks, checked,
 * applied with the shipment it implies, and logged as `order.updated` in one transaction.
 *
 *  - the last ticket READY makes the shipment READY (the phone's "ready");
 *  - recalling a READY ticket of a ready order makes the shipment PREPARING again.
 */
import {
  type BumpStep,
  lastBumpOf,
  RECALL_WINDOW_MS,
  SHIPMENT_STATUSES,
  TICKET_NEXT,
  TICKET_PREVIOUS,
  TICKET_STATUSES,
  type TicketStatus,
} from "@ordered/contract";
import { z } from "zod";
import { assertAllergiesAcknowledged } from "../allergies/acknowledge-allergies.js";
import { label } from "../db/enums.js";
import type { PrismaClient } from "../db/prisma.js";
import { CLOCK, isoText, type SqlRunner, sql, sqlTransaction, statement } from "../db/sql.js";
import { AppError } from "../errors.js";
import { type LockedOrder, lockOrder, logOrderChange, type TransitionResult } from "../orders/transition.js";

const TicketRow = z.strictObject({
  id: z.uuid(),
  order_id: z.uuid(),
  status: z.enum(TICKET_STATUSES),
  /** Milliseconds since its last move, by the database's clock. */
  moved_ms_ago: z.number(),
  /** The stamps lastBumpOf reads (ISO, as TicketDto has them). */
  started_at: z.string().nullable(),
  ready_at: z.string().nullable(),
  moved_at: z.string(),
  shipment: z.enum(SHIPMENT_STATUSES).nullable(),
  /** The name of its course when that course is held at the table (not fired yet), else null. */
  held: z.string().nullable(),
});
type TicketRow = z.output<typeof TicketRow>;

const lower = (s: string) => s.toLowerCase();

const OWNER = statement<{ ticketId: string; locationId: string }>(
  "kitchen.ticket-owner",
  (p) => sql`SELECT t.order_id FROM ticket t JOIN station st ON st.id = t.station_id
    WHERE t.id = ${p.ticketId}::uuid AND st.location_id = ${p.locationId}::uuid`,
);
const LOCK_TICKET = statement<{ ticketId: string }>(
  "kitchen.lock-ticket",
  (p) => sql`SELECT t.id, t.order_id, t.status,
           (extract(epoch FROM ${CLOCK} - t.moved_at) * 1000)::float8 AS moved_ms_ago,
           ${isoText("t.started_at")} AS started_at, ${isoText("t.ready_at")} AS ready_at, ${isoText("t.moved_at")} AS moved_at,
           (SELECT s.status FROM shipment s WHERE s.order_id = t.order_id) AS shipment,
           CASE WHEN t.fired_at IS NULL THEN coalesce((SELECT name FROM course WHERE id = t.course_id), 'its course') END AS held
    FROM ticket t WHERE t.id = ${p.ticketId}::uuid FOR UPDATE`,
);
const READY = label("TicketStatus", "READY");
// One reading of the clock for every stamp: the stamp equal to moved_at is how lastBumpOf
// (and so a display after a reload) knows the last move was this bump.
const BUMP = statement<{ ticketId: string; to: TicketStatus }>(
  "kitchen.bump",
  (p) => sql`
    UPDATE ticket SET status = ${p.to}::"TicketStatus", moved_at = c.at, started_at = coalesce(started_at, c.at),
      ready_at = CASE WHEN ${p.to}::"TicketStatus" = ${READY} THEN c.at ELSE ready_at END
    FROM (SELECT ${CLOCK} AS at) c
    WHERE id = ${p.ticketId}::uuid`,
);
// The last station ready: the order is ready for the floor.
const SHIPMENT_READY = statement<{ orderId: string }>(
  "kitchen.shipment-ready",
  (p) => sql`
    UPDATE shipment SET status = ${label("ShipmentStatus", "READY")}, ready_at = ${CLOCK}, updated_at = ${CLOCK}
    WHERE order_id = ${p.orderId}::uuid AND status = ${label("ShipmentStatus", "PREPARING")}
      AND NOT EXISTS (SELECT 1 FROM ticket WHERE order_id = ${p.orderId}::uuid AND status <> ${READY})`,
);
const RECALL = statement<{ ticketId: string; back: TicketStatus }>(
  "kitchen.recall",
  (p) => sql`
    UPDATE ticket SET status = ${p.back}::"TicketStatus", moved_at = ${CLOCK},
      started_at = CASE WHEN ${p.back}::"TicketStatus" = ${label("TicketStatus", "NEW")} THEN NULL ELSE started_at END,
      ready_at = NULL
    WHERE id = ${p.ticketId}::uuid`,
);
const SHIPMENT_PREPARING = statement<{ orderId: string }>(
  "kitchen.shipment-preparing",
  (p) => sql`
    UPDATE shipment SET status = ${label("ShipmentStatus", "PREPARING")}, ready_at = NULL, updated_at = ${CLOCK}
    WHERE order_id = ${p.orderId}::uuid`,
);

/** Locks the ticket's order (session → order), then the ticket; another location's ticket is "not found". */
async function lockTicket(db: SqlRunner, locationId: string, ticketId: string): Promise<{ locked: LockedOrder; ticket: TicketRow }> {
  const owner = await db.row(z.strictObject({ order_id: z.uuid() }), OWNER, { ticketId, locationId });
  if (!owner) throw AppError.notFound("ticket");
  const locked = await lockOrder(db, owner.order_id);
  if (!locked || locked.location_id !== locationId) throw AppError.notFound("ticket");
  const ticket = await db.row(TicketRow, LOCK_TICKET, { ticketId });
  if (!ticket) throw AppError.notFound("ticket");
  if (locked.status !== "ACCEPTED" || (ticket.shipment !== "PREPARING" && ticket.shipment !== "READY")) {
    throw new AppError(
      "CONFLICT",
      `this order is ${lower(locked.status === "ACCEPTED" ? (ticket.shipment ?? "PLACED") : locked.status)}: its tickets no longer move`,
    );
  }
  return { locked, ticket };
}

/** Moves a ticket one step forward to `to`; twice, backwards or skipping a step is a CONFLICT that changes nothing. */
export async function bumpTicket(prisma: PrismaClient, locationId: string, ticketId: string, to: BumpStep): Promise<TransitionResult> {
  return sqlTransaction(prisma, async (db) => {
    const { locked, ticket } = await lockTicket(db, locationId, ticketId);
    if (ticket.status === to) throw new AppError("CONFLICT", `this ticket is already ${lower(to)}`);
    // A held course waits for the floor to fire it: the kitchen does not start it before.
    if (ticket.held !== null) throw new AppError("CONFLICT", `held: ${ticket.held} is not fired yet; the floor fires it`);
    if (TICKET_NEXT[ticket.status] !== to) {
      const next = TICKET_NEXT[ticket.status];
      throw new AppError(
        "CONFLICT",
        next
          ? `a ${lower(ticket.status)} ticket goes to ${lower(next)} next, not ${lower(to)}`
          : `a ${lower(ticket.status)} ticket cannot be bumped; recall it instead`,
      );
    }
    // The guests' declared allergies are read before anything is cooked for them.
    if (to === "PREPARING") await assertAllergiesAcknowledged(db, ticketId);
    await db.run(BUMP, { ticketId, to });
    if (to === "READY") await db.run(SHIPMENT_READY, { orderId: ticket.order_id });
    return logOrderChange(db, locked);
  });
}

/** Takes a ticket back one step, within RECALL_WINDOW_MS of its last move and only from `from` (what the display showed). */
export async function recallTicket(prisma: PrismaClient, locationId: string, ticketId: string, from: BumpStep): Promise<TransitionResult> {
  return sqlTransaction(prisma, async (db) => {
    const { locked, ticket } = await lockTicket(db, locationId, ticketId);
    if (ticket.status !== from) throw new AppError("CONFLICT", `this ticket is ${lower(ticket.status)} now, not ${lower(from)}`);
    if (ticket.moved_ms_ago > RECALL_WINDOW_MS) {
      throw new AppError("CONFLICT", `too late to recall: it was bumped more than ${RECALL_WINDOW_MS / 1000} s ago`);
    }
    // Only a bump is undone, once: a recall is not recalled again (the displays offer no Undo after one).
    if (lastBumpOf({ status: ticket.status, startedAt: ticket.started_at, readyAt: ticket.ready_at, movedAt: ticket.moved_at }) !== from) {
      throw new AppError("CONFLICT", "nothing to undo: this ticket's last move was a recall");
    }
    const back = TICKET_PREVIOUS[from] as TicketStatus;
    await db.run(RECALL, { ticketId, back });
    if (from === "READY" && ticket.shipment === "READY") await db.run(SHIPMENT_PREPARING, { orderId: ticket.order_id });
    return logOrderChange(db, locked);
  });
}
