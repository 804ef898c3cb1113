/**
 * What one phone may ask of an instance (issue 30 #11): a rate for its socket commands and
 * connections, one for its REST reads, and a cap on its work in flight, so that no phone can
 * hold more than a small share of the instance's database pool. Both steps run before any
 * database work of the request (the account check included): a refused request costs
 * nothing but memory (commands) or one Redis round trip (reads).
 */

import type { InFlightGate } from "../http/in-flight.js";
import type { Limiter } from "../http/rate-limit.js";

/** Ends a phone's request's place in flight; call it once the request's work is over. */
export type EndWork = () => void;

export interface CustomerBudget {
  /** A socket command or connection: the per-instance budget (memory, no Redis), then a place in flight. */
  command(customerId: string): Promise<EndWork>;
  /** A REST read: the budget shared by all instances (Redis), then a place in flight. */
  read(customerId: string): Promise<EndWork>;
}

export function createCustomerBudget(opts: { commands: Limiter; reads: Limiter; gate: InFlightGate }): CustomerBudget {
  return {
    async command(customerId) {
      await opts.commands.consume(customerId, "requests from this phone");
      return opts.gate.enter(customerId, "requests from this phone");
    },
    async read(customerId) {
      await opts.reads.consume(customerId, "reads from this phone");
      return opts.gate.enter(customerId, "requests from this phone");
    },
  };
}
