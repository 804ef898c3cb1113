/**
 * Staff merge two parties (issue 32, item 4: two tables pushed together, or the party at the
 * bar joins its table): `from`'s orders, phones, payments and open calls become `into`'s;
 * `into` keeps its table, code and PIN; `from` closes with nothing left on it ("merged into
 * <label>"), so its table is free and its code and card no longer reach it.
 *
 * Orders are renumbered after `into`'s last number (numbers stay 1, 2, 3… without gaps and
 * unique per session), each keeping where it came from (`movedFrom`, "Bar #2"): the panel,
 * the kitchen's ticket and the phones show "#5 · from Bar #2". Logged in both logs:
 * `session.merged` in `from` (naming `into`, the orders and phones that went) and
 * `session.received` in `into` (the orders, phones, payments and calls that arrived). The
 * phones of `from` hear `session.merged` and follow (POST /api/sessions/follow: a token for
 * `into`, given only to a phone whose own row moved there).
 *
 * Exactly once: the staff device's `clientMergeId` (session_transfer); a retry answers the
 * same; merging a session already merged is a CONFLICT naming where it went.
 */
import type { LoggedEvent, MergeSessionBody, SessionDto } from "@ordered/contract";
import type { StaffPrincipal } from "../auth/tokens.js";
import { isUniqueViolation } from "../db/errors.js";
import type { PrismaClient } from "../db/prisma.js";
import { type SqlRunner, sqlTransactionRetryingDeadlocks } from "../db/sql.js";
import { AppError } from "../errors.js";
import { loadSessionOrderDtos } from "../orders/order-dto.sql.js";
import { appendJsonEvent } from "../session-log/session-log.js";
import { toSessionDto } from "./session-dto.sql.js";
import { loadAlerts, loadCustomers, loadPayments } from "./session-extras.sql.js";
import {
  assertOpen,
  assertSameTaxMode,
  closeMerged,
  findTransfer,
  lockTwoSessions,
  type Moved,
  moveRows,
  recordTransfer,
  sessionRow,
  staffName,
} from "./transfers.sql.js";

export interface MergeResult {
  /** The session that took everything. */
  session: SessionDto;
  /** The merged one, closed. */
  merged: SessionDto;
  /** `session.merged` (from) and `session.received` (into); none for a retry. */
  events: LoggedEvent[];
}

export async function mergeSessions(
  prisma: PrismaClient,
  publicUrl: string,
  staff: StaffPrincipal,
  fromId: string,
  body: MergeSessionBody,
): Promise<MergeResult> {
  if (fromId === body.intoSessionId) throw new AppError("VALIDATION_FAILED", "body.intoSessionId: a session cannot merge with itself");
  const request = { from: fromId, into: body.intoSessionId };
  const attempt = () =>
    sqlTransactionRetryingDeadlocks(prisma, async (db) => {
      const locked = await lockTwoSessions(db, { from: fromId, to: body.intoSessionId }, staff.locationId);
      const done = await findTransfer(db, staff.locationId, body.clientMergeId, "MERGE", request);
      if (done) return answer(db, publicUrl, fromId, body.intoSessionId, []);
      await assertOpen(db, locked.from);
      await assertOpen(db, locked.to);
      assertSameTaxMode(locked.from, locked.to);
      const by = await staffName(db, staff.staffId);
      const moved = await moveRows(db, { fromId, toId: body.intoSessionId, customerIds: null, payments: true });
      await closeMerged(db, fromId, body.intoSessionId, staff.staffId);
      const closed = await sessionRow(db, fromId);
      const merged = await appendJsonEvent(db, "session.merged", fromId, {
        intoSessionId: body.intoSessionId,
        intoLabel: locked.to.label,
        closedAt: closed.closed_at!,
        mergedBy: by,
        orderIds: moved.orderIds,
        customerIds: moved.customerIds,
      });
      const received = await appendJsonEvent(db, "session.received", body.intoSessionId, {
        kind: "MERGE",
        fromSessionId: fromId,
        fromLabel: locked.from.label,
        by,
        ...(await movedDtos(db, body.intoSessionId, moved)),
      });
      if (!merged.event || !received.event) throw new Error(`merge of ${fromId} into ${body.intoSessionId} was not logged`);
      await recordTransfer(db, {
        locationId: staff.locationId,
        clientTransferId: body.clientMergeId,
        kind: "MERGE",
        fromSessionId: fromId,
        toSessionId: body.intoSessionId,
        request,
        staffId: staff.staffId,
      });
      return answer(db, publicUrl, fromId, body.intoSessionId, [merged.event, received.event]);
    });
  try {
    return await attempt();
  } catch (err) {
    // The same id committed by a concurrent request on other sessions' locks: answer as a retry.
    if (isUniqueViolation(err)) return attempt();
    throw err;
  }
}

async function answer(db: SqlRunner, publicUrl: string, fromId: string, intoId: string, events: LoggedEvent[]): Promise<MergeResult> {
  const [merged, session] = [await sessionRow(db, fromId), await sessionRow(db, intoId)];
  return { session: toSessionDto(session, publicUrl), merged: toSessionDto(merged, publicUrl), events };
}

/** The moved rows as DTOs, read in their new session (orders with their new numbers). */
export async function movedDtos(db: SqlRunner, sessionId: string, moved: Moved) {
  const pick = <T extends { id: string }>(all: T[], ids: string[]) => {
    const wanted = new Set(ids);
    return all.filter((x) => wanted.has(x.id));
  };
  const where = { sessionId };
  return {
    orders: pick(await loadSessionOrderDtos(db, sessionId), moved.orderIds),
    customers: pick(await loadCustomers(db, where), moved.customerIds),
    payments: pick(await loadPayments(db, where), moved.paymentIds),
    alerts: pick(await loadAlerts(db, where), moved.alertIds),
  };
}
