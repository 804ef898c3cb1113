import type { ConnectionOptions } from "bullmq";

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
