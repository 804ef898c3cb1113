import { HandshakeAuth } from "@ordered/contract";
import type { ExtendedError, Socket } from "socket.io";
import { assertActiveCustomer } from "../auth/customer-account.js";
import { assertActiveStaff } from "../auth/staff-account.js";
import type { AppDeps } from "../deps.js";
import { AppError, describeZodError, toAck } from "../errors.js";

/**
 * Authenticates every socket before it connects: a staff JWT or a customer token, each
 * checked for algorithm, issuer, audience and expiry. A staff account must still be
 * active; a customer's phone must not have been removed by staff, and its session must
 * still be open. Refusals reach the client as `connect_error` with `err.data = { code, message }`.
 */
export function handshake(deps: AppDeps) {
  return async (socket: Socket, next: (err?: ExtendedError) => void) => {
    try {
      const parsed = HandshakeAuth.safeParse(socket.handshake.auth ?? {});
      if (!parsed.success) {
        const tokenIssue = parsed.error.issues.find((i) => i.path[0] === "token");
        if (tokenIssue) throw new AppError("UNAUTHENTICATED", "token required");
        throw new AppError("VALIDATION_FAILED", describeZodError(parsed.error));
      }
      const principal = deps.tokens.verifyAny(parsed.data.token);
      if (principal.kind === "staff") await assertActiveStaff(deps.prisma, principal);
      if (principal.kind === "customer") {
        // Connecting spends the phone's command budget: reconnecting in a loop is a flood too.
        const endWork = await deps.customerBudget.command(principal.customerId);
        await assertActiveCustomer(deps.prisma, principal, "open").finally(endWork);
      }
      socket.data.principal = principal;
      socket.data.auth = parsed.data;
      next();
    } catch (err) {
      const { error } = toAck(err, deps.log);
      const refusal: ExtendedError = new Error(error.message);
      refusal.data = error;
      next(refusal);
    }
  };
}
