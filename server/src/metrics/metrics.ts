import { createServer, type Server } from "node:http";
import type { LoggedEvent } from "@ordered/contract";
import type pg from "pg";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { watchAcquire } from "../db/prisma.js";
import type { Logger } from "../logger.js";
import { type Producer, STAGES } from "../pipeline/queues.js";
import type { Publisher } from "../realtime/publisher.js";

/** Upper bounds (seconds) of the processing latency histogram: placed → accepted/rejected. */
export const LATENCY_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] as const;

/** What happened to an order, as counted by `ordered_orders_total{event}`. */
type OrderEvent = "placed" | "accepted" | "rejected" | "delivered" | "cancelled" | "failed";

export interface Metrics {
  /** Prometheus text exposition of this process's series. */
  render(): Promise<string>;
  readonly contentType: string;
  /** Counts a logged event this process committed (called once per event, by the publisher). */
  observe(event: LoggedEvent): void;
}

/**
 * This process's series. Order counts are counters incremented by the process that logged
 * each change (servers count placements and staff actions, workers the pipeline's
 * outcomes), so `sum(ordered_orders_total)` over every instance is the cluster's total, at
 * no cost per scrape. Queue depths are read from Redis when scraped.
 */
export function createMetrics(deps: { producer: Producer; connectedSockets?: () => number; pool?: pg.Pool }): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "ordered_" });
  if (deps.pool) databasePoolMetrics(registry, deps.pool);
  if (deps.connectedSockets) {
    const connected = deps.connectedSockets;
    new Gauge({
      name: "ordered_connected_sockets",
      help: "Socket.IO clients connected to this instance",
      registers: [registry],
      collect() {
        this.set(connected());
      },
    });
  }
  const queueJobs = new Gauge({
    name: "ordered_queue_jobs",
    help: "Pipeline jobs by stage and state (failed = dead-lettered); the same on every instance",
    labelNames: ["stage", "state"] as const,
    registers: [registry],
    async collect() {
      // While Redis is away the last known depths stay; the scrape itself still answers.
      await Promise.all(
        STAGES.map(async (stage) => {
          const counts = await deps.producer.counts(stage).catch(() => null);
          for (const [state, n] of Object.entries(counts ?? {})) queueJobs.set({ stage, state }, n);
        }),
      );
    },
  });
  const orders = new Counter({
    name: "ordered_orders_total",
    help: "Orders by what happened to them, counted by the process that did it (sum over instances)",
    labelNames: ["event"] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: "ordered_processing_latency_seconds",
    help: "Time from placed to accepted or rejected, observed by the worker that processed the order",
    buckets: [...LATENCY_BUCKETS],
    registers: [registry],
  });

  return {
    contentType: registry.contentType,
    render: () => registry.metrics(),
    observe(event) {
      const what = orderEventOf(event);
      if (!what) return;
      orders.inc({ event: what });
      if ((what === "accepted" || what === "rejected") && event.type === "order.updated") {
        const order = event.payload;
        const done = order.acceptedAt ?? order.finishedAt;
        if (done) latency.observe(Math.max(0, Date.parse(done) - Date.parse(order.placedAt)) / 1000);
      }
    },
  };
}

/** Upper bounds (seconds) of the wait for a pooled connection; CONNECT_TIMEOUT_MS ends the last. */
export const POOL_WAIT_BUCKETS = [0.0005, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2] as const;

/**
 * What a request waits for before its statement runs: a free connection of this process's
 * pool. Waits near CONNECT_TIMEOUT_MS end as UNAVAILABLE ("the server is busy"), counted
 * apart; the gauges say whether the pool was full (busy = size) or the wait was elsewhere.
 */
function databasePoolMetrics(registry: Registry, pool: pg.Pool): void {
  const waits = new Histogram({
    name: "ordered_db_pool_wait_seconds",
    help: "Time a statement waited for a connection of this process's database pool",
    buckets: [...POOL_WAIT_BUCKETS],
    registers: [registry],
  });
  const timeouts = new Counter({
    name: "ordered_db_pool_timeouts_total",
    help: "Requests that got no database connection in time (answered UNAVAILABLE, retryable)",
    registers: [registry],
  });
  watchAcquire(pool, (seconds, acquired) => {
    waits.observe(seconds);
    if (!acquired) timeouts.inc();
  });
  new Gauge({
    name: "ordered_db_pool_connections",
    help: "Connections of this process's database pool: busy (checked out) or idle",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      this.set({ state: "busy" }, pool.totalCount - pool.idleCount);
      this.set({ state: "idle" }, pool.idleCount);
    },
  });
  new Gauge({
    name: "ordered_db_pool_waiting",
    help: "Requests of this process waiting for a database connection right now",
    registers: [registry],
    collect() {
      this.set(pool.waitingCount);
    },
  });
}

/** Which counted step a logged event is, if any (a kitchen move or READY is not one). */
function orderEventOf(event: LoggedEvent): OrderEvent | null {
  if (event.type === "order.placed") return "placed";
  if (event.type !== "order.updated") return null;
  const order = event.payload;
  switch (order.status) {
    case "ACCEPTED":
      // Accepted and handed to the kitchen in one step; later ACCEPTED events are the
      // kitchen's moves (a bumped or recalled ticket's movedAt is no longer its createdAt).
      return order.shipment?.status === "PREPARING" && order.tickets.every((t) => t.movedAt === t.createdAt) ? "accepted" : null;
    case "REJECTED":
      return "rejected";
    case "DELIVERED":
      return "delivered";
    case "CANCELLED":
      return "cancelled";
    case "FAILED":
      return "failed";
    default:
      return null;
  }
}

/** A publisher that also counts what it publishes: every committed event passes through one. */
export function countingPublisher(publisher: Publisher, metrics: Metrics): Publisher {
  return {
    sessionEvent(locationId, event, except) {
      metrics.observe(event);
      publisher.sessionEvent(locationId, event, except);
    },
    productChanged: (locationId, product) => publisher.productChanged(locationId, product),
    menuChanged: (locationId) => publisher.menuChanged(locationId),
    customerRemoved: (customerId) => publisher.customerRemoved(customerId),
    sessionRekeyed: (locationId, data) => publisher.sessionRekeyed(locationId, data),
    staffEnded: (staffId, message) => publisher.staffEnded(staffId, message),
    printerStatus: (locationId, health) => publisher.printerStatus(locationId, health),
    printBridgeWake: (locationId) => publisher.printBridgeWake(locationId),
    allergiesChanged: (locationId, allergies) => publisher.allergiesChanged(locationId, allergies),
  };
}

/**
 * Serves `GET /metrics` on its own port (METRICS_PORT), apart from the public API, so order
 * counts never reach the internet through the load balancer. Undefined port: no listener.
 */
export async function serveMetrics(
  metrics: Metrics,
  options: { host: string; port: number | undefined; log: Logger },
): Promise<Server | null> {
  if (options.port === undefined) return null;
  const server = createServer((req, res) => {
    if (req.method !== "GET" || req.url?.split("?")[0] !== "/metrics") {
      res.writeHead(404).end();
      return;
    }
    metrics.render().then(
      (text) => res.writeHead(200, { "Content-Type": metrics.contentType }).end(text),
      (err: unknown) => {
        options.log.warn({ err }, "metrics could not be rendered");
        res.writeHead(503).end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  return server;
}
