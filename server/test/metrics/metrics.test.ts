import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { type PrismaClient, poolOf } from "../../src/db/prisma.js";
import { createLogger } from "../../src/logger.js";
import { type Metrics, serveMetrics } from "../../src/metrics/metrics.js";
import { eventually, openAndJoin } from "../support/harness.js";
import { describe, expect, it } from "../support/kit.js";
import { type ClientSocket, dataOf, send } from "../support/sockets.js";

// One instance and a pipeline worker on its prefix (file fixtures `server` and `worker`).

/** Serves `metrics` on a port of its own, as main.ts and worker-main.ts do with METRICS_PORT. */
async function metricsEndpoint(metrics: Metrics): Promise<{ url: string; close(): void }> {
  const server = await serveMetrics(metrics, { host: "127.0.0.1", port: 0, log: createLogger("silent") });
  if (!server) throw new Error("no metrics listener");
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

/** Parses the Prometheus text format into "name{labels}" → value. */
async function scrape(endpoint: { url: string }): Promise<Map<string, number>> {
  const res = await fetch(`${endpoint.url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
  const series = new Map<string, number>();
  for (const line of (await res.text()).split("\n")) {
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
      // Accepted and shipped in one statement: its status is enough (one query, one snapshot).
      const o = await prisma.order.findUniqueOrThrow({ where: { id: order.id } });
      return o.status === "REJECTED" || o.status === "ACCEPTED" ? o : null;
    },
    15_000,
    "order processed",
  );
}

describe("metrics", () => {
  it("are not served on the public API port", async ({ server }) => {
    const res = await server.api.request("GET", "/metrics");
    expect(res.status).toBe(404);
  });

  it("count what each process did: placements and staff actions on the server, outcomes on the worker", async ({
    server,
    worker,
    venue,
    socket,
    prisma,
  }) => {
    const api = await metricsEndpoint(server.app.metrics);
    const pipeline = await metricsEndpoint(worker.worker.metrics);
    try {
      const token = venue.staffToken;
      const [apiBefore, pipelineBefore] = await Promise.all([scrape(api), scrape(pipeline)]);
      const { customerToken } = await openAndJoin(server, token);
      const phone = await socket(server, { token: customerToken });
      const staff = await socket(server, { token });
      const accepted = await placeAndSettle(prisma, phone, venue.products[1]!.id, 1);
      const rejected = await placeAndSettle(prisma, phone, venue.products[0]!.id, 5); // stock is 2
      expect([accepted.status, rejected.status]).toEqual(["ACCEPTED", "REJECTED"]);
      // The kitchen starting on it, then taking that back, is not another acceptance.
      const [ticket] = await prisma.ticket.findMany({ where: { orderId: accepted.id } });
      dataOf(await send(staff, "ticket:bump", { ticketId: ticket!.id, to: "PREPARING" }));
      dataOf(await send(staff, "ticket:recall", { ticketId: ticket!.id, from: "PREPARING" }));
      await server.api.route("POST /api/orders/:id/advance", {
        token,
        body: { to: "READY", overrideKitchen: true },
        params: { id: accepted.id },
      });
      await server.api.route("POST /api/orders/:id/advance", { token, body: { to: "DELIVERED" }, params: { id: accepted.id } });

      // Exactly the two sockets connected to this server (sockets of an earlier test of this
      // file may still be on their way out: wait for them to be gone).
      await expect.poll(async () => (await scrape(api)).get("ordered_connected_sockets")).toBe(2);
      const [apiAfter, pipelineAfter] = await Promise.all([scrape(api), scrape(pipeline)]);
      // Tests of a file run one at a time, and these processes are the file's own: exact counts.
      const delta = (before: Map<string, number>, after: Map<string, number>, k: string) => (after.get(k) ?? 0) - (before.get(k) ?? 0);
      const onApi = (k: string) => delta(apiBefore, apiAfter, k);
      const onPipeline = (k: string) => delta(pipelineBefore, pipelineAfter, k);
      expect(onApi('ordered_orders_total{event="placed"}')).toBe(2);
      expect(onApi('ordered_orders_total{event="delivered"}')).toBe(1);
      expect(onApi('ordered_orders_total{event="accepted"}')).toBe(0);
      expect(onPipeline('ordered_orders_total{event="accepted"}')).toBe(1);
      expect(onPipeline('ordered_orders_total{event="rejected"}')).toBe(1);
      expect(onPipeline('ordered_orders_total{event="placed"}')).toBe(0);
      expect(onPipeline("ordered_processing_latency_seconds_count")).toBe(2);
      expect(pipelineAfter.get('ordered_processing_latency_seconds_bucket{le="+Inf"}')).toBe(
        pipelineAfter.get("ordered_processing_latency_seconds_count"),
      );
      expect(pipelineAfter.get('ordered_processing_latency_seconds_bucket{le="60"}')!).toBeGreaterThanOrEqual(
        pipelineAfter.get('ordered_processing_latency_seconds_bucket{le="0.01"}')!,
      );
      expect(apiAfter.get('ordered_queue_jobs{stage="processing",state="waiting"}')).toBe(0);
      expect(pipelineAfter.has('ordered_queue_jobs{stage="shipping",state="failed"}')).toBe(true);
      expect(apiAfter.get("ordered_process_resident_memory_bytes")).toBeGreaterThan(0);
      expect(pipelineAfter.has("ordered_connected_sockets")).toBe(false);
    } finally {
      api.close();
      pipeline.close();
    }
  });

  it("say what a request waits for: a pooled database connection, the wait's time, and the requests that got none", async ({
    startServer,
    prismaClient,
    venue,
  }) => {
    // A pool of two on the instance's own client: the test holds both connections.
    const prisma = prismaClient(2);
    const lone = await startServer({}, { prisma });
    const api = await metricsEndpoint(lone.app.metrics);
    try {
      expect((await lone.api.request("GET", "/api/sessions", { token: venue.staffToken })).status).toBe(200);
      const served = await scrape(api);
      expect(served.get("ordered_db_pool_wait_seconds_count")).toBeGreaterThan(0);
      expect(served.get("ordered_db_pool_timeouts_total")).toBe(0);
      expect(served.get('ordered_db_pool_connections{state="idle"}')).toBeGreaterThan(0);

      const held = [await poolOf(prisma).connect(), await poolOf(prisma).connect()];
      try {
        const waiting = lone.api.request("GET", "/api/sessions", { token: venue.staffToken });
        await eventually(
          async () => (await scrape(api)).get("ordered_db_pool_waiting") === 1,
          1_500,
          "the request to wait for a connection",
        );
        const full = await scrape(api);
        expect(full.get('ordered_db_pool_connections{state="busy"}')).toBe(2);
        expect(full.get('ordered_db_pool_connections{state="idle"}')).toBe(0);
        const answer = await waiting;
        expect(answer.status).toBe(503);
        expect(answer.body).toMatchObject({ error: { code: "UNAVAILABLE", message: "the server is busy; please try again" } });
      } finally {
        for (const client of held) client.release();
      }
      const after = await scrape(api);
      expect(after.get("ordered_db_pool_timeouts_total")).toBe(1);
      // The wait that ended in the timeout is in the histogram's last bucket, past 1 s.
      expect(after.get('ordered_db_pool_wait_seconds_bucket{le="1"}')).toBe(after.get("ordered_db_pool_wait_seconds_count")! - 1);
    } finally {
      api.close();
    }
  });

  it("answer 404 for anything but GET /metrics on their port", async ({ server }) => {
    const api = await metricsEndpoint(server.app.metrics);
    try {
      expect((await fetch(`${api.url}/api/health`)).status).toBe(404);
      expect((await fetch(`${api.url}/metrics`, { method: "POST" })).status).toBe(404);
    } finally {
      api.close();
    }
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
    await server.api.request("POST", `/api/orders/${delivered.id}/advance`, { token: t, body: { to: "READY", overrideKitchen: true } });
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
