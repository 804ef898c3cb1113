import type { DailyStatsResponse } from "@ordered/contract";
import { z } from "zod";
import type { PrismaClient } from "../db/prisma.js";
import { sql, sqlOn } from "../db/sql.js";

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
});

const ZoneRow = z.strictObject({ name: z.string() });
let zones: Promise<Set<string>> | undefined;

/** The time zone names PostgreSQL knows, read once per process (they change with PostgreSQL's upgrades). */
export function knownTimeZones(prisma: PrismaClient): Promise<Set<string>> {
  zones ??= sqlOn(prisma)
    .rows(ZoneRow, sql`SELECT name FROM pg_timezone_names`)
    .then((rows) => new Set(rows.map((r) => r.name)));
  zones.catch(() => {
    zones = undefined;
  });
  return zones;
}

/** A location's totals for one calendar day in the given time zone. */
export async function dailyStats(prisma: PrismaClient, locationId: string, date: string, timeZone: string): Promise<DailyStatsResponse> {
  const row = await sqlOn(prisma).row(
    Row,
    sql`
    SELECT l.currency,
           count(o.id)::int AS placed,
           count(o.accepted_at)::int AS accepted,
           count(o.id) FILTER (WHERE o.status = 'REJECTED')::int AS rejected,
           count(o.id) FILTER (WHERE o.status = 'DELIVERED')::int AS delivered,
           count(o.id) FILTER (WHERE o.status = 'CANCELLED')::int AS cancelled,
           count(o.id) FILTER (WHERE o.status = 'FAILED')::int AS failed,
           coalesce(sum(o.total_cents) FILTER (WHERE o.status IN ('ACCEPTED', 'DELIVERED')), 0)::float8 AS revenue,
           avg(o.total_cents) FILTER (WHERE o.status IN ('ACCEPTED', 'DELIVERED'))::float8 AS aov,
           avg(extract(epoch FROM o.finished_at - o.placed_at)) FILTER (WHERE o.status = 'DELIVERED')::float8 AS delivery
    FROM location l
    LEFT JOIN "order" o ON o.location_id = l.id
      AND (o.placed_at AT TIME ZONE 'UTC' AT TIME ZONE ${timeZone})::date = ${date}::date
    WHERE l.id = ${locationId}::uuid
    GROUP BY l.id`,
  );
  if (!row) throw new Error(`location ${locationId} not found`);
  const { placed, accepted, rejected, delivered, cancelled, failed } = row;
  return {
    date,
    timeZone,
    currency: row.currency,
    orders: { placed, accepted, rejected, delivered, cancelled, failed },
    revenueCents: row.revenue,
    averageOrderValueCents: row.aov === null ? null : Math.round(row.aov),
    averagePlacedToDeliveredSeconds: row.delivery === null ? null : Math.round(row.delivery * 10) / 10,
  };
}
