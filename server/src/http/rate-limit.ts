import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "../errors.js";

export interface Limiter {
  /** Spends one point for `key`; throws AppError RATE_LIMITED once the budget is spent. */
  consume(key: string, what: string): Promise<void>;
}

/**
 * A fixed-window limiter kept in Redis so every instance shares the budget. If Redis is
 * unreachable it falls back to a per-process in-memory limiter rather than failing open.
 */
export function createLimiter(redis: Redis, opts: { prefix: string; name: string; points: number; durationSeconds: number }): Limiter {
  const limiter = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${opts.prefix}:rl:${opts.name}`,
    points: opts.points,
    duration: opts.durationSeconds,
    insuranceLimiter: new RateLimiterMemory({ points: opts.points, duration: opts.durationSeconds }),
  });
  return {
    async consume(key, what) {
      try {
        await limiter.consume(key);
      } catch (err) {
        if (err instanceof RateLimiterRes) {
          const retryAfter = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
          throw new AppError("RATE_LIMITED", `too many ${what}; try again in ${retryAfter}s`, retryAfter);
        }
        throw err;
      }
    },
  };
}
