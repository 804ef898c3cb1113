import type { PrismaClient } from "../db/prisma.js";

export interface DailyStats {
  date: string;
  timeZone: string;
  currency: string;
  orders: { placed: number; accepted: number; rejected: number; delivered: number; cancelled: number; failed: number };
  /** Sum of the totals of orders that were accepted and not cancelled. */
  revenueCents: number;
  /** Over the same orders; null when there are none. */
  averageOrderValueCents: number | null;
  /** Over delivered orders; null when there are none. */
  averagePlacedToDeliveredSeconds: number | null;
}

/** A location's totals for one calendar day in the given time zone. */
export async function dailyStats(prisma: PrismaClient, locationId: string, date: string, timeZone: string): Promise<DailyStats> {
  const [row] = await prisma.$queryRaw<
    { placed: bigint; accepted: bigint; rejected: bigint; delivered: bigint; cancelled: bigint; failed: bigint; revenue: bigint | null; aov: number | null; delivery: number | null }[]
  >`
    SELECT count(*) AS placed,
           count(accepted_at) AS accepted,
           count(*) FILTER (WHERE status = 'REJECTED') AS rejected,
           count(*) FILTER (WHERE status = 'DELIVERED') AS delivered,
           count(*) FILTER (WHERE status = 'CANCELLED') AS cancelled,
           count(*) FILTER (WHERE status = 'FAILED') AS failed,
           sum(total_cents) FILTER (WHERE status IN ('ACCEPTED', 'DELIVERED')) AS revenue,
           avg(total_cents) FILTER (WHERE status IN ('ACCEPTED', 'DELIVERED'))::float8 AS aov,
           avg(extract(epoch FROM finished_at - placed_at)) FILTER (WHERE status = 'DELIVERED')::float8 AS delivery
    FROM "order"
    WHERE location_id = ${locationId}::uuid
      AND (placed_at AT TIME ZONE 'UTC' AT TIME ZONE ${timeZone})::date = ${date}::date`;
  const location = await prisma.location.findUniqueOrThrow({ where: { id: locationId }, select: { currency: true } });
  const n = (v: bigint | undefined) => Number(v ?? 0);
  return {
    date,
    timeZone,
    currency: location.currency,
    orders: {
      placed: n(row?.placed),
      accepted: n(row?.accepted),
      rejected: n(row?.rejected),
      delivered: n(row?.delivered),
      cancelled: n(row?.cancelled),
      failed: n(row?.failed),
    },
    revenueCents: n(row?.revenue ?? 0n),
    averageOrderValueCents: row?.aov == null ? null : Math.round(row.aov),
    averagePlacedToDeliveredSeconds: row?.delivery == null ? null : Math.round(row.delivery * 10) / 10,
  };
}
