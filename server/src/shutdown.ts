import type { Logger } from "./logger.js";

/**
 * Runs `steps` once on SIGTERM or SIGINT, in order, then exits; exits with 1 if they take
 * longer than `timeoutMs` (a stuck connection must not keep a stopping process alive).
 */
export function onShutdown(log: Logger, steps: () => Promise<void>, timeoutMs = 10_000): void {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    setTimeout(() => process.exit(1), timeoutMs).unref();
    try {
      await steps();
      process.exit(0);
    } catch (err) {
      log.error({ err }, "shutdown failed");
      process.exit(1);
    }
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}
