import { type JobsOptions, Queue } from "bullmq";
import { bullPrefix, closeRedis, createRedis, isReady, type RedisTarget, watchOutage } from "../db/redis.js";
import type { Logger } from "../logger.js";

/** The two stages, each a durable BullMQ queue on Redis. */
export const STAGES = ["processing", "shipping"] as const;
export type Stage = (typeof STAGES)[number];

export interface PipelineJob {
  orderId: string;
}

export interface PipelineOptions {
  /** Key prefix of every queue key (`<prefix>:bull:<queue>:…`; `{<prefix>}:bull:…` on a cluster). */
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
 * The API's side of the pipeline. Its connections do not queue commands while Redis is
 * away (enableOfflineQueue false): an order is committed in PostgreSQL and acknowledged
 * whatever Redis does, and its job goes to the outbox instead of hanging on a dead socket.
 */
export function createProducer(target: RedisTarget, opts: PipelineOptions, log: Logger): Producer {
  // One connection for both queues, the process's own (BullMQ leaves a given connection open).
  const connection = createRedis(target, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    // ioredis' own pace (50 ms more per attempt, at most 2 s) rather than BullMQ's (1 s to 20 s):
    // the outbox drains as soon as Redis is back.
    retryStrategy: (times: number) => Math.min(times * 50, 2000),
  });
  const queues = Object.fromEntries(
    STAGES.map((stage) => [stage, new Queue<PipelineJob>(stage, { connection, prefix: bullPrefix(target, opts.prefix) })]),
  ) as Record<Stage, Queue<PipelineJob>>;
  // The queues re-emit their connection's errors: without a listener BullMQ prints each one.
  watchOutage(log, "pipeline queues", connection, ...Object.values(queues));
  // Each queue's connection, once BullMQ has made it ready the first time.
  const clients: Partial<Record<Stage, { status: string; isCluster?: boolean }>> = {};
  const ready = (stage: Stage) => {
    const client = clients[stage];
    return client !== undefined && isReady(client);
  };
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
      if (!ready(job.stage)) return;
      try {
        await add(job.stage, job.orderId);
        outbox.delete(id);
      } catch {
        return; // down again: the next "ready" resumes
      }
    }
  };
  // One drain at a time (both queues share the connection, so both hear its "ready"); a
  // "ready" heard meanwhile drains again after it.
  let draining = false;
  let again = false;
  const drainOnce = () => {
    if (draining) {
      again = true;
      return;
    }
    draining = true;
    void drain().finally(() => {
      draining = false;
      if (again) {
        again = false;
        drainOnce();
      }
    });
  };
  for (const stage of STAGES) {
    queues[stage].getBackend().client.then(
      (client) => {
        clients[stage] = client;
        client.on("ready", drainOnce);
      },
      () => {}, // closed before it ever connected
    );
  }

  return {
    queues,
    get pending() {
      return outbox.size;
    },
    enqueue(stage, orderId) {
      if (!ready(stage)) return park(stage, orderId);
      add(stage, orderId).catch(() => park(stage, orderId));
    },
    enqueueNow: add,
    async close() {
      await Promise.allSettled(Object.values(queues).map((q) => q.close()));
      await closeRedis(connection);
    },
  };
}
