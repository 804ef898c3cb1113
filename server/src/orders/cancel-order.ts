import { canMoveOrder, canMoveShipment, SHIPMENT_STATUSES } from "@ordered/contract";
import { z } from "zod";
import type { PrismaClient } from "../db/prisma.js";
import { type SqlRunner, sql, sqlTransaction, utc } from "../db/sql.js";
import { AppError } from "../errors.js";
import { type LockedOrder, lockOrder, logOrderChange, type TransitionResult, unchanged } from "./transition.js";

const ShipmentRow = z.strictObject({ status: z.enum(SHIPMENT_STATUSES) });

/**
 * Staff cancel an order that has not reached the table; what processing reserved comes
 * back to stock. Cancelling a cancelled order is a no-op; the contract's tables say which
 * orders (and shipments) may still be cancelled. Another location's order is "not found".
 */
export async function cancelOrder(prisma: PrismaClient, locationId: string, orderId: string, reason?: string): Promise<TransitionResult> {
  return sqlTransaction(prisma, async (db) => {
    const locked = await lockOrder(db, orderId);
    if (!locked || locked.location_id !== locationId) throw AppError.notFound("order");
    if (locked.status === "CANCELLED") return unchanged(db, locked);
    return cancelLocked(db, locked, reason ?? "cancelled by staff");
  });
}

/** Cancels an order locked by `lockOrder` in the caller's transaction (staff, or closing its table). */
export async function cancelLocked(db: SqlRunner, locked: LockedOrder, reason: string): Promise<TransitionResult> {
  const orderId = locked.id;
  const shipment = await db.row(ShipmentRow, sql`SELECT status FROM shipment WHERE order_id = ${orderId}::uuid`);
  if (!canMoveOrder(locked.status, "CANCELLED") || (shipment && !canMoveShipment(shipment.status, "CANCELLED"))) {
    throw new AppError("CONFLICT", `a ${locked.status.toLowerCase()} order cannot be cancelled`);
  }
  const now = utc(new Date());
  if (locked.status === "ACCEPTED") {
    // Accepted means its stock was reserved: give it back, product rows locked in id
    // order like the reservation.
    await db.run(sql`
        WITH w AS (
          SELECT product_id, sum(quantity)::int AS quantity FROM order_item WHERE order_id = ${orderId}::uuid GROUP BY product_id
        ),
        stocked AS MATERIALIZED (
          SELECT id FROM product WHERE id IN (SELECT product_id FROM w) AND stock IS NOT NULL ORDER BY id FOR NO KEY UPDATE
        )
        UPDATE product p SET stock = p.stock + w.quantity, updated_at = ${now}
        FROM w JOIN stocked ON stocked.id = w.product_id
        WHERE p.id = w.product_id`);
  }
  if (shipment) {
    await db.run(sql`UPDATE shipment SET status = 'CANCELLED', updated_at = ${now} WHERE order_id = ${orderId}::uuid`);
  }
  await db.run(sql`
      UPDATE "order" SET status = 'CANCELLED', status_reason = ${reason}, finished_at = ${now}, updated_at = ${now}
      WHERE id = ${orderId}::uuid`);
  return logOrderChange(db, locked);
}
