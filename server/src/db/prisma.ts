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

/** The node-postgres pool under a client made by createPrisma. */
export function poolOf(prisma: PrismaClient): pg.Pool {
  const pool = pools.get(prisma);
  if (!pool) throw new Error("this PrismaClient was not made by createPrisma");
  return pool;
}
