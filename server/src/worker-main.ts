// The pipeline worker process: `node dist/worker-main.js`. Run any number of them.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { ConfigError, loadConfig } from "./config.js";
import { createPrisma } from "./db/prisma.js";
import { bullConnection } from "./db/redis.js";
import { createLogger } from "./logger.js";
import { createPipelineWorker } from "./pipeline/worker.js";
import { devSecret } from "./secrets.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

async function main(): Promise<void> {
  // The worker signs no tokens, but shares the server's configuration and its checks.
  const config = loadConfig(process.env, () => devSecret(process.env.SECRETS_DIR ?? path.join(repoRoot, ".secrets")));
  const log = createLogger(config.logLevel, "worker");
  const prisma = createPrisma(config.databaseUrl, config.pipeline.concurrency + 2);
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  redis.on("error", (err) => log.warn({ err: err.message }, "redis connection error"));
  await prisma.$queryRaw`SELECT 1`;

  const worker = createPipelineWorker({
    prisma,
    redis,
    connection: bullConnection(config.redisUrl),
    log,
    options: { prefix: config.redisPrefix, ...config.pipeline },
  });
  log.info({ concurrency: config.pipeline.concurrency }, "pipeline worker running");

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "worker shutting down");
    const force = setTimeout(() => process.exit(1), 15_000).unref();
    await worker.close();
    await prisma.$disconnect();
    await redis.quit().catch(() => redis.disconnect());
    clearTimeout(force);
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
