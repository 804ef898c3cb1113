import { type JobsOptions, Queue } from "bullmq";
import { Redis, type RedisOptions } from "ioredis";
import { bullConnection, watchOutage } from "../db/redis.js";
import type { Logger } from "../logger.js";

/** The two stages, each a durable BullMQ queue on Redis. */
export const STAGES = ["processing", "shipping"] as const;
export type Stage = (typeof STAGES)[number];

export interface PipelineJob {
  orderId: string;
}

export interface PipelineOptions {
  /** Key prefix of every queue key (`<prefix>:bull:<queue>:…`). */
  prefix: string;
  /** Attempts before a job is dead-lettered (the order becomes FAILED). */
  attempts: number;
  /** First retry delay; doubles on each attempt. */
  backoffMs: number;
}

export function jobId(stage: Stage, orderId: string): string {
  return `${stage}-${orderId}`;
}

export function jobOptions(stage: Stage, orderId: string, opts: PipelineOptions): JobsOptions {
  return {
    // Derived from the transition, so adding the same work twice queues it once
    // (BullMQ forbids ':' in custom ids).
    jobId: jobId(stage, orderId),
    attempts: opts.attempts,
    backoff: { type: "exponential", delay: opts.backoffMs },
    // PostgreSQL holds the outcome; keeping finished jobs costs Redis a trim on every
    // completion (a quarter of its CPU per order in the benchmark). A sweep finding a stage
    // not done re-adds it; the guarded transition makes a re-run harmless.
    removeOnComplete: true,
    // Failed jobs are the dead-letter list: kept for inspection and metrics.
    removeOnFail: false,
  };
}

export function bullPrefix(prefix: string): string {
  return `${prefix}:bull`;
}

export interface Producer {
  /**
   * Queues a stage for an order without waiting on Redis: never throws, never blocks. While
   * Redis is away the job waits in this process's outbox and is queued when Redis is back;
   * if this process dies first, the sweeper re-drives the order from PostgreSQL.
   */
  enqueue(stage: Stage, orderId: string): void;
  /** Queues a stage and waits for Redis to take it (the sweeper, which runs on its own pace). */
  enqueueNow(stage: Stage, orderId: string): Promise<void>;
  /** Jobs waiting in the outbox for Redis to come back. */
  readonly pending: number;
  queues: Record<Stage, Queue<PipelineJob>>;
  close(): Promise<void>;
}

/** Most jobs the outbox holds during an outage; past that the sweeper queues the rest later. */
const MAX_OUTBOX = 10_000;

/**
 * The API's side of the pipeline. Its connection does not queue commands while Redis is
 * away (enableOfflineQueue false): an order is committed in PostgreSQL and acknowledged
 * whatever Redis does, and its job goes to the outbox instead of hanging on a dead socket.
 */
export function createProducer(redisUrl: string, opts: PipelineOptions, log: Logger): Producer {
  const connection = new Redis({ ...bullConnection(redisUrl), maxRetriesPerRequest: 1, enableOfflineQueue: false } as RedisOptions);
  watchOutage(log, "pipeline queues", connection);
  const queues = Object.fromEntries(
    STAGES.map((stage) => [stage, new Queue<PipelineJob>(stage, { connection, prefix: bullPrefix(opts.prefix) })]),
  ) as Record<Stage, Queue<PipelineJob>>;
  // Errors are the connection's, reported once by watchOutage.
  for (const q of Object.values(queues)) q.on("error", () => {});
  const outbox = new Map<string, { stage: Stage; orderId: string }>();
  let overflowed = false;

  const add = async (stage: Stage, orderId: string) => {
    await queues[stage].add(stage, { orderId }, jobOptions(stage, orderId, opts));
  };
  const park = (stage: Stage, orderId: string) => {
    if (outbox.size >= MAX_OUTBOX) {
      if (!overflowed) log.warn({ max: MAX_OUTBOX }, "pipeline outbox full; the sweeper will queue the rest");
      overflowed = true;
      return;
    }
    outbox.set(jobId(stage, orderId), { stage, orderId });
  };
  const drain = async () => {
    overflowed = false;
    for (const [id, job] of outbox) {
      if (connection.status !== "ready") return;
      try {
        await add(job.stage, job.orderId);
        outbox.delete(id);
      } catch {
        return; // down again: the next "ready" resumes
      }
    }
  };
  connection.on("ready", () => void drain());

  return {
    queues,
    get pending() {
      return outbox.size;
    },
    enqueue(stage, orderId) {
      if (connection.status !== "ready") return park(stage, orderId);
      add(stage, orderId).catch(() => park(stage, orderId));
    },
    enqueueNow: add,
    async close() {
      await Promise.allSettled(Object.values(queues).map((q) => q.close()));
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}
