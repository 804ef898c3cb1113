import { type DestinationStream, type Logger, pino } from "pino";

export type { Logger };

/** The message of an error the server did not expect (errors.ts): a bug, never a client's mistake. */
export const UNEXPECTED_ERROR = "unexpected error";

/** A JSON logger at `level`; `destination` (default stdout) is where the test kit listens in. */
export function createLogger(level: string, name = "ordered", destination?: DestinationStream): Logger {
  return destination ? pino({ name, level }, destination) : pino({ name, level });
}
