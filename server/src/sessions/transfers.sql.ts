/**
 * What merging sessions, splitting one and moving lines share (issue 32, item 4): the lock
 * of two sessions in id order, the record of each transfer under the staff device's id
 * (exactly once), and the statements that move a session's rows to another.
 *
 * Lock order (docs/architecture.md, orders/transition.ts): session rows first — two of them
 * in id order, so a merge A→B and a merge B→A (or a line move each way) never wait on each
 * other in a cycle — then a table (FOR SHARE, as seating it), then order rows, then the
 * rows that move with them (customers, payments, calls). Placement, payment, closing and
 * every order transition take their session row first too, so each waits for a transfer
 * that holds it and then sees the rows where the transfer left them.
 */
import type { SessionTransferKind } from "@ordered/contract";
import { centsText, overpaidCents, SESSION_TRANSFER_KINDS } from "@ordered/contract";
import { z } from "zod";
import { label } from "../db/enums.js";
import { CLOCK, type SqlRunner, sql, statement } from "../db/sql.js";
import { AppError } from "../errors.js";
import { SESSION_COLUMNS, SessionRow } from "./session-dto.sql.js";
import { type LockedSession, loadBill, lockSession } from "./session-extras.sql.js";

/** Locks both sessions of this location in id order (another location's is "not found"). */
export async function lockTwoSessions(
  db: SqlRunner,
  ids: { from: string; to: string },
  locationId: string,
): Promise<{ from: LockedSession; to: LockedSession }> {
  const [first, second] = [ids.from, ids.to].sort();
  const a = await lockSession(db, first!, locationId);
  const b = await lockSession(db, second!, locationId);
  return a.id === ids.from ? { from: a, to: b } : { from: b, to: a };
}

const Transfer = z.strictObject({
  kind: z.enum(SESSION_TRANSFER_KINDS),
  from_session_id: z.uuid(),
  to_session_id: z.uuid(),
  request: z.unknown(),
  from_order_id: z.uuid().nullable(),
  to_order_id: z.uuid().nullable(),
});
export type Transfer = z.output<typeof Transfer>;

const FIND_TRANSFER = statement<{ locationId: string; clientTransferId: string }>(
  "transfers.find",
  (p) => sql`SELECT kind, from_session_id, to_session_id, request, from_order_id, to_order_id FROM session_transfer
             WHERE location_id = ${p.locationId}::uuid AND client_transfer_id = ${p.clientTransferId}`,
);

/** JSON with keys sorted, so a stored request (jsonb reorders keys) compares with a new one. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * The transfer stored under this id, if any: a retry of the same request (answered as it was),
 * or another request under a used id (CONFLICT, never silently the first one's answer). Read
 * after the sessions are locked, so a concurrent first request has committed or not started.
 */
export async function findTransfer(
  db: SqlRunner,
  locationId: string,
  clientTransferId: string,
  kind: SessionTransferKind,
  request: object,
): Promise<Transfer | null> {
  const stored = await db.row(Transfer, FIND_TRANSFER, { locationId, clientTransferId });
  if (!stored) return null;
  if (stored.kind !== kind || canonical(stored.request) !== canonical(request)) {
    throw new AppError("CONFLICT", `${clientTransferId} was used for another move already: a new move needs a new id`);
  }
  return stored;
}

const INSERT_TRANSFER = statement<{
  locationId: string;
  clientTransferId: string;
  kind: SessionTransferKind;
  fromSessionId: string;
  toSessionId: string;
  request: string;
  fromOrderId: string | null;
  toOrderId: string | null;
  staffId: string;
}>(
  "transfers.insert",
  (p) => sql`INSERT INTO session_transfer (id, location_id, client_transfer_id, kind, from_session_id, to_session_id, request,
                                           from_order_id, to_order_id, created_by_id)
             VALUES (gen_random_uuid(), ${p.locationId}::uuid, ${p.clientTransferId}, ${p.kind}::"SessionTransferKind",
                     ${p.fromSessionId}::uuid, ${p.toSessionId}::uuid, ${p.request}::jsonb, ${p.fromOrderId}::uuid, ${p.toOrderId}::uuid,
                     ${p.staffId}::uuid)`,
);

export async function recordTransfer(
  db: SqlRunner,
  t: {
    locationId: string;
    clientTransferId: string;
    kind: SessionTransferKind;
    fromSessionId: string;
    toSessionId: string;
    request: object;
    fromOrderId?: string;
    toOrderId?: string;
    staffId: string;
  },
): Promise<void> {
  await db.run(INSERT_TRANSFER, {
    ...t,
    request: JSON.stringify(t.request),
    fromOrderId: t.fromOrderId ?? null,
    toOrderId: t.toOrderId ?? null,
  });
}

const STAFF_NAME = statement<{ staffId: string }>(
  "transfers.staff-name",
  (p) => sql`SELECT display_name AS name FROM staff_user WHERE id = ${p.staffId}::uuid`,
);
export async function staffName(db: SqlRunner, staffId: string): Promise<string> {
  return (await db.row(z.strictObject({ name: z.string() }), STAFF_NAME, { staffId }))?.name ?? "staff";
}

const SESSION_BY_ID = statement<{ sessionId: string }>(
  "transfers.session",
  (p) => sql`SELECT ${SESSION_COLUMNS} FROM order_session s WHERE s.id = ${p.sessionId}::uuid`,
);
export async function sessionRow(db: SqlRunner, sessionId: string): Promise<SessionRow> {
  const row = await db.row(SessionRow, SESSION_BY_ID, { sessionId });
  if (!row) throw new Error(`session ${sessionId} vanished under its lock`);
  return row;
}

const MERGED_INTO = statement<{ sessionId: string }>(
  "transfers.merged-into",
  (p) => sql`SELECT t.label FROM order_session s JOIN order_session t ON t.id = s.merged_into_id WHERE s.id = ${p.sessionId}::uuid`,
);

/** Refuses a session that is not open: one merged away names where it went (CONFLICT). */
export async function assertOpen(db: SqlRunner, session: LockedSession): Promise<void> {
  if (session.status === "OPEN") return;
  const into = await db.row(z.strictObject({ label: z.string() }), MERGED_INTO, { sessionId: session.id });
  if (into) throw new AppError("CONFLICT", `${session.label} was merged into ${into.label} already`);
  throw new AppError("SESSION_CLOSED", `${session.label} is closed`);
}

/**
 * Refuses to move lines between a bill with gross prices and one with net prices (issue 33):
 * a bill is one tax computation, and its lines would be billed the other way there. Only
 * possible when the owner switched the setting while both tables were seated.
 */
export function assertSameTaxMode(from: LockedSession, to: LockedSession): void {
  if (from.prices_include_tax === to.prices_include_tax) return;
  const mode = (s: LockedSession) => (s.prices_include_tax ? "prices including tax" : "tax added to prices");
  throw new AppError(
    "CONFLICT",
    `${from.label} was seated with ${mode(from)} and ${to.label} with ${mode(to)}: a bill is billed one way, so its lines cannot move between them`,
  );
}

/**
 * Moves orders of `from` (all of them, or those of these phones) to `to`, numbered after its
 * last number in their old order (numbers stay gap-free and unique per session), each marked
 * with where it came from ("Bar #2"); raises `to`'s count. The ids moved, in their new order.
 */
const MOVE_ORDERS = statement<{ fromId: string; toId: string; customerIds: string[] | null }>(
  "transfers.move-orders",
  (p) => sql`
    WITH moving AS (
      SELECT o.id, row_number() OVER (ORDER BY o.number) AS rank, o.number FROM "order" o
      WHERE o.session_id = ${p.fromId}::uuid AND (${p.customerIds}::uuid[] IS NULL OR o.customer_id = ANY(${p.customerIds}::uuid[]))
    ), target AS (
      SELECT orders_placed FROM order_session WHERE id = ${p.toId}::uuid
    ), source AS (
      SELECT label FROM order_session WHERE id = ${p.fromId}::uuid
    ), moved AS (
      UPDATE "order" o SET session_id = ${p.toId}::uuid, number = (SELECT orders_placed FROM target) + m.rank,
             moved_from = (SELECT label FROM source) || ' #' || m.number
      FROM moving m WHERE o.id = m.id
      RETURNING o.id, o.number
    ), counted AS (
      UPDATE order_session SET orders_placed = orders_placed + (SELECT count(*) FROM moved) WHERE id = ${p.toId}::uuid
    )
    SELECT id FROM moved ORDER BY number`,
);

const MOVE_CUSTOMERS = statement<{ fromId: string; toId: string; customerIds: string[] | null }>(
  "transfers.move-customers",
  (p) => sql`UPDATE customer SET session_id = ${p.toId}::uuid
             WHERE session_id = ${p.fromId}::uuid AND (${p.customerIds}::uuid[] IS NULL OR id = ANY(${p.customerIds}::uuid[]))
             RETURNING id`,
);

/** Calls not yet acknowledged go with their phones; acknowledged ones stay in the old session's record. */
const MOVE_OPEN_ALERTS = statement<{ fromId: string; toId: string; customerIds: string[] | null }>(
  "transfers.move-alerts",
  (p) => sql`UPDATE session_alert SET session_id = ${p.toId}::uuid
             WHERE session_id = ${p.fromId}::uuid AND acknowledged_at IS NULL
               AND (${p.customerIds}::uuid[] IS NULL OR customer_id = ANY(${p.customerIds}::uuid[]))
             RETURNING id`,
);

/** A merge: the source's discounts of its whole bill go with its payments (a line's ride on its order). */
const MOVE_BILL_DISCOUNTS = statement<{ fromId: string; toId: string }>(
  "transfers.move-bill-discounts",
  (p) => sql`UPDATE correction SET session_id = ${p.toId}::uuid WHERE session_id = ${p.fromId}::uuid AND order_id IS NULL`,
);

const MOVE_PAYMENTS = statement<{ fromId: string; toId: string }>(
  "transfers.move-payments",
  (p) => sql`UPDATE payment SET session_id = ${p.toId}::uuid WHERE session_id = ${p.fromId}::uuid RETURNING id`,
);

/**
 * Split-by-item claims follow their orders (a line's key is its order and position, so it
 * stays the same); a claim whose payer is a phone that stayed behind is dropped, since that
 * phone is not at the new session to pay it.
 */
const MOVE_CLAIMS = statement<{ toId: string; orderIds: string[] }>(
  "transfers.move-claims",
  (p) => sql`UPDATE bill_claim SET session_id = ${p.toId}::uuid WHERE order_id = ANY(${p.orderIds}::uuid[])`,
);
const DROP_CLAIMS_OF_ABSENT_PHONES = statement<{ toId: string; orderIds: string[] }>(
  "transfers.drop-claims-of-absent-phones",
  (p) => sql`DELETE FROM bill_claim b USING customer c
             WHERE b.order_id = ANY(${p.orderIds}::uuid[]) AND c.id = b.payer_customer_id AND c.session_id <> ${p.toId}::uuid`,
);

const Ids = z.strictObject({ id: z.uuid() });

// A phone's declared allergies go where the phone goes; a seat's go with a merge (its lines do)
// unless the other table has a declaration for that seat number already (then the kitchen
// keeps reading the one it has: seat numbers are per table).
const MOVE_ALLERGIES = statement<{ fromId: string; toId: string; customerIds: string[] | null }>(
  "transfers.move-allergies",
  (p) => sql`UPDATE allergy_declaration d SET session_id = ${p.toId}::uuid
             WHERE d.session_id = ${p.fromId}::uuid
               AND (d.customer_id = ANY(${p.customerIds}::uuid[])
                    OR (${p.customerIds}::uuid[] IS NULL AND NOT EXISTS (
                          SELECT 1 FROM allergy_declaration o WHERE o.session_id = ${p.toId}::uuid AND o.seat = d.seat)))`,
);

/** What moved: ids of orders (in their new numbers' order), phones, calls and payments. */
export interface Moved {
  orderIds: string[];
  customerIds: string[];
  alertIds: string[];
  paymentIds: string[];
}

/**
 * Moves a session's rows to another: orders, phones, open calls, and payments (`payments`:
 * a merge; a split-off leaves them where they were recorded). `customerIds` limits it to
 * those phones (a split-off); null: everything (a merge).
 */
export async function moveRows(
  db: SqlRunner,
  p: { fromId: string; toId: string; customerIds: string[] | null; payments: boolean },
): Promise<Moved> {
  const where = { fromId: p.fromId, toId: p.toId, customerIds: p.customerIds };
  const orderIds = (await db.rows(Ids, MOVE_ORDERS, where)).map((r) => r.id);
  const customerIds = (await db.rows(Ids, MOVE_CUSTOMERS, where)).map((r) => r.id);
  const alertIds = (await db.rows(Ids, MOVE_OPEN_ALERTS, where)).map((r) => r.id);
  await db.run(MOVE_ALLERGIES, { ...where, customerIds: p.customerIds === null ? null : customerIds });
  const paymentIds = p.payments ? (await db.rows(Ids, MOVE_PAYMENTS, { fromId: p.fromId, toId: p.toId })).map((r) => r.id) : [];
  if (p.payments) await db.run(MOVE_BILL_DISCOUNTS, { fromId: p.fromId, toId: p.toId });
  await db.run(MOVE_CLAIMS, { toId: p.toId, orderIds });
  await db.run(DROP_CLAIMS_OF_ABSENT_PHONES, { toId: p.toId, orderIds });
  return { orderIds, customerIds, alertIds, paymentIds };
}

const CLOSE_MERGED = statement<{ sessionId: string; intoId: string; staffId: string }>(
  "transfers.close-merged",
  (p) => sql`UPDATE order_session SET status = ${label("SessionStatus", "CLOSED")}, closed_at = ${CLOCK},
                    closed_by_id = ${p.staffId}::uuid, merged_into_id = ${p.intoId}::uuid
             WHERE id = ${p.sessionId}::uuid`,
);

/** Closes a session merged into another: nothing is left on it, so no bill and no receipt to settle. */
export async function closeMerged(db: SqlRunner, sessionId: string, intoId: string, staffId: string): Promise<void> {
  await db.run(CLOSE_MERGED, { sessionId, intoId, staffId });
}

/**
 * Payments stay on the bill they were recorded against; what leaves a bill must not leave it
 * paid for more than it owes (that would need a refund first): CONFLICT naming the amount.
 */
export async function refuseOverpaid(db: SqlRunner, sessionId: string, sessionLabel: string): Promise<void> {
  const { bill } = await loadBill(db, sessionId);
  const over = overpaidCents(bill);
  if (over > 0) {
    throw new AppError(
      "CONFLICT",
      `${sessionLabel} was paid ${centsText(over, bill.currency)} more than it would still owe: payments stay on the bill they were recorded against`,
    );
  }
}
