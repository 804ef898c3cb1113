import { existsSync } from "node:fs";
import path from "node:path";
import { isFileContent, ROUTES, type RouteDef } from "@ordered/contract";
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from "express";
import expressStaticGzip from "express-static-gzip";
import helmet from "helmet";
import type { Config } from "../config.js";
import { AppError, toHttp } from "../errors.js";
import type { Logger } from "../logger.js";

/** Largest JSON body accepted by the API. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Security headers for everything served (helmet): a Content Security Policy that allows
 * only our own scripts, styles, sockets and images (product photos, /media) and the QR
 * codes' data: images; no framing by other sites (clickjacking); no MIME sniffing; no
 * referrer leaking join codes to other origins.
 */
const securityHeaders = helmet({
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", "data:"],
      connectSrc: ["'self'"],
      // The app shell's service worker (/sw.js, web/offline/): 'self' already by fallback to
      // script-src; said here so that tightening script-src cannot silently drop it.
      workerSrc: ["'self'"],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  referrerPolicy: { policy: "no-referrer" },
  // The API is called from the allowed origins (CORS below); nothing here is embedded cross-origin.
  crossOriginResourcePolicy: { policy: "same-origin" },
});

/** Methods whose requests may carry a body. */
const WITH_BODY = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The routes whose body is not JSON but a file (the route table's FileContent: a product's photo), read by http/file-body.ts. */
const FILE_UPLOADS = Object.entries(ROUTES as Record<string, RouteDef>)
  .filter(([, route]) => isFileContent(route.body))
  .map(([key]) => {
    const [method, path] = key.split(" ") as [string, string];
    // Matched below "/api", where req.path has lost it.
    const pattern = path
      .replace(/^\/api/, "")
      .replace(/\./g, "\\.")
      .replace(/:[A-Za-z]+/g, "[^/]+");
    return { method, path: new RegExp(`^${pattern}$`) };
  });
const isFileUpload = (req: { method: string; path: string }) => FILE_UPLOADS.some((u) => u.method === req.method && u.path.test(req.path));

/**
 * Express with what every API route needs: security headers, CORS for the allowed origins,
 * no caching, and JSON bodies (only with a JSON content type).
 */
export function createExpress(config: Config): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.trustProxyHops);
  app.set("query parser", "simple");
  app.use(securityHeaders);
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
    // A body in another type would be read as no body; say so instead.
    const hasBody = Number(req.headers["content-length"] ?? 0) > 0 || req.headers["transfer-encoding"] !== undefined;
    if (WITH_BODY.has(req.method) && hasBody && !req.is("application/json") && !isFileUpload(req)) {
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", "body: must be JSON (Content-Type: application/json)");
    }
    next();
  });
  const json = express.json({ limit: MAX_BODY_BYTES, strict: true, type: "application/json" });
  app.use("/api", (req, res, next) => (isFileUpload(req) ? next() : json(req, res, next)));
  return app;
}

/** An /api path no route matched. */
export const unknownRoute: RequestHandler = () => {
  throw AppError.notFound("route");
};

/**
 * A guest's first page and what it asks for first (the venue and table its code belongs to),
 * for codes that need no escaping (cards and join codes are base64url; anything else is no code).
 */
const GUEST_PAGES: [RegExp, (code: string) => string][] = [
  [/^\/t\/([A-Za-z0-9_-]{1,64})\/?$/, (code) => `/api/cards/${code}`],
  [/^\/s\/([A-Za-z0-9_-]{1,64})\/?$/, (code) => `/api/sessions/code/${code}`],
];

/** A `Link: rel=preload` for the first request of a guest's page, if `pagePath` is one. */
function guestPreload(pagePath: string): string | undefined {
  for (const [page, first] of GUEST_PAGES) {
    const code = page.exec(pagePath)?.[1];
    if (code) return `<${first(code)}>; rel=preload; as=fetch; crossorigin=anonymous`;
  }
  return undefined;
}

/**
 * The built web app, if there is one: its files (precompressed, hashed ones cached for good),
 * and index.html for its client-side routes. Never its source maps.
 */
export function serveWebApp(app: Express, config: Pick<Config, "webDist">): void {
  const webDist = config.webDist;
  if (!webDist || !existsSync(path.join(webDist, "index.html"))) return;
  // Source maps stay on the machine that built the app (Vite writes them "hidden": no file
  // names them), whatever the environment: they would hand out the whole source.
  app.use((req, _res, next) => (req.path.endsWith(".map") ? next(AppError.notFound("file")) : next()));
  // The build writes .br and .gz next to every asset (web/vite.config.ts): sent as the client
  // accepts, brotli first, never compressed per request. Hashed assets never change: cached
  // for a year, immutable; anything else (index.html, icons) revalidates every time.
  app.use(
    expressStaticGzip(webDist, {
      enableBrotli: true,
      orderPreference: ["br", "gz"],
      index: false,
      serveStatic: {
        index: false,
        setHeaders(res, file) {
          const hashed = path.relative(webDist, file).startsWith(`assets${path.sep}`);
          res.setHeader("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
        },
      },
    }),
  );
  // Client-side routes (/s/<code>, /panel, ...) all load the single-page app.
  app.get(/^\/(?!api\/|socket\.io\/).*/, (req, res) => {
    res.setHeader("Cache-Control", "no-cache");
    // A guest's page asks for its code's venue and table first thing (web/src/customer/
    // use-entry-info.ts): let the browser fetch that while it still downloads the script,
    // instead of one round trip after the script ran.
    const preload = guestPreload(req.path);
    if (preload) res.setHeader("Link", preload);
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
  if (type === "encoding.unsupported" || type === "charset.unsupported")
    return new AppError("VALIDATION_FAILED", "body: unsupported encoding");
  return undefined;
}
