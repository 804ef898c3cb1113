import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import { afterAll } from "vitest";
import { createApp, type App, type AppComponents } from "../../src/app.js";
import { hashPassword } from "../../src/auth/passwords.js";
import { loadConfig, type Config } from "../../src/config.js";
import { createPrisma, type PrismaClient } from "../../src/db/prisma.js";
import { createLogger } from "../../src/logger.js";
import { bullConnection } from "../../src/db/redis.js";
import { createPipelineWorker, type PipelineWorker, type WorkerHooks } from "../../src/pipeline/worker.js";

export const TEST_SECRET = "test-secret-that-is-at-least-32-characters-long";
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/ordered_test";
export const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** One Prisma client per test file, disconnected after the file. */
let sharedPrisma: PrismaClient | undefined;
export function testPrisma(): PrismaClient {
  if (!sharedPrisma) {
    sharedPrisma = createPrisma(TEST_DATABASE_URL, 5);
    afterAll(async () => {
      await sharedPrisma?.$disconnect();
      sharedPrisma = undefined;
    });
  }
  return sharedPrisma;
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: "test",
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: TEST_DATABASE_URL,
    REDIS_URL,
    JWT_SECRET: TEST_SECRET,
    // A fresh prefix per app keeps rate-limit counters and queues of tests apart.
    REDIS_PREFIX: `test:${randomUUID()}`,
    PUBLIC_URL: "http://ordered.test",
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    // Generous limits; the rate-limit tests set their own low ones.
    LOGIN_RATE_PER_MINUTE: "1000",
    JOIN_RATE_PER_MINUTE: "1000",
    SESSION_JOIN_RATE_PER_MINUTE: "1000",
    ORDER_RATE_PER_SOCKET: "1000",
    ORDER_RATE_PER_SESSION: "1000",
    // Quick pipeline timings, shared by servers (job options) and workers.
    PIPELINE_ATTEMPTS: "3",
    PIPELINE_BACKOFF_MS: "50",
    WORKER_LOCK_MS: "2000",
    WORKER_STALLED_CHECK_MS: "1000",
    SWEEP_INTERVAL_MS: "500",
    // Sweepers see every order in the shared test database: one with a short delay would
    // take other tests' orders into its own queue. Only the sweeper's own tests shorten it.
    SWEEP_AFTER_MS: "600000",
    ...env,
  });
}

export interface TestServer {
  url: string;
  app: App;
  config: Config;
  redis: Redis;
  close(): Promise<void>;
}

/** A real server on a random port over the test database and the real Redis. */
export async function startServer(
  env: Record<string, string> = {},
  components: Partial<Pick<AppComponents, "prisma">> = {},
): Promise<TestServer> {
  const config = testConfig(env);
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 2 });
  redis.on("error", () => {}); // fault tests stop Redis on purpose; the app logs what matters
  const app = createApp({ config, prisma: components.prisma ?? testPrisma(), redis, log: createLogger(config.logLevel), ...components });
  await new Promise<void>((resolve) => app.httpServer.listen(0, "127.0.0.1", resolve));
  const { port } = app.httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    config,
    redis,
    async close() {
      await app.close();
      await redis.quit();
    },
  };
}

export interface SeededLocation {
  locationId: string;
  owner: { id: string; email: string; password: string };
  products: { id: string; name: string; priceCents: number; stock: number | null }[];
}

/** A fresh location with an owner and three products (one with stock 2). */
export async function seedLocation(prisma: PrismaClient, opts: { currency?: string } = {}): Promise<SeededLocation> {
  const tag = randomUUID().slice(0, 8);
  const password = `pw-${randomUUID()}`;
  const location = await prisma.location.create({ data: { name: `Test ${tag}`, currency: opts.currency ?? "EUR" } });
  const owner = await prisma.staffUser.create({
    data: {
      locationId: location.id,
      email: `owner-${tag}@test.ordered`,
      passwordHash: await hashPassword(password),
      displayName: `Owner ${tag}`,
      role: "OWNER",
    },
  });
  const products = await prisma.product.createManyAndReturn({
    data: [
      { name: "Margherita", category: "Pizza", priceCents: 950, stock: 2 },
      { name: "Diavola", category: "Pizza", priceCents: 1250, stock: null },
      { name: "Lemonade", category: "Drinks", priceCents: 450, stock: null },
    ].map((p) => ({ ...p, locationId: location.id, currency: location.currency })),
  });
  return {
    locationId: location.id,
    owner: { id: owner.id, email: owner.email, password },
    products: products.map((p) => ({ id: p.id, name: p.name, priceCents: p.priceCents, stock: p.stock })),
  };
}

/** JSON request helper: returns status and parsed body. */
export async function api<T = any>(
  server: { url: string },
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(opts.body);
  }
  const res = await fetch(`${server.url}${path}`, { method, headers, body });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
}

export async function loginAs(server: { url: string }, who: { email: string; password: string }): Promise<string> {
  const res = await api(server, "POST", "/api/auth/login", { body: { email: who.email, password: who.password } });
  if (res.status !== 200) throw new Error(`login failed: ${JSON.stringify(res.body)}`);
  return res.body.token;
}

/** Opens a session as staff and joins it as a customer. */
export async function openAndJoin(server: { url: string }, staffToken: string, label = "Table 2") {
  const opened = await api(server, "POST", "/api/sessions", { token: staffToken, body: { label } });
  if (opened.status !== 201) throw new Error(`open failed: ${JSON.stringify(opened.body)}`);
  const joined = await api(server, "POST", "/api/sessions/join", { body: { joinCode: opened.body.session.joinCode, displayName: "Ann" } });
  if (joined.status !== 201) throw new Error(`join failed: ${JSON.stringify(joined.body)}`);
  return { session: opened.body.session, qr: opened.body.qr, customerToken: joined.body.token as string, customerId: joined.body.customer.id as string };
}

/** Several instances sharing one Redis prefix, so their Socket.IO rooms are shared. */
export async function startCluster(n: number, env: Record<string, string> = {}): Promise<TestServer[]> {
  const prefix = `test:${randomUUID()}`;
  return Promise.all(Array.from({ length: n }, () => startServer({ REDIS_PREFIX: prefix, ...env })));
}

/** An in-process pipeline worker on the same Redis prefix as `servers`, with test timings. */
export async function startWorker(
  prefix: string,
  opts: { hooks?: Partial<WorkerHooks>; env?: Record<string, string>; redisUrl?: string } = {},
): Promise<{ worker: PipelineWorker; close(): Promise<void> }> {
  const config = testConfig({
    REDIS_PREFIX: prefix,
    ...(opts.redisUrl ? { REDIS_URL: opts.redisUrl } : {}),
    ...opts.env,
  });
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  redis.on("error", () => {});
  const worker = createPipelineWorker({
    prisma: testPrisma(),
    redis,
    connection: bullConnection(config.redisUrl),
    log: createLogger(config.logLevel, "worker"),
    options: { prefix, ...config.pipeline },
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

/** Polls until `check` returns a truthy value (for state reached asynchronously). */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 15_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
