import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { type RedisTarget, redisTarget } from "./db/redis.js";

/** `<repo>/.data/photos` (the image's /app/.data/photos): this file is in server/src or server/dist. */
const DEFAULT_PHOTO_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../.data/photos");

const durationSeconds = z.coerce.number().int().positive();

const csv = z.string().transform((s) =>
  s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean),
);

/** An empty value is unset (docker-compose's `${SMTP_URL:-}` passes one when the host has none). */
const unsetWhenEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema);

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /**
   * Whether the demo location (with its public password) may exist: seeded by the seed
   * command, tolerated by a production server. Default: true outside production, false in it.
   */
  SEED_DEMO: z.enum(["true", "false"], "SEED_DEMO must be true or false").optional(),
  /** Interface the HTTP server binds; 0.0.0.0 so phones on the venue network can reach it. */
  HOST: z.string().default("0.0.0.0"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /**
   * Where the Stripe SDK sends its requests instead of api.stripe.com: a stand-in for tests
   * and trials (`npm run stripe-standin -w server`), or stripe-mock. Unset: Stripe itself.
   */
  STRIPE_API_URL: z.url().optional(),
  /**
   * How often the reconciliation sweep asks the provider about payments on phones that no
   * webhook settled yet (payments/reconcile.ts), and how old such a payment must be first.
   */
  PAYMENT_RECONCILE_INTERVAL_MS: z.coerce.number().int().positive().default(60_000),
  PAYMENT_RECONCILE_AFTER_MS: z.coerce
    .number()
    .int()
    .nonnegative()
    .default(2 * 60_000),
  /** Base URL phones open; join QR codes encode `<PUBLIC_URL>/s/<joinCode>`. */
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.string().default("postgresql://postgres@127.0.0.1:5432/ordered"),
  /**
   * Database connections one server instance may hold. A placement holds one for a single
   * statement (about 2 ms): at 20 orders/s the wait for one was ~0, and on a saturated
   * 2-core machine at 150 orders/s 30 ms on average, from the CPU rather than the pool
   * (docs/benchmarks.md). Raise it with the instance's cores, within PostgreSQL's
   * max_connections over every instance and worker (a worker holds WORKER_CONCURRENCY + 2).
   */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
  REDIS_URL: z.string().default("redis://127.0.0.1:6379"),
  /**
   * Some nodes of a Redis Cluster (`host:port` or redis:// URLs, comma-separated); when set,
   * Ordered runs on the cluster and REDIS_URL is not used (db/redis.ts).
   */
  REDIS_CLUSTER_NODES: csv.optional(),
  /** Prefix of every Redis key this deployment owns (queues, rate limits). */
  REDIS_PREFIX: z
    .string()
    .regex(/^[\w:.-]+$/)
    .default("ordered"),
  /** HS256 signing secret for staff and customer tokens; at least 32 characters. */
  JWT_SECRET: z.string().min(32, "JWT_SECRET must be at least 32 characters").optional(),
  STAFF_TOKEN_TTL_SECONDS: durationSeconds.default(12 * 3600),
  CUSTOMER_TOKEN_TTL_SECONDS: durationSeconds.default(3 * 3600),
  /** Browser origins allowed to open sockets and call the API (comma-separated). */
  ALLOWED_ORIGINS: csv.optional(),
  /** Join attempts allowed per client address per minute. */
  JOIN_RATE_PER_MINUTE: z.coerce.number().int().positive().default(20),
  /** Joins allowed per session per minute (all phones together). */
  SESSION_JOIN_RATE_PER_MINUTE: z.coerce.number().int().positive().default(30),
  /** Joins through one table's card per minute, whatever the address: a photographed card cannot flood a table. */
  CARD_JOIN_RATE_PER_MINUTE: z.coerce.number().int().positive().default(12),
  /** Orders one socket may place per 10 seconds. */
  ORDER_RATE_PER_SOCKET: z.coerce.number().int().positive().default(10),
  /** Orders one session may place per minute. */
  ORDER_RATE_PER_SESSION: z.coerce.number().int().positive().default(60),
  /**
   * Commands (and socket connections) one phone may send per 10 seconds, counted on each
   * instance in memory, all its sockets together: no Redis round trip, and a phone's
   * flood costs only the instance it floods. order:place also has ORDER_RATE_PER_SOCKET.
   */
  CUSTOMER_COMMAND_RATE: z.coerce.number().int().positive().default(20),
  /** REST reads one phone may make per minute (menu, its session, its receipt), shared by all instances in Redis. */
  CUSTOMER_READ_RATE_PER_MINUTE: z.coerce.number().int().positive().default(60),
  /**
   * Requests of one phone an instance works on at once (commands, REST reads, handshakes),
   * each of which may hold a database connection: the rest are refused RATE_LIMITED at once,
   * so one phone never holds more than this many of the instance's pool (DATABASE_POOL_SIZE) and staff keep
   * being served. 3: a phone's page load asks for its session and the menu at once while its
   * socket connects.
   */
  CUSTOMER_MAX_IN_FLIGHT: z.coerce.number().int().positive().default(3),
  /** Login attempts allowed per client address per minute. */
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().positive().default(10),
  /**
   * Failed logins allowed per account (email) per 15 minutes from devices that never logged
   * in with it, and again per device that did (auth/login-throttle.ts): not a lockout of the owner.
   */
  LOGIN_RATE_PER_ACCOUNT: z.coerce.number().int().positive().default(20),
  /**
   * Sockets one client address may hold open on one instance. Generous: a venue's guests
   * often share one public address (its Wi-Fi's NAT).
   */
  MAX_SOCKETS_PER_ADDRESS: z.coerce.number().int().positive().default(300),
  /** Attempts per pipeline job before the order is dead-lettered (FAILED). */
  PIPELINE_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
  /** First retry delay of a pipeline job, doubling each attempt. */
  PIPELINE_BACKOFF_MS: z.coerce.number().int().min(0).default(500),
  /**
   * Jobs one worker process runs at once, both stages together, on a pool of
   * concurrency + 2 database connections. Small on purpose: the jobs are short transactions,
   * and more of them at once only makes them wait on each other and on the CPU (on the
   * benchmark machine 4 beat 16: docs/benchmarks-history.md). Raise it when the database is far away.
   */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(4),
  /** A killed worker's job is taken over once unrenewed this long, at the next stalled check. */
  WORKER_LOCK_MS: z.coerce.number().int().min(500).default(5000),
  WORKER_STALLED_CHECK_MS: z.coerce.number().int().min(200).default(2000),
  /** How often workers look for orders that never reached the queue, and how old they must be. */
  SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(5000),
  SWEEP_AFTER_MS: z.coerce.number().int().min(0).default(10_000),
  /**
   * Print workers (issue 34, printers/print-worker.ts) look this often for print jobs nobody
   * woke them for (a server died before its wake, or Redis was away), and for printers whose
   * worker died mid-job; a job must have waited PRINT_SWEEP_AFTER_MS to be taken that way.
   */
  PRINT_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(1000),
  PRINT_SWEEP_AFTER_MS: z.coerce.number().int().min(0).default(1000),
  /** A print worker holds a printer this long without renewal; a killed one's printer is taken over after it. */
  PRINT_LEASE_MS: z.coerce.number().int().min(500).default(6000),
  /** A failing printer's status is asked again this often, and its jobs retried, until it answers ready. */
  PRINT_RETRY_MS: z.coerce.number().int().min(100).default(2000),
  /** Printers in use are asked their status this often while idle, so a fault shows before the next ticket (0: never). */
  PRINTER_CHECK_MS: z.coerce.number().int().min(0).default(60_000),
  /** A bridge printer's job that no print bridge took for this long raises "no print bridge is connected" (and goes to the backup). */
  PRINT_BRIDGE_WAIT_MS: z.coerce.number().int().min(500).default(10_000),
  /** How long a printer may take to answer its status (each DLE EOT byte) before it counts as not answering. */
  PRINTER_STATUS_TIMEOUT_MS: z.coerce.number().int().min(100).default(2000),
  /** How long a phone waiting at a free table's card is held (GET /api/cards/:cardCode/seated) before it is answered "not yet" and asks again. */
  CARD_WAIT_MS: z.coerce.number().int().min(100).max(60_000).default(25_000),
  /** How often each instance re-checks the accounts of its open staff sockets (closing deactivated ones). */
  STAFF_RECHECK_MS: z.coerce.number().int().min(100).default(15_000),
  /** Port of the Prometheus endpoint (GET /metrics), apart from the API; unset: no endpoint. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Interface the metrics endpoint binds; loopback unless a scraper on another host needs it. */
  METRICS_HOST: z.string().default("127.0.0.1"),
  /** Express `trust proxy` setting: hops of proxies in front of us (0 = none). */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).default(0),
  /** Folder of the built web app to serve; empty to serve the API only. */
  WEB_DIST: z.string().optional(),
  /**
   * Folder of the product photos' variants (created when missing). Every server instance
   * must see the same folder (a shared volume): any of them may serve a photo another stored.
   */
  PHOTO_DIR: z.string().min(1).default(DEFAULT_PHOTO_DIR),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /**
   * The mail server receipts are mailed through (issue 33), as a URL:
   * `smtps://user:password@smtp.example.com:465` or `smtp://…:587` (STARTTLS when offered).
   * Unset (with MAIL_FROM): no receipts by e-mail; the apps show no button.
   */
  SMTP_URL: unsetWhenEmpty(
    z
      .url("SMTP_URL must be a URL like smtps://user:password@smtp.example.com:465")
      .refine((u) => /^smtps?:\/\//.test(u), "SMTP_URL must start with smtp:// or smtps://")
      .optional(),
  ),
  /** The sender of mailed receipts: `"Trattoria Roma" <receipts@example.com>` or a bare address. */
  MAIL_FROM: unsetWhenEmpty(z.string().min(3).optional()),
  /** Receipts one session may mail per hour (phones and staff together). */
  RECEIPT_MAIL_RATE_PER_SESSION: z.coerce.number().int().positive().default(10),
  /** Receipts one client address may mail per hour, whatever the session. */
  RECEIPT_MAIL_RATE_PER_ADDRESS: z.coerce.number().int().positive().default(30),
});

/** Where `npm run dev -w web` serves the app in development. */
const VITE_DEV_ORIGIN = "http://localhost:5173";

export interface Config {
  readonly env: "development" | "production" | "test";
  /** SEED_DEMO: the demo location is wanted (seeded, and allowed in production). */
  readonly seedDemo: boolean;
  readonly host: string;
  readonly port: number;
  readonly publicUrl: string;
  readonly databaseUrl: string;
  /** DATABASE_POOL_SIZE: the server's pool (workers size theirs by their concurrency). */
  readonly databasePoolSize: number;
  readonly redisUrl: string;
  /** One Redis server or a Redis Cluster: what every Redis connection is made to. */
  readonly redis: RedisTarget;
  readonly redisPrefix: string;
  readonly jwt: {
    readonly secret: string;
    readonly issuer: string;
    readonly staffAudience: string;
    readonly customerAudience: string;
    readonly staffTtlSeconds: number;
    readonly customerTtlSeconds: number;
  };
  readonly allowedOrigins: readonly string[];
  readonly limits: {
    readonly joinPerMinute: number;
    readonly loginPerMinute: number;
    readonly loginPerAccountPer15Min: number;
    readonly socketsPerAddress: number;
    readonly sessionJoinPerMinute: number;
    readonly cardJoinPerMinute: number;
    readonly orderPerSocketPer10s: number;
    readonly orderPerSessionPerMinute: number;
    readonly customerCommandsPer10s: number;
    readonly customerReadsPerMinute: number;
    readonly customerInFlight: number;
    readonly receiptMailsPerSessionPerHour: number;
    readonly receiptMailsPerAddressPerHour: number;
  };
  readonly pipeline: {
    readonly attempts: number;
    readonly backoffMs: number;
    readonly concurrency: number;
    readonly lockDurationMs: number;
    readonly stalledIntervalMs: number;
    readonly sweepIntervalMs: number;
    readonly sweepAfterMs: number;
  };
  readonly printing: {
    readonly sweepIntervalMs: number;
    readonly sweepAfterMs: number;
    readonly leaseMs: number;
    readonly retryMs: number;
    readonly checkMs: number;
    readonly statusTimeoutMs: number;
    readonly bridgeWaitMs: number;
  };
  readonly metrics: { readonly host: string; readonly port: number | undefined };
  readonly staffRecheckMs: number;
  /** How long a phone waiting at a free table is held before "not yet" (tables/seat-waits.ts). */
  readonly cardWaitMs: number;
  readonly trustProxyHops: number;
  readonly webDist: string | undefined;
  /** Absolute path of the photo store (media/photos.ts). */
  readonly photoDir: string;
  readonly payments: {
    /** STRIPE_API_URL: the SDK's target instead of Stripe's API. */
    readonly stripeApiUrl: string | undefined;
    readonly reconcileIntervalMs: number;
    readonly reconcileAfterMs: number;
  };
  readonly logLevel: string;
  /** Where mailed receipts go out (SMTP_URL, MAIL_FROM); null: receipts are not mailed. */
  readonly mail: { readonly smtpUrl: string; readonly from: string } | null;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Parses the environment once. `fallbackSecret` is used when JWT_SECRET is unset outside
 * production (main.ts keeps a generated one outside git); production requires JWT_SECRET.
 */
export function loadConfig(env: NodeJS.ProcessEnv, fallbackSecret?: () => string): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new ConfigError(`invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  let secret = e.JWT_SECRET;
  if (!secret) {
    if (e.NODE_ENV === "production" || !fallbackSecret) {
      throw new ConfigError("JWT_SECRET is required (at least 32 characters)");
    }
    secret = fallbackSecret();
  }
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
  return deepFreeze({
    seedDemo: e.SEED_DEMO === undefined ? e.NODE_ENV !== "production" : e.SEED_DEMO === "true",
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    redisUrl: e.REDIS_URL,
    redis: clusterTarget(e.REDIS_URL, e.REDIS_CLUSTER_NODES),
    redisPrefix: e.REDIS_PREFIX,
    jwt: {
      secret,
      issuer: "ordered",
      staffAudience: "ordered:staff",
      customerAudience: "ordered:customer",
      staffTtlSeconds: e.STAFF_TOKEN_TTL_SECONDS,
      customerTtlSeconds: e.CUSTOMER_TOKEN_TTL_SECONDS,
    },
    // The Vite dev server's origin only outside production.
    allowedOrigins: e.ALLOWED_ORIGINS ?? [new URL(publicUrl).origin, ...(e.NODE_ENV === "production" ? [] : [VITE_DEV_ORIGIN])],
    limits: {
      joinPerMinute: e.JOIN_RATE_PER_MINUTE,
      loginPerMinute: e.LOGIN_RATE_PER_MINUTE,
      loginPerAccountPer15Min: e.LOGIN_RATE_PER_ACCOUNT,
      socketsPerAddress: e.MAX_SOCKETS_PER_ADDRESS,
      sessionJoinPerMinute: e.SESSION_JOIN_RATE_PER_MINUTE,
      cardJoinPerMinute: e.CARD_JOIN_RATE_PER_MINUTE,
      orderPerSocketPer10s: e.ORDER_RATE_PER_SOCKET,
      orderPerSessionPerMinute: e.ORDER_RATE_PER_SESSION,
      customerCommandsPer10s: e.CUSTOMER_COMMAND_RATE,
      customerReadsPerMinute: e.CUSTOMER_READ_RATE_PER_MINUTE,
      customerInFlight: e.CUSTOMER_MAX_IN_FLIGHT,
      receiptMailsPerSessionPerHour: e.RECEIPT_MAIL_RATE_PER_SESSION,
      receiptMailsPerAddressPerHour: e.RECEIPT_MAIL_RATE_PER_ADDRESS,
    },
    pipeline: {
      attempts: e.PIPELINE_ATTEMPTS,
      backoffMs: e.PIPELINE_BACKOFF_MS,
      concurrency: e.WORKER_CONCURRENCY,
      lockDurationMs: e.WORKER_LOCK_MS,
      stalledIntervalMs: e.WORKER_STALLED_CHECK_MS,
      sweepIntervalMs: e.SWEEP_INTERVAL_MS,
      sweepAfterMs: e.SWEEP_AFTER_MS,
    },
    printing: {
      sweepIntervalMs: e.PRINT_SWEEP_INTERVAL_MS,
      sweepAfterMs: e.PRINT_SWEEP_AFTER_MS,
      leaseMs: e.PRINT_LEASE_MS,
      retryMs: e.PRINT_RETRY_MS,
      checkMs: e.PRINTER_CHECK_MS,
      statusTimeoutMs: e.PRINTER_STATUS_TIMEOUT_MS,
      bridgeWaitMs: e.PRINT_BRIDGE_WAIT_MS,
    },
    metrics: { host: e.METRICS_HOST, port: e.METRICS_PORT },
    staffRecheckMs: e.STAFF_RECHECK_MS,
    cardWaitMs: e.CARD_WAIT_MS,
    trustProxyHops: e.TRUST_PROXY_HOPS,
    webDist: e.WEB_DIST || undefined,
    photoDir: path.resolve(e.PHOTO_DIR),
    payments: {
      stripeApiUrl: e.STRIPE_API_URL,
      reconcileIntervalMs: e.PAYMENT_RECONCILE_INTERVAL_MS,
      reconcileAfterMs: e.PAYMENT_RECONCILE_AFTER_MS,
    },
    logLevel: e.LOG_LEVEL,
    mail: mailConfig(e.SMTP_URL, e.MAIL_FROM),
  });
}

/** Both or neither: one without the other is a mistake to name at start, not a button that fails. */
function mailConfig(smtpUrl: string | undefined, from: string | undefined): Config["mail"] {
  if (!smtpUrl && !from) return null;
  if (!smtpUrl || !from) {
    throw new ConfigError(
      `invalid configuration: ${smtpUrl ? "MAIL_FROM" : "SMTP_URL"} is required when ${smtpUrl ? "SMTP_URL" : "MAIL_FROM"} is set`,
    );
  }
  return { smtpUrl, from };
}

function clusterTarget(url: string, nodes: string[] | undefined): RedisTarget {
  try {
    return redisTarget(url, nodes);
  } catch (err) {
    throw new ConfigError(`invalid configuration: REDIS_CLUSTER_NODES: ${(err as Error).message}`);
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
