import type { EstimateCartBody, OrderEstimateDto } from "@ordered/contract";
import { z } from "zod";
import type { PrismaClient } from "../db/prisma.js";
import { sql, sqlOn, statement } from "../db/sql.js";
import { estimateTickets, orderEstimate, type TicketEstimate } from "./estimate-model.js";
import { type Kitchen, loadKitchenState } from "./estimates.sql.js";

function estimatesOf(kitchen: Kitchen, sessionId?: string): OrderEstimateDto[] {
  const tickets = estimateTickets(kitchen.queue, kitchen.prep, kitchen.capacities);
  const byOrder = new Map<string, { sessionId: string; estimates: TicketEstimate[] }>();
  for (const t of kitchen.queue) {
    if (sessionId && t.sessionId !== sessionId) continue;
    const entry = byOrder.get(t.orderId) ?? { sessionId: t.sessionId, estimates: [] };
    entry.estimates.push(tickets.get(t.id) ?? { readyIn: null, late: false });
    byOrder.set(t.orderId, entry);
  }
  return [...byOrder].map(([orderId, { sessionId: sid, estimates }]) => {
    const e = orderEstimate(estimates);
    return { orderId, sessionId: sid, readyInSeconds: e.readyIn === null ? null : Math.round(e.readyIn), late: e.late };
  });
}

/** Every order being prepared at the location's open tables (one session's, when given), with its estimate now. */
export async function loadEstimates(prisma: PrismaClient, locationId: string, sessionId?: string): Promise<OrderEstimateDto[]> {
  return estimatesOf(await loadKitchenState(sqlOn(prisma), locationId), sessionId);
}

const ProductStation = z.strictObject({ id: z.uuid(), station_id: z.uuid() });
const PRODUCT_STATIONS = statement<{ locationId: string; ids: string[] }>(
  "estimates.product-stations",
  (p) => sql`SELECT p.id, c.station_id FROM product p JOIN category c ON c.id = p.category_id
    WHERE p.location_id = ${p.locationId}::uuid AND p.id = ANY(${p.ids}::uuid[])`,
);

/**
 * How long a cart would take if ordered now: its lines as new tickets at the end of their
 * stations' queues (fired now), counted with the same model as the orders already there.
 */
export async function estimateCart(prisma: PrismaClient, locationId: string, body: EstimateCartBody): Promise<number | null> {
  const db = sqlOn(prisma);
  const [kitchen, stations] = await Promise.all([
    loadKitchenState(db, locationId),
    db.rows(ProductStation, PRODUCT_STATIONS, { locationId, ids: [...new Set(body.items.map((i) => i.productId))] }),
  ]);
  const stationOf = new Map(stations.map((s) => [s.id, s.station_id]));
  const byStation = new Map<string, { productId: string; quantity: number }[]>();
  for (const item of body.items) {
    const station = stationOf.get(item.productId);
    if (station) byStation.set(station, [...(byStation.get(station) ?? []), item]);
  }
  if (byStation.size === 0) return null;
  const cartOrder = "00000000-0000-4000-8000-000000000000";
  const added = [...byStation].map(([stationId, lines], n) => ({
    id: `cart-${n}`,
    orderId: cartOrder,
    sessionId: "",
    stationId,
    status: "NEW" as const,
    firedAgo: 0,
    startedAgo: null,
    lines,
  }));
  const tickets = estimateTickets([...kitchen.queue, ...added], kitchen.prep, kitchen.capacities);
  const e = orderEstimate(added.map((t) => tickets.get(t.id) ?? { readyIn: null, late: false }));
  return e.readyIn === null ? null : Math.round(e.readyIn);
}
