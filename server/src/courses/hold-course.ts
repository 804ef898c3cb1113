/**
 * Hold and fire a course at a table (`course:hold`, `course:fire`; issue 32, item 3).
 *
 * A held course is a row of `course_hold` (session, course): while it is there, the tickets of
 * that course at that table wait held (`ticket.fired_at` null): the processing stage makes new
 * ones held (ship-order.ts), and holding makes the course's tickets no station started held.
 * Firing deletes the row and stamps `fired_at` on the held tickets: the kitchen's clock for
 * them starts then. Each changed order is logged as `order.updated` (its tickets carry
 * `firedAt`), so displays, panel and phones apply it like any order change, live and on replay.
 *
 * Idempotent by the WHERE of each write: holding a held course or firing a fired one changes
 * no row, logs nothing, and answers the same (the session's orders of that course as they are).
 * Lock order: the session row first (like every writer of its log), then ticket rows; a
 * ticket move takes session → order → ticket, so the two never wait on each other in a cycle.
 */
import type { LoggedEvent, OrderDto } from "@ordered/contract";
import { z } from "zod";
import type { StaffPrincipal } from "../auth/tokens.js";
import { label } from "../db/enums.js";
import type { PrismaClient } from "../db/prisma.js";
import { CLOCK, type SqlRunner, sql, sqlTransaction, statement } from "../db/sql.js";
import { AppError } from "../errors.js";
import { loadSessionOrderDtos } from "../orders/order-dto.sql.js";
import { logOrderChange } from "../orders/transition.js";

export interface CourseChange {
  /** The session's orders with tickets of this course, as they are now. */
  orders: OrderDto[];
  /** One `order.updated` per order whose tickets changed; none for a repeat. */
  events: LoggedEvent<"order.updated">[];
}

type Ids = { sessionId: string; courseId: string; locationId: string };

const LOCK = statement<Ids>(
  "courses.lock-session",
  (p) => sql`SELECT s.status,
           (SELECT name FROM course WHERE id = ${p.courseId}::uuid AND location_id = ${p.locationId}::uuid) AS course
    FROM order_session s WHERE s.id = ${p.sessionId}::uuid AND s.location_id = ${p.locationId}::uuid
    FOR NO KEY UPDATE`,
);
const Locked = z.strictObject({ status: z.enum(["OPEN", "CLOSED"]), course: z.string().nullable() });

const HOLD = statement<{ sessionId: string; courseId: string; staffId: string }>(
  "courses.hold",
  (p) => sql`
    WITH held AS (
      INSERT INTO course_hold (session_id, course_id, held_at, held_by_id)
      VALUES (${p.sessionId}::uuid, ${p.courseId}::uuid, ${CLOCK}, ${p.staffId}::uuid)
      ON CONFLICT (session_id, course_id) DO NOTHING
    )
    UPDATE ticket t SET fired_at = NULL
    FROM "order" o
    WHERE o.id = t.order_id AND o.session_id = ${p.sessionId}::uuid AND o.status = ${label("OrderStatus", "ACCEPTED")}
      AND t.course_id = ${p.courseId}::uuid AND t.status = ${label("TicketStatus", "NEW")} AND t.fired_at IS NOT NULL
    RETURNING t.order_id`,
);

const FIRE = statement<{ sessionId: string; courseId: string }>(
  "courses.fire",
  (p) => sql`
    WITH released AS (
      DELETE FROM course_hold WHERE session_id = ${p.sessionId}::uuid AND course_id = ${p.courseId}::uuid
    )
    UPDATE ticket t SET fired_at = ${CLOCK}
    FROM "order" o
    WHERE o.id = t.order_id AND o.session_id = ${p.sessionId}::uuid
      AND t.course_id = ${p.courseId}::uuid AND t.fired_at IS NULL
    RETURNING t.order_id`,
);

const Changed = z.strictObject({ order_id: z.uuid() });

async function change(
  prisma: PrismaClient,
  staff: StaffPrincipal,
  input: { sessionId: string; courseId: string },
  write: (db: SqlRunner) => Promise<{ order_id: string }[]>,
): Promise<CourseChange> {
  return sqlTransaction(prisma, async (db) => {
    const locked = await db.row(Locked, LOCK, { ...input, locationId: staff.locationId });
    if (!locked) throw AppError.notFound("session");
    if (locked.course === null) throw AppError.notFound("course");
    if (locked.status !== "OPEN") throw new AppError("SESSION_CLOSED", "this table's session is closed");
    const changed = [...new Set((await write(db)).map((r) => r.order_id))].sort();
    const events: LoggedEvent<"order.updated">[] = [];
    for (const id of changed) {
      const { event } = await logOrderChange(db, {
        id,
        status: "ACCEPTED",
        session_id: input.sessionId,
        location_id: staff.locationId,
      });
      if (event) events.push(event);
    }
    const orders = (await loadSessionOrderDtos(db, input.sessionId)).filter((o) => o.tickets.some((t) => t.courseId === input.courseId));
    return { orders, events };
  });
}

/** Holds a course at a table: its tickets no station started wait, and so do its later ones, until it is fired. */
export function holdCourse(prisma: PrismaClient, staff: StaffPrincipal, input: { sessionId: string; courseId: string }) {
  return change(prisma, staff, input, (db) => db.rows(Changed, HOLD, { ...input, staffId: staff.staffId }));
}

/** Fires a course at a table: its held tickets go live, aged from now; later ones come live. */
export function fireCourse(prisma: PrismaClient, staff: StaffPrincipal, input: { sessionId: string; courseId: string }) {
  return change(prisma, staff, input, (db) => db.rows(Changed, FIRE, input));
}
