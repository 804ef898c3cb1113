/**
 * What the database's failures mean to a client. The one place that knows the codes of
 * node-postgres, PostgreSQL and Prisma; errors.ts asks it and knows nothing else of them.
 */

/** PostgreSQL SQLSTATEs that mean "not now", not "never": the server is going away or full. */
const UNAVAILABLE_SQLSTATES = new Set([
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up, recovering)
  "53300", // too_many_connections
  "08000", // connection_exception
  "08003", // connection_does_not_exist
  "08006", // connection_failure
]);

/** Socket-level failures reaching PostgreSQL. */
const UNREACHABLE_ERRNOS = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "EHOSTUNREACH"]);

/** Prisma's codes for "could not reach the database" and "no connection in time". */
const PRISMA_UNREACHABLE = new Set(["P1001", "P1002", "P1017"]);
const PRISMA_BUSY = new Set(["P2024", "P2028"]);

/** node-postgres' pool says exactly this when connectionTimeoutMillis passes. */
const POOL_TIMEOUT = /timeout exceeded when trying to connect/i;

/**
 * node-postgres' errors without a code when a connection died under a query (PostgreSQL
 * restarting, a backend terminated): "Connection terminated (unexpectedly)", and a client
 * used after that, "… is not queryable" (lib/client.js). Seen as INTERNAL in a restart test.
 */
const CONNECTION_LOST =
  /^(Connection terminated( unexpectedly)?|Client has encountered a connection error and is not queryable|Client was closed and is not queryable)$/;

/**
 * Why the database could not be used right now, or null if `err` is not such a failure:
 * `busy` (no pooled connection became free in time) or `unreachable` (PostgreSQL did not
 * answer, or is shutting down). Either way nothing was committed, and a retry may succeed.
 */
export function databaseUnavailable(err: unknown): "busy" | "unreachable" | null {
  if (err instanceof DatabaseUnavailableError) return databaseUnavailable(err.cause) ?? "unreachable";
  if (err instanceof Error && POOL_TIMEOUT.test(err.message)) return "busy";
  if (err instanceof Error && CONNECTION_LOST.test(err.message)) return "unreachable";
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return null;
  if (PRISMA_BUSY.has(code)) return "busy";
  if (UNAVAILABLE_SQLSTATES.has(code) || UNREACHABLE_ERRNOS.has(code) || PRISMA_UNREACHABLE.has(code)) return "unreachable";
  return null;
}

/** No connection could be had from the pool; `cause` is the driver's error, kept for the log. */
export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
  constructor(cause: unknown) {
    super(`could not get a database connection: ${(cause as Error)?.message ?? String(cause)}`, { cause });
  }
}

/**
 * Whether `err` is a unique-constraint violation: PostgreSQL's 23505 from plain SQL, or
 * Prisma's P2002 for the same from its model API.
 */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === "23505" || code === "P2002";
}

/** Whether `err` is a foreign-key violation (PostgreSQL's 23503; Prisma's P2003): a row still referred to. */
export function isForeignKeyViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === "23503" || code === "P2003";
}
