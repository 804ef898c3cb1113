import { UNEXPECTED_ERROR } from "../logger.js";

/** What Node prints when a process dies of an error nobody handled. */
const CRASH = /Unhandled 'error' event|Uncaught|UnhandledPromiseRejection|^\s*throw er;/;

/**
 * Whether a line of a server's or worker's output says the code failed in a way nobody
 * planned for: an "unexpected error" (errors.ts), a fatal line, or a crash's stack. The test
 * kits fail a test (server) or the run (e2e) on such a line.
 */
export function isFailureLine(line: string): boolean {
  if (CRASH.test(line)) return true;
  if (!line.startsWith("{")) return false;
  try {
    const entry = JSON.parse(line) as { level?: number; msg?: string };
    return entry.msg === UNEXPECTED_ERROR || (entry.level ?? 0) >= 60;
  } catch {
    return false;
  }
}
