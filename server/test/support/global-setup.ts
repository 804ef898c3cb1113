// Creates (if needed) and migrates the test database once per run. Tests never reset it:
// each one creates its own location, so they can run in parallel and in any order.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { ensureDatabase } from "../../src/db/ensure-database.js";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/ordered_test";

export { ensureDatabase as createDatabase } from "../../src/db/ensure-database.js";

export function migrateDatabase(url: string): void {
  execFileSync("npx", ["--no-install", "prisma", "migrate", "deploy"], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
}

export default async function setup(): Promise<() => Promise<void>> {
  await ensureDatabase(TEST_DATABASE_URL);
  migrateDatabase(TEST_DATABASE_URL);
  process.env.TEST_DATABASE_URL = TEST_DATABASE_URL;
  // Every test app uses its own `test:<uuid>` Redis prefix; remove them all after the run.
  return async () => {
    const redis = new Redis(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379");
    try {
      let cursor = "0";
      do {
        const [next, keys] = await redis.scan(cursor, "MATCH", "test:*", "COUNT", 1000);
        cursor = next;
        if (keys.length) await redis.unlink(...keys);
      } while (cursor !== "0");
    } finally {
      redis.disconnect();
    }
  };
}
