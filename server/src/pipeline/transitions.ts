/**
 * The order and shipment status machine (drawn in docs/architecture.md). Every transition
 * locks the order row, checks the expected status in the same transaction, applies the
 * change, and appends `order.updated` to the session log. A transition applied twice finds
 * the order already moved on and returns `event: null`: it changes nothing.
 *
 * Lock order, everywhere: order row → product rows (sorted by id) → session row (appendEvent).
 * Plain SQL on the hot path (db/sql.ts says why).
 */
import type { Db, PrismaClient } from "../db/prisma.js";
import { poolQuery, Prisma, sql, sqlTransaction, utc, type Query } from "../db/sql.js";
import type { OrderDto } from "../dto.js";
import { AppError } from "../errors.js";
import { loadOrderDto, orderDtoPayload, orderDtoSelect } from "../orders/order-dto.sql.js";
import { appendEventFrom, logEventCtes, type LoggedEvent } from "../sessions/session-log.js";

export interface TransitionResult {
  order: OrderDto;
  locationId: string;
  /** The logged `order.updated`, or null when nothing changed (a repeat). */
  event: LoggedEvent | null;
}

interface LockedOrder {
  id: string;
  status: Db.OrderStatus;
  session_id: string;
  location_id: string;
}

const LOCK_ORDER = (orderId: string) => sql`
  SELECT id, status, session_id, location_id FROM "order" WHERE id = ${orderId}::uuid FOR UPDATE`;

async function lockOrder(q: Query, orderId: string): Promise<LockedOrder | undefined> {
  const [row] = await q<LockedOrder>(LOCK_ORDER(orderId));
  return row;
}

/** The order as it now is, and its `order.updated` event if it changed: one round trip. */
async function finish(q: Query, locked: LockedOrder, changed: boolean): Promise<TransitionResult> {
  if (changed) {
    const event = (await appendEventFrom<"order.updated", OrderDto>(q, locked.session_id, "order.updated", orderDtoPayload(locked.id)))!;
    return { order: event.payload, locationId: locked.location_id, event };
  }
  const order = (await loadOrderDto(q, { id: locked.id }))!;
  return { order, locationId: locked.location_id, event: null };
}

interface Wanted {
  product_id: string;
  /** Name as snapshotted on the order. */
  name: string;
  quantity: number;
  location_id: string | null;
  available: boolean | null;
  /** Read under the product row's lock (null: stock not tracked, or the product is gone). */
  stock: number | null;
}

/** Why an order cannot be accepted as things stand, or null if it can. */
function rejection(locationId: string, wanted: Wanted[]): string | null {
  for (const w of wanted) {
    if (w.location_id !== locationId) return `${w.name} is no longer on the menu`;
    if (!w.available) return `${w.name} is sold out`;
    if (w.stock !== null && w.stock < w.quantity) return w.stock === 0 ? `${w.name} is sold out` : `only ${w.stock} ${w.name} left`;
  }
  return null;
}

/**
 * Stage "processing": PLACED → ACCEPTED (stock reserved, total computed) or REJECTED with a
 * reason a customer can read. Returns null if the order does not exist.
 *
 * Four round trips with BEGIN and COMMIT: lock the order and read what it wants, with the
 * stock-tracked product rows locked in id order (so two orders never wait on each other in
 * a cycle, and the stock read is the stock the UPDATE will change). The lock is FOR NO KEY
 * UPDATE, what the UPDATE itself would take: it lets placements' foreign-key checks on the
 * product (FOR KEY SHARE) through, so a placement holding its session row never waits on
 * us while we wait on that session row to log our event. Then decide here; then one
 * statement reserves all stock, accepts (or rejects) and logs the result.
 */
export async function processOrder(prisma: PrismaClient, orderId: string): Promise<TransitionResult | null> {
  return sqlTransaction(prisma, async (q) => {
    const [row] = await q<LockedOrder & { wanted: Wanted[] | null }>(sql`
      WITH l AS MATERIALIZED (${LOCK_ORDER(orderId)}),
      w AS (
        SELECT product_id, min(product_name) AS name, sum(quantity)::int AS quantity FROM order_item
        WHERE order_id = ${orderId}::uuid AND (SELECT status FROM l) = 'PLACED'
        GROUP BY product_id
      ),
      stocked AS MATERIALIZED (
        SELECT id, stock FROM product
        WHERE id IN (SELECT product_id FROM w) AND stock IS NOT NULL
        ORDER BY id FOR NO KEY UPDATE
      )
      SELECT l.id, l.status, l.session_id, l.location_id,
        (SELECT json_agg(json_build_object(
            'product_id', w.product_id, 'name', w.name, 'quantity', w.quantity,
            'location_id', p.location_id, 'available', p.available, 'stock', s.stock) ORDER BY w.product_id)
         FROM w LEFT JOIN product p ON p.id = w.product_id LEFT JOIN stocked s ON s.id = w.product_id) AS wanted
      FROM l`);
    if (!row) return null;
    const { wanted: found, ...locked } = row;
    const wanted = found ?? [];
    if (locked.status !== "PLACED") return finish(q, locked, false);

    const reason = rejection(locked.location_id, wanted);
    const at = new Date();
    const now = utc(at);
    if (reason) {
      return changeAndLog(q, locked, at, sql`
        changed AS (
          UPDATE "order" SET status = 'REJECTED', status_reason = ${reason},
            processed_at = ${now}, finished_at = ${now}, updated_at = ${now}
          WHERE id = ${orderId}::uuid
          RETURNING *
        )`);
    }

    // The product rows are locked and their stock was checked above; the CHECK constraint
    // (stock >= 0) stands behind that: if it ever failed, all of this rolls back and the job
    // is retried.
    const reserve = wanted.filter((w) => w.stock !== null);
    return changeAndLog(q, locked, at, sql`
      reserved AS (
        UPDATE product p SET stock = p.stock - x.quantity, updated_at = ${now}
        FROM unnest(${reserve.map((w) => w.product_id)}::uuid[], ${reserve.map((w) => w.quantity)}::int[]) AS x(id, quantity)
        WHERE p.id = x.id
      ),
      changed AS (
        UPDATE "order" SET status = 'ACCEPTED', status_reason = NULL, processed_at = ${now}, accepted_at = ${now}, updated_at = ${now},
          total_cents = (SELECT coalesce(sum(unit_price_cents * quantity), 0) FROM order_item WHERE order_id = ${orderId}::uuid)
        WHERE id = ${orderId}::uuid
        RETURNING *
      )`);
  });
}

/**
 * Runs `writes` — data-modifying CTEs ending in one named `changed` that returns the order's
 * new row (`RETURNING *`) — and logs the order as it now is, in one statement: a statement
 * does not see its own writes, so the DTO is built from `changed`.
 */
async function changeAndLog(q: Query, locked: LockedOrder, at: Date, writes: Prisma.Sql): Promise<TransitionResult> {
  const payload = orderDtoPayload(locked.id, { order: sql`changed` });
  const event = await appendEventFrom<"order.updated", OrderDto>(q, locked.session_id, "order.updated", payload, { writes, at });
  if (!event) throw new Error(`order ${locked.id} changed but was not logged`);
  return { order: event.payload, locationId: locked.location_id, event };
}

/**
 * Stage "shipping": an ACCEPTED order gets its Shipment (PREPARING), once. One statement, so
 * one round trip and no BEGIN/COMMIT: lock the order, create the shipment if it is ACCEPTED
 * and has none, and log the order with it. The DTO reads the order from the locked row (the
 * latest version, even if the lock was waited for) and the shipment from the insert.
 */
export async function shipOrder(prisma: PrismaClient, orderId: string): Promise<TransitionResult | null> {
  const at = new Date();
  const now = utc(at);
  const [row] = await poolQuery(prisma)<LockedOrder & { seq: number | null; payload: OrderDto | null }>(sql`
    WITH l AS MATERIALIZED (SELECT * FROM "order" WHERE id = ${orderId}::uuid FOR UPDATE),
    created AS (
      INSERT INTO shipment (id, order_id, status, created_at, updated_at)
      SELECT gen_random_uuid(), l.id, 'PREPARING', ${now}, ${now} FROM l WHERE l.status = 'ACCEPTED'
      ON CONFLICT (order_id) DO NOTHING
      RETURNING *
    ),
    payload AS MATERIALIZED (
      SELECT d.dto AS payload FROM (${orderDtoSelect({ order: sql`l`, shipment: sql`created` })}) d
      WHERE EXISTS (SELECT 1 FROM created)
    ),
    ${logEventCtes(sql`(SELECT session_id FROM l)`, "order.updated", at)}
    SELECT l.id, l.status, l.session_id, l.location_id, logged.seq, payload.payload
    FROM l LEFT JOIN logged ON true LEFT JOIN payload ON true`);
  if (!row) return null;
  const { seq, payload, ...locked } = row;
  if (seq === null || payload === null) {
    // Not ACCEPTED, or shipped already: nothing changed.
    const order = (await loadOrderDto(poolQuery(prisma), { id: orderId }))!;
    return { order, locationId: locked.location_id, event: null };
  }
  return {
    order: payload,
    locationId: locked.location_id,
    event: { sessionId: locked.session_id, seq, type: "order.updated", payload, at: at.toISOString() },
  };
}

const NEXT_SHIPMENT_STATUS = { PREPARING: "READY", READY: "DELIVERED" } as const;

/**
 * Staff report progress: PREPARING → READY → DELIVERED (the order is DELIVERED with it).
 * Asking for the status the shipment already has is a no-op; skipping or going back is refused.
 */
export async function advanceShipment(
  prisma: PrismaClient,
  locationId: string,
  orderId: string,
  to: "READY" | "DELIVERED",
): Promise<TransitionResult> {
  return sqlTransaction(prisma, async (q) => {
    const locked = await lockOrder(q, orderId);
    if (!locked || locked.location_id !== locationId) throw AppError.notFound("order");
    if (locked.status !== "ACCEPTED" && !(locked.status === "DELIVERED" && to === "DELIVERED")) {
      throw new AppError("CONFLICT", `a ${locked.status.toLowerCase()} order cannot be marked ${to.toLowerCase()}`);
    }
    const [shipment] = await q<{ status: Db.ShipmentStatus }>(sql`SELECT status FROM shipment WHERE order_id = ${orderId}::uuid`);
    if (!shipment) throw new AppError("CONFLICT", "this order is still being processed; try again in a moment");
    if (shipment.status === to) return finish(q, locked, false);
    const next = NEXT_SHIPMENT_STATUS[shipment.status as keyof typeof NEXT_SHIPMENT_STATUS];
    if (next !== to) {
      throw new AppError("CONFLICT", `cannot go from ${shipment.status.toLowerCase()} to ${to.toLowerCase()}`);
    }
    const now = utc(new Date());
    if (to === "READY") {
      await q(sql`UPDATE shipment SET status = 'READY', ready_at = ${now}, updated_at = ${now} WHERE order_id = ${orderId}::uuid`);
    } else {
      await q(sql`UPDATE shipment SET status = 'DELIVERED', delivered_at = ${now}, updated_at = ${now} WHERE order_id = ${orderId}::uuid`);
      await q(sql`UPDATE "order" SET status = 'DELIVERED', finished_at = ${now}, updated_at = ${now} WHERE id = ${orderId}::uuid`);
    }
    return finish(q, locked, true);
  });
}

/** Staff cancel an order that is not delivered yet; reserved stock comes back. */
export async function cancelOrder(prisma: PrismaClient, locationId: string, orderId: string, reason?: string): Promise<TransitionResult> {
  return sqlTransaction(prisma, async (q) => {
    const locked = await lockOrder(q, orderId);
    if (!locked || locked.location_id !== locationId) throw AppError.notFound("order");
    if (locked.status === "CANCELLED") return finish(q, locked, false);
    if (locked.status !== "PLACED" && locked.status !== "ACCEPTED") {
      throw new AppError("CONFLICT", `a ${locked.status.toLowerCase()} order cannot be cancelled`);
    }
    const now = utc(new Date());
    if (locked.status === "ACCEPTED") {
      // Give back what processing reserved; product rows locked in id order like the reservation.
      await q(sql`
        WITH w AS (
          SELECT product_id, sum(quantity)::int AS quantity FROM order_item WHERE order_id = ${orderId}::uuid GROUP BY product_id
        ),
        stocked AS MATERIALIZED (
          SELECT id FROM product WHERE id IN (SELECT product_id FROM w) AND stock IS NOT NULL ORDER BY id FOR NO KEY UPDATE
        )
        UPDATE product p SET stock = p.stock + w.quantity, updated_at = ${now}
        FROM w JOIN stocked ON stocked.id = w.product_id
        WHERE p.id = w.product_id`);
      await q(sql`
        UPDATE shipment SET status = 'CANCELLED', updated_at = ${now}
        WHERE order_id = ${orderId}::uuid AND status IN ('PREPARING', 'READY')`);
    }
    await q(sql`
      UPDATE "order" SET status = 'CANCELLED', status_reason = ${reason ?? "cancelled by staff"}, finished_at = ${now}, updated_at = ${now}
      WHERE id = ${orderId}::uuid`);
    return finish(q, locked, true);
  });
}

/** Dead letter: processing failed for good; the order shows FAILED with the reason. */
export async function failOrder(prisma: PrismaClient, orderId: string, reason: string): Promise<TransitionResult | null> {
  return settlePlaced(prisma, orderId, "FAILED", reason);
}

/** PLACED → a final outcome of processing (REJECTED or FAILED), with its reason. */
async function settlePlaced(prisma: PrismaClient, orderId: string, status: "REJECTED" | "FAILED", reason: string) {
  return sqlTransaction(prisma, async (q) => {
    const locked = await lockOrder(q, orderId);
    if (!locked) return null;
    if (locked.status !== "PLACED") return finish(q, locked, false);
    const now = utc(new Date());
    await q(sql`
      UPDATE "order" SET status = ${status}::"OrderStatus", status_reason = ${reason.slice(0, 500)},
        processed_at = ${now}, finished_at = ${now}, updated_at = ${now}
      WHERE id = ${orderId}::uuid`);
    return finish(q, locked, true);
  });
}
