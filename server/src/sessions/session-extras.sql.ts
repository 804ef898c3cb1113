/**
 * What a session holds besides its orders (the contract's SessionExtras: its phones, their
 * calls, its payments) as the contract's DTOs built by SQL (one builder each, used by every
 * reader and writer); the lock every writer of a session takes first (orders/transition.ts
 * has the lock order); and its bill and receipt.
 */
import {
  AlertDto,
  type AlertKind,
  type BillClaimDto,
  type BillDto,
  billOf,
  type CorrectionDto,
  CustomerDto,
  LocationDto,
  type OrderDto,
  PaymentDto,
  ReceiptDto,
  SessionStatus,
} from "@ordered/contract";
import { z } from "zod";
import { loadBillDiscounts } from "../corrections/correction-dto.sql.js";
import { isoText, raw, type Sql, type SqlRunner, sql, statement } from "../db/sql.js";
import { AppError } from "../errors.js";
import { LOCATION_JSON } from "../locations/location-dto.sql.js";
import { loadSessionOrderDtos } from "../orders/order-dto.sql.js";

/** `c` is the customer row. */
const CUSTOMER_DTO = sql`json_build_object(
  'id', c.id, 'displayName', c.display_name, 'joinedAt', ${isoText("c.joined_at")}, 'via', c.via, 'removedAt', ${isoText("c.removed_at")},
  'verifiedAt', ${isoText("c.verified_at")}, 'verifiedHow', c.verified_how,
  'verifiedBy', (SELECT display_name FROM staff_user WHERE id = c.verified_by_id), 'pinFailures', c.pin_failures)`;

/** `a` is the alert row. */
const ALERT_DTO = sql`json_build_object(
  'id', a.id, 'sessionId', a.session_id, 'kind', a.kind, 'customerId', a.customer_id,
  'customerName', (SELECT display_name FROM customer WHERE id = a.customer_id),
  'raisedAt', ${isoText("a.raised_at")}, 'acknowledgedAt', ${isoText("a.acknowledged_at")},
  'acknowledgedBy', (SELECT display_name FROM staff_user WHERE id = a.acknowledged_by_id))`;

/** `p` is the payment row. */
export const PAYMENT_DTO = sql`json_build_object(
  'id', p.id, 'clientPaymentId', p.client_payment_id, 'sessionId', p.session_id, 'kind', p.kind, 'method', p.method,
  'amountCents', p.amount_cents, 'tipCents', p.tip_cents, 'customerId', p.customer_id, 'note', p.note,
  'payer', coalesce(p.payer, 'phone:' || p.customer_id::text),
  'recordedAt', ${isoText("p.recorded_at")}, 'recordedBy', (SELECT display_name FROM staff_user WHERE id = p.recorded_by_id),
  'refundOf', p.refund_of_id, 'providerRef', p.provider_ref)`;

const CustomerRow = z.strictObject({ dto: CustomerDto });
const AlertRow = z.strictObject({ dto: AlertDto });
const PaymentRow = z.strictObject({ dto: PaymentDto });

/** Where a loader reads: one row by id (of this session, when given), or every row of a session. */
export type ExtrasWhere = { id: string; sessionId?: string } | { sessionId: string };

/**
 * The three statements of one DTO's loader: by id, by id within a session, by session. Each
 * filter is a statement of its own (not one with optional filters) so that each keeps an
 * index-using plan once PostgreSQL switches the prepared statement to a generic plan.
 */
function loaderStatements(name: string, select: Sql, alias: string, order: Sql) {
  const a = raw(alias);
  return {
    byId: statement<{ id: string }>(`session-extras.${name}-by-id`, (p) => sql`${select} WHERE ${a}.id = ${p.id}::uuid`),
    byIdInSession: statement<{ id: string; sessionId: string }>(
      `session-extras.${name}-by-id-in-session`,
      (p) => sql`${select} WHERE ${a}.id = ${p.id}::uuid AND ${a}.session_id = ${p.sessionId}::uuid`,
    ),
    bySession: statement<{ sessionId: string }>(
      `session-extras.${name}-of-session`,
      (p) => sql`${select} WHERE ${a}.session_id = ${p.sessionId}::uuid ORDER BY ${order}`,
    ),
  };
}

function runLoader<S extends z.ZodType>(db: SqlRunner, row: S, statements: ReturnType<typeof loaderStatements>, where: ExtrasWhere) {
  if (!("id" in where)) return db.rows(row, statements.bySession, where);
  return where.sessionId === undefined
    ? db.rows(row, statements.byId, { id: where.id })
    : db.rows(row, statements.byIdInSession, { id: where.id, sessionId: where.sessionId });
}

const CUSTOMERS = loaderStatements("customers", sql`SELECT ${CUSTOMER_DTO} AS dto FROM customer c`, "c", sql`c.joined_at, c.id`);
const ALERTS = loaderStatements("alerts", sql`SELECT ${ALERT_DTO} AS dto FROM session_alert a`, "a", sql`a.raised_at, a.id`);
const PAYMENTS = loaderStatements("payments", sql`SELECT ${PAYMENT_DTO} AS dto FROM payment p`, "p", sql`p.recorded_at, p.id`);

export async function loadCustomers(db: SqlRunner, where: ExtrasWhere): Promise<CustomerDto[]> {
  return (await runLoader(db, CustomerRow, CUSTOMERS, where)).map((r) => r.dto);
}

export async function loadAlerts(db: SqlRunner, where: ExtrasWhere): Promise<AlertDto[]> {
  return (await runLoader(db, AlertRow, ALERTS, where)).map((r) => r.dto);
}

const PENDING_ALERT = statement<{ sessionId: string; customerId: string; kind: AlertKind }>(
  "session-extras.pending-alert",
  (p) => sql`SELECT ${ALERT_DTO} AS dto FROM session_alert a
    WHERE a.session_id = ${p.sessionId}::uuid AND a.customer_id = ${p.customerId}::uuid
      AND a.kind = ${p.kind}::"AlertKind" AND a.acknowledged_at IS NULL
    ORDER BY a.raised_at, a.id`,
);

/** A phone's call of this kind that staff have not acknowledged yet. */
export async function loadPendingAlert(db: SqlRunner, where: { sessionId: string; customerId: string; kind: AlertKind }) {
  return (await db.row(AlertRow, PENDING_ALERT, where))?.dto;
}

export async function loadPayments(db: SqlRunner, where: ExtrasWhere): Promise<PaymentDto[]> {
  return (await runLoader(db, PaymentRow, PAYMENTS, where)).map((r) => r.dto);
}

const PAYMENT_BY_CLIENT_ID = statement<{ sessionId: string; clientPaymentId: string }>(
  "session-extras.payment-by-client-id",
  (p) =>
    sql`SELECT ${PAYMENT_DTO} AS dto FROM payment p WHERE p.session_id = ${p.sessionId}::uuid AND p.client_payment_id = ${p.clientPaymentId}`,
);

/** The payment a staff device recorded under this id, if any. */
export async function loadPaymentByClientId(db: SqlRunner, sessionId: string, clientPaymentId: string): Promise<PaymentDto | undefined> {
  return (await db.row(PaymentRow, PAYMENT_BY_CLIENT_ID, { sessionId, clientPaymentId }))?.dto;
}

const LockedSession = z.strictObject({
  id: z.uuid(),
  location_id: z.uuid(),
  label: z.string(),
  status: SessionStatus,
  table_id: z.uuid().nullable(),
  prices_include_tax: z.boolean(),
});
export type LockedSession = z.output<typeof LockedSession>;

const LOCK_SESSION_SQL = statement<{ sessionId: string; locationId: string }>(
  "session-extras.lock-session",
  (p) => sql`SELECT id, location_id, label, status, table_id, prices_include_tax FROM order_session
        WHERE id = ${p.sessionId}::uuid AND location_id = ${p.locationId}::uuid FOR NO KEY UPDATE`,
);

/**
 * Locks a session row of this location (FOR NO KEY UPDATE, as every writer of its log does
 * first) and reads it; another location's session is "not found".
 */
export async function lockSession(db: SqlRunner, sessionId: string, locationId: string): Promise<LockedSession> {
  const row = await db.row(LockedSession, LOCK_SESSION_SQL, { sessionId, locationId });
  if (!row) throw AppError.notFound("session");
  return row;
}

const BillSession = z.strictObject({
  currency: z.string(),
  waived_cents: z.number().int(),
  service_charge_bps: z.number().int(),
  prices_include_tax: z.boolean(),
});
const LOAD_BILL_SQL = statement<{ sessionId: string }>(
  "session-extras.load-bill",
  (p) =>
    sql`SELECT l.currency, s.waived_cents::float8 AS waived_cents, s.service_charge_bps, s.prices_include_tax FROM order_session s JOIN location l ON l.id = s.location_id WHERE s.id = ${p.sessionId}::uuid`,
);

// waived_cents is BIGINT (a bill may pass 2^31 cents), which node-postgres reads as a string:
// read as float8, exact for every integer below 2^53, far beyond any bill.

/** A session's bill as of now (in a transaction holding its lock: as of this point of its log). */
export async function loadBill(
  db: SqlRunner,
  sessionId: string,
): Promise<{ bill: BillDto; orders: OrderDto[]; payments: PaymentDto[]; customers: CustomerDto[]; discounts: CorrectionDto[] }> {
  // One after the other: `db` may be a transaction's one connection.
  const session = await db.row(BillSession, LOAD_BILL_SQL, { sessionId });
  const orders = await loadSessionOrderDtos(db, sessionId);
  const payments = await loadPayments(db, { sessionId });
  const customers = await loadCustomers(db, { sessionId });
  const discounts = await loadBillDiscounts(db, sessionId);
  if (!session) throw AppError.notFound("session");
  const bill = billOf({
    currency: session.currency,
    orders,
    payments,
    customers,
    waivedCents: session.waived_cents,
    corrections: discounts,
    serviceChargeBps: session.service_charge_bps,
    pricesIncludeTax: session.prices_include_tax,
  });
  return { bill, orders, payments, customers, discounts };
}

const ReceiptSession = z.strictObject({
  label: z.string(),
  status: SessionStatus,
  opened_at: z.string(),
  closed_at: z.string().nullable(),
  opened_by: z.string().nullable(),
  closed_by: z.string().nullable(),
  waive_reason: z.string().nullable(),
  receipt_number: z.number().int().nullable(),
  location: LocationDto,
});

const LOAD_RECEIPT_SQL = statement<{ sessionId: string }>(
  "session-extras.load-receipt",
  (p) => sql`
    SELECT s.label, s.status, ${isoText("s.opened_at")} AS opened_at, ${isoText("s.closed_at")} AS closed_at,
           (SELECT display_name FROM staff_user WHERE id = s.opened_by_id) AS opened_by,
           (SELECT display_name FROM staff_user WHERE id = s.closed_by_id) AS closed_by,
           s.waive_reason, s.receipt_number,
           ${LOCATION_JSON} AS location
    FROM order_session s JOIN location l ON l.id = s.location_id WHERE s.id = ${p.sessionId}::uuid`,
);

/** The receipt of a closed session (null while it is open), from what is stored. */
export async function loadReceipt(db: SqlRunner, sessionId: string, claims: readonly BillClaimDto[] = []): Promise<ReceiptDto | null> {
  const session = await db.row(ReceiptSession, LOAD_RECEIPT_SQL, { sessionId });
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
    number: session.receipt_number,
    claims,
  });
}
