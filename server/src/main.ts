import path from "node:path";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { createApp } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { createPrisma } from "./db/prisma.js";
import { createLogger } from "./logger.js";
import { devSecret } from "./secrets.js";
import { onShutdown } from "./shutdown.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

async function main(): Promise<void> {
  const config = loadConfig(
    { WEB_DIST: path.join(repoRoot, "web/dist"), ...process.env },
    () => devSecret(process.env.SECRETS_DIR ?? path.join(repoRoot, ".secrets")),
  );
  const log = createLogger(config.logLevel, "server");
  const prisma = createPrisma(config.databaseUrl);
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 2, lazyConnect: true });
  redis.on("error", (err) => log.warn({ err: err.message }, "redis connection error"));

  await Promise.all([
    prisma.$queryRaw`SELECT 1`.catch((err: unknown) => {
      throw new Error(`PostgreSQL is not reachable at ${redact(config.databaseUrl)}: ${(err as Error).message}`);
    }),
    redis.connect().catch((err: unknown) => {
      throw new Error(`Redis is not reachable at ${config.redisUrl}: ${(err as Error).message}`);
    }),
  ]);

  const app = createApp({ config, prisma, redis, log });
  await new Promise<void>((resolve) => app.httpServer.listen(config.port, config.host, resolve));
  log.info({ url: config.publicUrl, port: config.port }, "Ordered server listening");

  // Stop accepting, close sockets and queues, then the connections the app was given.
  onShutdown(log, async () => {
    await app.close();
    await prisma.$disconnect();
    await redis.quit().catch(() => redis.disconnect());
  });
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, "//$1:***@");
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err instanceof Error ? err.message : err);
  process.exit(1);
});
