import { BILLED_ORDER_STATUSES, type DailyStatsResponse, MoneyAdjustmentDto, VOIDED_ORDER_STATUS } from "@ordered/contract";
import { z } from "zod";
import { label, labels } from "../db/enums.js";
import type { PrismaClient } from "../db/prisma.js";
import { isoText, raw, sql, sqlOn, statement } from "../db/sql.js";

const Row = z.strictObject({
  currency: z.string(),
  placed: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  delivered: z.number().int(),
  cancelled: z.number().int(),
  failed: z.number().int(),
  revenue: z.number().int(),
  aov: z.number().nullable(),
  delivery: z.number().nullable(),
  service_charge: z.number().int(),
});

const ZoneRow = z.strictObject({ name: z.string() });
const ZONES = statement("stats.time-zones", () => sql`SELECT name FROM pg_timezone_names`);
let zones: Promise<Set<string>> | undefined;

/** The time zone names PostgreSQL knows, read once per process (they change with PostgreSQL's upgrades). */
export function knownTimeZones(prisma: PrismaClient): Promise<Set<string>> {
  zones ??= sqlOn(prisma)
    .rows(ZoneRow, ZONES)
    .then((rows) => new Set(rows.map((r) => r.name)));
  zones.catch(() => {
    zones = undefined;
  });
  return zones;
}

interface Day {
  locationId: string;
  date: string;
  timeZone: string;
}

const status = (s: Parameters<typeof label<"OrderStatus">>[1]) => label("OrderStatus", s);
const TAKINGS = labels("OrderStatus", BILLED_ORDER_STATUSES);

const DAILY = statement<Day>(
  "stats.daily",
  (p) => sql`
    SELECT l.currency,
           count(o.id)::int AS placed,
           count(o.accepted_at)::int AS accepted,
           count(o.id) FILTER (WHERE o.status = ${status("REJECTED")})::int AS rejected,
           count(o.id) FILTER (WHERE o.status = ${status("DELIVERED")})::int AS delivered,
           count(o.id) FILTER (WHERE o.status = ${status("CANCELLED")})::int AS cancelled,
           count(o.id) FILTER (WHERE o.status = ${status("FAILED")})::int AS failed,
           coalesce(sum(o.total_cents) FILTER (WHERE o.status IN ${TAKINGS}), 0)::float8 AS revenue,
           avg(o.total_cents) FILTER (WHERE o.status IN ${TAKINGS})::float8 AS aov,
           avg(extract(epoch FROM o.finished_at - o.placed_at)) FILTER (WHERE o.status = ${status("DELIVERED")})::float8 AS delivery,
           -- Stored at close (order_session.service_charge_cents): the sessions closed this day.
           (SELECT coalesce(sum(s.service_charge_cents), 0)::float8 FROM order_session s
            WHERE s.location_id = l.id AND (s.closed_at AT TIME ZONE 'UTC' AT TIME ZONE ${p.timeZone})::date = ${p.date}::date) AS service_charge
    FROM location l
    LEFT JOIN "order" o ON o.location_id = l.id
      AND (o.placed_at AT TIME ZONE 'UTC' AT TIME ZONE ${p.timeZone})::date = ${p.date}::date
    WHERE l.id = ${p.locationId}::uuid
    GROUP BY l.id`,
);

/** A location's totals for one calendar day in the given time zone. */
export async function dailyStats(prisma: PrismaClient, locationId: string, date: string, timeZone: string): Promise<DailyStatsResponse> {
  const row = await sqlOn(prisma).row(Row, DAILY, { locationId, date, timeZone });
  if (!row) throw new Error(`location ${locationId} not found`);
  const { placed, accepted, rejected, delivered, cancelled, failed } = row;
  const adjustments = await moneyAdjustments(prisma, locationId, date, timeZone);
  const sum = (kind: MoneyAdjustmentDto["kind"]) => adjustments.filter((a) => a.kind === kind).reduce((s, a) => s + a.amountCents, 0);
  return {
    date,
    timeZone,
    currency: row.currency,
    orders: { placed, accepted, rejected, delivered, cancelled, failed },
    revenueCents: row.revenue,
    averageOrderValueCents: row.aov === null ? null : Math.round(row.aov),
    averagePlacedToDeliveredSeconds: row.delivery === null ? null : Math.round(row.delivery * 10) / 10,
    adjustments,
    voidedCents: sum("VOID"),
    waivedCents: sum("WAIVE"),
    refundedCents: sum("REFUND"),
    compedCents: sum("COMP"),
    discountedCents: sum("DISCOUNT"),
    serviceChargeCents: row.service_charge,
  };
}

// The statement's rows are the contract's DTO as they are (float8: sums and BIGINT columns
// arrive exact below 2^53, as numbers).
const Adjustment = MoneyAdjustmentDto;

const ADJUSTMENTS = statement<Day>("stats.adjustments", (p) => {
  const onDay = (column: string) => sql`(${raw(column)} AT TIME ZONE 'UTC' AT TIME ZONE ${p.timeZone})::date = ${p.date}::date`;
  return sql`
    SELECT kind, "sessionId", label, "amountCents", reason, "by", at FROM (
      SELECT 'VOID' AS kind, o.session_id AS "sessionId", s.label, o.total_cents::float8 AS "amountCents", o.status_reason AS reason,
             u.display_name AS "by", ${isoText("o.finished_at")} AS at, o.finished_at AS t
      FROM "order" o JOIN order_session s ON s.id = o.session_id LEFT JOIN staff_user u ON u.id = o.cancelled_by_id
      WHERE o.location_id = ${p.locationId}::uuid AND o.status = ${status(VOIDED_ORDER_STATUS)} AND o.accepted_at IS NOT NULL
        AND ${onDay("o.finished_at")}
      UNION ALL
      SELECT 'WAIVE', s.id, s.label, s.waived_cents::float8, s.waive_reason, u.display_name, ${isoText("s.closed_at")}, s.closed_at
      FROM order_session s LEFT JOIN staff_user u ON u.id = s.closed_by_id
      WHERE s.location_id = ${p.locationId}::uuid AND s.waived_cents > 0 AND ${onDay("s.closed_at")}
      UNION ALL
      -- Corrections of lines and bills (issue 32): what each took off, when it was made.
      SELECT k.kind::text, s.id, s.label, k.off_cents::float8, k.reason, u.display_name, ${isoText("k.at")}, k.at
      FROM correction k JOIN order_session s ON s.id = k.session_id LEFT JOIN staff_user u ON u.id = k.by_id
      WHERE s.location_id = ${p.locationId}::uuid AND ${onDay("k.at")}
        -- A line of an order cancelled afterwards is counted with that order (its VOID above), not twice.
        AND NOT EXISTS (SELECT 1 FROM "order" c WHERE c.id = k.order_id AND c.status = ${status(VOIDED_ORDER_STATUS)})
      UNION ALL
      SELECT 'REFUND', s.id, s.label, p.amount_cents::float8, p.note, u.display_name, ${isoText("p.recorded_at")}, p.recorded_at
      FROM payment p JOIN order_session s ON s.id = p.session_id LEFT JOIN staff_user u ON u.id = p.recorded_by_id
      WHERE s.location_id = ${p.locationId}::uuid AND p.kind = ${label("PaymentKind", "REFUND")} AND ${onDay("p.recorded_at")}
    ) a ORDER BY t, kind`;
});

/**
 * The day's voids, waivers and refunds, oldest first: each a row of the table that records
 * it (order, order_session, payment), dated when it happened in the day's time zone.
 */
async function moneyAdjustments(prisma: PrismaClient, locationId: string, date: string, timeZone: string): Promise<MoneyAdjustmentDto[]> {
  return sqlOn(prisma).rows(Adjustment, ADJUSTMENTS, { locationId, date, timeZone });
}
