/**
 * What every order transition shares. The moves themselves are data in the contract
 * (ORDER_TRANSITIONS, SHIPMENT_TRANSITIONS); each transition is one domain function in its
 * own file (place, process, ship, advance, cancel, fail) that checks its move against that
 * table under the order row's lock, applies it, and appends `order.updated` to the session
 * log in the same transaction. A transition applied twice finds the order already moved on
 * and returns `event: null`: it changes nothing.
 *
 * Lock order, for every writer (so no two ever wait on each other in a cycle):
 *   session row → order row → product rows (in id order).
 * Every writer of a session's log ends by updating the session row (the log's counter), so
 * each takes that row's lock first: placing an order (before its insert, which may wait on
 * a concurrent transition of the same clientOrderId's order), closing, and every transition
 * (lockOrderSql). Taking it last instead let a repeated placement holding the session row
 * wait on the pipeline's order row while the pipeline waited on the session row: a deadlock.
 * Product rows are taken FOR NO KEY UPDATE, which lets the foreign-key checks of
 * placements (FOR KEY SHARE) through.
 */
import type { LoggedEvent, OrderDto } from "@ordered/contract";
import { ORDER_STATUSES } from "@ordered/contract";
import { z } from "zod";
import type { Sql, SqlRunner } from "../db/sql.js";
import { raw, sql } from "../db/sql.js";
import { appendEvent } from "../session-log/session-log.js";
import { loadOrderDto, orderDtoPayload } from "./order-dto.sql.js";

export interface TransitionResult {
  order: OrderDto;
  locationId: string;
  /** The logged `order.updated`, or null when nothing changed (a repeat). */
  event: LoggedEvent<"order.updated"> | null;
}

export const LockedOrder = z.object({
  id: z.uuid(),
  status: z.enum(ORDER_STATUSES),
  session_id: z.uuid(),
  location_id: z.uuid(),
});
export type LockedOrder = z.output<typeof LockedOrder>;
const LockedOrderRow = LockedOrder.strict();

/**
 * Locks the order's session row, then the order row (the lock order above), and reads what
 * every transition checks. The uncorrelated EXISTS runs once, before the order is scanned,
 * so the session row is locked first. A statement of its own or the body of a CTE; `whole`
 * returns every column of the order (as locked: its latest version, even after a wait).
 */
export const lockOrderSql = (orderId: string, whole = false): Sql => sql`
  WITH session_lock AS MATERIALIZED (
    SELECT id FROM order_session WHERE id = (SELECT session_id FROM "order" WHERE id = ${orderId}::uuid) FOR NO KEY UPDATE
  )
  SELECT ${whole ? raw("*") : raw("id, status, session_id, location_id")} FROM "order"
  WHERE id = ${orderId}::uuid AND EXISTS (SELECT 1 FROM session_lock)
  FOR UPDATE`;

export async function lockOrder(db: SqlRunner, orderId: string): Promise<LockedOrder | undefined> {
  return db.row(LockedOrderRow, lockOrderSql(orderId));
}

/**
 * Logs the order as it now is, after `writes` (CTEs; optional) ran in the same statement.
 * `changed`, when given, names the CTE holding the order's new row (`RETURNING *`): the
 * DTO is built from it, since a statement does not see its own writes.
 */
export async function logOrderChange(
  db: SqlRunner,
  locked: LockedOrder,
  options: { writes?: Sql; changed?: Sql } = {},
): Promise<TransitionResult> {
  const { event } = await appendEvent(db, {
    type: "order.updated",
    sessionId: sql`${locked.session_id}::uuid`,
    payload: orderDtoPayload(sql`${locked.id}::uuid`, options.changed ? { order: options.changed } : undefined),
    ...(options.writes ? { writes: options.writes } : {}),
  });
  if (!event) throw new Error(`order ${locked.id} changed but was not logged`);
  return { order: event.payload, locationId: locked.location_id, event };
}

/**
 * appendEvent's `also` for a statement whose CTE `l` locked the order (lockOrderSql): the
 * locked row, null if there is no such order. `lockedResult` turns the answer into the
 * transition's result.
 */
export const LOCKED_ALSO = {
  columns: sql`(SELECT json_build_object('id', id, 'status', status, 'session_id', session_id, 'location_id', location_id) FROM l) AS locked`,
  shape: { locked: LockedOrder.nullable() },
};

export async function lockedResult(
  db: SqlRunner,
  event: LoggedEvent<"order.updated"> | null,
  locked: LockedOrder | null,
): Promise<TransitionResult | null> {
  if (!locked) return null;
  // The guard found nothing to do (a repeat): the order as it is.
  if (!event) return unchanged(db, locked);
  return { order: event.payload, locationId: locked.location_id, event };
}

/** The order as it is, for a transition that changed nothing. */
export async function unchanged(db: SqlRunner, locked: Pick<LockedOrder, "id" | "location_id">): Promise<TransitionResult> {
  const order = await loadOrderDto(db, { id: locked.id });
  if (!order) throw new Error(`order ${locked.id} vanished under its lock`);
  return { order, locationId: locked.location_id, event: null };
}
