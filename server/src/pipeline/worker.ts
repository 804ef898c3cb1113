import { type PrismaClient, poolOf } from "../db/prisma.js";
import { type RedisClient, type RedisTarget, watchOutage } from "../db/redis.js";
import type { Logger } from "../logger.js";
import { countingPublisher, createMetrics, type Metrics } from "../metrics/metrics.js";
import { failOrder } from "../orders/fail-order.js";
import { processOrder } from "../orders/process-order.js";
import { shipOrder } from "../orders/ship-order.js";
import type { TransitionResult } from "../orders/transition.js";
import { type PrintWorkerOptions, startPrintWorker } from "../printers/print-worker.js";
import { createBroadcaster } from "../realtime/adapter.js";
import type { Publisher } from "../realtime/publisher.js";
import { lastOrderUpdate } from "../session-log/events-after.js";
import { type Job, startConsumer } from "./consumer.js";
import { createProducer, type PipelineOptions, type Producer, type Stage } from "./queues.js";
import { startSweeper } from "./sweeper.js";

export interface WorkerHooks {
  /** Runs before each stage; throwing fails the attempt (tests use it to inject failures). */
  beforeStage(stage: Stage, orderId: string, attempt: number): Promise<void>;
}

export interface PipelineWorkerOptions extends PipelineOptions {
  /** Jobs one worker process runs at once (both stages together). */
  concurrency: number;
  /** How long a job goes unacknowledged without renewal before another worker takes it (a killed worker's). */
  lockDurationMs: number;
  /** How often every worker looks for such stalled jobs. */
  stalledIntervalMs: number;
  /** How often the sweeper looks for orders that never reached the queue. */
  sweepIntervalMs: number;
  /** An order untouched for this long in PLACED (or ACCEPTED without shipment) is re-driven. */
  sweepAfterMs: number;
}

export interface PipelineWorker {
  producer: Producer;
  /** This worker's Prometheus series (served on METRICS_PORT by worker-main.ts). */
  metrics: Metrics;
  close(): Promise<void>;
}

/**
 * Consumes both stages. Each stage is a guarded transition (so a job run twice changes
 * nothing), and its event is pushed through the Redis emitter to clients on every instance.
 * Processing accepts and ships an order at once; the shipping stage re-drives orders that were
 * accepted without a shipment.
 */
export function createPipelineWorker(deps: {
  prisma: PrismaClient;
  /** The broadcasts' and the consumer's commands (not its blocking reads); auto-pipelining pays here (db/redis.ts). */
  redis: RedisClient;
  /** Where Redis is, for the queues (the workers' blocking connections wait out an outage) and the broadcasts. */
  redisTarget: RedisTarget;
  log: Logger;
  options: PipelineWorkerOptions;
  /** Printing's timings (config.printing): this process also puts print jobs on paper (printers/print-worker.ts). */
  printing: Omit<PrintWorkerOptions, "prefix">;
  publisher?: Publisher;
  hooks?: Partial<WorkerHooks>;
}): PipelineWorker {
  const { prisma, log, options } = deps;
  const producer = createProducer(deps.redisTarget, options, log);
  const metrics = createMetrics({ producer, pool: poolOf(prisma) });
  const broadcaster = deps.publisher ? null : createBroadcaster(deps.redisTarget, options.prefix, deps.redis);
  if (broadcaster?.connections.length) watchOutage(log, "pipeline broadcasts", ...broadcaster.connections);
  const uncounted = deps.publisher ?? broadcaster!.publisher;
  const publisher = countingPublisher(uncounted, metrics);

  const printer = startPrintWorker({
    prisma,
    redisTarget: deps.redisTarget,
    log,
    publisher: uncounted,
    options: { prefix: options.prefix, ...deps.printing },
  });

  const publish = (result: TransitionResult | null) => {
    if (!result?.event) return;
    publisher.sessionEvent(result.locationId, result.event);
    // Accepted: its tickets were made, and with them their print jobs (if its stations print).
    if (result.order.status === "ACCEPTED") printer.wake(result.locationId);
  };

  const stages: Record<Stage, (orderId: string, attempt: number) => Promise<TransitionResult | null>> = {
    // Accepts (and hands to the kitchen) or rejects, in one statement: one event per order.
    async processing(orderId, attempt) {
      await deps.hooks?.beforeStage?.("processing", orderId, attempt);
      return processOrder(prisma, orderId);
    },
    // Only for an order accepted without its shipment (the sweeper re-drives those).
    async shipping(orderId, attempt) {
      await deps.hooks?.beforeStage?.("shipping", orderId, attempt);
      return shipOrder(prisma, orderId);
    },
  };

  const consumer = startConsumer({
    target: deps.redisTarget,
    commands: deps.redis,
    log,
    options,
    async run({ stage, orderId, attempt }: Job) {
      const result = await stages[stage](orderId, attempt);
      if (result?.event) publish(result);
      else if (result && attempt > 1) {
        // Run before and found done: a worker killed mid-job may have committed the change
        // (a statement waiting on a lock commits once it gets it, client gone or not) and
        // died before publishing it. Publish the order's last logged update again; clients
        // that have it ignore its number.
        const last = await lastOrderUpdate(prisma, result.order.sessionId, orderId);
        if (last) uncounted.sessionEvent(result.locationId, last); // counted when it was first published
      }
    },
    async deadLetter({ stage, orderId }: Job, reason: string) {
      if (stage === "processing") publish(await failOrder(prisma, orderId, `could not be processed: ${reason}`));
    },
  });

  const sweeper = startSweeper({ prisma, producer, log, intervalMs: options.sweepIntervalMs, olderThanMs: options.sweepAfterMs });

  return {
    producer,
    metrics,
    async close() {
      sweeper.stop();
      await Promise.all([consumer.close(), printer.close()]);
      await producer.close();
      await broadcaster?.close();
    },
  };
}
