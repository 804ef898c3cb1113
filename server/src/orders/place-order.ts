import { randomUUID } from "node:crypto";
import {
  choiceProblem,
  chosenOptions,
  isServedAt,
  type LoggedEvent,
  type OrderDto,
  OrderDto as OrderDtoSchema,
  type PlaceOrderPayload,
  ProductDto,
  unitPriceOf,
} from "@ordered/contract";
import { z } from "zod";
import { removedError } from "../auth/customer-account.js";
import type { CustomerPrincipal } from "../auth/tokens.js";
import type { PrismaClient } from "../db/prisma.js";
import { CLOCK, sql, sqlStatements } from "../db/sql.js";
import { AppError } from "../errors.js";
import { PRODUCT_JSON } from "../products/product-dto.sql.js";
import { appendEvent } from "../session-log/session-log.js";
import { loadOrderDto, orderDtoPayload, orderDtoSelect } from "./order-dto.sql.js";

export interface PlaceOrderResult {
  order: OrderDto;
  /** The `order.placed` event, or null when this was a repeat of an order already stored. */
  event: LoggedEvent<"order.placed"> | null;
}

/** A product as placement reads it: its DTO, and where its category stands. */
const Offered = z.strictObject({
  p: ProductDto,
  category_hidden: z.boolean(),
  available_from: z.string().nullable(),
  available_until: z.string().nullable(),
  /** Where its lines are prepared: snapshotted on the line. */
  station_id: z.uuid(),
});

const REMOVED = z.strictObject({ removed: z.boolean() });

/** Whether the write found the session still open and the phone still in it (if not, nothing was written). */
const SESSION_WAS_OPEN = { open: z.boolean() };

const SessionRead = z.strictObject({
  /** The phone, if it is one of this session's: removed by staff? */
  removed: z.boolean().nullable(),
  status: z.enum(["OPEN", "CLOSED"]),
  location_id: z.uuid(),
  currency: z.string(),
  time_zone: z.string(),
  existing: OrderDtoSchema.nullable(),
  products: z.array(Offered),
});

/**
 * Stores a customer's order exactly once, in two statements and no explicit transaction.
 *
 * 1. Read, without locks: the session (open? this customer's venue? the phone one of its
 *    own and not removed by staff? — the check every other command makes before it runs), an order already
 *    stored under this clientOrderId (a repeat: returned as it is), and the products. Bad
 *    input is refused here, before anything is written.
 * 2. Write, one statement (so it is atomic on its own): lock the session row if it is still
 *    OPEN and the phone not removed (its row locked FOR SHARE, so a removal committed while
 *    this waited is seen), insert the order and its items, and append `order.placed` to the session log
 *    with the order's DTO built from the rows just inserted. The lock orders placements
 *    against each other, against closing and against transitions (orders/transition.ts),
 *    re-checked after any wait: an order is either committed before its session closed, or
 *    refused. Its time is taken after the lock, so it is never after a close logged before it. The same clientOrderId racing in
 *    from two sockets meets the UNIQUE (session_id, client_order_id) index: ON CONFLICT DO
 *    NOTHING, and the loser returns the winner's order.
 *
 * A product that becomes unavailable between the two statements is caught by processing,
 * which rejects the order with a reason the customer can read.
 */
export async function placeOrder(prisma: PrismaClient, customer: CustomerPrincipal, input: PlaceOrderPayload): Promise<PlaceOrderResult> {
  return sqlStatements(prisma, async (db) => {
    const ids = [...new Set(input.items.map((i) => i.productId))];
    const session = await db.row(
      SessionRead,
      sql`
      SELECT (SELECT c.removed_at IS NOT NULL FROM customer c WHERE c.id = ${customer.customerId}::uuid AND c.session_id = s.id) AS removed,
             s.status, s.location_id, l.currency, l.time_zone,
             (SELECT d.dto FROM (${orderDtoSelect()}
               WHERE o.session_id = ${customer.sessionId}::uuid AND o.client_order_id = ${input.clientOrderId}) d) AS existing,
             (SELECT coalesce(json_agg(json_build_object('p', ${PRODUCT_JSON}, 'category_hidden', cat.hidden,
                       'available_from', cat.available_from, 'available_until', cat.available_until,
                       'station_id', cat.station_id)), '[]')
              FROM product p JOIN category cat ON cat.id = p.category_id
              WHERE p.id = ANY(${ids}::uuid[]) AND p.location_id = s.location_id) AS products
      FROM order_session s JOIN location l ON l.id = s.location_id
      WHERE s.id = ${customer.sessionId}::uuid`,
    );
    // The phone's account check (what assertActiveCustomer does for other commands), here to save a round trip.
    if (!session || session.location_id !== customer.locationId || session.removed === null) {
      throw new AppError("UNAUTHENTICATED", "invalid token");
    }
    if (session.removed) throw removedError();
    if (session.existing) return { order: session.existing, event: null };
    if (session.status !== "OPEN") throw new AppError("SESSION_CLOSED", "this table's session is closed");

    const byId = new Map(session.products.map((o) => [o.p.id, o]));
    const now = new Date();
    const items = input.items.map((item) => {
      const offered = byId.get(item.productId);
      if (!offered) throw new AppError("PRODUCT_UNAVAILABLE", `product ${item.productId} is not on this menu`);
      const { p: product } = offered;
      const chosen = item.options ?? [];
      if (product.archived || product.hidden || offered.category_hidden) {
        throw new AppError("PRODUCT_UNAVAILABLE", `${product.name} is not on the menu`);
      }
      const window = { availableFrom: offered.available_from, availableUntil: offered.available_until };
      if (!isServedAt(window, session.time_zone, now)) {
        throw new AppError("PRODUCT_UNAVAILABLE", `${product.name} is served ${window.availableFrom}–${window.availableUntil}`);
      }
      if (!product.available) throw new AppError("PRODUCT_UNAVAILABLE", `${product.name} is sold out`);
      const soldOut = product.optionGroups.flatMap((g) => g.options).find((o) => chosen.includes(o.id) && !o.available);
      if (soldOut) throw new AppError("PRODUCT_UNAVAILABLE", `${product.name}: ${soldOut.name} is sold out`);
      const problem = choiceProblem(product, chosen);
      if (problem) throw new AppError("VALIDATION_FAILED", problem);
      return {
        productId: product.id,
        productName: product.name,
        // The server's own prices: nothing the phone sends is trusted.
        unitPriceCents: unitPriceOf(product, chosen),
        quantity: item.quantity,
        note: item.note || null,
        options: JSON.stringify(chosenOptions(product, chosen)),
        allergens: JSON.stringify(product.allergens),
        stationId: offered.station_id,
      };
    });
    const orderId = randomUUID();
    // Provisional; the processing stage recomputes it from the same snapshots.
    const totalCents = items.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0);
    const { event, also } = await appendEvent(db, {
      type: "order.placed",
      sessionId: sql`${customer.sessionId}::uuid`,
      writes: sql`
        open_session AS MATERIALIZED (
          SELECT s.id FROM order_session s JOIN customer c ON c.session_id = s.id
          WHERE s.id = ${customer.sessionId}::uuid AND s.status = 'OPEN' AND c.id = ${customer.customerId}::uuid AND c.removed_at IS NULL
          FOR NO KEY UPDATE OF s FOR SHARE OF c
        ),
        placed AS (
          INSERT INTO "order" (id, session_id, location_id, customer_id, client_order_id, status, total_cents, currency, placed_at, updated_at)
          SELECT ${orderId}::uuid, open_session.id, ${customer.locationId}::uuid, ${customer.customerId}::uuid,
                 ${input.clientOrderId}, 'PLACED', ${totalCents}, ${session.currency}, ${CLOCK}, ${CLOCK}
          FROM open_session
          ON CONFLICT (session_id, client_order_id) DO NOTHING
          RETURNING *
        ),
        placed_items AS (
          INSERT INTO order_item (id, order_id, position, product_id, product_name, unit_price_cents, quantity, note, options, allergens, station_id)
          SELECT gen_random_uuid(), placed.id, t.ord - 1, t.product_id, t.product_name, t.unit_price_cents, t.quantity, t.note,
                 t.options::jsonb, ARRAY(SELECT jsonb_array_elements_text(t.allergens::jsonb)), t.station_id
          FROM placed, unnest(${items.map((i) => i.productId)}::uuid[], ${items.map((i) => i.productName)}::text[],
                      ${items.map((i) => i.unitPriceCents)}::int[], ${items.map((i) => i.quantity)}::int[],
                      ${items.map((i) => i.note)}::text[], ${items.map((i) => i.options)}::text[], ${items.map((i) => i.allergens)}::text[],
                      ${items.map((i) => i.stationId)}::uuid[])
               WITH ORDINALITY AS t(product_id, product_name, unit_price_cents, quantity, note, options, allergens, station_id, ord)
          RETURNING *
        )`,
      payload: orderDtoPayload(sql`(SELECT id FROM placed)`, { order: sql`placed`, items: sql`placed_items` }),
      also: { columns: sql`EXISTS (SELECT 1 FROM open_session) AS open`, shape: SESSION_WAS_OPEN },
    });
    if (event) return { order: event.payload, event };
    // Nothing written. The same clientOrderId was committed by a concurrent request first
    // (ON CONFLICT), or the session closed since the read, perhaps just after that request
    // committed: either way, an order stored under this id is the answer to a repeat.
    const existing = await loadOrderDto(db, { sessionId: customer.sessionId, clientOrderId: input.clientOrderId });
    if (!existing && !also.open) {
      const phone = await db.row(
        REMOVED,
        sql`SELECT removed_at IS NOT NULL AS removed FROM customer WHERE id = ${customer.customerId}::uuid`,
      );
      if (phone?.removed) throw removedError();
      throw new AppError("SESSION_CLOSED", "this table's session is closed");
    }
    if (!existing) throw new Error(`order ${input.clientOrderId} conflicted but is not stored`);
    return { order: existing, event: null };
  });
}
