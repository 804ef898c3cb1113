import { ERROR_CODES, type ErrorBody, type ErrorCode } from "@ordered/contract";
import type { z } from "zod";
import { databaseUnavailable } from "./db/errors.js";
import { type Logger, UNEXPECTED_ERROR } from "./logger.js";

/** A failure meant for the client: its code (one meaning each, in the contract) and a readable message. */
export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Seconds the client should wait before retrying. */
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

const UNAVAILABLE_MESSAGES = {
  busy: "the server is busy; please try again",
  unreachable: "the database is unavailable; please try again",
} as const;

/**
 * The client's view of any failure. This is the edge: causes are logged here, once —
 * database outages as warnings, anything unexpected as an error with its stack.
 */
function normalise(err: unknown, log: Logger): ErrorBody {
  if (err instanceof AppError) {
    return err.retryAfter === undefined
      ? { code: err.code, message: err.message }
      : { code: err.code, message: err.message, retryAfter: err.retryAfter };
  }
  // Input is parsed at the edge (http/validate.ts), which throws AppError; a ZodError that gets
  // here is data the server built or read failing its own schema: our bug, not the client's.
  const unavailable = databaseUnavailable(err);
  if (unavailable) {
    // Nothing was written, so the client may safely retry the same request.
    log.warn({ err }, `database ${unavailable}`);
    return { code: "UNAVAILABLE", message: UNAVAILABLE_MESSAGES[unavailable], retryAfter: 1 };
  }
  log.error({ err }, UNEXPECTED_ERROR);
  return { code: "INTERNAL", message: "Something went wrong on our side; please try again." };
}

/** The only translation of errors to HTTP. */
export function toHttp(err: unknown, log: Logger): { status: number; body: { error: ErrorBody } } {
  const body = normalise(err, log);
  return { status: ERROR_CODES[body.code], body: { error: body } };
}

/** The only translation of errors to a socket acknowledgement (or a handshake refusal). */
export function toAck(err: unknown, log: Logger): { error: ErrorBody } {
  return { error: normalise(err, log) };
}
