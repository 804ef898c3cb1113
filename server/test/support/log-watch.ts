// Listens to what every server and worker of a test file logs (in-process ones through their
// logger, spawned ones through their output) and keeps the lines that say the code failed in
// a way nobody planned for: an "unexpected error" (errors.ts), a fatal line, or a crash.
// setup-log-watch.ts fails the test during which one appeared: a whole run of the suite shows
// no such line, and a test that provokes one is a bug report, not noise.
import type { DestinationStream } from "pino";
import { isFailureLine } from "../../src/tools/log-failures.js";

const seen: string[] = [];

/** Records the failure lines of `chunk` (one or more whole lines) from `source`. */
export function watchLines(source: string, chunk: string): void {
  for (const line of chunk.split("\n")) if (isFailureLine(line)) seen.push(`${source}: ${line.slice(0, 2000)}`);
}

/** Watches a stream of output that arrives in chunks cut anywhere (a child's stdout). */
export function lineWatcher(source: string): (chunk: Buffer | string) => void {
  let partial = "";
  return (chunk) => {
    const text = partial + chunk.toString();
    const end = text.lastIndexOf("\n");
    partial = text.slice(end + 1);
    if (end >= 0) watchLines(source, text.slice(0, end));
  };
}

/**
 * A pino destination that records failures and passes every line on to stdout only when
 * the tester asked to see logs (TEST_LOG_LEVEL).
 */
export function watchedDestination(source: string, echo: boolean): DestinationStream {
  return {
    write(line: string) {
      watchLines(source, line);
      if (echo) process.stdout.write(line);
    },
  };
}

/** The failures recorded since the last call, and forgets them. */
export function takeFailures(): string[] {
  return seen.splice(0);
}
