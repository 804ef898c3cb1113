import type { CustomerPrincipal } from "../auth/tokens.js";
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../db/prisma.js";
import { sql, sqlStatements, utc } from "../db/sql.js";
import type { OrderDto } from "../dto.js";
import { loadOrderDto, orderDtoSelect } from "./order-dto.sql.js";
import { AppError } from "../errors.js";
import { logEventCtes, type LoggedEvent } from "../sessions/session-log.js";
import type { PlaceOrderInput } from "./orders.schemas.js";

export interface PlaceOrderResult {
  order: OrderDto;
  /** The `order.placed` event, or null when this was a repeat of an order already stored. */
  event: LoggedEvent | null;
}

/**
 * Stores a customer's order exactly once, in two statements and no explicit transaction.
 *
 * 1. Read, without locks: the session (open? this customer's venue?), an order already
 *    stored under this clientOrderId (a repeat: returned as it is), and the products. Bad
 *    input is refused here, before anything is written.
 * 2. Write, one statement (so it is atomic on its own): lock the session row if it is still
 *    OPEN, insert the order and its items, and append `order.placed` to the session log.
 *    The lock orders placements against each other and against closing, re-checked after
 *    any wait: an order is either committed before its session closed, or refused. The same
 *    clientOrderId racing in from two sockets meets the UNIQUE (session_id, client_order_id)
 *    index: ON CONFLICT DO NOTHING, and the loser returns the winner's order.
 *
 * A product that becomes unavailable between the two statements is caught by processing,
 * which rejects the order with a reason the customer can read.
 */
export async function placeOrder(prisma: PrismaClient, customer: CustomerPrincipal, input: PlaceOrderInput): Promise<PlaceOrderResult> {
  return sqlStatements(prisma, async (q) => {
    const ids = [...new Set(input.items.map((i) => i.productId))];
    const [session] = await q<{ status: string; location_id: string; currency: string; customer_name: string | null; existing: OrderDto | null; products: Offered[] }>(sql`
      SELECT s.status, s.location_id, l.currency,
             (SELECT display_name FROM customer WHERE id = ${customer.customerId}::uuid) AS customer_name,
             (SELECT d.dto FROM (${orderDtoSelect()}
               WHERE o.session_id = ${customer.sessionId}::uuid AND o.client_order_id = ${input.clientOrderId}) d) AS existing,
             (SELECT coalesce(json_agg(json_build_object('id', p.id, 'name', p.name, 'price_cents', p.price_cents, 'available', p.available)), '[]')
              FROM product p WHERE p.id = ANY(${ids}::uuid[]) AND p.location_id = s.location_id) AS products
      FROM order_session s JOIN location l ON l.id = s.location_id
      WHERE s.id = ${customer.sessionId}::uuid`);
    if (!session || session.location_id !== customer.locationId) throw new AppError("UNAUTHENTICATED", "invalid token");
    if (session.existing) return { order: session.existing, event: null };
    if (session.status !== "OPEN") throw new AppError("SESSION_CLOSED", "this table's session is closed");

    const byId = new Map(session.products.map((p) => [p.id, p]));
    for (const item of input.items) {
      const product = byId.get(item.productId);
      if (!product) throw new AppError("PRODUCT_UNAVAILABLE", `product ${item.productId} is not on this menu`);
      if (!product.available) throw new AppError("PRODUCT_UNAVAILABLE", `${product.name} is sold out`);
    }

    const items = input.items.map((item) => {
      const product = byId.get(item.productId)!;
      return { productId: product.id, productName: product.name, unitPriceCents: product.price_cents, quantity: item.quantity, note: item.note || null };
    });
    const orderId = randomUUID();
    const at = new Date();
    // Provisional; the processing stage recomputes it from the same snapshots.
    const totalCents = items.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0);
    const order: OrderDto = {
      id: orderId,
      clientOrderId: input.clientOrderId,
      sessionId: customer.sessionId,
      customerId: customer.customerId,
      customerName: session.customer_name,
      status: "PLACED",
      statusReason: null,
      totalCents,
      currency: session.currency,
      placedAt: at.toISOString(),
      acceptedAt: null,
      finishedAt: null,
      items,
      shipment: null,
    };
    const [written] = await q<{ open: boolean; seq: number | null }>(sql`
      WITH open_session AS MATERIALIZED (
        SELECT id FROM order_session WHERE id = ${customer.sessionId}::uuid AND status = 'OPEN' FOR UPDATE
      ),
      placed AS (
        INSERT INTO "order" (id, session_id, location_id, customer_id, client_order_id, status, total_cents, currency, placed_at, updated_at)
        SELECT ${orderId}::uuid, open_session.id, ${customer.locationId}::uuid, ${customer.customerId}::uuid,
               ${input.clientOrderId}, 'PLACED', ${totalCents}, ${session.currency}, ${utc(at)}, ${utc(at)}
        FROM open_session
        ON CONFLICT (session_id, client_order_id) DO NOTHING
        RETURNING id
      ),
      placed_items AS (
        INSERT INTO order_item (id, order_id, position, product_id, product_name, unit_price_cents, quantity, note)
        SELECT gen_random_uuid(), placed.id, t.ord - 1, t.product_id, t.product_name, t.unit_price_cents, t.quantity, t.note
        FROM placed, unnest(${items.map((i) => i.productId)}::uuid[], ${items.map((i) => i.productName)}::text[],
                    ${items.map((i) => i.unitPriceCents)}::int[], ${items.map((i) => i.quantity)}::int[],
                    ${items.map((i) => i.note)}::text[])
             WITH ORDINALITY AS t(product_id, product_name, unit_price_cents, quantity, note, ord)
      ),
      payload AS MATERIALIZED (
        SELECT ${JSON.stringify(order)}::json AS payload WHERE EXISTS (SELECT 1 FROM placed)
      ),
      ${logEventCtes(sql`${customer.sessionId}::uuid`, "order.placed", at)}
      SELECT EXISTS (SELECT 1 FROM open_session) AS open, (SELECT seq FROM logged) AS seq`);
    if (written?.seq != null) {
      return { order, event: { sessionId: customer.sessionId, seq: written.seq, type: "order.placed", payload: order, at: at.toISOString() } };
    }
    if (!written?.open) throw new AppError("SESSION_CLOSED", "this table's session is closed");
    // The same clientOrderId was committed by a concurrent request first: that is the order.
    const existing = await loadOrderDto(q, { sessionId: customer.sessionId, clientOrderId: input.clientOrderId });
    if (!existing) throw new Error(`order ${input.clientOrderId} conflicted but is not stored`);
    return { order: existing, event: null };
  });
}

interface Offered {
  id: string;
  name: string;
  price_cents: number;
  available: boolean;
}
