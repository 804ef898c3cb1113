/**
 * Closing a business day (issue 33, end of day): a manager stores the day's Z report as it is
 * now, and the day is locked — a receipt closed after this (a late table, a refund on a table
 * still open) belongs to the next day not closed (business-day.sql.ts), so nothing ever adds to
 * a closed day, and its stored report is never rewritten (a trigger refuses updates).
 *
 * Exactly once, as payments are: the device makes `clientCloseId`; the same id again answers the
 * stored close, the same id for another day is a CONFLICT, and a day already closed (by anyone)
 * is a CONFLICT naming who closed it. Everything happens under the location's row lock, which
 * every session's close also takes before it fixes its business day, so a close on another
 * instance at the same moment either lands before this one (and is in the report) or after it
 * (and on the next day).
 */
import { type CloseDayBody, centsText, type DayCloseDto, type DayReportDto } from "@ordered/contract";
import { z } from "zod";
import type { StaffPrincipal } from "../auth/tokens.js";
import type { PrismaClient } from "../db/prisma.js";
import { CLOCK, sql, sqlTransaction, statement } from "../db/sql.js";
import { AppError } from "../errors.js";
import { closeByClientId, closeOfDay, lockClock } from "./report-data.sql.js";
import { liveDayReport, storedReport } from "./reports.service.js";

const INSERT_CLOSE = statement<{
  locationId: string;
  day: string;
  clientCloseId: string;
  staffId: string;
  firstReceipt: number | null;
  lastReceipt: number | null;
  openSessions: number;
  report: string;
}>(
  "days.insert-close",
  (p) => sql`
    INSERT INTO day_close (id, location_id, business_day, client_close_id, closed_at, closed_by_id, first_receipt, last_receipt, open_sessions, report)
    VALUES (gen_random_uuid(), ${p.locationId}::uuid, ${p.day}::date, ${p.clientCloseId}, ${CLOCK}, ${p.staffId}::uuid,
            ${p.firstReceipt}::int, ${p.lastReceipt}::int, ${p.openSessions}::int, ${p.report}::jsonb)
    RETURNING id`,
);

export interface DayClosed {
  close: DayCloseDto;
  report: DayReportDto;
  /** false: this id had closed the day already (a retry); nothing new was stored. */
  created: boolean;
}

export async function closeDay(prisma: PrismaClient, staff: StaffPrincipal, body: z.output<typeof CloseDayBody>): Promise<DayClosed> {
  const day = body.businessDay;
  return sqlTransaction(prisma, async (db) => {
    const clock = await lockClock(db, staff.locationId, day);
    const repeat = await closeByClientId(db, staff.locationId, body.clientCloseId);
    if (repeat) {
      if (repeat.close.businessDay !== day) {
        throw new AppError(
          "CONFLICT",
          `close ${body.clientCloseId} already closed ${repeat.close.businessDay}: closing another day needs a new id`,
        );
      }
      return { ...stored(repeat), created: false };
    }
    const closed = await closeOfDay(db, staff.locationId, day);
    if (closed) {
      const by = closed.close.closedBy ? ` by ${closed.close.closedBy}` : "";
      throw new AppError("CONFLICT", `${day} was already closed${by} at ${closed.close.closedAt}: its Z report is stored`);
    }
    if (day > clock.today) throw new AppError("CONFLICT", `${day} has not begun yet (today is ${clock.today}): it cannot be closed`);
    const report = await liveDayReport(db, staff.locationId, day, clock);
    if (report.openSessions.length > 0 && !body.acknowledgeOpen) {
      const named = report.openSessions.map((s) => `${s.label} (${centsText(s.totalCents, report.totals.currency)} billed)`);
      throw new AppError(
        "OPEN_SESSIONS",
        `${named.length === 1 ? "a session is" : `${named.length} sessions are`} still open: ${named.join(", ")}. ` +
          "Close them first, or close the day anyway: they will count to the day they close",
      );
    }
    await db.row(z.strictObject({ id: z.uuid() }), INSERT_CLOSE, {
      locationId: staff.locationId,
      day,
      clientCloseId: body.clientCloseId,
      staffId: staff.staffId,
      firstReceipt: report.totals.firstReceipt,
      lastReceipt: report.totals.lastReceipt,
      openSessions: report.openSessions.length,
      report: JSON.stringify(report),
    });
    const made = await closeOfDay(db, staff.locationId, day);
    if (!made) throw new Error(`the close of ${day} just stored is not there`);
    return { ...stored(made), created: true };
  });
}

function stored(s: Parameters<typeof storedReport>[0] & { close: DayCloseDto }) {
  return { close: s.close, report: storedReport(s) };
}
