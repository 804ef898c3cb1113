// Vitest setup file (vitest.config.ts): a test fails when any server or worker logged an
// unexpected error, a fatal line or a crash while it ran (log-watch.ts).
import { afterAll, afterEach } from "vitest";
import { takeFailures } from "./log-watch.js";

function check(when: string): void {
  const failures = takeFailures();
  if (failures.length > 0) throw new Error(`${failures.length} unexpected error(s) logged ${when}:\n${failures.join("\n")}`);
}

afterEach(() => check("during this test"));
afterAll(() => check("after the last test of this file"));
