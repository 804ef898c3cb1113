/**
 * Business days (issue 33, end of day): a venue's day runs from its cut-off hour on its own
 * clock to the same hour the next morning, so a bar open past midnight books 01:30 to the day
 * before. zod-free: the web app uses it to name "today" the way the server does
 * (server/src/days/business-day.sql.ts computes the same in PostgreSQL).
 */

/** A new location's cut-off: 04:00, when even a late bar has closed and no bakery has opened. */
export const DEFAULT_DAY_CUTOFF_HOUR = 4;

/** Most business days one range report covers (a year, a leap one included). */
export const MAX_REPORT_DAYS = 366;

/** "2026-12-24": the business day of `instant` on the clock of `timeZone`, a day starting at `cutoffHour`. */
export function businessDayOf(instant: Date, timeZone: string, cutoffHour: number): string {
  // The wall-clock time in the zone, less the cut-off: what is left is the day's date.
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    hourCycle: "h23",
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"));
  return new Date(wall - cutoffHour * 3_600_000).toISOString().slice(0, 10);
}

/** The day `days` after (or before) a business day, "2026-12-31" + 1 → "2027-01-01". */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** How many business days from `from` to `to`, both included (0 when `to` is before `from`). */
export function dayCount(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1);
}

/** The business days from `from` to `to`, both included, in order. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

/**
 * An amount as a plain decimal, "1234.50" or "-0.05", from integer cents: what a spreadsheet
 * reads as a number (no thousands separator, no currency sign; the currency is its own column).
 */
export function decimalText(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
