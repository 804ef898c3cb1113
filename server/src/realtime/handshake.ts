import { HandshakeAuth } from "@ordered/contract";
import type { ExtendedError, Socket } from "socket.io";
import { assertActiveStaff } from "../auth/staff-account.js";
import type { AppDeps } from "../deps.js";
import { AppError, toAck } from "../errors.js";

/**
 * Authenticates every socket before it connects: a staff JWT or a customer token, each
 * checked for algorithm, issuer, audience and expiry. A staff account must still be
 * active; a customer's session must still be open. Refusals reach the client as `connect_error` with `err.data = { code, message }`.
 */
export function handshake(deps: AppDeps) {
  return async (socket: Socket, next: (err?: ExtendedError) => void) => {
    try {
      const parsed = HandshakeAuth.safeParse(socket.handshake.auth ?? {});
      if (!parsed.success) {
        const tokenIssue = parsed.error.issues.find((i) => i.path[0] === "token");
        if (tokenIssue) throw new AppError("UNAUTHENTICATED", "token required");
        throw parsed.error;
      }
      const principal = deps.tokens.verifyAny(parsed.data.token);
      if (principal.kind === "staff") await assertActiveStaff(deps.prisma, principal);
      if (principal.kind === "customer") {
        const session = await deps.prisma.orderSession.findUnique({
          where: { id: principal.sessionId },
          select: { status: true, customers: { where: { id: principal.customerId }, select: { id: true } } },
        });
        if (!session || session.customers.length === 0) throw new AppError("UNAUTHENTICATED", "invalid token");
        if (session.status !== "OPEN") throw new AppError("SESSION_CLOSED", "this table's session is closed");
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
