import { z } from "zod";
import { label } from "../db/enums.js";
import type { PrismaClient } from "../db/prisma.js";
import { sql, sqlOn, statement } from "../db/sql.js";
import { AppError } from "../errors.js";
import type { CustomerPrincipal } from "./tokens.js";

const CustomerState = z.strictObject({
  removed: z.boolean(),
  session_id: z.uuid(),
  status: z.enum(["OPEN", "CLOSED"]),
  moved: z.boolean().nullable(),
});
/**
 * `moved` (read only when the phone's row is in another session than its token names): staff
 * merged or split the token's session (session_transfer), which is the only way a phone's row
 * changes session.
 */
const CUSTOMER_STATE = statement<{ customerId: string; sessionId: string }>(
  "auth.customer-state",
  (p) => sql`SELECT c.removed_at IS NOT NULL AS removed, c.session_id, s.status,
      CASE WHEN c.session_id <> ${p.sessionId}::uuid THEN EXISTS (
        SELECT 1 FROM session_transfer t WHERE t.from_session_id = ${p.sessionId}::uuid AND t.kind <> ${label("SessionTransferKind", "LINES")}
      ) END AS moved
    FROM customer c JOIN order_session s ON s.id = c.session_id WHERE c.id = ${p.customerId}::uuid`,
);

/**
 * A customer token names a phone; the phone must still exist and not have been removed by
 * staff (one primary-key read). `open` also requires its session to be open.
 */
export async function assertActiveCustomer(prisma: PrismaClient, customer: CustomerPrincipal, open: "open" | "any"): Promise<void> {
  const row = await sqlOn(prisma).row(CustomerState, CUSTOMER_STATE, { customerId: customer.customerId, sessionId: customer.sessionId });
  if (!row) throw new AppError("UNAUTHENTICATED", "invalid token");
  if (row.session_id !== customer.sessionId) {
    // Staff merged its session into another or split it off: the phone follows with
    // POST /api/sessions/follow, which gives it a token for where it is now.
    if (row.moved) throw new AppError("SESSION_MOVED", "staff moved this phone to another table's session: follow it there");
    throw new AppError("UNAUTHENTICATED", "invalid token");
  }
  // Closed first: once its session is over, a removed phone is just a phone of a past session.
  if (open === "open" && row.status !== "OPEN") throw new AppError("SESSION_CLOSED", "this table's session is closed");
  if (row.removed) throw removedError();
}

export const removedError = () =>
  new AppError("CUSTOMER_REMOVED", "you were removed from this table by staff; ask a member of staff if this is a mistake");
