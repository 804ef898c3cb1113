import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { RedisClient } from "../db/redis.js";
import { AppError } from "../errors.js";

export interface Limiter {
  /** Spends one point for `key`; throws AppError RATE_LIMITED once the budget is spent. */
  consume(key: string, what: string): Promise<void>;
  /** Throws AppError RATE_LIMITED if `key`'s budget is already spent; spends nothing (for budgets of failures). */
  assertLeft(key: string, what: string): Promise<void>;
  /** Spends one point for `key` without refusing anything (a failure is counted after the fact). */
  spend(key: string): Promise<void>;
}

/**
 * A fixed-window limiter kept in Redis so every instance shares the budget. While Redis is
 * unreachable it uses a per-process in-memory limiter instead, at once: it neither fails
 * open nor makes the request wait.
 */
export function createLimiter(
  redis: RedisClient,
  opts: { prefix: string; name: string; points: number; durationSeconds: number },
): Limiter {
  const limiter = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${opts.prefix}:rl:${opts.name}`,
    points: opts.points,
    duration: opts.durationSeconds,
    insuranceLimiter: new RateLimiterMemory({ points: opts.points, duration: opts.durationSeconds }),
    // While Redis is away, go straight to the in-memory limiter instead of queueing behind
    // the reconnecting client: an order must not wait on Redis (PostgreSQL is enough).
    rejectIfRedisNotReady: true,
  });
  return limiterOf(limiter);
}

/**
 * A fixed-window limiter in this process's memory, for keys that live on one instance only
 * (a socket's id): the same budget as a shared one, without a round trip to Redis.
 */
export function createLocalLimiter(opts: { points: number; durationSeconds: number }): Limiter {
  return limiterOf(new RateLimiterMemory({ points: opts.points, duration: opts.durationSeconds }));
}

function limiterOf(limiter: RateLimiterRedis | RateLimiterMemory): Limiter {
  const refusal = (res: RateLimiterRes, what: string) => {
    const retryAfter = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    return new AppError("RATE_LIMITED", `too many ${what}; try again in ${retryAfter}s`, retryAfter);
  };
  return {
    async consume(key, what) {
      try {
        await limiter.consume(key);
      } catch (err) {
        if (err instanceof RateLimiterRes) throw refusal(err, what);
        throw err;
      }
    },
    async assertLeft(key, what) {
      const res = await limiter.get(key);
      if (res && res.consumedPoints >= limiter.points) throw refusal(res, what);
    },
    async spend(key) {
      await limiter.consume(key).catch((err: unknown) => {
        if (!(err instanceof RateLimiterRes)) throw err;
      });
    },
  };
}
