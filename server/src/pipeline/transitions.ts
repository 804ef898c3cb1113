/**
 * The order and shipment status machine (drawn in docs/architecture.md). Every transition
 * locks the order row, checks the expected status in the same transaction, applies the
 * change, and appends `order.updated` to the session log. A transition applied twice finds
 * the order already moved on and returns `event: null`: it changes nothing.
 *
 * Lock order, everywhere: order row → product rows (sorted by id) → session row (appendEvent).
 */
import type { Db, PrismaClient } from "../db/prisma.js";
import type { OrderDto } from "../dto.js";
import { loadOrderDto } from "../orders/order-dto.sql.js";
import { AppError } from "../errors.js";
import { appendEvent, type LoggedEvent } from "../sessions/session-log.js";

type Tx = Db.Prisma.TransactionClient;

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

async function lockOrder(tx: Tx, orderId: string): Promise<LockedOrder | undefined> {
  const [row] = await tx.$queryRaw<LockedOrder[]>`
    SELECT id, status, session_id, location_id FROM "order" WHERE id = ${orderId}::uuid FOR UPDATE`;
  return row;
}

async function finish(tx: Tx, locked: LockedOrder, changed: boolean): Promise<TransitionResult> {
  const order = (await loadOrderDto(tx, { id: locked.id }))!;
  const event = changed ? await appendEvent(tx, locked.session_id, "order.updated", order) : null;
  return { order, locationId: locked.location_id, event };
}

/** Thrown inside processing to roll back reservations before recording a rejection. */
class Rejection extends Error {}

/**
 * Stage "processing": PLACED → ACCEPTED (stock reserved, total computed) or REJECTED with a
 * reason a customer can read. Returns null if the order does not exist.
 */
export async function processOrder(prisma: PrismaClient, orderId: string): Promise<TransitionResult | null> {
  try {
    return await prisma.$transaction(async (tx) => {
      const locked = await lockOrder(tx, orderId);
      if (!locked) return null;
      if (locked.status !== "PLACED") return finish(tx, locked, false);

      const items = await tx.orderItem.findMany({ where: { orderId }, orderBy: { position: "asc" } });
      const wanted = new Map<string, number>();
      for (const item of items) wanted.set(item.productId, (wanted.get(item.productId) ?? 0) + item.quantity);
      const products = await tx.product.findMany({ where: { id: { in: [...wanted.keys()] } } });
      const byId = new Map(products.map((p) => [p.id, p]));

      for (const productId of [...wanted.keys()].sort()) {
        const product = byId.get(productId);
        const name = items.find((i) => i.productId === productId)!.productName;
        if (!product || product.locationId !== locked.location_id) throw new Rejection(`${name} is no longer on the menu`);
        if (!product.available) throw new Rejection(`${name} is sold out`);
        if (product.stock === null) continue;
        // Guarded reservation: never below zero, however many orders race for the last items.
        const reserved = await tx.$executeRaw`
          UPDATE product SET stock = stock - ${wanted.get(productId)!}, updated_at = now()
          WHERE id = ${productId}::uuid AND stock >= ${wanted.get(productId)!}`;
        if (reserved === 0) {
          // Re-read: the stock seen above may be stale by now.
          const { stock } = await tx.product.findUniqueOrThrow({ where: { id: productId }, select: { stock: true } });
          throw new Rejection(!stock ? `${name} is sold out` : `only ${stock} ${name} left`);
        }
      }

      const now = new Date();
      const totalCents = items.reduce((sum, i) => sum + i.unitPriceCents * i.quantity, 0);
      await tx.order.update({
        where: { id: orderId },
        data: { status: "ACCEPTED", totalCents, processedAt: now, acceptedAt: now, statusReason: null },
      });
      return finish(tx, locked, true);
    });
  } catch (err) {
    if (!(err instanceof Rejection)) throw err;
    return settlePlaced(prisma, orderId, "REJECTED", err.message);
  }
}

/** Stage "shipping": an ACCEPTED order gets its Shipment (PREPARING), once. */
export async function shipOrder(prisma: PrismaClient, orderId: string): Promise<TransitionResult | null> {
  return prisma.$transaction(async (tx) => {
    const locked = await lockOrder(tx, orderId);
    if (!locked) return null;
    if (locked.status !== "ACCEPTED") return finish(tx, locked, false);
    const created = await tx.shipment.createMany({ data: [{ orderId }], skipDuplicates: true });
    return finish(tx, locked, created.count === 1);
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
  return prisma.$transaction(async (tx) => {
    const locked = await lockOrder(tx, orderId);
    if (!locked || locked.location_id !== locationId) throw AppError.notFound("order");
    const shipment = await tx.shipment.findUnique({ where: { orderId } });
    if (locked.status !== "ACCEPTED" && !(locked.status === "DELIVERED" && to === "DELIVERED")) {
      throw new AppError("CONFLICT", `a ${locked.status.toLowerCase()} order cannot be marked ${to.toLowerCase()}`);
    }
    if (!shipment) throw new AppError("CONFLICT", "this order is still being processed; try again in a moment");
    if (shipment.status === to) return finish(tx, locked, false);
    const next = NEXT_SHIPMENT_STATUS[shipment.status as keyof typeof NEXT_SHIPMENT_STATUS];
    if (next !== to) {
      throw new AppError("CONFLICT", `cannot go from ${shipment.status.toLowerCase()} to ${to.toLowerCase()}`);
    }
    const now = new Date();
    await tx.shipment.update({
      where: { orderId },
      data: to === "READY" ? { status: "READY", readyAt: now } : { status: "DELIVERED", deliveredAt: now },
    });
    if (to === "DELIVERED") await tx.order.update({ where: { id: orderId }, data: { status: "DELIVERED", finishedAt: now } });
    return finish(tx, locked, true);
  });
}

/** Staff cancel an order that is not delivered yet; reserved stock comes back. */
export async function cancelOrder(prisma: PrismaClient, locationId: string, orderId: string, reason?: string): Promise<TransitionResult> {
  return prisma.$transaction(async (tx) => {
    const locked = await lockOrder(tx, orderId);
    if (!locked || locked.location_id !== locationId) throw AppError.notFound("order");
    if (locked.status === "CANCELLED") return finish(tx, locked, false);
    if (locked.status !== "PLACED" && locked.status !== "ACCEPTED") {
      throw new AppError("CONFLICT", `a ${locked.status.toLowerCase()} order cannot be cancelled`);
    }
    if (locked.status === "ACCEPTED") {
      const items = await tx.orderItem.findMany({ where: { orderId }, orderBy: { productId: "asc" } });
      for (const item of items) {
        await tx.$executeRaw`
          UPDATE product SET stock = stock + ${item.quantity}, updated_at = now()
          WHERE id = ${item.productId}::uuid AND stock IS NOT NULL`;
      }
      await tx.shipment.updateMany({ where: { orderId, status: { in: ["PREPARING", "READY"] } }, data: { status: "CANCELLED" } });
    }
    await tx.order.update({
      where: { id: orderId },
      data: { status: "CANCELLED", statusReason: reason ?? "cancelled by staff", finishedAt: new Date() },
    });
    return finish(tx, locked, true);
  });
}

/** Dead letter: processing failed for good; the order shows FAILED with the reason. */
export async function failOrder(prisma: PrismaClient, orderId: string, reason: string): Promise<TransitionResult | null> {
  return settlePlaced(prisma, orderId, "FAILED", reason);
}

/** PLACED → a final outcome of processing (REJECTED or FAILED), with its reason. */
async function settlePlaced(prisma: PrismaClient, orderId: string, status: "REJECTED" | "FAILED", reason: string) {
  return prisma.$transaction(async (tx) => {
    const locked = await lockOrder(tx, orderId);
    if (!locked) return null;
    if (locked.status !== "PLACED") return finish(tx, locked, false);
    const now = new Date();
    await tx.order.update({
      where: { id: orderId },
      data: { status, statusReason: reason.slice(0, 500), processedAt: now, finishedAt: now },
    });
    return finish(tx, locked, true);
  });
}
