import type { CustomerPrincipal } from "../auth/tokens.js";
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../db/prisma.js";
import { poolQuery, sql, sqlTransaction, utc, type Query } from "../db/sql.js";
import type { OrderDto } from "../dto.js";
import { loadOrderDto } from "./order-dto.sql.js";
import { AppError } from "../errors.js";
import { appendEvent, type LoggedEvent } from "../sessions/session-log.js";
import type { PlaceOrderInput } from "./orders.schemas.js";

export interface PlaceOrderResult {
  order: OrderDto;
  /** The `order.placed` event, or null when this was a repeat of an order already stored. */
  event: LoggedEvent | null;
}

/**
 * Stores a customer's order exactly once. The session row is locked first (FOR UPDATE), so
 * concurrent placements in one session — including the same clientOrderId from two sockets
 * — run one after another: the second finds the first's order and returns it. The UNIQUE
 * (session_id, client_order_id) constraint backs this up. The lock also orders placement
 * against closing: an order is either committed before the session closed, or refused.
 */
export async function placeOrder(prisma: PrismaClient, customer: CustomerPrincipal, input: PlaceOrderInput): Promise<PlaceOrderResult> {
  try {
    return await sqlTransaction(prisma, (q) => placeInTransaction(q, customer, input));
  } catch (err) {
    if ((err as { code?: string }).code === UNIQUE_VIOLATION) {
      const existing = await loadOrderDto(poolQuery(prisma), { sessionId: customer.sessionId, clientOrderId: input.clientOrderId });
      if (existing) return { order: existing, event: null };
    }
    throw err;
  }
}

const UNIQUE_VIOLATION = "23505";

interface Offered {
  id: string;
  name: string;
  price_cents: number;
  available: boolean;
}

async function placeInTransaction(q: Query, customer: CustomerPrincipal, input: PlaceOrderInput): Promise<PlaceOrderResult> {
  // The hot path of the whole product: plain SQL, 4 round trips with BEGIN and COMMIT, no
  // ORM (docs/benchmarks.md has the before and after). First: lock the session, and read in
  // the same statement whether this is a repeat and what the menu says of the products.
  const ids = [...new Set(input.items.map((i) => i.productId))];
  const [session] = await q<{ status: string; location_id: string; currency: string; customer_name: string | null; repeat: boolean; products: Offered[] }>(sql`
    SELECT s.status, s.location_id, l.currency,
           (SELECT display_name FROM customer WHERE id = ${customer.customerId}::uuid) AS customer_name,
           EXISTS (SELECT 1 FROM "order" WHERE session_id = s.id AND client_order_id = ${input.clientOrderId}) AS repeat,
           (SELECT coalesce(json_agg(json_build_object('id', p.id, 'name', p.name, 'price_cents', p.price_cents, 'available', p.available)), '[]')
            FROM product p WHERE p.id = ANY(${ids}::uuid[]) AND p.location_id = s.location_id) AS products
    FROM order_session s JOIN location l ON l.id = s.location_id
    WHERE s.id = ${customer.sessionId}::uuid
    FOR UPDATE OF s`);
  if (!session || session.location_id !== customer.locationId) throw new AppError("UNAUTHENTICATED", "invalid token");
  if (session.status !== "OPEN") throw new AppError("SESSION_CLOSED", "this table's session is closed");
  if (session.repeat) {
    const existing = await loadOrderDto(q, { sessionId: customer.sessionId, clientOrderId: input.clientOrderId });
    return { order: existing!, event: null };
  }

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
  const now = new Date();
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
    placedAt: now.toISOString(),
    acceptedAt: null,
    finishedAt: null,
    items,
    shipment: null,
  };
  // The order, its items and its event in one statement; the items' foreign key is checked
  // at the statement's end.
  const event = await appendEvent(q, customer.sessionId, "order.placed", order, sql`
    placed AS (
      INSERT INTO "order" (id, session_id, location_id, customer_id, client_order_id, status, total_cents, currency, placed_at, updated_at)
      VALUES (${orderId}::uuid, ${customer.sessionId}::uuid, ${customer.locationId}::uuid, ${customer.customerId}::uuid,
              ${input.clientOrderId}, 'PLACED', ${totalCents}, ${session.currency}, ${utc(now)}, ${utc(now)})
      RETURNING id
    ),
    placed_items AS (
      INSERT INTO order_item (id, order_id, position, product_id, product_name, unit_price_cents, quantity, note)
      SELECT gen_random_uuid(), placed.id, t.ord - 1, t.product_id, t.product_name, t.unit_price_cents, t.quantity, t.note
      FROM placed, unnest(${items.map((i) => i.productId)}::uuid[], ${items.map((i) => i.productName)}::text[],
                  ${items.map((i) => i.unitPriceCents)}::int[], ${items.map((i) => i.quantity)}::int[],
                  ${items.map((i) => i.note)}::text[])
           WITH ORDINALITY AS t(product_id, product_name, unit_price_cents, quantity, note, ord)
    )`);
  return { order, event };
}
