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
 * (lockOrderCte, lockOrder). Taking it last instead let a repeated placement holding the session row
 * wait on the pipeline's order row while the pipeline waited on the session row: a deadlock.
 * Product rows are taken FOR NO KEY UPDATE, which lets the foreign-key checks of
 * placements (FOR KEY SHARE) through.
 */
import type { LoggedEvent, OrderDto } from "@ordered/contract";
import { ORDER_STATUSES } from "@ordered/contract";
import { z } from "zod";
import { type Cte, cte, type Param, raw, type Sql, type SqlRunner, sql, statement, takes } from "../db/sql.js";
import { appendEvent, appendStatement } from "../session-log/session-log.js";
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
 * so the session row is locked first. `whole` selects every column of the order (as locked:
 * its latest version, even after a wait).
 */
const lockOrderQuery = (orderId: Param<string>, whole: boolean): Sql => sql`
  WITH session_lock AS MATERIALIZED (
    SELECT id FROM order_session WHERE id = (SELECT session_id FROM "order" WHERE id = ${orderId}::uuid) FOR NO KEY UPDATE
  )
  SELECT ${whole ? raw("*") : raw("id, status, session_id, location_id")} FROM "order"
  WHERE id = ${orderId}::uuid AND EXISTS (SELECT 1 FROM session_lock)
  FOR UPDATE`;

/** The order locked (lockOrderQuery) as a CTE of a larger statement: the order's row, or none. */
export const lockOrderCte = (orderId: Param<string>, { whole = false } = {}): Cte<"l"> =>
  cte("l", lockOrderQuery(orderId, whole), { materialized: true });

const LOCK_ORDER = statement<{ orderId: string }>("orders.lock", (p) => lockOrderQuery(p.orderId, false));

export async function lockOrder(db: SqlRunner, orderId: string): Promise<LockedOrder | undefined> {
  return db.row(LockedOrderRow, LOCK_ORDER, { orderId });
}

const LOG_ORDER = appendStatement("orders.log-change", "order.updated", takes<{ orderId: string; sessionId: string }>(), (p) => ({
  sessionId: sql`${p.sessionId}::uuid`,
  payload: orderDtoPayload(sql`${p.orderId}::uuid`),
}));

/** Logs the order as it now is (after the caller's writes, earlier statements of its transaction). */
export async function logOrderChange(db: SqlRunner, locked: LockedOrder): Promise<TransitionResult> {
  const { event } = await appendEvent(db, LOG_ORDER, { orderId: locked.id, sessionId: locked.session_id });
  if (!event) throw new Error(`order ${locked.id} changed but was not logged`);
  return { order: event.payload, locationId: locked.location_id, event };
}

/**
 * appendEvent's `also` for a statement whose CTE `lock` locked the order (lockOrderCte):
 * the locked row, null if there is no such order. `lockedResult` turns the answer into the
 * transition's result.
 */
const LOCKED_SHAPE = { locked: LockedOrder.nullable() };
export const lockedAlso = (lock: Cte<"l">) => ({
  columns: sql`(SELECT json_build_object('id', id, 'status', status, 'session_id', session_id, 'location_id', location_id) FROM ${lock.ref}) AS locked`,
  shape: LOCKED_SHAPE,
});

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
