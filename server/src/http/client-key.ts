import type { Request } from "express";

/**
 * The client address used for rate limiting. `req.ip` honours the configured number of
 * trusted proxy hops, so a client cannot spoof X-Forwarded-For past our own load balancer.
 */
export function clientKey(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? "unknown";
}
