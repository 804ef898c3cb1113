/**
 * A phone whose session staff merged into another, or which staff split off to another
 * table, follows it there: its token names the old session, its row (customer.session_id)
 * the new one. Given its own valid token (signature, audience, expiry: a stolen or expired
 * one gets nothing), it gets a token for the session its row is in now. Only a phone whose row
 * moved out of its token's session by a merge or split-off (session_transfer) gets one: a token for the session it is in already is refused (no way to prolong a
 * token), a removed phone stays removed, and a closed session is closed.
 */
import type { FollowSessionResponse } from "@ordered/contract";
import { z } from "zod";
import { removedError } from "../auth/customer-account.js";
import type { Tokens } from "../auth/tokens.js";
import { label } from "../db/enums.js";
import type { PrismaClient } from "../db/prisma.js";
import { sql, sqlOn, statement } from "../db/sql.js";
import { AppError } from "../errors.js";

const Phone = z.strictObject({
  session_id: z.uuid(),
  location_id: z.uuid(),
  removed: z.boolean(),
  status: z.enum(["OPEN", "CLOSED"]),
  moved: z.boolean(),
});
/** `moved`: staff merged or split the session the token names (the only way a phone's row changes session). */
const PHONE = statement<{ customerId: string; sessionId: string }>(
  "sessions.follow-phone",
  (p) => sql`SELECT c.session_id, s.location_id, c.removed_at IS NOT NULL AS removed, s.status,
                    EXISTS (SELECT 1 FROM session_transfer t WHERE t.from_session_id = ${p.sessionId}::uuid
                              AND t.kind <> ${label("SessionTransferKind", "LINES")}) AS moved
             FROM customer c JOIN order_session s ON s.id = c.session_id WHERE c.id = ${p.customerId}::uuid`,
);

export async function followSession(prisma: PrismaClient, tokens: Tokens, token: string): Promise<FollowSessionResponse> {
  const claims = tokens.verifyCustomer(token);
  const phone = await sqlOn(prisma).row(Phone, PHONE, { customerId: claims.customerId, sessionId: claims.sessionId });
  if (!phone || phone.location_id !== claims.locationId) throw new AppError("UNAUTHENTICATED", "invalid token");
  if (phone.removed) throw removedError();
  if (phone.session_id === claims.sessionId) throw new AppError("CONFLICT", "this phone is still in the session its token names");
  if (!phone.moved) throw new AppError("UNAUTHENTICATED", "invalid token");
  if (phone.status !== "OPEN") throw new AppError("SESSION_CLOSED", "this table's session is closed");
  return {
    token: tokens.signCustomer({ customerId: claims.customerId, sessionId: phone.session_id, locationId: claims.locationId }),
    expiresIn: tokens.customerTtlSeconds,
  };
}
