/**
 * Staff split a party (issue 32, item 4): some of its phones, with their orders, go to a new
 * session on a free table. What moves is whole orders of those phones, renumbered 1, 2, 3…
 * in the new session and marked where they came from ("Table 4 #3"); orders staff took
 * without a phone stay, and so do payments (money recorded against this bill stays on it:
 * the panel says so; single lines move with "Move to…", move-lines.ts). Open calls of those
 * phones go with them.
 *
 * Locks: the session row, then the table FOR SHARE (as seating it), then the new session's
 * row (its insert). A seated table is refused `CONFLICT` by the one-open-session-per-table
 * index. Logged: `session.split` here (naming the new session, the phones and orders that
 * went), `session.opened` and `session.received` in the new session. The phones that moved
 * hear `session.split` and follow (POST /api/sessions/follow).
 * Exactly once by the staff device's `clientSplitId` (201 the first time, 200 for a retry).
 */
import type { LoggedEvent, SessionDto, SplitSessionBody } from "@ordered/contract";
import { z } from "zod";
import type { StaffPrincipal } from "../auth/tokens.js";
import { isUniqueViolation } from "../db/errors.js";
import type { PrismaClient } from "../db/prisma.js";
import { sql, sqlTransactionRetryingDeadlocks, statement } from "../db/sql.js";
import { AppError } from "../errors.js";
import { appendJsonEvent } from "../session-log/session-log.js";
import { movedDtos } from "./merge-sessions.js";
import { toSessionDto } from "./session-dto.sql.js";
import { lockSession } from "./session-extras.sql.js";
import { insertSession } from "./sessions.service.js";
import { assertOpen, findTransfer, moveRows, recordTransfer, refuseOverpaid, sessionRow, staffName } from "./transfers.sql.js";

const TableRow = z.strictObject({ name: z.string(), retired: z.boolean() });
const LOCK_TABLE = statement<{ tableId: string; locationId: string }>(
  "sessions.split-table",
  (p) => sql`SELECT name, retired_at IS NOT NULL AS retired FROM dining_table
             WHERE id = ${p.tableId}::uuid AND location_id = ${p.locationId}::uuid FOR SHARE`,
);

const PhonesHere = z.strictObject({ n: z.number().int() });
const COUNT_PHONES = statement<{ sessionId: string; customerIds: string[] }>(
  "sessions.split-phones",
  (p) => sql`SELECT count(*)::int AS n FROM customer WHERE session_id = ${p.sessionId}::uuid AND id = ANY(${p.customerIds}::uuid[])`,
);

export interface SplitResult {
  session: SessionDto;
  split: SessionDto;
  /** `session.split`, `session.opened` and `session.received`; none for a retry. */
  events: LoggedEvent[];
  created: boolean;
}

export async function splitSession(
  prisma: PrismaClient,
  publicUrl: string,
  staff: StaffPrincipal,
  fromId: string,
  body: SplitSessionBody,
): Promise<SplitResult> {
  const customerIds = [...new Set(body.customerIds)].sort();
  const request = { from: fromId, table: body.tableId, phones: customerIds };
  const attempt = () =>
    sqlTransactionRetryingDeadlocks(prisma, async (db) => {
      const from = await lockSession(db, fromId, staff.locationId);
      const done = await findTransfer(db, staff.locationId, body.clientSplitId, "SPLIT", request);
      if (done) {
        const [a, b] = [await sessionRow(db, fromId), await sessionRow(db, done.to_session_id)];
        return { session: toSessionDto(a, publicUrl), split: toSessionDto(b, publicUrl), events: [], created: false };
      }
      await assertOpen(db, from);
      const here = await db.row(PhonesHere, COUNT_PHONES, { sessionId: fromId, customerIds });
      if (here?.n !== customerIds.length) throw AppError.notFound("phone");
      const table = await db.row(TableRow, LOCK_TABLE, { tableId: body.tableId, locationId: staff.locationId });
      if (!table || table.retired) throw AppError.notFound("table");
      const by = await staffName(db, staff.staffId);
      // The split-off party's bill is billed as the one it leaves (gross or net), whatever the location says now.
      const opened = await insertSession(
        db,
        publicUrl,
        { locationId: staff.locationId, staffId: staff.staffId },
        table.name,
        body.tableId,
        from.prices_include_tax,
      );
      const toId = opened.session.id;
      const moved = await moveRows(db, { fromId, toId, customerIds, payments: false });
      await refuseOverpaid(db, fromId, from.label);
      const split = await appendJsonEvent(db, "session.split", fromId, {
        toSessionId: toId,
        toLabel: table.name,
        splitBy: by,
        orderIds: moved.orderIds,
        customerIds: moved.customerIds,
      });
      const received = await appendJsonEvent(db, "session.received", toId, {
        kind: "SPLIT",
        fromSessionId: fromId,
        fromLabel: from.label,
        by,
        ...(await movedDtos(db, toId, moved)),
      });
      if (!split.event || !received.event) throw new Error(`split of ${fromId} was not logged`);
      await recordTransfer(db, {
        locationId: staff.locationId,
        clientTransferId: body.clientSplitId,
        kind: "SPLIT",
        fromSessionId: fromId,
        toSessionId: toId,
        request,
        staffId: staff.staffId,
      });
      const [a, b] = [await sessionRow(db, fromId), await sessionRow(db, toId)];
      return {
        session: toSessionDto(a, publicUrl),
        split: toSessionDto(b, publicUrl),
        events: [split.event, opened.event, received.event],
        created: true,
      };
    });
  try {
    return await attempt();
  } catch (err) {
    // insertSession turns a seated table into CONFLICT itself; this is the transfer's own id
    // committed by a concurrent request: answer as a retry.
    if (isUniqueViolation(err)) return attempt();
    throw err;
  }
}
