import type { ConnectionOptions } from "bullmq";
import type { Logger } from "../logger.js";

/**
 * ioredis options for BullMQ from a redis:// URL. `maxRetriesPerRequest: null` is what
 * BullMQ workers require: their blocking commands must wait out a Redis restart, not fail.
 */
export function bullConnection(redisUrl: string): ConnectionOptions {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === "rediss:" ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

/** What watchOutage needs of a connection: ioredis clients, BullMQ queues and workers. */
interface Watched {
  on(event: "error", fn: (err: Error) => void): unknown;
  on(event: "ready", fn: () => void): unknown;
}

/**
 * Logs a Redis outage once, when it starts, and once when it ends, instead of every
 * reconnection attempt or every request it fails. Attach it to every connection a process
 * makes (an 'error' listener is also what keeps ioredis from throwing on its own).
 */
export function watchOutage(log: Logger, what: string, ...connections: Watched[]): void {
  let down = false;
  for (const connection of connections) {
    connection.on("error", (err) => {
      if (down) return;
      down = true;
      log.warn({ err: err.message }, `${what}: Redis is unreachable; retrying in the background`);
    });
    connection.on("ready", () => {
      if (!down) return;
      down = false;
      log.info(`${what}: Redis is back`);
    });
  }
}
