import { existsSync } from "node:fs";
import path from "node:path";
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from "express";
import type { Config } from "../config.js";
import { AppError, toHttp } from "../errors.js";
import type { Logger } from "../logger.js";

/** Largest JSON body accepted by the API. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Express with what every API route needs: CORS for the allowed origins, no caching, JSON bodies. */
export function createExpress(config: Config): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.trustProxyHops);
  app.set("query parser", "simple");
  app.use("/api", (req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    const origin = req.headers.origin;
    if (origin && config.allowedOrigins.includes(origin)) {
      res.setHeader("Access-Control-Allow-Origin", origin);
      res.setHeader("Vary", "Origin");
      res.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type");
      res.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE");
    }
    if (req.method === "OPTIONS") return void res.status(204).end();
    next();
  });
  app.use("/api", express.json({ limit: MAX_BODY_BYTES, strict: true, type: () => true }));
  return app;
}

/** An /api path no route matched. */
export const unknownRoute: RequestHandler = () => {
  throw AppError.notFound("route");
};

/** The built web app, if there is one: its files, and index.html for its client-side routes. */
export function serveWebApp(app: Express, webDist: string | undefined): void {
  if (!webDist || !existsSync(path.join(webDist, "index.html"))) return;
  app.use(express.static(webDist, { index: false, maxAge: "1h" }));
  // Client-side routes (/s/<code>, /panel, ...) all load the single-page app.
  app.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => {
    res.setHeader("Cache-Control", "no-cache");
    res.sendFile(path.join(webDist, "index.html"));
  });
}

/** Every error a route throws, as the API's `{ error: { code, message } }` (errors.ts translates). */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const { status, body } = toHttp(bodyParserError(err) ?? err, log);
    if (body.error.retryAfter) res.setHeader("Retry-After", String(body.error.retryAfter));
    res.status(status).json(body);
  };
}

/** express.json() failures, turned into the API's own error codes. */
function bodyParserError(err: unknown): AppError | undefined {
  const type = (err as { type?: string } | null)?.type;
  if (type === "entity.too.large") return new AppError("PAYLOAD_TOO_LARGE", `request body is larger than ${MAX_BODY_BYTES} bytes`);
  if (type === "entity.parse.failed") return new AppError("VALIDATION_FAILED", "body: is not valid JSON");
  if (type === "encoding.unsupported" || type === "charset.unsupported") return new AppError("VALIDATION_FAILED", "body: unsupported encoding");
  return undefined;
}
