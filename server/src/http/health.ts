import { isReady, type RedisClient } from "../db/redis.js";
import { PING, sqlOn } from "../db/sql.js";
import type { AppComponents } from "../deps.js";
import { handlers } from "./routes.js";

/** Redis answers within a second, or it is down (a reconnecting client is down at once). */
async function pingRedis(redis: RedisClient): Promise<void> {
  if (!isReady(redis)) throw new Error(`redis is ${redis.status}`);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.ping(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("redis did not answer")), 1000))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** `GET /api/health`: 200 when PostgreSQL and Redis both answer, 503 naming the one that does not. */
export function healthRoutes(deps: Pick<AppComponents, "prisma" | "redis">) {
  return handlers({
    "GET /api/health": async ({ reply }) => {
      const [db, redis] = await Promise.allSettled([sqlOn(deps.prisma).run(PING), pingRedis(deps.redis)]);
      const ok = db.status === "fulfilled" && redis.status === "fulfilled";
      reply(
        {
          status: ok ? "ok" : "degraded",
          postgres: db.status === "fulfilled" ? "up" : "down",
          redis: redis.status === "fulfilled" ? "up" : "down",
        },
        ok ? 200 : 503,
      );
    },
  });
}
