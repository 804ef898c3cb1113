import type { HealthResponse } from "@ordered/contract";
import type { RequestHandler } from "express";
import { sql, sqlOn } from "../db/sql.js";
import type { AppComponents } from "../deps.js";

/** `GET /api/health`: 200 when PostgreSQL and Redis both answer, 503 naming the one that does not. */
export function health(deps: Pick<AppComponents, "prisma" | "redis">): RequestHandler {
  return async (_req, res) => {
    const [db, redis] = await Promise.allSettled([sqlOn(deps.prisma).run(sql`SELECT 1`), deps.redis.ping()]);
    const ok = db.status === "fulfilled" && redis.status === "fulfilled";
    res.status(ok ? 200 : 503).json({
      status: ok ? "ok" : "degraded",
      postgres: db.status === "fulfilled" ? "up" : "down",
      redis: redis.status === "fulfilled" ? "up" : "down",
    } satisfies HealthResponse);
  };
}
