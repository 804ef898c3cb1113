import { closeRedis, createRedis, isReady, pipelineKey, type RedisClient, type RedisTarget, watchOutage } from "../db/redis.js";
import type { Logger } from "../logger.js";

/** The two stages, each a Redis stream read by the workers' consumer group. */
export const STAGES = ["processing", "shipping"] as const;
export type Stage = (typeof STAGES)[number];

/** The consumer group every worker process joins (one group: each entry goes to one worker). */
export const GROUP = "workers";

/** Dead letters kept per stage for inspection (the order itself is FAILED in PostgreSQL). */
export const MAX_DEAD_LETTERS = 10_000;

export interface PipelineOptions {
  /** Key prefix of every pipeline key (`<prefix>:pipeline:…`; `{<prefix>}:pipeline:…` on a cluster). */
  prefix: string;
  /** Attempts before a job is dead-lettered (the order becomes FAILED). */
  attempts: number;
  /** First retry delay; doubles on each attempt. */
  backoffMs: number;
}

/** The channel print workers listen on for "this location has jobs to print" (printers/print-worker.ts). */
export function printWakeChannel(target: RedisTarget, prefix: string): string {
  return pipelineKey(target, prefix, "print-wake");
}

/** Where a stage's entries and its dead letters live. */
export function stageKeys(target: RedisTarget, prefix: string, stage: Stage) {
  return { stream: pipelineKey(target, prefix, stage), dead: pipelineKey(target, prefix, `${stage}:dead`) };
}

export interface StageCounts {
  /** Queued, not yet read by a worker. */
  waiting: number;
  /** Read by a worker and not acknowledged: running, waiting for a retry, or its worker died. */
  active: number;
  /** Dead letters: retries exhausted. */
  failed: number;
}

export interface DeadLetter {
  orderId: string;
  attempts: number;
  reason: string;
}

export interface Producer {
  /**
   * Queues a stage for an order without waiting on Redis: never throws, never blocks. While
   * Redis is away the job waits in this process's outbox and is queued when Redis is back;
   * if this process dies first, the sweeper re-drives the order from PostgreSQL.
   */
  enqueue(stage: Stage, orderId: string): void;
  /**
   * Tells the print workers that a location has print jobs (a ticket fired, a line voided, a
   * bill asked for): one PUBLISH, never waited for. The jobs are in PostgreSQL already; a wake
   * lost with Redis away only delays them until a worker's sweep (PRINT_SWEEP_INTERVAL_MS).
   */
  wakePrinters(locationId: string): void;
  /** Queues a stage and waits for Redis to take it (the sweeper, which runs on its own pace). */
  enqueueNow(stage: Stage, orderId: string): Promise<void>;
  /** The orders a stage holds (waiting or active), up to `limit` of the oldest. */
  queued(stage: Stage, limit: number): Promise<Set<string>>;
  counts(stage: Stage): Promise<StageCounts>;
  /** The newest dead letters first. */
  deadLetters(stage: Stage, limit?: number): Promise<DeadLetter[]>;
  /**
   * From now on `enqueue` sends on `connection` while it is ready: the Socket.IO adapter's
   * auto-pipelined publishing connection, so a placement's XADD and its broadcast's PUBLISH,
   * issued in the same tick, leave in one write and come back in one read. A connection that
   * waits out outages (the adapter's does) keeps a job sent just before it noticed one and
   * sends it when Redis is back; once it is not ready, jobs go to the outbox as before.
   * The producer never closes it.
   */
  shareConnection(connection: RedisClient): void;
  /** Jobs waiting in the outbox for Redis to come back. */
  readonly pending: number;
  close(): Promise<void>;
}

/** Most jobs the outbox holds during an outage; past that the sweeper queues the rest later. */
const MAX_OUTBOX = 10_000;

type Entry = [id: string, fields: string[] | null];

/** A stream entry's field, from ioredis' flat `[name, value, …]` list. */
export function fieldOf(fields: string[] | null, name: string): string | undefined {
  if (!fields) return undefined;
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return undefined;
}

/**
 * The API's side of the pipeline: one XADD per job. Its connection does not queue commands
 * while Redis is away (enableOfflineQueue false): an order is committed in PostgreSQL and
 * acknowledged whatever Redis does, and its job goes to the outbox instead of hanging on a
 * dead socket.
 */
export function createProducer(target: RedisTarget, opts: PipelineOptions, log: Logger): Producer {
  const connection: RedisClient = createRedis(target, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    // ioredis' pace (50 ms more per attempt, at most 2 s): the outbox drains as soon as Redis is back.
    retryStrategy: (times: number) => Math.min(times * 50, 2000),
  });
  watchOutage(log, "pipeline queues", connection);
  const keys = Object.fromEntries(STAGES.map((stage) => [stage, stageKeys(target, opts.prefix, stage)])) as Record<
    Stage,
    ReturnType<typeof stageKeys>
  >;
  const printChannel = printWakeChannel(target, opts.prefix);
  const outbox = new Map<string, { stage: Stage; orderId: string }>();
  let overflowed = false;

  let shared: RedisClient | undefined;
  const add = async (stage: Stage, orderId: string, via = connection) => {
    await via.xadd(keys[stage].stream, "*", "o", orderId);
  };
  const park = (stage: Stage, orderId: string) => {
    if (outbox.size >= MAX_OUTBOX) {
      if (!overflowed) log.warn({ max: MAX_OUTBOX }, "pipeline outbox full; the sweeper will queue the rest");
      overflowed = true;
      return;
    }
    outbox.set(`${stage}:${orderId}`, { stage, orderId });
  };
  // One drain at a time; a "ready" heard meanwhile drains again after it.
  let draining = false;
  let again = false;
  const drain = async () => {
    overflowed = false;
    for (const [id, job] of outbox) {
      if (!isReady(connection)) return;
      try {
        await add(job.stage, job.orderId);
        outbox.delete(id);
      } catch {
        return; // down again: the next "ready" resumes
      }
    }
  };
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
  connection.on("ready", drainOnce);

  return {
    get pending() {
      return outbox.size;
    },
    enqueue(stage, orderId) {
      const own = () => {
        if (!isReady(connection)) return park(stage, orderId);
        add(stage, orderId).catch(() => park(stage, orderId));
      };
      // Failed on the shared connection (closing): the own one, not the outbox, which only drains when it reconnects.
      if (shared && isReady(shared)) add(stage, orderId, shared).catch(own);
      else own();
    },
    wakePrinters(locationId) {
      const via = shared && isReady(shared) ? shared : connection;
      if (!isReady(via)) return; // the sweep finds the jobs
      via.publish(printChannel, locationId).catch(() => {});
    },
    shareConnection(c) {
      shared = c;
    },
    enqueueNow: (stage, orderId) => add(stage, orderId),
    async queued(stage, limit) {
      const entries = (await connection.xrange(keys[stage].stream, "-", "+", "COUNT", limit)) as Entry[];
      return new Set(entries.map(([, fields]) => fieldOf(fields, "o")).filter((o): o is string => o !== undefined));
    },
    async counts(stage) {
      const { stream, dead } = keys[stage];
      const [length, pending, failed] = await Promise.all([
        connection.xlen(stream),
        // No group yet (no worker has started): nothing was read.
        (connection.xpending(stream, GROUP) as Promise<[number, ...unknown[]]>).then(
          ([n]) => n,
          (err: Error) => {
            if (/NOGROUP/.test(err.message)) return 0;
            throw err;
          },
        ),
        connection.xlen(dead),
      ]);
      // Acknowledged entries are deleted, so the stream holds exactly the waiting and the active ones.
      return { waiting: Math.max(0, length - pending), active: pending, failed };
    },
    async deadLetters(stage, limit = 100) {
      const entries = (await connection.xrevrange(keys[stage].dead, "+", "-", "COUNT", limit)) as Entry[];
      return entries.map(([, fields]) => ({
        orderId: fieldOf(fields, "o") ?? "",
        attempts: Number(fieldOf(fields, "attempts") ?? 0),
        reason: fieldOf(fields, "reason") ?? "",
      }));
    },
    async close() {
      await closeRedis(connection);
    },
  };
}
