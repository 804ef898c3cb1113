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
import { onShutdown } from "./shutdown.js";

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

  // worker.close() waits for running jobs to finish, so nothing is left half done.
  onShutdown(
    log,
    async () => {
      await worker.close();
      await prisma.$disconnect();
      await redis.quit().catch(() => redis.disconnect());
    },
    15_000,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
