import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client.js";

export * as Db from "../generated/prisma/client.js";
export type { PrismaClient };

/** How long a request waits for a free database connection before giving up (retryable). */
export const CONNECT_TIMEOUT_MS = 2000;

const pools = new WeakMap<PrismaClient, pg.Pool>();

/**
 * A Prisma client over node-postgres: Prisma 6's Rust-free client (`engineType = "client"`
 * in prisma/schema.prisma), which needs no native engine download. Its pool is ours, so
 * plain SQL (db/sql.ts) runs on the same connections (poolOf).
 */
export function createPrisma(databaseUrl: string, poolSize = 10): PrismaClient {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  pool.on("error", () => {}); // an idle client lost its connection; the pool replaces it
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
