/**
 * Business days in SQL (issue 33, end of day): the day a receipt belongs to, fixed on the
 * session when it closes, and where a day starts and ends. contract/src/business-day.ts is the
 * same rule for the web app.
 *
 * A day runs from the location's cut-off hour on its own clock (`location.day_cutoff_hour`,
 * `time_zone`) to the same hour the next morning. A receipt belongs to the day of its closing
 * time, or, when that day is already closed, to the first day after it that is not: so a refund
 * or a late table after a manager closed the day lands on the next day, and a closed day's Z
 * report stays what it was. Stored on the session (order_session.business_day) rather than
 * computed when read, so a later change of the time zone or cut-off moves no past receipt.
 */
import { z } from "zod";
import { isoText, raw, type Sql, type SqlRunner, sql, statement } from "../db/sql.js";

/** The business day (a date) of a UTC `timestamp` (a column's name, or an expression) on the clock of the location row `l`. */
export function businessDayOf(at: string | Sql): Sql {
  const ts = typeof at === "string" ? raw(at) : at;
  return sql`((${ts} AT TIME ZONE 'UTC' AT TIME ZONE l.time_zone) - make_interval(hours => l.day_cutoff_hour))::date`;
}

/** When business day `day` (a date expression) starts at location `l`, as an ISO 8601 instant in UTC. */
export function dayStartText(day: Sql): Sql {
  return sql`(SELECT ${isoText("x.t")} FROM (SELECT ((${day})::timestamp + make_interval(hours => l.day_cutoff_hour))
    AT TIME ZONE l.time_zone AT TIME ZONE 'UTC' AS t) x)`;
}

const LOCK_LOCATION_SHARE = statement<{ sessionId: string }>(
  "days.lock-location-share",
  (p) => sql`SELECT l.id FROM location l JOIN order_session s ON s.location_id = l.id WHERE s.id = ${p.sessionId}::uuid FOR SHARE OF l`,
);

const SET_BUSINESS_DAY = statement<{ sessionId: string }>(
  "days.set-business-day",
  (p) => sql`
    UPDATE order_session s SET business_day = (
      SELECT min(d)::date FROM generate_series(${businessDayOf("s.closed_at")}, ${businessDayOf("s.closed_at")} + 366, interval '1 day') d
      WHERE NOT EXISTS (SELECT 1 FROM day_close c WHERE c.location_id = s.location_id AND c.business_day = d::date))
    FROM location l
    WHERE s.id = ${p.sessionId}::uuid AND l.id = s.location_id`,
);

const Id = z.strictObject({ id: z.uuid() });

/**
 * Takes the location's row lock a session's close needs before its business day is read:
 * FOR SHARE, for a close that takes no receipt number (one that does locks the row harder
 * when it numbers the receipt, and must not take this first: two closes upgrading a shared
 * lock would deadlock). Closing a day locks the same row, so a session's close and a day's
 * close take turns.
 */
export async function lockLocationForClose(db: SqlRunner, sessionId: string): Promise<void> {
  await db.row(Id, LOCK_LOCATION_SHARE, { sessionId });
}

/**
 * Fixes the business day of a session just closed, in its close's transaction, once it holds
 * the location's row lock (lockLocationForClose, or the receipt's numbering). A statement of
 * its own, after the lock: under READ COMMITTED it then sees every day closed before it got
 * the lock, and a day's close waiting for that lock sees this session once it commits.
 */
export async function setBusinessDay(db: SqlRunner, sessionId: string): Promise<void> {
  await db.run(SET_BUSINESS_DAY, { sessionId });
}
