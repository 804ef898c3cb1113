import { canMoveOrder, ORDER_STATUSES } from "@ordered/contract";
import { label } from "../db/enums.js";
import type { PrismaClient } from "../db/prisma.js";
import { cte, sql, sqlOn, takes, utc } from "../db/sql.js";
import { appendEvent, appendStatement } from "../session-log/session-log.js";
import { orderDtoPayload } from "./order-dto.sql.js";
import { shipmentWrites } from "./ship-order.js";
import { lockedAlso, lockedResult, lockOrderCte, type TransitionResult } from "./transition.js";

/** The statuses the pipeline may accept (or reject) an order from: the contract's table says. */
const ACCEPTABLE = ORDER_STATUSES.filter((s) => canMoveOrder(s, "ACCEPTED") && canMoveOrder(s, "REJECTED"));

/**
 * Pipeline stage "processing": PLACED → ACCEPTED (stock reserved, total computed, and handed
 * to the kitchen: its Shipment PREPARING and one ticket per station) or REJECTED with a
 * reason a customer can read. Returns null if the order does not exist.
 *
 * One statement, so one round trip, no BEGIN/COMMIT and one event per order:
 * - `lock` locks the session row, then the order row (transition.ts's lock order);
 * - `stocked` locks the stock-tracked product rows in id order, FOR NO KEY UPDATE (what the
 *   UPDATE itself takes: placements' foreign-key checks on the product, FOR KEY SHARE, get
 *   through, so a placement holding its session row never waits on us). A locking read
 *   returns each row's latest committed version, even after waiting for it, and the UPDATE
 *   of the same row later in this statement re-reads that version: the stock checked is the
 *   stock reserved. The CHECK constraint (stock >= 0) stands behind it: if it ever failed,
 *   nothing is written and the job is retried;
 * - `verdict` is the first reason to refuse, in product id order (none: accept);
 * - then the reservation, the order's new status, the shipment and tickets, and the event.
 */
const PROCESS = appendStatement("orders.process", "order.updated", takes<{ orderId: string; now: Date }>(), (p) => {
  const now = utc(p.now);
  const orderId = sql`${p.orderId}::uuid`;
  const lock = lockOrderCte(p.orderId);
  const acceptable = sql`${ACCEPTABLE}::"OrderStatus"[]`;
  const byProduct = cte(
    "by_product",
    sql`
        SELECT product_id, min(product_name) AS name, sum(quantity)::int AS quantity FROM order_item
        WHERE order_id = ${orderId} AND (SELECT status FROM ${lock.ref}) = ANY(${acceptable})
        GROUP BY product_id`,
  );
  const stocked = cte(
    "stocked",
    sql`
        SELECT id, stock FROM product
        WHERE id IN (SELECT product_id FROM ${byProduct.ref}) AND stock IS NOT NULL
        ORDER BY id FOR NO KEY UPDATE`,
    { materialized: true },
  );
  const wanted = cte(
    "wanted",
    sql`
        SELECT w.product_id, w.name, w.quantity, p.location_id, coalesce(p.available, false) AS available, s.stock
        FROM ${byProduct.ref} w LEFT JOIN product p ON p.id = w.product_id LEFT JOIN ${stocked.ref} s ON s.id = w.product_id`,
    { materialized: true },
  );
  const verdict = cte(
    "verdict",
    sql`
        SELECT v.reason, v.reason_code
        FROM ${lock.ref} l LEFT JOIN LATERAL (
          SELECT CASE
              WHEN x.location_id IS DISTINCT FROM l.location_id THEN x.name || ' is no longer on the menu'
              WHEN NOT x.available OR x.stock = 0 THEN x.name || ' is sold out'
              ELSE 'only ' || x.stock || ' ' || x.name || ' left'
            END AS reason,
            -- The same, as a code a phone says in its language (contract OrderReason).
            CASE
              WHEN x.location_id IS DISTINCT FROM l.location_id
                THEN jsonb_build_object('code', 'NOT_ON_MENU', 'productId', x.product_id, 'product', x.name)
              WHEN NOT x.available OR x.stock = 0 THEN jsonb_build_object('code', 'SOLD_OUT', 'productId', x.product_id, 'product', x.name)
              ELSE jsonb_build_object('code', 'ONLY_LEFT', 'productId', x.product_id, 'product', x.name, 'left', x.stock)
            END AS reason_code
          FROM ${wanted.ref} x
          WHERE x.location_id IS DISTINCT FROM l.location_id OR NOT x.available OR x.stock < x.quantity
          ORDER BY x.product_id LIMIT 1
        ) v ON true
        WHERE l.status = ANY(${acceptable})`,
    { materialized: true },
  );
  const reserved = cte(
    "reserved",
    sql`
        UPDATE product p SET stock = p.stock - x.quantity, updated_at = ${now}
        FROM ${wanted.ref} x
        WHERE p.id = x.product_id AND x.stock IS NOT NULL AND EXISTS (SELECT 1 FROM ${verdict.ref} WHERE reason IS NULL)`,
  );
  const changed = cte(
    "changed",
    sql`
        UPDATE "order" o SET
          status = CASE WHEN v.reason IS NULL THEN ${label("OrderStatus", "ACCEPTED")} ELSE ${label("OrderStatus", "REJECTED")} END,
          status_reason = v.reason,
          status_reason_code = v.reason_code,
          processed_at = ${now},
          accepted_at = CASE WHEN v.reason IS NULL THEN ${now} END,
          finished_at = CASE WHEN v.reason IS NULL THEN NULL ELSE ${now} END,
          updated_at = ${now},
          total_cents = CASE WHEN v.reason IS NULL
            THEN (SELECT coalesce(sum(unit_price_cents * quantity), 0) FROM order_item WHERE order_id = ${orderId})
            ELSE o.total_cents END
        FROM ${verdict.ref} v
        WHERE o.id = ${orderId}
        RETURNING o.*`,
  );
  const { created, tickets } = shipmentWrites(changed, p.orderId);
  return {
    sessionId: sql`(SELECT session_id FROM ${lock.ref})`,
    writes: [lock, byProduct, stocked, wanted, verdict, reserved, changed, created, tickets],
    payload: orderDtoPayload(orderId, { order: changed, shipment: created, tickets }),
    also: lockedAlso(lock),
  };
});

export async function processOrder(prisma: PrismaClient, orderId: string): Promise<TransitionResult | null> {
  const db = sqlOn(prisma);
  const { event, also } = await appendEvent(db, PROCESS, { orderId, now: new Date() });
  return lockedResult(db, event, also.locked);
}
