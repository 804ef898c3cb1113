/**
 * What a seating holds besides its orders — its phones, their calls, its payments — as the
 * contract's DTOs built by SQL (one builder each, used by every reader and writer), and the
 * lock every writer of a seating takes first (orders/transition.ts has the lock order).
 */
import {
  AlertDto,
  type BillDto,
  billOf,
  CustomerDto,
  LocationDto,
  type OrderDto,
  PaymentDto,
  ReceiptDto,
  SessionStatus,
} from "@ordered/contract";
import { z } from "zod";
import { raw, type Sql, type SqlRunner, sql } from "../db/sql.js";
import { AppError } from "../errors.js";
import { loadSessionOrderDtos } from "../orders/order-dto.sql.js";

const iso = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** `c` is the customer row. */
const CUSTOMER_DTO: Sql = raw(`json_build_object(
  'id', c.id, 'displayName', c.display_name, 'joinedAt', ${iso("c.joined_at")}, 'via', c.via, 'removedAt', ${iso("c.removed_at")},
  'verifiedAt', ${iso("c.verified_at")}, 'verifiedHow', c.verified_how,
  'verifiedBy', (SELECT display_name FROM staff_user WHERE id = c.verified_by_id), 'pinFailures', c.pin_failures)`);

/** `a` is the alert row. */
const ALERT_DTO: Sql = raw(`json_build_object(
  'id', a.id, 'sessionId', a.session_id, 'kind', a.kind, 'customerId', a.customer_id,
  'customerName', (SELECT display_name FROM customer WHERE id = a.customer_id),
  'raisedAt', ${iso("a.raised_at")}, 'acknowledgedAt', ${iso("a.acknowledged_at")},
  'acknowledgedBy', (SELECT display_name FROM staff_user WHERE id = a.acknowledged_by_id))`);

/** `p` is the payment row. */
const PAYMENT_DTO: Sql = raw(`json_build_object(
  'id', p.id, 'clientPaymentId', p.client_payment_id, 'sessionId', p.session_id, 'kind', p.kind, 'method', p.method,
  'amountCents', p.amount_cents, 'tipCents', p.tip_cents, 'customerId', p.customer_id, 'note', p.note,
  'recordedAt', ${iso("p.recorded_at")}, 'recordedBy', (SELECT display_name FROM staff_user WHERE id = p.recorded_by_id))`);

const CustomerRow = z.strictObject({ dto: CustomerDto });
const AlertRow = z.strictObject({ dto: AlertDto });
const PaymentRow = z.strictObject({ dto: PaymentDto });

export async function loadCustomers(db: SqlRunner, where: Sql): Promise<CustomerDto[]> {
  const rows = await db.rows(CustomerRow, sql`SELECT ${CUSTOMER_DTO} AS dto FROM customer c WHERE ${where} ORDER BY c.joined_at, c.id`);
  return rows.map((r) => r.dto);
}

export async function loadAlerts(db: SqlRunner, where: Sql): Promise<AlertDto[]> {
  const rows = await db.rows(AlertRow, sql`SELECT ${ALERT_DTO} AS dto FROM session_alert a WHERE ${where} ORDER BY a.raised_at, a.id`);
  return rows.map((r) => r.dto);
}

export async function loadPayments(db: SqlRunner, where: Sql): Promise<PaymentDto[]> {
  const rows = await db.rows(PaymentRow, sql`SELECT ${PAYMENT_DTO} AS dto FROM payment p WHERE ${where} ORDER BY p.recorded_at, p.id`);
  return rows.map((r) => r.dto);
}

const LockedSession = z.strictObject({
  id: z.uuid(),
  location_id: z.uuid(),
  label: z.string(),
  status: SessionStatus,
  table_id: z.uuid().nullable(),
});
export type LockedSession = z.output<typeof LockedSession>;

/**
 * Locks a session row of this location (FOR NO KEY UPDATE, as every writer of its log does
 * first) and reads it; another location's session is "not found".
 */
export async function lockSession(db: SqlRunner, sessionId: string, locationId: string): Promise<LockedSession> {
  const row = await db.row(
    LockedSession,
    sql`SELECT id, location_id, label, status, table_id FROM order_session
        WHERE id = ${sessionId}::uuid AND location_id = ${locationId}::uuid FOR NO KEY UPDATE`,
  );
  if (!row) throw AppError.notFound("session");
  return row;
}

const BillSession = z.strictObject({ currency: z.string(), waived_cents: z.number().int() });
// waived_cents is BIGINT (a bill may pass 2^31 cents), which node-postgres reads as a string:
// read as float8, exact for every integer below 2^53, far beyond any bill.

/** A seating's bill as of now (in a transaction holding its lock: as of this point of its log). */
export async function loadBill(
  db: SqlRunner,
  sessionId: string,
): Promise<{ bill: BillDto; orders: OrderDto[]; payments: PaymentDto[]; customers: CustomerDto[] }> {
  // One after the other: `db` may be a transaction's one connection.
  const session = await db.row(
    BillSession,
    sql`SELECT l.currency, s.waived_cents::float8 AS waived_cents FROM order_session s JOIN location l ON l.id = s.location_id WHERE s.id = ${sessionId}::uuid`,
  );
  const orders = await loadSessionOrderDtos(db, sessionId);
  const payments = await loadPayments(db, sql`p.session_id = ${sessionId}::uuid`);
  const customers = await loadCustomers(db, sql`c.session_id = ${sessionId}::uuid`);
  if (!session) throw AppError.notFound("session");
  const bill = billOf({ currency: session.currency, orders, payments, customers, waivedCents: session.waived_cents });
  return { bill, orders, payments, customers };
}

const ReceiptSession = z.strictObject({
  label: z.string(),
  status: SessionStatus,
  opened_at: z.string(),
  closed_at: z.string().nullable(),
  opened_by: z.string().nullable(),
  closed_by: z.string().nullable(),
  waive_reason: z.string().nullable(),
  location: LocationDto,
});

/** The receipt of a closed seating (null while it is open), from what is stored. */
export async function loadReceipt(db: SqlRunner, sessionId: string): Promise<ReceiptDto | null> {
  const session = await db.row(
    ReceiptSession,
    sql`
    SELECT s.label, s.status, ${raw(iso("s.opened_at"))} AS opened_at, ${raw(iso("s.closed_at"))} AS closed_at,
           (SELECT display_name FROM staff_user WHERE id = s.opened_by_id) AS opened_by,
           (SELECT display_name FROM staff_user WHERE id = s.closed_by_id) AS closed_by,
           s.waive_reason,
           json_build_object('id', l.id, 'name', l.name, 'currency', l.currency, 'openOnFirstScan', l.open_on_first_scan,
           'cardJoinCheck', l.card_join_check, 'timeZone', l.time_zone,
             'ticketAmberMinutes', l.ticket_amber_minutes, 'ticketRedMinutes', l.ticket_red_minutes) AS location
    FROM order_session s JOIN location l ON l.id = s.location_id WHERE s.id = ${sessionId}::uuid`,
  );
  if (session?.status !== "CLOSED" || !session.closed_at) return null;
  const { bill, payments } = await loadBill(db, sessionId);
  return ReceiptDto.parse({
    sessionId,
    label: session.label,
    location: session.location,
    openedAt: session.opened_at,
    closedAt: session.closed_at,
    openedBy: session.opened_by,
    closedBy: session.closed_by,
    bill,
    payments,
    waiveReason: session.waive_reason,
  });
}
