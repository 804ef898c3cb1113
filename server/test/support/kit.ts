// The server test kit: `test`/`it` with fixtures that set up what a test asks for and
// tear it down after it, so test files write no afterAll/afterEach.
//
//   import { describe, expect, it } from "../support/kit.js";
//   it("...", async ({ server, venue, socket }) => { ... });
//
// File-scoped (one per test file, shared by its tests; they hold no test data):
//   prisma      a Prisma client on the test database, for seeding and for checking what was stored
//   server      a real app on port 0
//   cluster     [server, a second instance]: same Redis prefix, so rooms and queues are shared
//   worker      an in-process pipeline worker on that prefix
// Test-scoped (fresh for every test):
//   venue, otherVenue   a new location (owner, TEST_MENU) and a staff token from a real login
//   socket, reconnectingSocket                      socket.io-client sockets
//   startServer, startCluster, startWorker          instances with their own settings/prefix
//   spawnServer, spawnWorker, ownRedis, ownPostgres child processes for crash tests
//   redisCluster                                    a Redis Cluster of its own (3 masters, 3 replicas)
//   prismaClient, pgClient, scratchDatabase         connections and databases of the test's own
// Everything a test-scoped factory makes is closed after the test, last made first closed.
import { randomUUID } from "node:crypto";
import type { HandshakeAuth } from "@ordered/contract";
import pg from "pg";
import { test as base } from "vitest";
import { hashPassword } from "../../src/auth/passwords.js";
import { createPrisma, type PrismaClient } from "../../src/db/prisma.js";
import { type MenuItem, type SeededVenue, seedVenue } from "../../src/demo/seed-venue.js";
import type { WorkerHooks } from "../../src/pipeline/worker.js";
import { startRedisCluster } from "../../src/tools/redis-cluster.js";
import {
  freshPrefix,
  startServer as startServerWith,
  startWorker as startWorkerWith,
  TEST_DATABASE_URL,
  type TestServer,
  type TestWorker,
} from "./harness.js";
import { spawnServer, spawnWorker, startOwnPostgres, startOwnRedis } from "./process.js";
import { type ClientSocket, type ConnectOptions, connect, reconnectingSocket } from "./sockets.js";

export { describe, expect } from "vitest";

/** Every test venue's menu: [0] Margherita (stock 2), [1] Diavola, [2] Lemonade. */
export const TEST_MENU: readonly MenuItem[] = [
  { name: "Margherita", category: "Pizza", priceCents: 950, stock: 2 },
  { name: "Diavola", category: "Pizza", priceCents: 1250, stock: null },
  { name: "Lemonade", category: "Drinks", priceCents: 450, stock: null },
];

export interface Venue extends SeededVenue {
  /** The owner's staff token, from a real login. */
  staffToken: string;
}

/** Longest one teardown step may take: a close stuck on a dead dependency fails the test instead of hanging the run. */
const TEARDOWN_STEP_MS = 20_000;

function bounded<T>(work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    // A deadline, not a wait: it only turns "never finished" into a failure.
    timer = setTimeout(() => reject(new Error(`a teardown step took over ${TEARDOWN_STEP_MS / 1000}s`)), TEARDOWN_STEP_MS);
    timer.unref();
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** Teardown in reverse order of creation, whatever kind of thing it closes. */
class Resources {
  private stack: (() => Promise<unknown>)[] = [];
  add<T>(value: T, close: (value: T) => Promise<unknown> | unknown): T {
    this.stack.push(async () => close(value));
    return value;
  }
  async closeAll(): Promise<void> {
    const errors: unknown[] = [];
    for (const close of this.stack.splice(0).reverse()) await bounded(close()).catch((err: unknown) => errors.push(err));
    if (errors.length) throw new AggregateError(errors, `${errors.length} teardown step(s) failed`);
  }
}

// One password for every test venue of this process, hashed once: argon2id's cost is
// deliberate, and each venue's login already pays it once more.
const password = `pw-${randomUUID()}`;
let passwordHash: Promise<string> | undefined;

async function newVenue(prisma: PrismaClient, server: TestServer): Promise<Venue> {
  passwordHash ??= hashPassword(password);
  const seeded = await seedVenue(prisma, {
    products: TEST_MENU,
    emailDomain: "test.ordered",
    owner: { password, passwordHash: await passwordHash },
  });
  const { token } = await server.api.login(seeded.owner);
  return { ...seeded, staffToken: token };
}

export const test = base
  .extend("prisma", { scope: "file" }, async ({}, { onCleanup }) => {
    const prisma = createPrisma(TEST_DATABASE_URL, 5);
    onCleanup(() => prisma.$disconnect());
    return prisma;
  })
  .extend("prefix", { scope: "file" }, () => freshPrefix())
  .extend("server", { scope: "file" }, async ({ prisma, prefix }, { onCleanup }) => {
    const server = await startServerWith(prisma, { REDIS_PREFIX: prefix });
    onCleanup(() => server.close());
    return server;
  })
  .extend("cluster", { scope: "file" }, async ({ prisma, prefix, server }, { onCleanup }) => {
    const second = await startServerWith(prisma, { REDIS_PREFIX: prefix });
    onCleanup(() => second.close());
    return [server, second] as const;
  })
  .extend("worker", { scope: "file" }, async ({ prisma, prefix }, { onCleanup }) => {
    const worker = startWorkerWith(prisma, prefix);
    onCleanup(() => worker.close());
    return worker;
  })
  .extend("resources", async ({}, { onCleanup }) => {
    const resources = new Resources();
    onCleanup(() => resources.closeAll());
    return resources;
  })
  .extend("venue", ({ prisma, server }) => newVenue(prisma, server))
  .extend("otherVenue", ({ prisma, server }) => newVenue(prisma, server))
  .extend("socket", ({ resources }) => {
    /** Connects (WebSocket unless told otherwise); rejects with the refusal. */
    return (server: { url: string }, auth: Partial<HandshakeAuth> | undefined, opts: ConnectOptions = {}): Promise<ClientSocket> =>
      connect(server, auth, opts, (s) => resources.add(s, (x) => x.close()));
  })
  .extend("reconnectingSocket", ({ resources }) => {
    return (url: string, auth: { token: string }, sessionId: string) => {
      const client = reconnectingSocket(url, auth, sessionId);
      resources.add(client.socket, (s) => s.close());
      return client;
    };
  })
  .extend("startServer", ({ prisma, resources }) => {
    /** An instance with its own Redis prefix (unless `env` sets one) and settings. */
    return async (env: Record<string, string> = {}, components: { prisma?: PrismaClient } = {}) =>
      resources.add(await startServerWith(components.prisma ?? prisma, env), (s) => s.close());
  })
  .extend("startCluster", ({ prisma, resources }) => {
    /** `n` instances sharing a fresh Redis prefix, so their rooms are shared. */
    return async (n: number, env: Record<string, string> = {}): Promise<TestServer[]> => {
      const prefix = freshPrefix();
      const servers: TestServer[] = [];
      for (let i = 0; i < n; i++)
        servers.push(resources.add(await startServerWith(prisma, { REDIS_PREFIX: prefix, ...env }), (s) => s.close()));
      return servers;
    };
  })
  .extend("startWorker", ({ prisma, resources }) => {
    return (prefix: string, opts: { hooks?: Partial<WorkerHooks>; env?: Record<string, string>; redisUrl?: string } = {}): TestWorker =>
      resources.add(startWorkerWith(prisma, prefix, opts), (w) => w.close());
  })
  .extend("spawnServer", ({ resources }) => {
    return async (env: Record<string, string>) => resources.add(await spawnServer(env), (s) => s.kill());
  })
  .extend("spawnWorker", ({ resources }) => {
    return async (env: Record<string, string>) => resources.add(await spawnWorker(env), (w) => w.kill());
  })
  .extend("ownRedis", ({ resources }) => {
    /** A redis-server of the test's own on a free port, to stop and start at will. */
    return async () => resources.add(await startOwnRedis(), (r) => r.stop());
  })
  .extend("ownPostgres", ({ resources }) => {
    /** A PostgreSQL cluster of the test's own on a free port, to crash and restart at will. */
    return async () => resources.add(await startOwnPostgres(), (p) => p.destroy());
  })
  .extend("redisCluster", ({ resources }) => {
    /** A Redis Cluster of the test's own on free loopback ports (src/tools/redis-cluster.ts). */
    return async () => resources.add(await startRedisCluster(), (c) => c.stop());
  })
  .extend("prismaClient", ({ resources }) => {
    /** A Prisma client with a pool of `connections` on the test database. */
    return (connections: number) => resources.add(createPrisma(TEST_DATABASE_URL, connections), (p) => p.$disconnect());
  })
  .extend("pgClient", ({ resources }) => {
    /** A plain node-postgres connection to the test database (e.g. to hold locks). */
    return async () => {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      return resources.add(client, (c) => c.end());
    };
  })
  .extend("scratchDatabase", ({ resources }) => {
    /** The URL of a database name of the test's own (not created here); dropped after the test. */
    return () => {
      const url = new URL(TEST_DATABASE_URL);
      url.pathname = `/ordered_scratch_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
      return resources.add(url.toString(), async () => {
        const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
        await admin.connect();
        try {
          await admin.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`);
        } finally {
          await admin.end();
        }
      });
    };
  });

export const it = test;
