import { type Logger, pino } from "pino";

export type { Logger };

export function createLogger(level: string, name = "ordered"): Logger {
  return pino({ name, level });
}
