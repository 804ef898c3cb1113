import type { RequestHandler } from "express";
import { collectDefaultMetrics, Gauge, Registry } from "prom-client";
import { z } from "zod";
import type { PrismaClient } from "../db/prisma.js";
import { sql, sqlOn } from "../db/sql.js";
import type { Producer } from "../pipeline/queues.js";
import { ORDER_COUNT_COLUMNS, OrderCounts } from "../stats/order-counts.js";
import { STAGES } from "../pipeline/queues.js";

/** Upper bounds (seconds) of the processing latency histogram: placed → accepted/rejected. */
export const LATENCY_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] as const;

export interface Metrics {
  /** Prometheus text exposition. */
  render(): Promise<string>;
  readonly contentType: string;
  /** `GET /metrics`. */
  handler: RequestHandler;
}

/**
 * Per-instance series (sockets, process) come from prom-client. Order counts and the
 * processing latency histogram are derived from PostgreSQL at scrape time, so they are exact
 * across every server and worker (identical on each instance: scrape one, or take max()).
 */
export function createMetrics(deps: { prisma: PrismaClient; producer: Producer; connectedSockets: () => number }): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "ordered_" });
  new Gauge({
    name: "ordered_connected_sockets",
    help: "Socket.IO clients connected to this instance",
    registers: [registry],
    collect() {
      this.set(deps.connectedSockets());
    },
  });
  const queueJobs = new Gauge({
    name: "ordered_queue_jobs",
    help: "Pipeline jobs by stage and state (failed = dead-lettered)",
    labelNames: ["stage", "state"] as const,
    registers: [registry],
    async collect() {
      await Promise.all(
        STAGES.map(async (stage) => {
          const counts = await deps.producer.queues[stage].getJobCounts("waiting", "active", "delayed", "failed");
          for (const [state, n] of Object.entries(counts)) queueJobs.set({ stage, state }, n);
        }),
      );
    },
  });

  const render = async () => {
    const [own, fromDb] = await Promise.all([registry.metrics(), orderSeries(deps.prisma)]);
    return own + fromDb;
  };
  return {
    contentType: registry.contentType,
    render,
    handler: async (_req, res) => {
      res.setHeader("Content-Type", registry.contentType);
      res.send(await render());
    },
  };
}

const Histogram = z.strictObject({ buckets: z.array(z.number().int()), count: z.number().int(), sum: z.number() });

async function orderSeries(prisma: PrismaClient): Promise<string> {
  const db = sqlOn(prisma);
  const [counts, hist] = await Promise.all([
    db.row(OrderCounts, sql`SELECT ${ORDER_COUNT_COLUMNS} FROM "order" o`),
    db.row(Histogram, sql`
      WITH x AS MATERIALIZED (
        SELECT extract(epoch FROM processed_at - placed_at)::float8 AS d FROM "order" WHERE processed_at IS NOT NULL
      )
      SELECT (SELECT array_agg((SELECT count(*) FROM x WHERE d <= b)::int ORDER BY i)
              FROM unnest(${[...LATENCY_BUCKETS]}::float8[]) WITH ORDINALITY AS u(b, i)) AS buckets,
             (SELECT count(*) FROM x)::int AS count,
             (SELECT coalesce(sum(d), 0) FROM x)::float8 AS sum`),
  ]);
  if (!counts || !hist) throw new Error("order metrics query returned no row");
  const lines = [
    "# HELP ordered_orders_total Orders by what happened to them (all instances, from PostgreSQL)",
    "# TYPE ordered_orders_total counter",
    ...Object.entries(counts).map(([event, n]) => `ordered_orders_total{event="${event}"} ${n}`),
    "# HELP ordered_processing_latency_seconds Time from placed to accepted or rejected (all instances, from PostgreSQL)",
    "# TYPE ordered_processing_latency_seconds histogram",
    ...LATENCY_BUCKETS.map((b, i) => `ordered_processing_latency_seconds_bucket{le="${b}"} ${hist.buckets[i]}`),
    `ordered_processing_latency_seconds_bucket{le="+Inf"} ${hist.count}`,
    `ordered_processing_latency_seconds_sum ${hist.sum}`,
    `ordered_processing_latency_seconds_count ${hist.count}`,
  ];
  return `${lines.join("\n")}\n`;
}
