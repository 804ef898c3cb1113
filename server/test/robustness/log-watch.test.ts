import { createLogger, UNEXPECTED_ERROR } from "../../src/logger.js";
import { describe, expect, it } from "../support/kit.js";
import { lineWatcher, takeFailures, watchedDestination } from "../support/log-watch.js";

// The kit fails a test when a server or worker logged an unexpected error while it ran
// (setup-log-watch.ts); here the watcher itself is shown to see such lines and only those.

describe("the test kit's log watch", () => {
  it("records an app logger's unexpected error and a fatal line, not warnings or expected errors", () => {
    const log = createLogger("error", "ordered", watchedDestination("server", false));
    log.warn("database unavailable");
    log.error({ code: "X" }, "could not do something that has its own handling");
    log.error({ err: new Error("boom") }, UNEXPECTED_ERROR);
    log.fatal("gave up");
    const failures = takeFailures();
    expect(failures).toHaveLength(2);
    expect(failures[0]).toContain('"msg":"unexpected error"');
    expect(failures[1]).toContain('"msg":"gave up"');
    expect(takeFailures()).toEqual([]);
  });

  it("reads a child's output cut anywhere, including a crash's stack on stderr", () => {
    const watch = lineWatcher("server :1234");
    const line = JSON.stringify({ level: 50, msg: UNEXPECTED_ERROR, err: { message: "boom" } });
    watch(`{"level":30,"msg":"listening"}\n${line.slice(0, 10)}`);
    expect(takeFailures()).toEqual([]);
    watch(`${line.slice(10)}\nnode:events:497\n      throw er; // Unhandled 'error' event\n`);
    const failures = takeFailures();
    expect(failures).toHaveLength(2);
    expect(failures[0]).toBe(`server :1234: ${line}`);
    expect(failures[1]).toContain("Unhandled 'error' event");
  });
});
