/**
 * Z reports and range reports (issue 33, end of day), read from the receipts of business days
 * (report-data.sql.ts) and added up (z-report.ts). A closed day's Z report is the one stored at
 * its close (close-day.ts); an open day's is read live.
 */
import { addDays, type DayReportDto, DayReportDto as DayReportSchema, type RangeReportDto, type ReportTotalsDto } from "@ordered/contract";
import type { PrismaClient } from "../db/prisma.js";
import { type SqlRunner, sqlOn } from "../db/sql.js";
import {
  billSessions,
  categoriesOf,
  closedDays,
  closeOfDay,
  openSessionsUpTo,
  type ReportClock,
  type ReportSession,
  readClock,
  SESSIONS_PER_READ,
  sessionsOfDays,
} from "./report-data.sql.js";
import { MixBuilder, openSessionOf, TotalsBuilder } from "./z-report.js";

/** Bills `sessions` a read at a time and hands each to `add` (a year's receipts never sit in memory at once). */
async function eachBilled(
  db: SqlRunner,
  currency: string,
  sessions: readonly ReportSession[],
  categories: Map<string, string>,
  add: (billed: Awaited<ReturnType<typeof billSessions>>[number]) => void,
): Promise<void> {
  for (let i = 0; i < sessions.length; i += SESSIONS_PER_READ) {
    const billed = await billSessions(db, currency, sessions.slice(i, i + SESSIONS_PER_READ));
    const productIds = billed.flatMap((b) => b.orders.flatMap((o) => o.items.map((it) => it.productId)));
    for (const [id, name] of await categoriesOf(
      db,
      productIds.filter((id) => !categories.has(id)),
    ))
      categories.set(id, name);
    for (const b of billed) add(b);
  }
}

/** A business day's Z report as its receipts are now (in `db`: a close reads it under the location's lock). */
export async function liveDayReport(db: SqlRunner, locationId: string, day: string, clock: ReportClock): Promise<DayReportDto> {
  const totals = new TotalsBuilder(clock.currency);
  const categories = new Map<string, string>();
  const mix = new MixBuilder(categories, true);
  await eachBilled(db, clock.currency, await sessionsOfDays(db, locationId, day, day), categories, (b) => {
    totals.add(b);
    mix.add(b);
  });
  const open = await billSessions(db, clock.currency, await openSessionsUpTo(db, locationId, day));
  return {
    businessDay: day,
    timeZone: clock.timeZone,
    dayCutoffHour: clock.dayCutoffHour,
    startsAt: clock.startsAt,
    endsAt: clock.endsAt,
    close: null,
    totals: totals.result(),
    categories: mix.categoryMix(),
    products: mix.productMix(),
    staff: mix.staffSales(),
    hours: mix.hourly(clock.dayCutoffHour),
    adjustments: mix.adjustmentsInOrder(),
    openSessions: open.map(openSessionOf),
    receipts: mix.receipts,
  };
}

/** A stored report with its close: exactly what was stored, the close named beside it. */
export function storedReport(stored: { close: DayReportDto["close"]; report: unknown }): DayReportDto {
  return { ...DayReportSchema.parse(stored.report), close: stored.close };
}

/** The Z report of business day `day` (today's, by the location's clock, when not given). */
export async function dayReport(prisma: PrismaClient, locationId: string, day?: string): Promise<DayReportDto> {
  const db = sqlOn(prisma);
  const clock = await readClock(db, locationId, day);
  const businessDay = day ?? clock.today;
  const stored = await closeOfDay(db, locationId, businessDay);
  if (stored) return storedReport(stored);
  return liveDayReport(db, locationId, businessDay, clock);
}

/** A range report and each of its days' totals (the CSV's rows). */
export interface RangeReport {
  report: RangeReportDto;
  dayTotals: Map<string, ReportTotalsDto>;
  currency: string;
}

/** Business days from–to: the totals, each day, each hour of the clock, the product mix and staff. */
export async function rangeReport(prisma: PrismaClient, locationId: string, from: string, to: string): Promise<RangeReport> {
  const db = sqlOn(prisma);
  const clock = await readClock(db, locationId, from, to);
  const totals = new TotalsBuilder(clock.currency);
  const days = new Map<string, TotalsBuilder>();
  const categories = new Map<string, string>();
  const mix = new MixBuilder(categories, false);
  await eachBilled(db, clock.currency, await sessionsOfDays(db, locationId, from, to), categories, (b) => {
    totals.add(b);
    mix.add(b);
    const day = b.session.business_day ?? from;
    let builder = days.get(day);
    if (!builder) {
      builder = new TotalsBuilder(clock.currency);
      days.set(day, builder);
    }
    builder.add(b);
  });
  const closed = await closedDays(db, locationId, from, to);
  const dayTotals = new Map<string, ReportTotalsDto>();
  const rows: RangeReportDto["days"] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const t = (days.get(day) ?? new TotalsBuilder(clock.currency)).result();
    dayTotals.set(day, t);
    rows.push({
      businessDay: day,
      closed: closed.has(day),
      receipts: t.receipts,
      netCents: t.netCents,
      taxCents: t.taxCents,
      totalCents: t.totalCents,
      tipCents: t.tipCents,
    });
  }
  return {
    currency: clock.currency,
    dayTotals,
    report: {
      from,
      to,
      timeZone: clock.timeZone,
      dayCutoffHour: clock.dayCutoffHour,
      totals: totals.result(),
      days: rows,
      hours: mix.hourly(clock.dayCutoffHour),
      categories: mix.categoryMix(),
      products: mix.productMix(),
      staff: mix.staffSales(),
    },
  };
}
