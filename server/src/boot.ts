/**
 * What both processes (main.ts, the server; worker-main.ts, the pipeline worker) do first:
 * read the configuration once, build the logger and the database and Redis connections,
 * and make sure both answer, naming the one that does not.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Config, ConfigError, loadConfig } from "./config.js";
import { createPrisma, type PrismaClient } from "./db/prisma.js";
import { closeRedis, createRedis, describeTarget, type RedisClient, watchOutage } from "./db/redis.js";
import { PING, sqlOn } from "./db/sql.js";
import { createLogger, type Logger } from "./logger.js";
import { devSecret } from "./secrets.js";
import { onShutdown } from "./shutdown.js";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface Process {
  config: Config;
  log: Logger;
  prisma: PrismaClient;
  redis: RedisClient;
}

export async function boot(
  name: "server" | "worker",
  options: {
    /** Defaults applied under the environment. */
    env?: Record<string, string>;
    poolSize?: (config: Config) => number;
    /** ioredis' retries per command: the server fails fast, the worker waits Redis out (null). */
    redisRetries: number | null;
  },
): Promise<Process> {
  // Outside production, a signing secret is generated once into .secrets/ and shared by every process on the machine.
  const config = loadConfig({ ...options.env, ...process.env }, () =>
    devSecret(process.env.SECRETS_DIR ?? path.join(repoRoot, ".secrets")),
  );
  const log = createLogger(config.logLevel, name);
  const prisma = createPrisma(config.databaseUrl, options.poolSize?.(config));
  const redis = createRedis(config.redis, { maxRetriesPerRequest: options.redisRetries, lazyConnect: true, autoPipelining: true });
  watchOutage(log, "redis", redis);
  await Promise.all([
    sqlOn(prisma)
      .run(PING)
      .catch((err: unknown) => {
        throw new Error(`PostgreSQL is not reachable at ${redact(config.databaseUrl)}: ${(err as Error).message}`);
      }),
    redis.connect().catch((err: unknown) => {
      throw new Error(`Redis is not reachable at ${describeTarget(config.redis)}: ${(err as Error).message}`);
    }),
  ]);
  return { config, log, prisma, redis };
}

/**
 * On SIGTERM/SIGINT: `stop` (the process's own parts, e.g. the HTTP server or the worker),
 * then the connections boot made.
 */
export function stopOnSignal(p: Process, stop: () => Promise<void>, timeoutMs?: number): void {
  onShutdown(
    p.log,
    async () => {
      await stop();
      await p.prisma.$disconnect();
      await closeRedis(p.redis);
    },
    timeoutMs,
  );
}

/** Runs a process's main, printing a start-up failure as one readable line. */
export function run(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    console.error(err instanceof ConfigError || err instanceof Error ? err.message : err);
    process.exit(1);
  });
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, "//$1:***@");
}
