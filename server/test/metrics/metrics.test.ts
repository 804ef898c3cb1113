import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../src/db/prisma.js";
import { eventually, openAndJoin, type TestServer } from "../support/harness.js";
import { describe, expect, it } from "../support/kit.js";
import { type ClientSocket, dataOf, send } from "../support/sockets.js";

// One instance and a pipeline worker on its prefix (file fixtures `server` and `worker`).

/** Parses the Prometheus text format into "name{labels}" → value. */
async function scrape(server: TestServer): Promise<Map<string, number>> {
  const res = await server.api.request<string>("GET", "/metrics");
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
  const series = new Map<string, number>();
  for (const line of res.body.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const i = line.lastIndexOf(" ");
    series.set(line.slice(0, i), Number(line.slice(i + 1)));
  }
  return series;
}

async function placeAndSettle(prisma: PrismaClient, phone: ClientSocket, productId: string, quantity: number) {
  const { order } = dataOf(await send(phone, "order:place", { clientOrderId: randomUUID(), items: [{ productId, quantity }] }));
  return eventually(
    async () => {
      const o = await prisma.order.findUniqueOrThrow({ where: { id: order.id }, include: { shipment: true } });
      return o.status === "REJECTED" || o.shipment ? o : null;
    },
    15_000,
    "order processed",
  );
}

describe("GET /metrics", () => {
  it("reports orders, processing latency, queue depth and connected sockets", async ({ server, worker, venue, socket, prisma }) => {
    const token = venue.staffToken;
    const before = await scrape(server);
    const { customerToken } = await openAndJoin(server, token);
    const phone = await socket(server, { token: customerToken });
    await socket(server, { token });
    const accepted = await placeAndSettle(prisma, phone, venue.products[1]!.id, 1);
    const rejected = await placeAndSettle(prisma, phone, venue.products[0]!.id, 5); // stock is 2
    expect([accepted.status, rejected.status]).toEqual(["ACCEPTED", "REJECTED"]);
    await server.api.request("POST", `/api/orders/${accepted.id}/advance`, { token, body: { to: "READY" } });
    await server.api.request("POST", `/api/orders/${accepted.id}/advance`, { token, body: { to: "DELIVERED" } });

    // Per instance: exactly the two sockets connected to this server (sockets closed by an
    // earlier test of this file may still be on their way out: wait for them to be gone).
    await expect.poll(async () => (await scrape(server)).get("ordered_connected_sockets")).toBe(2);
    const after = await scrape(server);
    const delta = (k: string) => after.get(k)! - (before.get(k) ?? 0);
    // Other test files write to the same database at the same time: at least ours counted.
    expect(delta('ordered_orders_total{event="placed"}')).toBeGreaterThanOrEqual(2);
    expect(delta('ordered_orders_total{event="accepted"}')).toBeGreaterThanOrEqual(1);
    expect(delta('ordered_orders_total{event="rejected"}')).toBeGreaterThanOrEqual(1);
    expect(delta('ordered_orders_total{event="delivered"}')).toBeGreaterThanOrEqual(1);
    expect(delta("ordered_processing_latency_seconds_count")).toBeGreaterThanOrEqual(2);
    expect(after.get('ordered_processing_latency_seconds_bucket{le="+Inf"}')).toBe(after.get("ordered_processing_latency_seconds_count"));
    expect(after.get('ordered_processing_latency_seconds_bucket{le="60"}')!).toBeGreaterThanOrEqual(
      after.get('ordered_processing_latency_seconds_bucket{le="0.01"}')!,
    );
    expect(after.get("ordered_connected_sockets")).toBe(2);
    expect(after.get('ordered_queue_jobs{stage="processing",state="waiting"}')).toBe(0);
    expect(after.has('ordered_queue_jobs{stage="shipping",state="failed"}')).toBe(true);
    expect(after.get("ordered_process_resident_memory_bytes")).toBeGreaterThan(0);
  });
});

describe("GET /api/stats/daily", () => {
  it("gives the location's totals for a day", async ({ server, worker, venue, socket, prisma }) => {
    const t = venue.staffToken;
    const { customerToken } = await openAndJoin(server, t);
    const phone = await socket(server, { token: customerToken });
    const delivered = await placeAndSettle(prisma, phone, venue.products[1]!.id, 2); // 2 × 12.50
    await placeAndSettle(prisma, phone, venue.products[2]!.id, 1); // 4.50, stays accepted
    await placeAndSettle(prisma, phone, venue.products[0]!.id, 9); // rejected
    await server.api.request("POST", `/api/orders/${delivered.id}/advance`, { token: t, body: { to: "READY" } });
    await server.api.request("POST", `/api/orders/${delivered.id}/advance`, { token: t, body: { to: "DELIVERED" } });

    const today = new Date().toISOString().slice(0, 10);
    const res = await server.api.request("GET", `/api/stats/daily?date=${today}`, { token: t });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      date: today,
      timeZone: "UTC",
      currency: "EUR",
      orders: { placed: 3, accepted: 2, rejected: 1, delivered: 1, cancelled: 0, failed: 0 },
      revenueCents: 2500 + 450,
      averageOrderValueCents: Math.round((2500 + 450) / 2),
    });
    expect(res.body.averagePlacedToDeliveredSeconds).toBeGreaterThan(0);

    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const empty = await server.api.request("GET", `/api/stats/daily?date=${yesterday}`, { token: t });
    expect(empty.body).toMatchObject({ orders: { placed: 0 }, averageOrderValueCents: null, averagePlacedToDeliveredSeconds: null });
    const bad = await server.api.request("GET", "/api/stats/daily?date=21/11/2026&tz=Mars/Olympus", { token: t });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/query\.date.*query\.tz/);
    expect((await server.api.request("GET", "/api/stats/daily")).status).toBe(401);
  });
});
