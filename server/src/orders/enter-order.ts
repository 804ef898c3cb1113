/**
 * Staff take an order at a table (the waiter's order pad: `order:enter`, POST
 * /api/sessions/:id/orders): the same lines, checks and prices as a phone's order
 * (place-order.ts), onto any open session of the staff member's location, with or without
 * phones at it. Exactly once by the staff device's clientOrderId, like a phone's: a repeat
 * with the same lines returns the stored order, with other lines it is a CONFLICT.
 *
 * Unlike a phone's, no presence check and no table budget (staff are accounts of the venue,
 * checked on every command), and no in-memory menu: the order pad is not the hot path, so
 * the session and the products are read afresh and written in two statements.
 */
import { randomUUID } from "node:crypto";
import { type EnterOrderPayload, OrderDto as OrderDtoSchema } from "@ordered/contract";
import { z } from "zod";
import type { StaffPrincipal } from "../auth/tokens.js";
import { label } from "../db/enums.js";
import type { PrismaClient } from "../db/prisma.js";
import { CLOCK, cte, sql, sqlStatements, statement, takes } from "../db/sql.js";
import { AppError } from "../errors.js";
import { appendEvent, appendStatement } from "../session-log/session-log.js";
import { loadOrderDto, orderDtoPayload, orderDtoSelect } from "./order-dto.sql.js";
import {
  type Line,
  lines,
  MENU_READS,
  type OrderInsertParams,
  offeredProducts,
  orderInserts,
  orderInsertValues,
  type PlaceOrderResult,
  repeatOf,
} from "./place-order.js";
import { Offered } from "./placement-menus.js";

/** As a phone's placement: the order, and its `order.placed` event unless it was a repeat. */
export type EnterOrderResult = PlaceOrderResult;

const SessionRead = z.strictObject({
  status: z.enum(["OPEN", "CLOSED"]),
  currency: z.string(),
  time_zone: z.string(),
  menu_version: z.number().int(),
  existing: OrderDtoSchema.nullable(),
  products: z.array(Offered),
  course_ids: z.array(z.uuid()),
});

/** The session (of the staff member's location), an order stored under this id, and the products ordered. */
const READ = statement<{ sessionId: string; locationId: string; clientOrderId: string; productIds: string[] }>(
  "orders.enter-read",
  (p) => sql`
    SELECT s.status, l.currency, l.time_zone, l.menu_version,
           (SELECT d.dto FROM (${orderDtoSelect()}
             WHERE o.session_id = s.id AND o.client_order_id = ${p.clientOrderId}) d) AS existing,
           ${offeredProducts(p.productIds)} AS products,
           ARRAY(SELECT id FROM course WHERE location_id = s.location_id) AS course_ids
    FROM order_session s JOIN location l ON l.id = s.location_id
    WHERE s.id = ${p.sessionId}::uuid AND s.location_id = ${p.locationId}::uuid`,
);

interface EnterParams extends OrderInsertParams {
  sessionId: string;
  staffId: string;
  menuVersion: number;
  /** Courses of the lines to hold at the table (course_hold), when the order is stored. */
  holdCourseIds: string[];
}

/**
 * The write: lock the session row if it is still OPEN and the menu still at the version the
 * lines were checked against, insert the order (entered by the staff member) and its lines,
 * and log `order.placed` with its DTO; the session's order count gives its number.
 */
const ENTER = appendStatement("orders.enter", "order.placed", takes<EnterParams>(), (p) => {
  const openSession = cte(
    "open_session",
    sql`
        SELECT s.id, s.orders_placed + 1 AS number
        FROM order_session s JOIN location l ON l.id = s.location_id
        WHERE s.id = ${p.sessionId}::uuid AND s.status = ${label("SessionStatus", "OPEN")} AND s.location_id = ${p.locationId}::uuid
          AND l.menu_version = ${p.menuVersion}
        FOR NO KEY UPDATE OF s`,
    { materialized: true },
  );
  const { placed, placedItems } = orderInserts(p, openSession, {
    customerId: sql`NULL::uuid`,
    enteredById: sql`${p.staffId}::uuid`,
    when: sql`true`,
  });
  // Held with the order, in its statement: processing (after the commit) makes their tickets held.
  const held = cte(
    "held",
    sql`
        INSERT INTO course_hold (session_id, course_id, held_at, held_by_id)
        SELECT o.session_id, h.course_id, ${CLOCK}, ${p.staffId}::uuid
        FROM ${placed.ref} o, unnest(${p.holdCourseIds}::uuid[]) AS h(course_id)
        ON CONFLICT (session_id, course_id) DO NOTHING
        RETURNING course_id`,
  );
  return {
    sessionId: sql`${p.sessionId}::uuid`,
    writes: [openSession, placed, placedItems, held],
    payload: orderDtoPayload(sql`(SELECT id FROM ${placed.ref})`, { order: placed, items: placedItems }),
    sessionSet: sql`orders_placed = orders_placed + 1`,
    also: {
      columns: sql`(SELECT menu_version FROM location WHERE id = ${p.locationId}::uuid) AS menu_version`,
      shape: { menu_version: z.number().int().nullable() },
    },
  };
});

export async function enterOrder(
  prisma: PrismaClient,
  staff: StaffPrincipal,
  input: z.output<typeof EnterOrderPayload>,
): Promise<EnterOrderResult> {
  return sqlStatements(prisma, async (db) => {
    const productIds = [...new Set(input.items.map((i) => i.productId))];
    for (let read = 1; ; read++) {
      const session = await db.row(SessionRead, READ, {
        sessionId: input.sessionId,
        locationId: staff.locationId,
        clientOrderId: input.clientOrderId,
        productIds,
      });
      if (!session) throw AppError.notFound("session");
      if (session.existing) return repeatOf(session.existing, input);
      if (session.status !== "OPEN") throw new AppError("SESSION_CLOSED", "this table's session is closed");
      const menu = {
        version: session.menu_version,
        currency: session.currency,
        timeZone: session.time_zone,
        products: new Map(session.products.map((o) => [o.p.id, o])),
      };
      const items = lines(menu, input, new Date(), { quiet: false })!;
      const holdCourseIds = checkCourses(input, items, session.course_ids);
      const written = await appendEvent(db, ENTER, {
        orderId: randomUUID(),
        sessionId: input.sessionId,
        locationId: staff.locationId,
        staffId: staff.staffId,
        clientOrderId: input.clientOrderId,
        menuVersion: menu.version,
        holdCourseIds,
        currency: menu.currency,
        ...orderInsertValues(items),
      });
      if (written.event) return { order: written.event.payload, event: written.event };
      // Nothing written: the same id committed first by a concurrent request (a double tap
      // on two instances), the session closed since the read, or the menu changed under it.
      const existing = await loadOrderDto(db, { sessionId: input.sessionId, clientOrderId: input.clientOrderId });
      if (existing) return repeatOf(existing, input);
      if (written.also.menu_version === menu.version) throw new AppError("SESSION_CLOSED", "this table's session is closed");
      if (read >= MENU_READS) throw new AppError("UNAVAILABLE", "the menu changed while this order was taken; send it again");
    }
  });
}

/**
 * A waiter's courses must be the location's (another location's course, or one deleted since
 * the pad loaded, is refused), and a course to hold must be one of the order's lines. Returns
 * the courses to hold, once each.
 */
function checkCourses(input: z.output<typeof EnterOrderPayload>, items: Line[], locationCourses: string[]): string[] {
  const known = new Set(locationCourses);
  input.items.forEach((item, i) => {
    if (item.courseId != null && !known.has(item.courseId)) {
      throw new AppError("VALIDATION_FAILED", `items.${i}.courseId: not a course of this location`);
    }
  });
  const ordered = new Set(items.map((l) => l.courseId));
  const hold = [...new Set(input.hold ?? [])];
  for (const courseId of hold) {
    if (!ordered.has(courseId)) throw new AppError("VALIDATION_FAILED", `hold: ${courseId} is not a course of this order's lines`);
  }
  return hold;
}
