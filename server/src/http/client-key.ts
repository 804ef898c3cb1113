import type { IncomingMessage } from "node:http";

/**
 * The client's address, trusting the nearest `trustedHops` proxies' X-Forwarded-For entries
 * and no more (Express's numeric `trust proxy` rule), so a client cannot spoof its address
 * past our own load balancer. Used for rate limits and the socket cap.
 */
export function clientAddress(req: IncomingMessage, trustedHops: number): string {
  const remote = req.socket.remoteAddress ?? "unknown";
  if (trustedHops === 0) return remote;
  const header = req.headers["x-forwarded-for"];
  const forwarded = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((a) => a.trim())
    .filter(Boolean);
  // Nearest last: [client, proxy 1, …, proxy n-1], then the peer that connected to us.
  const chain = [...forwarded, remote];
  return chain[Math.max(0, chain.length - 1 - trustedHops)]!;
}

/** The client address of an Express request (`req.ip` applies the same rule). */
export function clientKey(req: { ip?: string | undefined; socket: { remoteAddress?: string | undefined } }): string {
  return req.ip ?? req.socket.remoteAddress ?? "unknown";
}
