import { type AdvanceStep, canMoveOrder, canMoveShipment, ORDER_VIEW_WORDS, SHIPMENT_STATUSES, TICKET_STATUSES } from "@ordered/contract";
import { z } from "zod";
import { label } from "../db/enums.js";
import type { PrismaClient } from "../db/prisma.js";
import { CLOCK, type SqlRunner, sql, sqlTransaction, statement, utc } from "../db/sql.js";
import { AppError } from "../errors.js";
import { type LockedOrder, lockOrder, logOrderChange, type TransitionResult, unchanged } from "./transition.js";

const ShipmentRow = z.strictObject({
  status: z.enum(SHIPMENT_STATUSES),
  /** The stations that have not finished their ticket, in station order: the kitchen still owns the order. */
  unfinished: z.array(z.strictObject({ station: z.string(), status: z.enum(TICKET_STATUSES) })),
});

const SHIPMENT_STATE = statement<{ orderId: string }>(
  "orders.shipment-state",
  (p) =>
    sql`SELECT s.status, ARRAY(
          SELECT json_build_object('station', st.name, 'status', t.status) FROM ticket t JOIN station st ON st.id = t.station_id
          WHERE t.order_id = s.order_id AND t.status <> ${label("TicketStatus", "READY")} ORDER BY st.position, st.id) AS unfinished
        FROM shipment s WHERE s.order_id = ${p.orderId}::uuid`,
);

const SHIPMENT_READY = statement<{ orderId: string; now: Date }>(
  "orders.shipment-ready",
  (p) =>
    sql`UPDATE shipment SET status = ${label("ShipmentStatus", "READY")}, ready_at = ${utc(p.now)}, updated_at = ${utc(p.now)}
        WHERE order_id = ${p.orderId}::uuid`,
);

// Ready for the floor is ready for every station: the displays clear their columns.
const TICKETS_READY = statement<{ orderId: string; now: Date }>(
  "orders.tickets-ready",
  (p) => sql`
    UPDATE ticket SET status = ${label("TicketStatus", "READY")}, started_at = coalesce(started_at, ${utc(p.now)}),
      ready_at = ${utc(p.now)}, moved_at = ${utc(p.now)}
    WHERE order_id = ${p.orderId}::uuid AND status <> ${label("TicketStatus", "READY")}`,
);

const SHIPMENT_DELIVERED = statement<{ orderId: string; now: Date }>(
  "orders.shipment-delivered",
  (p) =>
    sql`UPDATE shipment SET status = ${label("ShipmentStatus", "DELIVERED")}, delivered_at = ${utc(p.now)}, updated_at = ${utc(p.now)}
        WHERE order_id = ${p.orderId}::uuid`,
);

const ORDER_DELIVERED = statement<{ orderId: string; now: Date }>(
  "orders.delivered",
  (p) =>
    sql`UPDATE "order" SET status = ${label("OrderStatus", "DELIVERED")}, finished_at = ${utc(p.now)}, updated_at = ${utc(p.now)}
        WHERE id = ${p.orderId}::uuid`,
);

/** Delivered whatever its step: the shipment made (if the pipeline has not yet) or moved to DELIVERED, at PostgreSQL's clock. */
const SHIPMENT_DELIVERED_NOW = statement<{ orderId: string }>(
  "orders.shipment-delivered-now",
  (p) => sql`
    INSERT INTO shipment (id, order_id, status, created_at, ready_at, delivered_at, updated_at)
    VALUES (gen_random_uuid(), ${p.orderId}::uuid, ${label("ShipmentStatus", "DELIVERED")}, ${CLOCK}, ${CLOCK}, ${CLOCK}, ${CLOCK})
    ON CONFLICT (order_id) DO UPDATE SET status = ${label("ShipmentStatus", "DELIVERED")}, ready_at = coalesce(shipment.ready_at, ${CLOCK}),
      delivered_at = ${CLOCK}, updated_at = ${CLOCK}`,
);

const ORDER_DELIVERED_NOW = statement<{ orderId: string }>(
  "orders.delivered-now",
  (p) =>
    sql`UPDATE "order" SET status = ${label("OrderStatus", "DELIVERED")}, finished_at = ${CLOCK}, updated_at = ${CLOCK}
        WHERE id = ${p.orderId}::uuid`,
);

export interface AdvanceOptions {
  /** READY only: the person confirmed marking it ready although stations have not finished (AdvanceOrderPayload). */
  overrideKitchen?: boolean;
}

/**
 * Staff report progress on an accepted order's shipment: PREPARING → READY → DELIVERED
 * (delivering the shipment delivers the order; READY from the floor readies every ticket). Asking for the status the shipment already
 * has is a no-op; any move the contract's tables do not allow is refused with CONFLICT.
 * Another location's order is "not found".
 *
 * The kitchen owns an order until its tickets are READY (the last one makes the shipment
 * READY by itself), so the floor's READY while a station has not finished is refused with a
 * CONFLICT naming the stations, unless the person confirmed it (`overrideKitchen`: the
 * kitchen told them it is done, or it never will be on a display). Delivering needs READY
 * first, as the contract's table says: floor staff deliver what the kitchen made ready.
 */
export async function advanceOrder(
  prisma: PrismaClient,
  locationId: string,
  orderId: string,
  to: AdvanceStep,
  options: AdvanceOptions = {},
): Promise<TransitionResult> {
  return sqlTransaction(prisma, async (db) => {
    const locked = await lockOrder(db, orderId);
    if (!locked || locked.location_id !== locationId) throw AppError.notFound("order");
    // The tickets are read under the order's lock, which every ticket move takes first: a bump cannot slip in between.
    const shipment = await db.row(ShipmentRow, SHIPMENT_STATE, { orderId });
    if (shipment?.status === to) return unchanged(db, locked);
    if (locked.status !== "ACCEPTED") {
      throw new AppError("CONFLICT", `a ${locked.status.toLowerCase()} order cannot be marked ${to.toLowerCase()}`);
    }
    if (!shipment) throw new AppError("CONFLICT", "this order is still being processed; try again in a moment");
    if (!canMoveShipment(shipment.status, to)) {
      throw new AppError("CONFLICT", `cannot go from ${shipment.status.toLowerCase()} to ${to.toLowerCase()}`);
    }
    if (to === "READY" && shipment.unfinished.length > 0 && !options.overrideKitchen) {
      const stations = shipment.unfinished.map((t) => `${t.station}: ${ORDER_VIEW_WORDS[t.status]}`).join(", ");
      throw new AppError(
        "CONFLICT",
        `the kitchen has not finished this order (${stations}); the station marks it ready, or confirm "Mark ready for the kitchen"`,
      );
    }
    const now = new Date();
    if (to === "READY") {
      await db.run(SHIPMENT_READY, { orderId, now });
      await db.run(TICKETS_READY, { orderId, now });
    } else {
      // The shipment's arrival is the order's: both move in this transaction.
      if (!canMoveOrder(locked.status, "DELIVERED")) throw new Error(`order ${orderId}: ${locked.status} cannot be delivered`);
      await db.run(SHIPMENT_DELIVERED, { orderId, now });
      await db.run(ORDER_DELIVERED, { orderId, now });
    }
    return logOrderChange(db, locked);
  });
}

/**
 * Delivers an ACCEPTED order locked by `lockOrder` in the caller's transaction, whatever its
 * shipment's step (closing a table with "finish"). An order accepted whose shipment the
 * pipeline has not created yet gets it delivered; the shipping stage then finds it done.
 */
export async function deliverLocked(db: SqlRunner, locked: LockedOrder): Promise<TransitionResult> {
  if (!canMoveOrder(locked.status, "DELIVERED")) {
    throw new AppError("CONFLICT", `a ${locked.status.toLowerCase()} order cannot be delivered`);
  }
  await db.run(SHIPMENT_DELIVERED_NOW, { orderId: locked.id });
  await db.run(ORDER_DELIVERED_NOW, { orderId: locked.id });
  return logOrderChange(db, locked);
}
