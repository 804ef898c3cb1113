/**
 * What every order transition shares. The moves themselves are data in the contract
 * (ORDER_TRANSITIONS, SHIPMENT_TRANSITIONS); each transition is one domain function in its
 * own file (place, process, ship, advance, cancel, fail) that checks its move against that
 * table under the order row's lock, applies it, and appends `order.updated` to the session
 * log in the same transaction. A transition applied twice finds the order already moved on
 * and returns `event: null`: it changes nothing.
 *
 * Lock order, for every writer (so no two wait on each other in a cycle):
 *   order row → product rows (in id order) → session row (taken by appending to the log).
 * Placing an order locks its session row first but takes no other lock after it (its order
 * row is new, and the product foreign-key checks take FOR KEY SHARE, which the transitions'
 * FOR NO KEY UPDATE on products lets through).
 */
import type { LoggedEvent, OrderDto } from "@ordered/contract";
import { ORDER_STATUSES } from "@ordered/contract";
import { z } from "zod";
import type { Sql, SqlRunner } from "../db/sql.js";
import { sql } from "../db/sql.js";
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

/** Locks the order row (first in the lock order) and reads what every transition checks. */
export const lockOrderSql = (orderId: string): Sql => sql`
  SELECT id, status, session_id, location_id FROM "order" WHERE id = ${orderId}::uuid FOR UPDATE`;

export async function lockOrder(db: SqlRunner, orderId: string): Promise<LockedOrder | undefined> {
  return db.row(LockedOrder.strict(), lockOrderSql(orderId));
}

/**
 * Logs the order as it now is, after `writes` (CTEs; optional) ran in the same statement.
 * `changed`, when given, names the CTE holding the order's new row (`RETURNING *`): the
 * DTO is built from it, since a statement does not see its own writes.
 */
export async function logOrderChange(
  db: SqlRunner,
  locked: LockedOrder,
  options: { writes?: Sql; changed?: Sql; at?: Date } = {},
): Promise<TransitionResult> {
  const { event } = await appendEvent(db, {
    type: "order.updated",
    sessionId: sql`${locked.session_id}::uuid`,
    payload: orderDtoPayload(sql`${locked.id}::uuid`, options.changed ? { order: options.changed } : undefined),
    ...(options.writes ? { writes: options.writes } : {}),
    ...(options.at ? { at: options.at } : {}),
  });
  if (!event) throw new Error(`order ${locked.id} changed but was not logged`);
  return { order: event.payload, locationId: locked.location_id, event };
}

/** The order as it is, for a transition that changed nothing. */
export async function unchanged(db: SqlRunner, locked: Pick<LockedOrder, "id" | "location_id">): Promise<TransitionResult> {
  const order = await loadOrderDto(db, { id: locked.id });
  if (!order) throw new Error(`order ${locked.id} vanished under its lock`);
  return { order, locationId: locked.location_id, event: null };
}
