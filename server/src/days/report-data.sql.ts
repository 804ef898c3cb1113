/**
 * What the reports read (issue 33, end of day): a location's clock, its sessions of some business
 * days with everything their bills are computed from — read for many sessions at once, a
 * statement per kind, not per session — and each session's bill by `billOf`, the function its
 * receipt uses, so a report adds up exactly what the receipts say.
 */
import { type BillDto, billOf, CorrectionDto, DayCloseDto, OrderDto, PaymentDto } from "@ordered/contract";
import { z } from "zod";
import { CORRECTION_DTO } from "../corrections/correction-dto.sql.js";
import { label } from "../db/enums.js";
import { CLOCK, isoText, type Sql, type SqlRunner, sql, statement } from "../db/sql.js";
import { AppError } from "../errors.js";
import { orderDtoSelect } from "../orders/order-dto.sql.js";
import { PAYMENT_DTO } from "../sessions/session-extras.sql.js";
import { businessDayOf, dayStartText } from "./business-day.sql.js";

/** A location's clock and money: what every report starts from. */
export interface ReportClock {
  currency: string;
  timeZone: string;
  dayCutoffHour: number;
  /** The business day it is now at the location. */
  today: string;
  /** When the first day asked for starts and the last one ends. */
  startsAt: string;
  endsAt: string;
}

const ClockRow = z.strictObject({
  currency: z.string(),
  time_zone: z.string(),
  day_cutoff_hour: z.number().int(),
  today: z.string(),
  starts_at: z.string(),
  ends_at: z.string(),
});

const clockSelect = (from: Sql, to: Sql) => sql`
  SELECT l.currency, l.time_zone, l.day_cutoff_hour, (${businessDayOf(CLOCK)})::text AS today,
         ${dayStartText(from)} AS starts_at, ${dayStartText(sql`${to} + 1`)} AS ends_at
  FROM location l`;

const CLOCK_OF = statement<{ locationId: string; from: string | null; to: string | null }>("days.clock", (p) => {
  // Without days: today's.
  const today = businessDayOf(CLOCK);
  const from = sql`coalesce(${p.from}::date, ${today})`;
  const to = sql`coalesce(${p.to}::date, ${today})`;
  return sql`${clockSelect(from, to)} WHERE l.id = ${p.locationId}::uuid`;
});

const LOCK_CLOCK = statement<{ locationId: string; day: string }>(
  "days.lock-clock",
  (p) => sql`${clockSelect(sql`${p.day}::date`, sql`${p.day}::date`)} WHERE l.id = ${p.locationId}::uuid FOR NO KEY UPDATE OF l`,
);

const toClock = (row: z.output<typeof ClockRow>): ReportClock => ({
  currency: row.currency,
  timeZone: row.time_zone,
  dayCutoffHour: row.day_cutoff_hour,
  today: row.today,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
});

/** The location's clock, for business days from–to (today when not given). */
export async function readClock(db: SqlRunner, locationId: string, from?: string, to?: string): Promise<ReportClock> {
  const row = await db.row(ClockRow, CLOCK_OF, { locationId, from: from ?? null, to: to ?? from ?? null });
  if (!row) throw AppError.notFound("location");
  return toClock(row);
}

/**
 * The location's clock for closing `day`, under its row's lock (FOR NO KEY UPDATE): every
 * session's close takes the same row before fixing its business day, so a close waits for this
 * one, or this one for it (business-day.sql.ts).
 */
export async function lockClock(db: SqlRunner, locationId: string, day: string): Promise<ReportClock> {
  const row = await db.row(ClockRow, LOCK_CLOCK, { locationId, day });
  if (!row) throw AppError.notFound("location");
  return toClock(row);
}

const SessionRow = z.strictObject({
  id: z.uuid(),
  label: z.string(),
  receipt_number: z.number().int().nullable(),
  business_day: z.string().nullable(),
  opened_at: z.string(),
  closed_at: z.string().nullable(),
  closed_by_id: z.uuid().nullable(),
  closed_by: z.string().nullable(),
  waived_cents: z.number().int(),
  waive_reason: z.string().nullable(),
  service_charge_bps: z.number().int(),
  /** Gross or net prices, as the session opened (issue 33): its bill adds the tax when net. */
  prices_include_tax: z.boolean(),
  /** The hour of its close on the venue's clock (0–23). */
  hour: z.number().int().nullable(),
});
export type ReportSession = z.output<typeof SessionRow>;

const sessionColumns = sql`s.id, s.label, s.receipt_number, s.business_day::text AS business_day,
  ${isoText("s.opened_at")} AS opened_at, ${isoText("s.closed_at")} AS closed_at, s.closed_by_id, u.display_name AS closed_by,
  s.waived_cents::float8 AS waived_cents, s.waive_reason, s.service_charge_bps, s.prices_include_tax,
  extract(hour FROM s.closed_at AT TIME ZONE 'UTC' AT TIME ZONE l.time_zone)::int AS hour`;

const CLOSED_ON_DAYS = statement<{ locationId: string; from: string; to: string }>(
  "days.sessions-of-days",
  (p) => sql`
    SELECT ${sessionColumns}
    FROM order_session s JOIN location l ON l.id = s.location_id LEFT JOIN staff_user u ON u.id = s.closed_by_id
    WHERE s.location_id = ${p.locationId}::uuid AND s.business_day BETWEEN ${p.from}::date AND ${p.to}::date
      AND s.status = ${label("SessionStatus", "CLOSED")}
    ORDER BY s.business_day, s.receipt_number NULLS LAST, s.closed_at, s.id`,
);

const OPEN_BY_DAY = statement<{ locationId: string; day: string }>(
  "days.open-sessions",
  (p) => sql`
    SELECT ${sessionColumns}
    FROM order_session s JOIN location l ON l.id = s.location_id LEFT JOIN staff_user u ON u.id = s.closed_by_id
    WHERE s.location_id = ${p.locationId}::uuid AND s.status = ${label("SessionStatus", "OPEN")}
      AND ${businessDayOf("s.opened_at")} <= ${p.day}::date
    ORDER BY s.opened_at, s.id`,
);

/** The sessions whose receipts belong to business days from–to (closed ones without a receipt too: their voids count). */
export function sessionsOfDays(db: SqlRunner, locationId: string, from: string, to: string): Promise<ReportSession[]> {
  return db.rows(SessionRow, CLOSED_ON_DAYS, { locationId, from, to });
}

/** The sessions still open that began on business day `day` or before. */
export function openSessionsUpTo(db: SqlRunner, locationId: string, day: string): Promise<ReportSession[]> {
  return db.rows(SessionRow, OPEN_BY_DAY, { locationId, day });
}

const ORDERS_OF = statement<{ sessionIds: string[] }>(
  "days.orders-of-sessions",
  (p) => sql`${orderDtoSelect()} WHERE o.session_id = ANY(${p.sessionIds}::uuid[]) ORDER BY o.placed_at, o.id`,
);
const PAYMENTS_OF = statement<{ sessionIds: string[] }>(
  "days.payments-of-sessions",
  (p) => sql`SELECT ${PAYMENT_DTO} AS dto, p.recorded_by_id AS staff_id FROM payment p
    WHERE p.session_id = ANY(${p.sessionIds}::uuid[]) ORDER BY p.recorded_at, p.id`,
);
const DISCOUNTS_OF = statement<{ sessionIds: string[] }>(
  "days.bill-discounts-of-sessions",
  (p) => sql`SELECT ${CORRECTION_DTO} AS dto FROM correction k
    WHERE k.session_id = ANY(${p.sessionIds}::uuid[]) AND k.order_id IS NULL ORDER BY k.at, k.id`,
);
const CATEGORIES_OF = statement<{ productIds: string[] }>(
  "days.categories-of-products",
  (p) => sql`SELECT p.id, c.name FROM product p JOIN category c ON c.id = p.category_id WHERE p.id = ANY(${p.productIds}::uuid[])`,
);

const OrderRow = z.strictObject({ dto: OrderDto });
const PaymentRow = z.strictObject({ dto: PaymentDto, staff_id: z.uuid().nullable() });
const DiscountRow = z.strictObject({ dto: CorrectionDto });
const CategoryRow = z.strictObject({ id: z.uuid(), name: z.string() });

/** A payment with the id of who recorded it (the DTO names them only). */
export interface ReportPayment {
  dto: PaymentDto;
  staffId: string | null;
}

/** A session with its bill, as its receipt computes it. */
export interface BilledSession {
  session: ReportSession;
  bill: BillDto;
  orders: OrderDto[];
  payments: ReportPayment[];
}

/** Sessions read at once: enough for a busy day, few enough to keep a year's report in little memory. */
export const SESSIONS_PER_READ = 500;

/** Each session's bill by `billOf` (as its receipt has it), with its orders and payments; four statements in all. */
export async function billSessions(db: SqlRunner, currency: string, sessions: readonly ReportSession[]): Promise<BilledSession[]> {
  if (sessions.length === 0) return [];
  const sessionIds = sessions.map((s) => s.id);
  // One after the other: `db` may be a transaction's one connection.
  const orders = await db.rows(OrderRow, ORDERS_OF, { sessionIds });
  const payments = await db.rows(PaymentRow, PAYMENTS_OF, { sessionIds });
  const discounts = await db.rows(DiscountRow, DISCOUNTS_OF, { sessionIds });
  const group = <T>(items: T[], sessionOf: (t: T) => string) => {
    const by = new Map<string, T[]>();
    for (const item of items) {
      const list = by.get(sessionOf(item));
      if (list) list.push(item);
      else by.set(sessionOf(item), [item]);
    }
    return by;
  };
  const ordersOf = group(
    orders.map((o) => o.dto),
    (o) => o.sessionId,
  );
  const paymentsOf = group(
    payments.map((p) => ({ dto: p.dto, staffId: p.staff_id })),
    (p) => p.dto.sessionId,
  );
  const discountsOf = group(
    discounts.map((d) => d.dto),
    (d) => d.sessionId,
  );
  return sessions.map((session) => {
    const sessionOrders = ordersOf.get(session.id) ?? [];
    const sessionPayments = paymentsOf.get(session.id) ?? [];
    const bill = billOf({
      currency,
      orders: sessionOrders,
      payments: sessionPayments.map((p) => p.dto),
      waivedCents: session.waived_cents,
      corrections: discountsOf.get(session.id) ?? [],
      serviceChargeBps: session.service_charge_bps,
      pricesIncludeTax: session.prices_include_tax,
    });
    return { session, bill, orders: sessionOrders, payments: sessionPayments };
  });
}

/** The category each product is in now (a product mix is read by today's menu). */
export async function categoriesOf(db: SqlRunner, productIds: readonly string[]): Promise<Map<string, string>> {
  if (productIds.length === 0) return new Map();
  const rows = await db.rows(CategoryRow, CATEGORIES_OF, { productIds: [...new Set(productIds)] });
  return new Map(rows.map((r) => [r.id, r.name]));
}

const DayCloseRow = z.strictObject({ dto: DayCloseDto, report: z.unknown() });
const closeColumns = sql`json_build_object('id', c.id, 'clientCloseId', c.client_close_id, 'businessDay', c.business_day::text,
  'closedAt', ${isoText("c.closed_at")}, 'closedBy', (SELECT display_name FROM staff_user WHERE id = c.closed_by_id),
  'firstReceipt', c.first_receipt, 'lastReceipt', c.last_receipt, 'openSessions', c.open_sessions) AS dto, c.report`;

const CLOSE_OF_DAY = statement<{ locationId: string; day: string }>(
  "days.close-of-day",
  (p) => sql`SELECT ${closeColumns} FROM day_close c WHERE c.location_id = ${p.locationId}::uuid AND c.business_day = ${p.day}::date`,
);
const CLOSE_BY_CLIENT_ID = statement<{ locationId: string; clientCloseId: string }>(
  "days.close-by-client-id",
  (p) =>
    sql`SELECT ${closeColumns} FROM day_close c WHERE c.location_id = ${p.locationId}::uuid AND c.client_close_id = ${p.clientCloseId}`,
);
const CLOSED_DAYS = statement<{ locationId: string; from: string; to: string }>(
  "days.closed-days",
  (p) => sql`SELECT c.business_day::text AS day FROM day_close c
    WHERE c.location_id = ${p.locationId}::uuid AND c.business_day BETWEEN ${p.from}::date AND ${p.to}::date`,
);

/** A closed day: who closed it and its stored Z report (as JSON, parsed by the caller). */
export interface StoredClose {
  close: DayCloseDto;
  report: unknown;
}

export async function closeOfDay(db: SqlRunner, locationId: string, day: string): Promise<StoredClose | undefined> {
  const row = await db.row(DayCloseRow, CLOSE_OF_DAY, { locationId, day });
  return row && { close: row.dto, report: row.report };
}

export async function closeByClientId(db: SqlRunner, locationId: string, clientCloseId: string): Promise<StoredClose | undefined> {
  const row = await db.row(DayCloseRow, CLOSE_BY_CLIENT_ID, { locationId, clientCloseId });
  return row && { close: row.dto, report: row.report };
}

/** The business days from–to that are closed. */
export async function closedDays(db: SqlRunner, locationId: string, from: string, to: string): Promise<Set<string>> {
  const rows = await db.rows(z.strictObject({ day: z.string() }), CLOSED_DAYS, { locationId, from, to });
  return new Set(rows.map((r) => r.day));
}
