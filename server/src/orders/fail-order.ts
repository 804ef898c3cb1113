import { canMoveOrder } from "@ordered/contract";
import { label } from "../db/enums.js";
import type { PrismaClient } from "../db/prisma.js";
import { sql, sqlTransaction, statement, utc } from "../db/sql.js";
import { lockOrder, logOrderChange, type TransitionResult, unchanged } from "./transition.js";

/** Longest reason stored; the reason is a driver or worker message, not the guest's input. */
const MAX_REASON = 500;

const FAIL = statement<{ orderId: string; reason: string; now: Date }>(
  "orders.fail",
  (p) => sql`
    UPDATE "order" SET status = ${label("OrderStatus", "FAILED")}, status_reason = ${p.reason},
      status_reason_code = jsonb_build_object('code', 'FAILED'),
      processed_at = ${utc(p.now)}, finished_at = ${utc(p.now)}, updated_at = ${utc(p.now)}
    WHERE id = ${p.orderId}::uuid`,
);

/**
 * The dead letter: processing failed for good (retries exhausted), so a PLACED order
 * becomes FAILED with the reason, and the guest sees it. Any other status is left alone.
 * Returns null if the order does not exist.
 */
export async function failOrder(prisma: PrismaClient, orderId: string, reason: string): Promise<TransitionResult | null> {
  return sqlTransaction(prisma, async (db) => {
    const locked = await lockOrder(db, orderId);
    if (!locked) return null;
    if (!canMoveOrder(locked.status, "FAILED")) return unchanged(db, locked);
    await db.run(FAIL, { orderId, reason: reason.slice(0, MAX_REASON), now: new Date() });
    return logOrderChange(db, locked);
  });
}
