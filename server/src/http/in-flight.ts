import { AppError } from "../errors.js";

/** Seconds a client refused for having too much in flight is told to wait: its work takes milliseconds. */
const IN_FLIGHT_RETRY_AFTER_S = 1;

export interface InFlightGate {
  /**
   * Counts one piece of work for `key` and returns the function that ends it (call it once,
   * however the work ends). Throws AppError RATE_LIMITED, without counting, when `key`
   * already has the maximum in flight.
   */
  enter(key: string, what: string): () => void;
  /** Work in flight for `key` (tests and metrics). */
  inFlight(key: string): number;
}

/**
 * A cap on the work one client has in flight on this instance. A rate limit bounds how much
 * a client asks for over time, not how much it holds at once: 20 requests arriving together
 * each wait for a pooled database connection and together take the whole pool, so the
 * instance's staff requests time out (issue 30 #11). Counted in this process's memory, for
 * the pool it protects is this process's.
 */
export function createInFlightGate(max: number): InFlightGate {
  const counts = new Map<string, number>();
  return {
    enter(key, what) {
      const n = counts.get(key) ?? 0;
      if (n >= max) {
        throw new AppError(
          "RATE_LIMITED",
          `too many ${what} at once (at most ${max}); try again in ${IN_FLIGHT_RETRY_AFTER_S}s`,
          IN_FLIGHT_RETRY_AFTER_S,
        );
      }
      counts.set(key, n + 1);
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        const left = (counts.get(key) ?? 1) - 1;
        // Deleted at zero, so the map holds only clients with work running.
        if (left <= 0) counts.delete(key);
        else counts.set(key, left);
      };
    },
    inFlight: (key) => counts.get(key) ?? 0,
  };
}
