import { canMoveOrder } from "@ordered/contract";
import type { PrismaClient } from "../db/prisma.js";
import { sql, sqlTransaction, utc } from "../db/sql.js";
import { lockOrder, logOrderChange, type TransitionResult, unchanged } from "./transition.js";

/** Longest reason stored; the reason is a driver or worker message, not the guest's input. */
const MAX_REASON = 500;

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
    const now = utc(new Date());
    await db.run(sql`
      UPDATE "order" SET status = 'FAILED', status_reason = ${reason.slice(0, MAX_REASON)},
        processed_at = ${now}, finished_at = ${now}, updated_at = ${now}
      WHERE id = ${orderId}::uuid`);
    return logOrderChange(db, locked);
  });
}
