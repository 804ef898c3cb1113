import { type ConnectionOptions, type JobsOptions, Queue } from "bullmq";
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
  /** Queues a stage for an order; never throws (the sweeper re-drives what could not be queued). */
  enqueue(stage: Stage, orderId: string): Promise<boolean>;
  queues: Record<Stage, Queue<PipelineJob>>;
  close(): Promise<void>;
}

/** How long the API waits for Redis before leaving an order to the sweeper. */
const ENQUEUE_TIMEOUT_MS = 1500;

export function createProducer(connection: ConnectionOptions, opts: PipelineOptions, log: Logger): Producer {
  const queues = Object.fromEntries(
    STAGES.map((stage) => [stage, new Queue<PipelineJob>(stage, { connection, prefix: bullPrefix(opts.prefix) })]),
  ) as Record<Stage, Queue<PipelineJob>>;
  for (const q of Object.values(queues)) q.on("error", (err) => log.warn({ err: err.message }, "queue connection error"));
  return {
    queues,
    async enqueue(stage, orderId) {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          queues[stage].add(stage, { orderId }, jobOptions(stage, orderId, opts)),
          new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("Redis did not answer")), ENQUEUE_TIMEOUT_MS))),
        ]);
        return true;
      } catch (err) {
        log.warn({ err: (err as Error).message, stage, orderId }, "could not queue; the sweeper will re-drive it");
        return false;
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      await Promise.allSettled(Object.values(queues).map((q) => q.close()));
    },
  };
}
