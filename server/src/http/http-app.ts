import { existsSync } from "node:fs";
import path from "node:path";
import express, { type ErrorRequestHandler, type Express } from "express";
import type { AppDeps } from "../app.js";
import { authRoutes } from "../auth/auth.routes.js";
import { AppError, toHttp } from "../errors.js";
import { menuRoutes } from "../products/menu.routes.js";
import { productRoutes } from "../products/products.routes.js";
import { sessionRoutes } from "../sessions/sessions.routes.js";
import { orderRoutes } from "../orders/orders.routes.js";
import { statsRoutes } from "../stats/stats.routes.js";
import type { Metrics } from "../metrics/metrics.js";

/** Largest JSON body accepted by the API. */
export const MAX_BODY_BYTES = 64 * 1024;

export function createHttpApp(deps: AppDeps, metrics: Metrics): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", deps.config.trustProxyHops);
  app.set("query parser", "simple");

  app.use("/api", (req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    const origin = req.headers.origin;
    if (origin && deps.config.allowedOrigins.includes(origin)) {
      res.setHeader("Access-Control-Allow-Origin", origin);
      res.setHeader("Vary", "Origin");
      res.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type");
      res.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE");
    }
    if (req.method === "OPTIONS") return void res.status(204).end();
    next();
  });
  app.use("/api", express.json({ limit: MAX_BODY_BYTES, strict: true, type: () => true }));

  app.get("/api/health", async (_req, res) => {
    const [db, redis] = await Promise.allSettled([deps.prisma.$queryRaw`SELECT 1`, deps.redis.ping()]);
    const ok = db.status === "fulfilled" && redis.status === "fulfilled";
    res.status(ok ? 200 : 503).json({
      status: ok ? "ok" : "degraded",
      postgres: db.status === "fulfilled" ? "up" : "down",
      redis: redis.status === "fulfilled" ? "up" : "down",
    });
  });
  // Prometheus scrape endpoint; keep it off the public network (see docs/architecture.md).
  app.get("/metrics", async (_req, res) => {
    res.setHeader("Content-Type", metrics.contentType);
    res.send(await metrics.render());
  });
  app.use("/api/auth", authRoutes(deps));
  app.use("/api/products", productRoutes(deps));
  app.use("/api/menu", menuRoutes(deps));
  app.use("/api/sessions", sessionRoutes(deps));
  app.use("/api/orders", orderRoutes(deps));
  app.use("/api/stats", statsRoutes(deps));
  app.use("/api", () => {
    throw AppError.notFound("route");
  });

  const webDist = deps.config.webDist;
  if (webDist && existsSync(path.join(webDist, "index.html"))) {
    app.use(express.static(webDist, { index: false, maxAge: "1h" }));
    // Client-side routes (/s/<code>, /panel, ...) all load the single-page app.
    app.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => {
      res.setHeader("Cache-Control", "no-cache");
      res.sendFile(path.join(webDist, "index.html"));
    });
  }

  const onError: ErrorRequestHandler = (err, req, res, _next) => {
    const known = bodyParserError(err);
    const { status, body } = toHttp(known ?? err, req.log ?? deps.log);
    if (body.error.retryAfter) res.setHeader("Retry-After", String(body.error.retryAfter));
    res.status(status).json(body);
  };
  app.use(onError);
  return app;
}

/** express.json() failures, turned into the API's own error codes. */
function bodyParserError(err: unknown): AppError | undefined {
  const type = (err as { type?: string } | null)?.type;
  if (type === "entity.too.large") return new AppError("PAYLOAD_TOO_LARGE", `request body is larger than ${MAX_BODY_BYTES} bytes`);
  if (type === "entity.parse.failed") return new AppError("VALIDATION_FAILED", "body: is not valid JSON");
  if (type === "encoding.unsupported" || type === "charset.unsupported") return new AppError("VALIDATION_FAILED", "body: unsupported encoding");
  return undefined;
}

declare module "express-serve-static-core" {
  interface Request {
    log?: import("pino").Logger;
  }
}
