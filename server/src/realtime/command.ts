import type { Socket } from "socket.io";
import type { CustomerPrincipal, Principal, StaffPrincipal } from "../auth/tokens.js";
import { AppError, toAck } from "../errors.js";
import type { Logger } from "../logger.js";
import type { Ack } from "./events.js";

/**
 * Wraps a command handler: checks the payload has an ack, re-checks the principal's token
 * has not expired, and turns every outcome into `{ data }` or `{ error }`. No throw
 * crosses the socket boundary.
 */
export function command<P, T>(
  socket: Socket,
  log: Logger,
  handler: (payload: unknown, principal: Principal) => Promise<T>,
): (payload: P, ack: (r: Ack<T>) => void) => void {
  return (payload, ack) => {
    if (typeof ack !== "function") return; // Nothing to answer to; commands require an ack.
    const principal = (socket.data as { principal: Principal }).principal;
    Promise.resolve()
      .then(() => {
        if (principal.expiresAt !== undefined && principal.expiresAt <= Date.now()) {
          throw new AppError("UNAUTHENTICATED", "token expired");
        }
        return handler(payload, principal);
      })
      .then(
        (data) => ack({ data }),
        (err: unknown) => ack(toAck(err, log)),
      );
  };
}

export function requireCustomer(p: Principal): CustomerPrincipal {
  if (p.kind !== "customer") throw new AppError("FORBIDDEN", "only customers can do this");
  return p;
}

export function requireStaff(p: Principal): StaffPrincipal {
  if (p.kind !== "staff") throw new AppError("FORBIDDEN", "only staff can do this");
  return p;
}
