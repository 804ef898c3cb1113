import { z } from "zod";
import { label } from "../db/enums.js";
import type { PrismaClient } from "../db/prisma.js";
import { sql, sqlOn, statement, utc } from "../db/sql.js";
import type { Logger } from "../logger.js";
import type { Producer, Stage } from "./queues.js";

/** Most orders re-driven per sweep. */
const BATCH = 500;
/** Most queued entries a sweep reads to leave out orders whose job is still there (a backlog). */
const QUEUED_SCAN = 50_000;

/**
 * Re-drives orders whose queueing was lost: the server committed the order but died, or
 * Redis was unreachable, before the job was added, or Redis lost it (restarted without
 * persistence). Runs in every worker. An order whose job is still in its stream (a backlog,
 * or retries under way) is left alone; two sweepers at the same instant may both queue one,
 * which is harmless: each stage is a guarded transition, so the second run changes nothing.
 */
const IdRow = z.strictObject({ id: z.uuid() });
const STUCK_PLACED = statement<{ before: Date; limit: number }>(
  "pipeline.stuck-placed",
  (p) => sql`SELECT id FROM "order" WHERE status = ${label("OrderStatus", "PLACED")} AND placed_at < ${utc(p.before)}
    ORDER BY placed_at LIMIT ${p.limit}`,
);
const UNSHIPPED = statement<{ before: Date; limit: number }>(
  "pipeline.unshipped",
  (p) => sql`SELECT o.id FROM "order" o WHERE o.status = ${label("OrderStatus", "ACCEPTED")} AND o.accepted_at < ${utc(p.before)}
    AND NOT EXISTS (SELECT 1 FROM shipment s WHERE s.order_id = o.id) LIMIT ${p.limit}`,
);

export function startSweeper(deps: { prisma: PrismaClient; producer: Producer; log: Logger; intervalMs: number; olderThanMs: number }) {
  let running = false;
  let failing = false;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      const before = new Date(Date.now() - deps.olderThanMs);
      const db = sqlOn(deps.prisma);
      const placed = await db.rows(IdRow, STUCK_PLACED, { before, limit: BATCH });
      const unshipped = await db.rows(IdRow, UNSHIPPED, { before, limit: BATCH });
      await redrive(deps, "processing", placed);
      await redrive(deps, "shipping", unshipped);
      failing = false;
    } catch (err) {
      // Once per streak of failures (Redis or PostgreSQL away), not once per interval.
      if (!failing) deps.log.warn({ err: (err as Error).message }, "sweep failed; will retry");
      failing = true;
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void sweep(), deps.intervalMs);
  timer.unref();
  return { sweep, stop: () => clearInterval(timer) };
}

async function redrive(deps: { producer: Producer; log: Logger }, stage: Stage, orders: { id: string }[]) {
  if (!orders.length) return;
  const queued = await deps.producer.queued(stage, QUEUED_SCAN);
  for (const { id: orderId } of orders) {
    if (queued.has(orderId)) continue;
    deps.log.info({ stage, orderId }, "re-driving order");
    await deps.producer.enqueueNow(stage, orderId);
  }
}
