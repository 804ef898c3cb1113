import type { PrismaClient } from "../db/prisma.js";
import type { Logger } from "../logger.js";
import { jobId, type Producer } from "./queues.js";

/** Most orders re-driven per sweep. */
const BATCH = 500;

/**
 * Re-drives orders whose queueing was lost: the server committed the order but died, or
 * Redis was unreachable, before the job was added. Runs in every worker; job ids are
 * derived from the order, so concurrent sweepers and still-queued jobs collapse into one.
 */
export function startSweeper(deps: { prisma: PrismaClient; producer: Producer; log: Logger; intervalMs: number; olderThanMs: number }) {
  let running = false;
  let failing = false;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      const before = new Date(Date.now() - deps.olderThanMs);
      const placed = await deps.prisma.order.findMany({
        where: { status: "PLACED", placedAt: { lt: before } },
        select: { id: true },
        orderBy: { placedAt: "asc" },
        take: BATCH,
      });
      const unshipped = await deps.prisma.order.findMany({
        where: { status: "ACCEPTED", shipment: null, acceptedAt: { lt: before } },
        select: { id: true },
        take: BATCH,
      });
      for (const { id } of placed) await redrive(deps, "processing", id);
      for (const { id } of unshipped) await redrive(deps, "shipping", id);
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

async function redrive(deps: { producer: Producer; log: Logger }, stage: "processing" | "shipping", orderId: string) {
  const queue = deps.producer.queues[stage];
  const existing = await queue.getJob(jobId(stage, orderId));
  // A finished job with the same id would swallow the add: remove it so the work runs again
  // (each stage is a guarded transition, so running it again is safe).
  if (existing && (await existing.isCompleted())) await existing.remove();
  if (existing && (await existing.isFailed())) {
    // Retries exhausted but the order was not marked FAILED (e.g. the database was down then).
    await existing.retry();
    return;
  }
  deps.log.info({ stage, orderId }, "re-driving order");
  await deps.producer.enqueueNow(stage, orderId);
}
