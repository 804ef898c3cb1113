import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client.js";

export * as Db from "../generated/prisma/client.js";
export type { PrismaClient };

/** How long a request waits for a free database connection before giving up (retryable). */
export const CONNECT_TIMEOUT_MS = 2000;

/**
 * How long a connection beyond the pool's first WARM_CONNECTIONS may sit idle before it is
 * closed. node-postgres closes every idle connection after 10 s by default: a quiet venue's
 * next order then waited for a new connection and a backend with cold caches (measured on
 * the bench machine: 50 ms to place and 15 ms to process an order, against 2 and 2 on a warm
 * connection), and so did the first orders of every rush after a lull.
 */
export const IDLE_TIMEOUT_MS = 5 * 60_000;
/** Connections the pool keeps however long they sit idle (once opened; none is opened early). */
export const WARM_CONNECTIONS = 2;

const pools = new WeakMap<PrismaClient, pg.Pool>();

/**
 * A Prisma client over node-postgres: Prisma 6's Rust-free client (`engineType = "client"`
 * in prisma/schema.prisma), which needs no native engine download. Its pool is ours, so
 * plain SQL (db/sql.ts) runs on the same connections (poolOf).
 */
export function createPrisma(databaseUrl: string, poolSize = 10): PrismaClient {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: poolSize,
    min: Math.min(WARM_CONNECTIONS, poolSize),
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: IDLE_TIMEOUT_MS,
    // An idle connection whose peer vanished (a failover, a NAT timeout) is found and replaced.
    keepAlive: true,
  });
  pool.on("error", () => {}); // an idle client lost its connection; the pool replaces it
  // A checked-out client whose connection dies (PostgreSQL restarting, a backend terminated)
  // emits `error` too, and node-postgres' pool only listens on idle ones: without a listener
  // of our own, that event killed the process (issue 30). The statement in flight rejects
  // with the same error, which the edge answers UNAVAILABLE; the broken client is discarded
  // when it is released (pg-pool drops clients that are no longer queryable).
  pool.on("connect", (client) => client.on("error", () => {}));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(prisma, pool);
  return prisma;
}

/** Called once per connection a request asked the pool for: how long it waited, and whether it got one. */
export type AcquireListener = (waitedSeconds: number, acquired: boolean) => void;

const acquireListeners = new WeakMap<pg.Pool, AcquireListener[]>();

/**
 * Calls `listener` for every connection asked of `pool` (every statement, Prisma's and
 * db/sql.ts's, goes through `pool.connect`): the wait for a free connection is the part of a
 * request's time that a bigger pool, or a lighter neighbour, would save (docs/benchmarks.md).
 */
export function watchAcquire(pool: pg.Pool, listener: AcquireListener): void {
  const listeners = acquireListeners.get(pool);
  if (listeners) {
    listeners.push(listener);
    return;
  }
  const all = [listener];
  acquireListeners.set(pool, all);
  const tell = (startedAt: number, acquired: boolean) => {
    const waited = (performance.now() - startedAt) / 1000;
    for (const l of all) l(waited, acquired);
  };
  const connect = pool.connect.bind(pool) as (callback?: ConnectCallback) => Promise<pg.PoolClient> | undefined;
  // pg-pool's own query() calls this.connect(callback); Prisma's transactions and
  // db/sql.ts call connect() for a promise: both forms pass through here.
  pool.connect = ((callback?: ConnectCallback) => {
    const startedAt = performance.now();
    if (callback)
      return connect((err, client, release) => {
        tell(startedAt, !err);
        callback(err, client, release);
      });
    return (connect() as Promise<pg.PoolClient>).then(
      (client) => {
        tell(startedAt, true);
        return client;
      },
      (err: unknown) => {
        tell(startedAt, false);
        throw err;
      },
    );
  }) as typeof pool.connect;
}

type ConnectCallback = (err: Error | undefined, client: pg.PoolClient | undefined, release: (release?: unknown) => void) => void;

/** The node-postgres pool under a client made by createPrisma. */
export function poolOf(prisma: PrismaClient): pg.Pool {
  const pool = pools.get(prisma);
  if (!pool) throw new Error("this PrismaClient was not made by createPrisma");
  return pool;
}
