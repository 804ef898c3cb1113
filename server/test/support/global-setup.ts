// Once per run: creates (if needed) and migrates the test database, and names this run's
// Redis prefix. Tests never reset the database: each one creates its own location, so they
// can run in parallel and in any order.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../../src/db/migrate.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Every Redis key of this run starts with it (`test:<run>`); removed after the run. */
    testRedisPrefix: string;
  }
}

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/ordered_test";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await migrateDatabase(TEST_DATABASE_URL);
  // Per run, so that this run's cleanup leaves another suite's keys on the same Redis alone.
  const runPrefix = `test:${randomUUID().slice(0, 8)}`;
  project.provide("testRedisPrefix", runPrefix);
  return async () => {
    const redis = new Redis(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379");
    try {
      let cursor = "0";
      do {
        const [next, keys] = await redis.scan(cursor, "MATCH", `${runPrefix}:*`, "COUNT", 1000);
        cursor = next;
        if (keys.length) await redis.unlink(...keys);
      } while (cursor !== "0");
    } finally {
      redis.disconnect();
    }
  };
}
