import type { Logger } from "pino";
import { z } from "zod";

/** Every failure a client can see. Each code has one meaning and one HTTP status. */
export const ErrorCodes = {
  /** The request body, params or payload failed validation; the message names the field. */
  VALIDATION_FAILED: 400,
  /** No credentials, or the token is expired, forged, or meant for someone else. */
  UNAUTHENTICATED: 401,
  /** Wrong email or password. */
  INVALID_CREDENTIALS: 401,
  /** Authenticated, but this role may not do this. */
  FORBIDDEN: 403,
  /** The thing does not exist, or belongs to another location or session. */
  NOT_FOUND: 404,
  /** The state of the thing does not allow this (e.g. advancing a delivered order). */
  CONFLICT: 409,
  /** The session is closed: its code no longer works and its customers can no longer act. */
  SESSION_CLOSED: 410,
  /** A product in the order is unknown or unavailable. */
  PRODUCT_UNAVAILABLE: 422,
  /** Too large a request or payload. */
  PAYLOAD_TOO_LARGE: 413,
  /** Too many attempts; retry after the advertised delay. */
  RATE_LIMITED: 429,
  /** A dependency (PostgreSQL, Redis) is unreachable. */
  UNAVAILABLE: 503,
  /** Anything unexpected; details are logged, never sent. */
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** Seconds to wait, for RATE_LIMITED. */
  retryAfter?: number;
}

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly retryAfter?: number,
  ) {
    super(message);
  }

  static notFound(what: string): AppError {
    return new AppError("NOT_FOUND", `${what} not found`);
  }
}

/** Formats zod issues as "items.0.quantity: Too small: expected number to be >=1". */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
}

function normalise(err: unknown, log: Logger): ErrorBody {
  if (err instanceof AppError) {
    return err.retryAfter === undefined
      ? { code: err.code, message: err.message }
      : { code: err.code, message: err.message, retryAfter: err.retryAfter };
  }
  if (err instanceof z.ZodError) return { code: "VALIDATION_FAILED", message: describeZodError(err) };
  const prismaCode = (err as { code?: unknown } | null)?.code;
  if (prismaCode === "P2028" || prismaCode === "P1001" || prismaCode === "P2024") {
    // No database connection could be had in time (overload, or PostgreSQL is away):
    // nothing was written, so the client may safely retry the same request.
    log.warn({ code: prismaCode, msg: (err as Error).message }, "database busy or unreachable");
    return { code: "UNAVAILABLE", message: "the server is busy; please try again", retryAfter: 1 };
  }
  log.error({ err }, "unexpected error");
  return { code: "INTERNAL", message: "Something went wrong on our side; please try again." };
}

/** The only translation of errors to HTTP. */
export function toHttp(err: unknown, log: Logger): { status: number; body: { error: ErrorBody } } {
  const body = normalise(err, log);
  return { status: ErrorCodes[body.code], body: { error: body } };
}

/** The only translation of errors to a socket acknowledgement. */
export function toAck(err: unknown, log: Logger): { error: ErrorBody } {
  return { error: normalise(err, log) };
}
