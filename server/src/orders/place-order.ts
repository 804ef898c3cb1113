import type { CustomerPrincipal } from "../auth/tokens.js";
import type { Db, PrismaClient } from "../db/prisma.js";
import { orderInclude, toOrderDto, type OrderDto } from "../dto.js";
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
    return await prisma.$transaction((tx) => placeInTransaction(tx, customer, input));
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") {
      const existing = await findExisting(prisma, customer.sessionId, input.clientOrderId);
      if (existing) return { order: existing, event: null };
    }
    throw err;
  }
}

async function placeInTransaction(tx: Db.Prisma.TransactionClient, customer: CustomerPrincipal, input: PlaceOrderInput): Promise<PlaceOrderResult> {
  const [session] = await tx.$queryRaw<{ status: string; location_id: string }[]>`
    SELECT status, location_id FROM order_session WHERE id = ${customer.sessionId}::uuid FOR UPDATE`;
  if (!session || session.location_id !== customer.locationId) throw new AppError("UNAUTHENTICATED", "invalid token");
  if (session.status !== "OPEN") throw new AppError("SESSION_CLOSED", "this table's session is closed");

  const existing = await findExisting(tx, customer.sessionId, input.clientOrderId);
  if (existing) return { order: existing, event: null };

  const ids = [...new Set(input.items.map((i) => i.productId))];
  const products = await tx.product.findMany({ where: { id: { in: ids }, locationId: customer.locationId } });
  const byId = new Map(products.map((p) => [p.id, p]));
  for (const item of input.items) {
    const product = byId.get(item.productId);
    if (!product) throw new AppError("PRODUCT_UNAVAILABLE", `product ${item.productId} is not on this menu`);
    if (!product.available) throw new AppError("PRODUCT_UNAVAILABLE", `${product.name} is sold out`);
  }

  const location = await tx.location.findUniqueOrThrow({ where: { id: customer.locationId }, select: { currency: true } });
  const lines = input.items.map((item, position) => {
    const product = byId.get(item.productId)!;
    return {
      position,
      productId: product.id,
      productName: product.name,
      unitPriceCents: product.priceCents,
      quantity: item.quantity,
      note: item.note || null,
    };
  });
  const created = await tx.order.create({
    data: {
      sessionId: customer.sessionId,
      locationId: customer.locationId,
      customerId: customer.customerId,
      clientOrderId: input.clientOrderId,
      currency: location.currency,
      // Provisional; the processing stage recomputes it from the same snapshots.
      totalCents: lines.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0),
      items: { create: lines },
    },
    include: orderInclude,
  });
  const order = toOrderDto(created);
  const event = await appendEvent(tx, customer.sessionId, "order.placed", order);
  return { order, event };
}

async function findExisting(db: Pick<PrismaClient, "order">, sessionId: string, clientOrderId: string): Promise<OrderDto | null> {
  const row = await db.order.findUnique({
    where: { sessionId_clientOrderId: { sessionId, clientOrderId } },
    include: orderInclude,
  });
  return row ? toOrderDto(row) : null;
}
