// Building blocks of the server test kit (kit.ts): test configuration, real app instances on
// port 0, in-process workers, polling. Tests use them through kit.ts's fixtures, which own
// the teardown; nothing here registers hooks.
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { OpenSessionResponse } from "@ordered/contract";
import { inject } from "vitest";
import { type App, createApp } from "../../src/app.js";
import { type Config, loadConfig } from "../../src/config.js";
import type { PrismaClient } from "../../src/db/prisma.js";
import { closeRedis, createRedis, type RedisClient } from "../../src/db/redis.js";
import { createLogger } from "../../src/logger.js";
import { createPipelineWorker, type PipelineWorker, type WorkerHooks } from "../../src/pipeline/worker.js";
import { type ApiClient, createApiClient } from "../../src/tools/api-client.js";
import { watchedDestination } from "./log-watch.js";

export const TEST_SECRET = "test-secret-that-is-at-least-32-characters-long";
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/ordered_test";
export const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** A Redis key prefix of its own, under this run's prefix (removed after the run: global-setup.ts). */
export const freshPrefix = (): string => `${inject("testRedisPrefix")}:${randomUUID()}`;

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: "test",
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: TEST_DATABASE_URL,
    REDIS_URL,
    JWT_SECRET: TEST_SECRET,
    // A fresh prefix per app keeps rate-limit counters and queues of tests apart.
    REDIS_PREFIX: freshPrefix(),
    PUBLIC_URL: "http://ordered.test",
    // Never the repository's .data/: the photo tests give each server a folder of its own.
    PHOTO_DIR: path.join(tmpdir(), "ordered-test-photos"),
    // Errors are always logged, to log-watch.ts (which fails the test); the rest only when asked.
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "error",
    // Generous limits; the rate-limit tests set their own low ones.
    LOGIN_RATE_PER_MINUTE: "1000",
    JOIN_RATE_PER_MINUTE: "1000",
    SESSION_JOIN_RATE_PER_MINUTE: "1000",
    ORDER_RATE_PER_SOCKET: "1000",
    ORDER_RATE_PER_SESSION: "1000",
    CUSTOMER_COMMAND_RATE: "1000",
    CUSTOMER_READ_RATE_PER_MINUTE: "1000",
    CUSTOMER_MAX_IN_FLIGHT: "1000",
    // Quick pipeline timings, shared by servers (job options) and workers.
    PIPELINE_ATTEMPTS: "3",
    PIPELINE_BACKOFF_MS: "50",
    WORKER_LOCK_MS: "2000",
    WORKER_STALLED_CHECK_MS: "1000",
    SWEEP_INTERVAL_MS: "500",
    // Sweepers see every order in the shared test database: one with a short delay would
    // take other tests' orders into its own queue. Only the sweeper's own tests shorten it.
    SWEEP_AFTER_MS: "600000",
    // Likewise for payments on phones: another test's checkouts are not this server's to ask about.
    PAYMENT_RECONCILE_AFTER_MS: "600000",
    // And for printing: another test's print jobs are not this worker's to find (its own are
    // woken through its Redis prefix); idle printers are not checked.
    PRINT_SWEEP_AFTER_MS: "600000",
    PRINTER_CHECK_MS: "0",
    ...env,
  });
}

/** The app's logger, watched by log-watch.ts; printed only when TEST_LOG_LEVEL asks for it. */
function testLogger(config: Config, name: string) {
  return createLogger(config.logLevel, name, watchedDestination(name, process.env.TEST_LOG_LEVEL !== undefined));
}

export interface TestServer {
  url: string;
  /** The kit's REST client for this instance. */
  api: ApiClient;
  app: App;
  config: Config;
  redis: RedisClient;
  close(): Promise<void>;
}

/** A real server on a random port over the test database and the real Redis. */
export async function startServer(prisma: PrismaClient, env: Record<string, string> = {}): Promise<TestServer> {
  const config = testConfig(env);
  // Connected before the app starts, as main.ts does (boot.ts): rate limits use Redis only once it is ready.
  const redis = createRedis(config.redis, { maxRetriesPerRequest: 2, lazyConnect: true, autoPipelining: true });
  redis.on("error", () => {}); // fault tests stop Redis on purpose; the app logs what matters
  await redis.connect();
  const app = createApp({ config, prisma, redis, log: testLogger(config, "ordered") });
  await new Promise<void>((resolve) => app.httpServer.listen(0, "127.0.0.1", resolve));
  const { port } = app.httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    api: createApiClient(url),
    app,
    config,
    redis,
    async close() {
      await app.close();
      await closeRedis(redis);
    },
  };
}

export interface TestWorker {
  worker: PipelineWorker;
  close(): Promise<void>;
}

/** An in-process pipeline worker on the Redis prefix `prefix` (the servers' one), with test timings. */
export function startWorker(
  prisma: PrismaClient,
  prefix: string,
  opts: { hooks?: Partial<WorkerHooks>; env?: Record<string, string>; redisUrl?: string } = {},
): TestWorker {
  const config = testConfig({
    REDIS_PREFIX: prefix,
    ...(opts.redisUrl ? { REDIS_URL: opts.redisUrl } : {}),
    ...opts.env,
  });
  const redis = createRedis(config.redis, { maxRetriesPerRequest: null, autoPipelining: true });
  redis.on("error", () => {});
  const worker = createPipelineWorker({
    prisma,
    redis,
    redisTarget: config.redis,
    log: testLogger(config, "worker"),
    options: { prefix, ...config.pipeline },
    printing: config.printing,
    ...(opts.hooks ? { hooks: opts.hooks } : {}),
  });
  return {
    worker,
    async close() {
      await worker.close();
      redis.disconnect();
    },
  };
}

export interface Table extends OpenSessionResponse {
  customerToken: string;
  customerId: string;
}

/** Opens a session as staff and joins it as a customer named Ann. */
export async function openAndJoin(server: { api: ApiClient }, staffToken: string, label = "Table 2"): Promise<Table> {
  const opened = await server.api.openSession(staffToken, label);
  const joined = await server.api.joinSession(opened.session.joinCode, "Ann");
  return { ...opened, customerToken: joined.token, customerId: joined.customer.id };
}

/**
 * Polls until `check` returns a truthy value (for state reached asynchronously) and returns
 * it. The 100 ms between checks is a polling interval, not a wait for the condition.
 */
export async function eventually<T>(
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 15_000,
  what = "condition",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100)); // polling interval, not a wait for the condition
  }
}

/** The session's orders as PostgreSQL holds them, in the shape of a client's view (sockets.ts ordersSeen). */
export async function ordersStored(
  prisma: PrismaClient,
  sessionId: string,
): Promise<Map<string, { status: string; shipment: string | null }>> {
  const stored = await prisma.order.findMany({ where: { sessionId }, include: { shipment: true } });
  return new Map(stored.map((o) => [o.id, { status: o.status, shipment: o.shipment?.status ?? null }]));
}
