import { randomUUID } from "node:crypto";
import {
  type CloseSessionBody,
  type CurrentSessionResponse,
  can,
  centsText,
  forbiddenMessage,
  kitchenStarted,
  type LoggedEvent,
  type OrderDto,
  overpaidCents,
  type ReceiptDto,
  type SessionDto,
  type SessionExtras,
  type SessionSummaryDto,
  UNFINISHED_ORDER_STATUSES,
} from "@ordered/contract";
import { z } from "zod";
import { loadOwnDeclaration } from "../allergies/declare-allergies.js";
import { assertActiveCustomer } from "../auth/customer-account.js";
import type { CustomerPrincipal, StaffPrincipal } from "../auth/tokens.js";
import { loadBillDiscounts } from "../corrections/correction-dto.sql.js";
import { lockLocationForClose, setBusinessDay } from "../days/business-day.sql.js";
import { type DbEnumValue, label, labels } from "../db/enums.js";
import { isUniqueViolation } from "../db/errors.js";
import type { PrismaClient } from "../db/prisma.js";
import { CLOCK, type SqlRunner, sql, sqlOn, sqlTransaction, statement, utc } from "../db/sql.js";
import { AppError } from "../errors.js";
import { deliverLocked } from "../orders/advance-order.js";
import { cancelLocked, orderStateOf } from "../orders/cancel-order.js";
import { loadSessionOrderDtos } from "../orders/order-dto.sql.js";
import { lockOrder } from "../orders/transition.js";
import { appendJsonEvent } from "../session-log/session-log.js";
import { loadClaims } from "./bill-claims.js";
import { newJoinCode, newPin } from "./join-code.js";
import { presenceOf } from "./presence.js";
import { findSession, findSessionWithLocation, SESSION_COLUMNS, SessionRow, toSessionDto } from "./session-dto.sql.js";
import { loadAlerts, loadBill, loadCustomers, loadPayments, loadReceipt, lockSession } from "./session-extras.sql.js";

export interface SessionWithOrders {
  session: SessionDto;
  orders: OrderDto[];
}

const TableRow = z.strictObject({ name: z.string(), retired: z.boolean() });

const OPEN_SESSION_SQL = statement<{ tableId: string; locationId: string }>(
  "sessions.open-session",
  (p) => sql`SELECT name, retired_at IS NOT NULL AS retired FROM dining_table
            WHERE id = ${p.tableId}::uuid AND location_id = ${p.locationId}::uuid FOR SHARE`,
);

/**
 * Opens a session — seating a table of the location, or free-standing with a label — and
 * logs `session.opened`, carrying the session as staff see it, as its event number 1. A
 * table already seated is a CONFLICT (a partial unique index decides a race).
 */
export async function openSession(
  prisma: PrismaClient,
  publicUrl: string,
  /** Who opens it: staff, or nobody (a guest's first scan of a free table's card). */
  staff: { locationId: string; staffId: string | null },
  input: { label?: string | undefined; tableId?: string | undefined },
): Promise<{ session: SessionDto; event: LoggedEvent<"session.opened"> }> {
  if (!input.label && !input.tableId) throw new AppError("VALIDATION_FAILED", "body.label: must name a table or give a label");
  return sqlTransaction(prisma, async (db) => {
    let label = input.label;
    if (input.tableId) {
      // FOR SHARE: a retirement of this table waits for this session, or this waits for it
      // and sees the table retired (tables.service.ts).
      const table = await db.row(TableRow, OPEN_SESSION_SQL, { tableId: input.tableId, locationId: staff.locationId });
      if (!table || table.retired) throw AppError.notFound("table");
      label ??= table.name;
    }
    return insertSession(db, publicUrl, staff, label ?? "", input.tableId ?? null);
  });
}

const ServiceChargeRow = z.strictObject({ service_charge_bps: z.number().int(), prices_include_tax: z.boolean() });
const INSERT_SESSION_SQL = statement<{
  id: `${string}-${string}-${string}-${string}-${string}`;
  locationId: string;
  label: string;
  joinCode: string;
  pin: string;
  openedAt: Date;
  staffId: string | null;
  tableId: string | null;
  pricesIncludeTax: boolean | null;
}>(
  "sessions.insert-session",
  (p) => sql`
        INSERT INTO order_session (id, location_id, label, status, join_code, pin, opened_at, opened_by_id, last_seq, table_id, service_charge_bps, prices_include_tax)
        SELECT ${p.id}::uuid, ${p.locationId}::uuid, ${p.label}, ${label("SessionStatus", "OPEN")}, ${p.joinCode}, ${p.pin}, ${utc(p.openedAt)}, ${p.staffId}::uuid, 0,
               ${p.tableId}::uuid, l.service_charge_bps, coalesce(${p.pricesIncludeTax}::boolean, l.prices_include_tax)
        FROM location l WHERE l.id = ${p.locationId}::uuid
        RETURNING service_charge_bps, prices_include_tax`,
);

/**
 * Inserts an open session (the caller holds what it needs locked: the table FOR SHARE) and logs
 * `session.opened`. `pricesIncludeTax`: the tax mode of the bill it continues (a split-off
 * party's, issue 33); else the location's now.
 */
export async function insertSession(
  db: SqlRunner,
  publicUrl: string,
  staff: { locationId: string; staffId: string | null },
  label: string,
  tableId: string | null,
  pricesIncludeTax: boolean | null = null,
): Promise<{ session: SessionDto; event: LoggedEvent<"session.opened"> }> {
  const openedAt = new Date();
  const row = {
    id: randomUUID(),
    label,
    status: "OPEN" as const,
    join_code: newJoinCode(),
    pin: newPin(),
    opened_at: openedAt.toISOString(),
    closed_at: null,
    last_seq: 1,
    table_id: tableId,
  };
  // The location's service charge and whether its prices include tax are the session's from now
  // on (a change mid-service moves no open bill, and a closed one's receipt never changes).
  let billing: z.output<typeof ServiceChargeRow>;
  // Two statements: the log's UPDATE of the session row cannot see an INSERT in its own statement.
  try {
    const inserted = await db.row(ServiceChargeRow, INSERT_SESSION_SQL, {
      id: row.id,
      locationId: staff.locationId,
      label,
      joinCode: row.join_code,
      pin: row.pin,
      openedAt,
      staffId: staff.staffId,
      tableId,
      pricesIncludeTax,
    });
    if (!inserted) throw new Error(`session ${row.id} was not inserted`);
    billing = inserted;
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("CONFLICT", `${label} is already seated; close its session first`);
    throw err;
  }
  const session = toSessionDto({ ...row, ...billing }, publicUrl);
  const { event } = await appendJsonEvent(db, "session.opened", row.id, session);
  if (!event) throw new Error(`session ${row.id} was opened but not logged`);
  return { session, event };
}

const SummaryRow = SessionRow.extend({ order_count: z.number().int() });
const LIST = statement<{ locationId: string; status: DbEnumValue<"SessionStatus"> | null; limit: number }>(
  "sessions.list",
  (p) => sql`SELECT ${SESSION_COLUMNS}, (SELECT count(*)::int FROM "order" o WHERE o.session_id = s.id) AS order_count
    FROM order_session s
    WHERE s.location_id = ${p.locationId}::uuid AND (${p.status}::"SessionStatus" IS NULL OR s.status = ${p.status}::"SessionStatus")
    ORDER BY s.opened_at DESC, s.id
    LIMIT ${p.limit}`,
);

export async function listSessions(
  prisma: PrismaClient,
  publicUrl: string,
  locationId: string,
  query: { status?: "OPEN" | "CLOSED" | undefined; limit: number },
): Promise<SessionSummaryDto[]> {
  const rows = await sqlOn(prisma).rows(SummaryRow, LIST, { locationId, status: query.status ?? null, limit: query.limit });
  return rows.map(({ order_count, ...r }) => ({ ...toSessionDto(r, publicUrl), orderCount: order_count }));
}

/** A session as staff see it: its orders, phones, calls, payments, and its receipt once closed. */
export async function getSession(
  prisma: PrismaClient,
  publicUrl: string,
  locationId: string,
  sessionId: string,
): Promise<SessionWithOrders & SessionExtras & { receipt: ReceiptDto | null }> {
  const row = await findSession(prisma, sessionId, locationId);
  if (!row) throw AppError.notFound("session");
  // Read at the session's lastSeq or later: events after it are replayed, and applied once.
  const db = sqlOn(prisma);
  const where = { sessionId: row.id };
  const [orders, customers, alerts, payments, claims, discounts, receipt] = await Promise.all([
    loadSessionOrderDtos(db, row.id),
    loadCustomers(db, where),
    loadAlerts(db, where),
    loadPayments(db, where),
    loadClaims(db, row.id),
    loadBillDiscounts(db, row.id),
    row.status === "CLOSED" ? loadClaims(db, row.id).then((claims) => loadReceipt(db, row.id, claims)) : null,
  ]);
  return { session: toSessionDto(row, publicUrl), orders, customers, alerts, payments, claims, discounts, receipt };
}

const Unfinished = z.strictObject({
  id: z.uuid(),
  status: z.enum(UNFINISHED_ORDER_STATUSES),
  customer_name: z.string().nullable(),
  items: z.string(),
});

const UNFINISHED_ORDERS_SQL = statement<{ sessionId: string }>(
  "sessions.unfinished-orders",
  (p) => sql`SELECT o.id, o.status, c.display_name AS customer_name,
                 (SELECT string_agg(i.quantity || '× ' || i.product_name, ', ' ORDER BY i.position) FROM order_item i WHERE i.order_id = o.id) AS items
          FROM "order" o LEFT JOIN customer c ON c.id = o.customer_id
          WHERE o.session_id = ${p.sessionId}::uuid AND o.status IN ${labels("OrderStatus", UNFINISHED_ORDER_STATUSES)} ORDER BY o.placed_at, o.id`,
);

const MARK_SESSION_CLOSED_SQL = statement<{
  staffId: string;
  waived: number;
  waiveReason: string | null;
  serviceChargeCents: number;
  taxAddedCents: number;
  sessionId: string;
  numbered: boolean;
}>(
  "sessions.mark-closed",
  // The receipt's number: the location's next, taken under its row's lock in this transaction
  // (a rollback gives it back), so two closes on two instances never share one and none is skipped.
  (p) => sql`
      WITH receipt AS (
        UPDATE location SET receipts_issued = receipts_issued + 1
        WHERE ${p.numbered}::boolean AND id = (SELECT location_id FROM order_session WHERE id = ${p.sessionId}::uuid)
        RETURNING receipts_issued AS number
      )
      UPDATE order_session SET status = ${label("SessionStatus", "CLOSED")}, closed_at = ${CLOCK}, closed_by_id = ${p.staffId}::uuid,
             waived_cents = ${p.waived}, waive_reason = ${p.waiveReason}, service_charge_cents = ${p.serviceChargeCents},
             tax_added_cents = ${p.taxAddedCents},
             receipt_number = (SELECT number FROM receipt)
      WHERE id = ${p.sessionId}::uuid`,
);

/**
 * Closes an open session, in one transaction under its row's lock (taken first, so nothing
 * is added to it meanwhile):
 *  1. Unfinished orders (placed, or accepted and not delivered) refuse the close with
 *     UNFINISHED_ORDERS naming them, unless `unfinished` says what to do: `finish` delivers
 *     the accepted ones, `cancel` cancels them; either way orders the kitchen has not checked
 *     yet are cancelled (nothing was reserved or billed for them). Each change is logged.
 *  2. The bill must be paid in full; what is still due refuses the close with BILL_UNPAID
 *     unless `waiveReason` is given, which records it as waived with that reason.
 *  3. `session.closed` is logged with the receipt.
 * A refusal changes nothing (the transaction rolls back). Two staff closing at once close
 * once; closing a closed session returns it unchanged (no events).
 */
export async function closeSession(
  prisma: PrismaClient,
  publicUrl: string,
  staff: StaffPrincipal,
  sessionId: string,
  options: CloseSessionBody = {},
): Promise<{ session: SessionDto; receipt: ReceiptDto; events: LoggedEvent[] }> {
  const closing = await sqlTransaction(prisma, async (db) => {
    const session = await lockSession(db, sessionId, staff.locationId);
    if (session.status !== "OPEN") return { events: [], receipt: null };
    const logged: LoggedEvent[] = [];
    const unfinished = await db.rows(Unfinished, UNFINISHED_ORDERS_SQL, { sessionId });
    if (unfinished.length > 0 && !options.unfinished) {
      const named = unfinished.map(
        (o) =>
          `${o.customer_name ? `${o.customer_name}: ` : ""}${o.items} (${o.status === "PLACED" ? "not checked yet" : "being prepared"})`,
      );
      throw new AppError(
        "UNFINISHED_ORDERS",
        `${session.label} has ${unfinished.length === 1 ? "an unfinished order" : `${unfinished.length} unfinished orders`}: ${named.join("; ")}. ` +
          "Deliver or cancel them first, or choose to do so as you close",
      );
    }
    for (const o of unfinished) {
      const locked = await lockOrder(db, o.id);
      if (!locked) throw new Error(`order ${o.id} vanished under its session's lock`);
      if (options.unfinished === "finish" && locked.status === "ACCEPTED") {
        const result = await deliverLocked(db, locked);
        if (result.event) logged.push(result.event);
        continue;
      }
      let reason = locked.status === "PLACED" ? "the table closed before the kitchen confirmed it" : "cancelled when the table closed";
      if (kitchenStarted(await orderStateOf(db, locked))) {
        // Food the kitchen started is money spent: the same rule as cancelling it on its own.
        if (!can(staff.role, "orders.void")) {
          throw new AppError(
            "FORBIDDEN",
            `${forbiddenMessage(staff.role, "orders.void")}: deliver it, or ask a manager to close ${session.label}`,
          );
        }
        if (!options.cancelReason) {
          throw new AppError("VALIDATION_FAILED", "body.cancelReason: say why food the kitchen has started is cancelled");
        }
        reason = options.cancelReason;
      }
      const result = await cancelLocked(db, locked, reason, staff.staffId);
      if (result.event) logged.push(result.event);
    }
    const { bill } = await loadBill(db, sessionId);
    const overpaid = overpaidCents(bill);
    if (overpaid > 0) {
      throw new AppError(
        "REFUND_REQUIRED",
        `${centsText(overpaid, bill.currency)} was paid for food cancelling would take off the bill: cancel that order on its own with its refund first`,
      );
    }
    if (bill.dueCents > 0 && !options.waiveReason) {
      throw new AppError(
        "BILL_UNPAID",
        `${session.label} still owes ${centsText(bill.dueCents, bill.currency)}: record the payments, or waive the rest with a reason`,
      );
    }
    if (bill.dueCents > 0 && !can(staff.role, "bill.waive")) {
      throw new AppError(
        "FORBIDDEN",
        `${forbiddenMessage(staff.role, "bill.waive")}: ${session.label} still owes ${centsText(bill.dueCents, bill.currency)}`,
      );
    }
    const waived = bill.dueCents > 0 ? bill.dueCents : 0;
    // A receipt for anything that was billed or paid; a table that had nothing gets none.
    const numbered = bill.lines.length > 0 || bill.paidCents !== 0 || bill.tipCents > 0 || waived > 0;
    // The business day is read under the location's row lock (days/business-day.sql.ts): the
    // numbering below takes it; a close without a receipt takes it shared first.
    if (!numbered) await lockLocationForClose(db, sessionId);
    // Stamped after the row lock (which placements also take), so no order logged before
    // the close has a later time than the close.
    await db.run(MARK_SESSION_CLOSED_SQL, {
      staffId: staff.staffId,
      waived,
      waiveReason: waived > 0 ? (options.waiveReason ?? null) : null,
      // What the service charge came to, kept for the day's totals (the bill itself is never stored).
      serviceChargeCents: bill.serviceChargeCents,
      // And the tax a net-price bill added on top (0 when prices include it).
      taxAddedCents: bill.taxAddedCents,
      sessionId,
      numbered,
    });
    // Its receipt's business day: the day of its close, or the next one not closed yet.
    await setBusinessDay(db, sessionId);
    const receipt = await loadReceipt(db, sessionId, await loadClaims(db, sessionId));
    if (!receipt) throw new Error(`session ${sessionId} was closed but has no receipt`);
    const closed = await appendJsonEvent(db, "session.closed", sessionId, { closedAt: receipt.closedAt, receipt });
    if (!closed.event) throw new Error(`session ${sessionId} was closed but not logged`);
    logged.push(closed.event);
    return { events: logged, receipt };
  });
  const row = await findSession(prisma, sessionId, staff.locationId);
  // Closed before this call: its stored receipt.
  const receipt = closing.receipt ?? (row ? await loadReceipt(sqlOn(prisma), sessionId, await loadClaims(sqlOn(prisma), sessionId)) : null);
  if (!row || !receipt) throw AppError.notFound("session");
  return { session: toSessionDto(row, publicUrl), receipt, events: closing.events };
}

const Me = z.strictObject({ id: z.uuid(), display_name: z.string().nullable(), verified: z.boolean(), pin_failures: z.number().int() });
const ME = statement<{ id: string }>(
  "sessions.phone",
  (p) => sql`SELECT id, display_name, verified_at IS NOT NULL AS verified, pin_failures FROM customer WHERE id = ${p.id}::uuid`,
);

/** The session a customer token is scoped to, as the phone shows it; closed ones are refused. */
export async function getCustomerSession(prisma: PrismaClient, customer: CustomerPrincipal): Promise<CurrentSessionResponse> {
  await assertActiveCustomer(prisma, customer, "open");
  const session = await findSessionWithLocation(prisma, { id: customer.sessionId });
  const me = await sqlOn(prisma).row(Me, ME, { id: customer.customerId });
  if (!session || !me) throw new AppError("UNAUTHENTICATED", "invalid token");
  const presence = presenceOf({
    check: session.location.cardJoinCheck,
    verified: me.verified,
    phoneFailures: me.pin_failures,
    sessionFailures: session.pin_failures,
  });
  return {
    session: {
      id: session.id,
      label: session.label,
      status: session.status,
      lastSeq: session.last_seq,
      serviceChargeBps: session.service_charge_bps,
      pricesIncludeTax: session.prices_include_tax,
    },
    location: session.location,
    customer: { id: me.id, displayName: me.display_name, presence },
    ...(await loadSessionActivity(prisma, session.id)),
    allergies: await loadOwnDeclaration(sqlOn(prisma), customer),
  };
}

/** A session's orders, payments and alerts: what a phone shows of its table beyond the session itself. */
export async function loadSessionActivity(
  prisma: PrismaClient,
  sessionId: string,
): Promise<Pick<CurrentSessionResponse, "orders" | "payments" | "alerts" | "claims" | "phones" | "discounts">> {
  const db = sqlOn(prisma);
  const [orders, payments, alerts, claims, customers, discounts] = await Promise.all([
    loadSessionOrderDtos(db, sessionId),
    loadPayments(db, { sessionId }),
    loadAlerts(db, { sessionId }),
    loadClaims(db, sessionId),
    loadCustomers(db, { sessionId }),
    loadBillDiscounts(db, sessionId),
  ]);
  const phones = customers.filter((c) => c.removedAt === null).map((c) => ({ id: c.id, displayName: c.displayName }));
  return { orders, payments, alerts, claims, phones, discounts };
}

/** The receipt of a phone's session, which it may read after the close (not if removed). */
export async function getCustomerReceipt(prisma: PrismaClient, customer: CustomerPrincipal): Promise<ReceiptDto> {
  await assertActiveCustomer(prisma, customer, "any");
  const receipt = await loadReceipt(sqlOn(prisma), customer.sessionId, await loadClaims(sqlOn(prisma), customer.sessionId));
  if (!receipt) throw new AppError("CONFLICT", "this table is still open: its receipt comes when it closes");
  return receipt;
}
