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
import { sql, sqlTransaction, utc, type Query } from "../db/sql.js";
import type { OrderDto } from "../dto.js";
import { AppError } from "../errors.js";
import { loadOrderDto } from "../orders/order-dto.sql.js";
import { appendEvent, type LoggedEvent } from "../sessions/session-log.js";

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

async function lockOrder(q: Query, orderId: string): Promise<LockedOrder | undefined> {
  const [row] = await q<LockedOrder>(sql`
    SELECT id, status, session_id, location_id FROM "order" WHERE id = ${orderId}::uuid FOR UPDATE`);
  return row;
}

async function finish(q: Query, locked: LockedOrder, changed: boolean): Promise<TransitionResult> {
  const order = (await loadOrderDto(q, { id: locked.id }))!;
  const event = changed ? await appendEvent(q, locked.session_id, "order.updated", order) : null;
  return { order, locationId: locked.location_id, event };
}

/** Thrown inside processing to roll back reservations before recording a rejection. */
class Rejection extends Error {}

interface Wanted {
  product_id: string;
  /** Name as snapshotted on the order. */
  name: string;
  quantity: number;
  location_id: string | null;
  available: boolean | null;
  stock: number | null;
}

/**
 * Stage "processing": PLACED → ACCEPTED (stock reserved, total computed) or REJECTED with a
 * reason a customer can read. Returns null if the order does not exist.
 */
export async function processOrder(prisma: PrismaClient, orderId: string): Promise<TransitionResult | null> {
  try {
    return await sqlTransaction(prisma, async (q) => {
      const locked = await lockOrder(q, orderId);
      if (!locked) return null;
      if (locked.status !== "PLACED") return finish(q, locked, false);

      // Quantity per product (an order may list one product on several lines), in id order.
      const wanted = await q<Wanted>(sql`
        SELECT i.product_id, min(i.product_name) AS name, sum(i.quantity)::int AS quantity,
               p.location_id, p.available, p.stock
        FROM order_item i LEFT JOIN product p ON p.id = i.product_id
        WHERE i.order_id = ${orderId}::uuid
        GROUP BY i.product_id, p.location_id, p.available, p.stock
        ORDER BY i.product_id`);
      for (const w of wanted) {
        if (w.location_id !== locked.location_id) throw new Rejection(`${w.name} is no longer on the menu`);
        if (!w.available) throw new Rejection(`${w.name} is sold out`);
        if (w.stock === null) continue;
        // Guarded reservation: never below zero, however many orders race for the last items.
        const reserved = await q<{ stock: number }>(sql`
          UPDATE product SET stock = stock - ${w.quantity}, updated_at = ${utc(new Date())}
          WHERE id = ${w.product_id}::uuid AND stock >= ${w.quantity}
          RETURNING stock`);
        if (reserved.length === 0) {
          // Re-read: the stock seen above may be stale by now.
          const [now] = await q<{ stock: number | null }>(sql`SELECT stock FROM product WHERE id = ${w.product_id}::uuid`);
          throw new Rejection(!now?.stock ? `${w.name} is sold out` : `only ${now.stock} ${w.name} left`);
        }
      }

      const now = utc(new Date());
      await q(sql`
        UPDATE "order" SET status = 'ACCEPTED', status_reason = NULL, processed_at = ${now}, accepted_at = ${now}, updated_at = ${now},
          total_cents = (SELECT coalesce(sum(unit_price_cents * quantity), 0) FROM order_item WHERE order_id = ${orderId}::uuid)
        WHERE id = ${orderId}::uuid`);
      return finish(q, locked, true);
    });
  } catch (err) {
    if (!(err instanceof Rejection)) throw err;
    return settlePlaced(prisma, orderId, "REJECTED", err.message);
  }
}

/** Stage "shipping": an ACCEPTED order gets its Shipment (PREPARING), once. */
export async function shipOrder(prisma: PrismaClient, orderId: string): Promise<TransitionResult | null> {
  return sqlTransaction(prisma, async (q) => {
    const locked = await lockOrder(q, orderId);
    if (!locked) return null;
    if (locked.status !== "ACCEPTED") return finish(q, locked, false);
    const now = utc(new Date());
    const created = await q(sql`
      INSERT INTO shipment (id, order_id, status, created_at, updated_at)
      VALUES (gen_random_uuid(), ${orderId}::uuid, 'PREPARING', ${now}, ${now})
      ON CONFLICT (order_id) DO NOTHING
      RETURNING id`);
    return finish(q, locked, created.length === 1);
  });
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
      // Give back what processing reserved, product rows in id order like the reservation.
      await q(sql`
        UPDATE product p SET stock = p.stock + w.quantity, updated_at = ${now}
        FROM (SELECT product_id, sum(quantity)::int AS quantity FROM order_item
              WHERE order_id = ${orderId}::uuid GROUP BY product_id ORDER BY product_id) w
        WHERE p.id = w.product_id AND p.stock IS NOT NULL`);
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
