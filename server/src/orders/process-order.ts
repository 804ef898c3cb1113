import { canMoveOrder } from "@ordered/contract";
import { z } from "zod";
import type { PrismaClient } from "../db/prisma.js";
import { sql, sqlTransaction, utc } from "../db/sql.js";
import { LockedOrder, lockOrderSql, logOrderChange, type TransitionResult, unchanged } from "./transition.js";

const Wanted = z.strictObject({
  product_id: z.uuid(),
  /** Name as snapshotted on the order. */
  name: z.string(),
  quantity: z.number().int(),
  location_id: z.uuid().nullable(),
  available: z.boolean().nullable(),
  /** Read under the product row's lock (null: stock not tracked, or the product is gone). */
  stock: z.number().int().nullable(),
});
type Wanted = z.output<typeof Wanted>;

const LockedWithWanted = LockedOrder.extend({ wanted: z.array(Wanted).nullable() }).strict();

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
 * Pipeline stage "processing": PLACED → ACCEPTED (stock reserved, total computed) or
 * REJECTED with a reason a customer can read. Returns null if the order does not exist.
 *
 * Three statements between BEGIN and COMMIT: lock the order and read what it wants, with
 * the stock-tracked product rows locked in id order (the stock read is the stock the UPDATE
 * will change). The lock is FOR NO KEY UPDATE, what the UPDATE itself would take: it lets
 * placements' foreign-key checks on the product (FOR KEY SHARE) through, so a placement
 * holding its session row never waits on us while we wait on that session row to log our
 * event. Then decide here; then one statement reserves all stock, accepts (or rejects) and
 * logs the result.
 */
export async function processOrder(prisma: PrismaClient, orderId: string): Promise<TransitionResult | null> {
  return sqlTransaction(prisma, async (db) => {
    const row = await db.row(
      LockedWithWanted,
      sql`
      WITH l AS MATERIALIZED (${lockOrderSql(orderId)}),
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
      FROM l`,
    );
    if (!row) return null;
    const { wanted: found, ...locked } = row;
    // Accepting and rejecting are both moves from the same status: one check covers both.
    if (!canMoveOrder(locked.status, "ACCEPTED")) return unchanged(db, locked);

    const wanted = found ?? [];
    const reason = rejection(locked.location_id, wanted);
    const now = utc(new Date());
    if (reason) {
      return logOrderChange(db, locked, {
        changed: sql`changed`,
        writes: sql`
          changed AS (
            UPDATE "order" SET status = 'REJECTED', status_reason = ${reason},
              processed_at = ${now}, finished_at = ${now}, updated_at = ${now}
            WHERE id = ${orderId}::uuid
            RETURNING *
          )`,
      });
    }

    // The product rows are locked and their stock was checked above; the CHECK constraint
    // (stock >= 0) stands behind that: if it ever failed, all of this rolls back and the job
    // is retried.
    const reserve = wanted.filter((w) => w.stock !== null);
    return logOrderChange(db, locked, {
      changed: sql`changed`,
      writes: sql`
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
        )`,
    });
  });
}
