import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { createRedis, failureLog, isReady, type RedisClient, type RedisTarget, watchOutage } from "../db/redis.js";
import type { Logger } from "../logger.js";
import { fieldOf, GROUP, MAX_DEAD_LETTERS, STAGES, type Stage, stageKeys } from "./queues.js";

export interface ConsumerOptions {
  prefix: string;
  /** Jobs this process runs at once, both stages together. */
  concurrency: number;
  /** Runs of a job (deliveries) before it is dead-lettered. */
  attempts: number;
  /** Pause before the second run; doubles on each run after. */
  backoffMs: number;
  /** A job unacknowledged and unrenewed this long belongs to a dead worker: another takes it. */
  lockDurationMs: number;
  /** How often this process looks for such jobs. */
  stalledIntervalMs: number;
  /** A consumer with nothing pending and silent this long is a dead worker's: its name is dropped (default 10 minutes). */
  forgetConsumersAfterMs?: number;
}

export interface Job {
  stage: Stage;
  /** The stream entry's id. */
  id: string;
  orderId: string;
  /** 1 on the first run; each retry or takeover adds one. */
  attempt: number;
}

export interface Consumer {
  /** Waits for the jobs running to finish (they are acknowledged), then stops. */
  close(): Promise<void>;
}

/** How long one XREADGROUP waits before asking again. */
const BLOCK_MS = 5000;
/** Pause after a failed read, doubled on each failure in a row up to the most. */
const READ_RETRY_MS = 200;
const READ_RETRY_MAX_MS = 5000;
/** Most pending entries looked at per stage and check. */
const RECLAIM_BATCH = 100;

type Entry = [id: string, fields: string[] | null];
type ReadReply = [key: string, entries: Entry[]][] | null;
type PendingRow = [id: string, consumer: string, idleMs: number, deliveries: number];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The stream or its group is not there: Redis restarted empty (its outage was logged by
 * watchOutage) and the read loop makes them again, or no job was ever queued. Nothing is
 * pending in a group that does not exist.
 */
const noGroup = (err: unknown) => /NOGROUP|no such key/i.test((err as Error).message);

/**
 * A worker process's member of the pipeline's consumer group. One blocking connection reads
 * both stages with XREADGROUP, as many entries as there are free slots, so a burst is taken in
 * one round trip; a job's acknowledgement (XACK + XDEL) leaves with its broadcast. That is the
 * at-least-once machinery BullMQ gave us, in a handful of plain stream commands per job
 * instead of several Lua scripts:
 *
 * - a job that throws stays pending; this process claims it again after the backoff
 *   (`XCLAIM` with that idle time: if another worker took it meanwhile, the claim is empty);
 * - the jobs running are renewed (`XCLAIM … JUSTID`, which resets their idle time) every third
 *   of the lock duration, so only a dead or frozen worker's jobs reach it;
 * - every `stalledIntervalMs` each worker claims entries idle past the lock duration
 *   (`XPENDING IDLE` + `XCLAIM`), whoever held them;
 * - the delivery count Redis keeps per entry is the attempt number: past `attempts`, the job is
 *   handed to `deadLetter` and written to the stage's dead-letter stream, then acknowledged.
 */
export function startConsumer(deps: {
  target: RedisTarget;
  /** For everything but the blocking reads; the caller's (it closes it), waiting out outages (maxRetriesPerRequest null). */
  commands: RedisClient;
  log: Logger;
  options: ConsumerOptions;
  run(job: Job): Promise<void>;
  /** Retries exhausted: record the failure (the order becomes FAILED). */
  deadLetter(job: Job, reason: string): Promise<void>;
}): Consumer {
  const { log, options } = deps;
  const keys = Object.fromEntries(STAGES.map((stage) => [stage, stageKeys(deps.target, options.prefix, stage)])) as Record<
    Stage,
    ReturnType<typeof stageKeys>
  >;
  const stageOf = new Map(STAGES.map((stage) => [keys[stage].stream, stage]));
  const name = `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  // The blocking reads get a connection of their own; everything else shares one.
  const reader = createRedis(deps.target, { maxRetriesPerRequest: null });
  const { commands } = deps;
  watchOutage(log, "pipeline workers", reader);
  // Failures of commands the consumer survives, each logged once per run (failureLog).
  const reads = failureLog(log, "pipeline read", "no new job starts until it works; retrying");
  const retryClaims = failureLog(
    log,
    "claiming a pipeline job for its retry",
    "the stalled-job check takes the job over once it has been idle for the lock duration",
  );
  const renewals = failureLog(log, "renewing the running pipeline jobs", "another worker may take them over and run them once more");
  const acks = failureLog(log, "acknowledging pipeline jobs", "those jobs run once more (each stage is a guarded transition)");
  const takeovers = failureLog(log, "the pipeline's stalled-job check", "stalled jobs wait for a later check");

  const running = new Map<string, { job: Job; done: Promise<void> }>();
  const retries = new Map<string, ReturnType<typeof setTimeout>>();
  let closing = false;
  let slotFreed: (() => void) | null = null;
  // Settles when close() starts. A command on the reader is raced against it: ioredis does
  // not settle the commands of a connection that is disconnected while reconnecting (Redis
  // away), so awaiting the read alone would hold close() up for the whole outage.
  let stopReading = () => {};
  const stopped = new Promise<"stopped">((resolve) => {
    stopReading = () => resolve("stopped");
  });
  const onReader = <T>(command: Promise<T>): Promise<T | "stopped"> => {
    command.catch(() => {}); // left behind at close: its rejection is nobody's business
    return Promise.race([command, stopped]);
  };

  // XACK + XDEL right after the job's broadcast: on an auto-pipelining connection (the
  // worker's, which its broadcasts also use) they leave in the broadcast's write. A lost
  // acknowledgement only means the job runs once more (every stage is a guarded transition).
  const ack = (job: Job) => {
    const { stream } = keys[job.stage];
    commands.xack(stream, GROUP, job.id).then(acks.ok, acks.failed);
    commands.xdel(stream, job.id).catch(acks.failed);
  };

  const deadLetter = async (job: Job, reason: string) => {
    try {
      await deps.deadLetter(job, reason);
    } catch (err) {
      // PostgreSQL away: the order stays PLACED and the sweeper re-drives it later. A dead
      // letter is written together with the order's FAILED state or not at all, so the
      // dead-letter stream and the `failed` count never name an order that was delivered.
      log.warn({ err: (err as Error).message, orderId: job.orderId }, "could not record a dead-lettered job: left to the sweeper");
      ack(job);
      return;
    }
    await commands
      .xadd(keys[job.stage].dead, "MAXLEN", "~", MAX_DEAD_LETTERS, "*", "o", job.orderId, "attempts", job.attempt, "reason", reason)
      .catch((err: Error) => log.warn({ err: err.message }, "could not write a dead letter"));
    ack(job);
  };

  const start = (job: Job) => {
    const key = `${job.stage}:${job.id}`;
    const done = (async () => {
      try {
        await deps.run(job);
        ack(job);
      } catch (err) {
        const reason = (err as Error).message;
        const final = job.attempt >= options.attempts;
        log.warn({ err: reason, stage: job.stage, orderId: job.orderId, attempt: job.attempt, final }, "pipeline job failed");
        if (final) await deadLetter(job, reason);
        else if (!closing) scheduleRetry(job);
        // Closing: the entry stays pending and another worker takes it after the lock duration.
      } finally {
        running.delete(key);
        slotFreed?.();
      }
    })();
    running.set(key, { job, done });
  };

  const scheduleRetry = (job: Job) => {
    const key = `${job.stage}:${job.id}`;
    const delay = options.backoffMs * 2 ** (job.attempt - 1);
    const timer = setTimeout(async () => {
      retries.delete(key);
      if (closing) return;
      // Only if nobody took it meanwhile: their claim reset its idle time below our delay.
      let claimed: Entry[] = [];
      try {
        claimed = (await commands.xclaim(keys[job.stage].stream, GROUP, name, delay, job.id)) as Entry[];
        retryClaims.ok();
      } catch (err) {
        // Still pending on this worker: the stalled-job check claims it after the lock duration.
        retryClaims.failed(err);
      }
      // Closed meanwhile: the claimed entry is taken over by another worker after the lock duration.
      if (!closing && claimed.some(([, fields]) => fields)) start({ ...job, attempt: job.attempt + 1 });
    }, delay);
    retries.set(key, timer);
  };

  const ensureGroups = async () => {
    for (const stage of STAGES) {
      try {
        // From the stream's start: entries added before any worker existed are read too.
        // On the reader, so that close() never waits for it during an outage.
        await onReader(reader.xgroup("CREATE", keys[stage].stream, GROUP, "0", "MKSTREAM"));
      } catch (err) {
        if (!/BUSYGROUP/.test((err as Error).message)) throw err;
      }
    }
  };

  const readLoop = async () => {
    const streams = STAGES.map((stage) => keys[stage].stream);
    let groupsReady = false;
    let retryMs = READ_RETRY_MS;
    while (!closing) {
      const free = options.concurrency - running.size;
      if (free <= 0) {
        await new Promise<void>((resolve) => {
          slotFreed = resolve;
        });
        slotFreed = null;
        continue;
      }
      try {
        if (!groupsReady) {
          await ensureGroups();
          groupsReady = true;
        }
        const reply = await onReader(
          reader.xreadgroup(
            "GROUP",
            GROUP,
            name,
            "COUNT",
            free,
            "BLOCK",
            BLOCK_MS,
            "STREAMS",
            ...streams,
            ...streams.map(() => ">"),
          ) as Promise<ReadReply>,
        );
        if (reply === "stopped") return;
        reads.ok();
        retryMs = READ_RETRY_MS;
        for (const [stream, entries] of reply ?? []) {
          const stage = stageOf.get(stream)!;
          for (const [id, fields] of entries) {
            const orderId = fieldOf(fields, "o");
            if (orderId) start({ stage, id, orderId, attempt: 1 });
            else ack({ stage, id, orderId: "", attempt: 1 }); // not ours to run: drop it
          }
        }
      } catch (err) {
        if (closing) return;
        if (noGroup(err))
          groupsReady = false; // make them again, next turn
        else reads.failed(err);
        await sleep(retryMs);
        retryMs = Math.min(retryMs * 2, READ_RETRY_MAX_MS);
      }
    }
  };

  // The jobs running stay this worker's: their idle time is reset well before the lock lapses.
  const renew = async () => {
    for (const stage of STAGES) {
      const ids = [...running.values()].filter((r) => r.job.stage === stage).map((r) => r.job.id);
      if (!ids.length) continue;
      try {
        await commands.xclaim(keys[stage].stream, GROUP, name, 0, ...ids, "JUSTID");
        renewals.ok();
      } catch (err) {
        renewals.failed(err);
      }
    }
  };

  const forgetAfterMs = options.forgetConsumersAfterMs ?? 10 * 60_000;
  let lastForget = Date.now();
  const reclaim = async () => {
    for (const stage of STAGES) {
      const stream = keys[stage].stream;
      const rows = (await commands.xpending(stream, GROUP, "IDLE", options.lockDurationMs, "-", "+", RECLAIM_BATCH).catch((err) => {
        if (noGroup(err)) return [];
        throw err;
      })) as PendingRow[];
      const mine = (id: string) => running.has(`${stage}:${id}`) || retries.has(`${stage}:${id}`);
      const stale = rows.filter(([id, consumer]) => !(consumer === name && mine(id)));
      if (!stale.length || closing) continue;
      const deliveries = new Map(stale.map(([id, , , n]) => [id, n]));
      // A failure here leaves the entries pending: the next check claims them.
      const claimed = (await commands.xclaim(stream, GROUP, name, options.lockDurationMs, ...stale.map(([id]) => id))) as Entry[];
      for (const [id, fields] of claimed) {
        const orderId = fieldOf(fields, "o");
        if (!orderId) continue; // deleted meanwhile: XCLAIM dropped it from the pending list
        const job: Job = { stage, id, orderId, attempt: (deliveries.get(id) ?? 0) + 1 };
        log.info({ stage, orderId, attempt: job.attempt }, "taking over a stalled pipeline job");
        if (job.attempt > options.attempts) await deadLetter(job, "its worker stopped while running it too many times");
        else start(job);
      }
    }
    if (Date.now() - lastForget > forgetAfterMs) {
      lastForget = Date.now();
      await forgetDeadConsumers();
    }
  };

  // Workers that died leave their names in the group; once nothing is pending on them, drop them.
  const forgetDeadConsumers = async () => {
    for (const stage of STAGES) {
      const consumers = (await commands.xinfo("CONSUMERS", keys[stage].stream, GROUP).catch((err) => {
        if (noGroup(err)) return [];
        throw err;
      })) as unknown[][];
      for (const info of consumers) {
        const {
          name: other,
          pending,
          idle,
        } = Object.fromEntries(Array.from({ length: info.length / 2 }, (_, i) => [info[2 * i], info[2 * i + 1]])) as {
          name: string;
          pending: number;
          idle: number;
        };
        if (other !== name && pending === 0 && idle > forgetAfterMs) {
          await commands.xgroup("DELCONSUMER", keys[stage].stream, GROUP, other);
        }
      }
    }
  };

  const loop = readLoop();
  const renewTimer = setInterval(() => void renew(), Math.max(100, Math.floor(options.lockDurationMs / 3)));
  let reclaiming: Promise<void> | null = null;
  const reclaimTimer = setInterval(() => {
    if (reclaiming || closing) return;
    reclaiming = reclaim()
      .then(takeovers.ok, takeovers.failed)
      .finally(() => {
        reclaiming = null;
      });
  }, options.stalledIntervalMs);

  let closed: Promise<void> | null = null;
  const close = async () => {
    closing = true;
    clearInterval(reclaimTimer);
    for (const timer of retries.values()) clearTimeout(timer);
    retries.clear();
    // The blocked read is left behind and its connection closed (an entry it was being
    // handed stays pending and is taken over after the lock duration).
    stopReading();
    reader.disconnect();
    slotFreed?.();
    await loop;
    // A takeover check waits for Redis during an outage: leave it behind after a while.
    await Promise.race([reclaiming, sleep(1000)]);
    await Promise.allSettled([...running.values()].map((r) => r.done));
    clearInterval(renewTimer);
    // Redis away (or just gone, unnoticed yet): the name stays, and another worker drops it later.
    if (isReady(commands)) {
      const leaving = leaveGroup().catch((err: Error) =>
        log.warn({ err: err.message }, "could not leave the pipeline's consumer group: another worker drops this name later"),
      );
      await Promise.race([leaving, sleep(1000)]);
    }
  };
  // Leaves the group if nothing is pending on this worker (a dead consumer's entries need its name).
  const leaveGroup = async () => {
    for (const stage of STAGES) {
      const mine = (await commands.xpending(keys[stage].stream, GROUP, "-", "+", 1, name).catch((err) => {
        if (noGroup(err)) return [null]; // no group: no name to drop
        throw err;
      })) as unknown[];
      if (mine.length === 0) await commands.xgroup("DELCONSUMER", keys[stage].stream, GROUP, name);
    }
  };
  return {
    close() {
      closed ??= close();
      return closed;
    },
  };
}
