import { collectDefaultMetrics, Gauge, Registry } from "prom-client";
import type { PrismaClient } from "../db/prisma.js";
import type { Producer } from "../pipeline/queues.js";
import { STAGES } from "../pipeline/queues.js";

/** Upper bounds (seconds) of the processing latency histogram: placed → accepted/rejected. */
export const LATENCY_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] as const;

export interface Metrics {
  /** Prometheus text exposition. */
  render(): Promise<string>;
  readonly contentType: string;
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

  return {
    contentType: registry.contentType,
    async render() {
      const [own, fromDb] = await Promise.all([registry.metrics(), orderSeries(deps.prisma)]);
      return own + fromDb;
    },
  };
}

async function orderSeries(prisma: PrismaClient): Promise<string> {
  const bucketSql = LATENCY_BUCKETS.map((b, i) => `count(*) FILTER (WHERE d <= ${b}) AS b${i}`).join(", ");
  const [counts] = await prisma.$queryRawUnsafe<Record<string, bigint>[]>(`
    SELECT count(*) AS placed,
           count(accepted_at) AS accepted,
           count(*) FILTER (WHERE status = 'REJECTED') AS rejected,
           count(*) FILTER (WHERE status = 'DELIVERED') AS delivered,
           count(*) FILTER (WHERE status = 'CANCELLED') AS cancelled,
           count(*) FILTER (WHERE status = 'FAILED') AS failed
    FROM "order"`);
  const [hist] = await prisma.$queryRawUnsafe<Record<string, bigint | number | null>[]>(`
    SELECT ${bucketSql}, count(*) AS count, coalesce(sum(d), 0)::float8 AS sum
    FROM (SELECT extract(epoch FROM processed_at - placed_at)::float8 AS d FROM "order" WHERE processed_at IS NOT NULL) x`);
  const lines = [
    "# HELP ordered_orders_total Orders by what happened to them (all instances, from PostgreSQL)",
    "# TYPE ordered_orders_total counter",
    ...Object.entries(counts!).map(([event, n]) => `ordered_orders_total{event="${event}"} ${Number(n)}`),
    "# HELP ordered_processing_latency_seconds Time from placed to accepted or rejected (all instances, from PostgreSQL)",
    "# TYPE ordered_processing_latency_seconds histogram",
    ...LATENCY_BUCKETS.map((b, i) => `ordered_processing_latency_seconds_bucket{le="${b}"} ${Number(hist![`b${i}`])}`),
    `ordered_processing_latency_seconds_bucket{le="+Inf"} ${Number(hist!.count)}`,
    `ordered_processing_latency_seconds_sum ${Number(hist!.sum)}`,
    `ordered_processing_latency_seconds_count ${Number(hist!.count)}`,
  ];
  return `${lines.join("\n")}\n`;
}
