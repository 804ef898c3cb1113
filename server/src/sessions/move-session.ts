/**
 * Staff move a table's session to another table (issue 32, item 4: "the party moves to the
 * terrace"): its orders, phones, payments and log go with it, its label becomes the new
 * table's name, the old table is free for the next party, and the new table's card now joins
 * this session (a card joins its table's open session). Logged as `session.moved`, which every
 * phone of the table, the floor and the kitchen (as the new label) hear.
 *
 * Locks in the documented order: the session row first (as every writer of its log), then the
 * target table FOR SHARE (as seating a table does, so it is not retired meanwhile). A table
 * already seated is refused by the UNIQUE index on open sessions per table (`CONFLICT`:
 * merging two parties is another action).
 */
import type { LoggedEvent, SessionDto } from "@ordered/contract";
import { z } from "zod";
import type { StaffPrincipal } from "../auth/tokens.js";
import { isUniqueViolation } from "../db/errors.js";
import type { PrismaClient } from "../db/prisma.js";
import { sql, sqlTransaction, statement } from "../db/sql.js";
import { AppError } from "../errors.js";
import { appendJsonEvent } from "../session-log/session-log.js";
import { SESSION_COLUMNS, SessionRow, toSessionDto } from "./session-dto.sql.js";
import { lockSession } from "./session-extras.sql.js";

const TargetTable = z.strictObject({ name: z.string(), retired: z.boolean(), moved_by: z.string().nullable() });

const LOCK_TARGET_TABLE = statement<{ tableId: string; locationId: string; staffId: string }>(
  "sessions.move-target-table",
  (p) => sql`SELECT t.name, t.retired_at IS NOT NULL AS retired,
                    (SELECT display_name FROM staff_user WHERE id = ${p.staffId}::uuid) AS moved_by
             FROM dining_table t WHERE t.id = ${p.tableId}::uuid AND t.location_id = ${p.locationId}::uuid FOR SHARE OF t`,
);

const MOVE_TO_TABLE = statement<{ sessionId: string; tableId: string; label: string }>(
  "sessions.move-to-table",
  (p) => sql`UPDATE order_session s SET table_id = ${p.tableId}::uuid, label = ${p.label}
             WHERE s.id = ${p.sessionId}::uuid RETURNING ${SESSION_COLUMNS}`,
);

const CURRENT = statement<{ sessionId: string }>(
  "sessions.move-current",
  (p) => sql`SELECT ${SESSION_COLUMNS} FROM order_session s WHERE s.id = ${p.sessionId}::uuid`,
);

export interface MoveSessionResult {
  session: SessionDto;
  /** The `session.moved` event, or null when the session was at that table already. */
  event: LoggedEvent<"session.moved"> | null;
}

export async function moveSession(
  prisma: PrismaClient,
  publicUrl: string,
  staff: StaffPrincipal,
  sessionId: string,
  tableId: string,
): Promise<MoveSessionResult> {
  try {
    return await sqlTransaction(prisma, async (db) => {
      const session = await lockSession(db, sessionId, staff.locationId);
      if (session.status !== "OPEN") throw new AppError("SESSION_CLOSED", "this table's session is closed");
      const table = await db.row(TargetTable, LOCK_TARGET_TABLE, { tableId, locationId: staff.locationId, staffId: staff.staffId });
      if (!table || table.retired) throw AppError.notFound("table");
      if (session.table_id === tableId) {
        // Moved there already (a retry, or a second device): the session as it is, nothing logged.
        const current = await db.row(SessionRow, CURRENT, { sessionId });
        return { session: toSessionDto(current!, publicUrl), event: null };
      }
      const moved = await db.row(SessionRow, MOVE_TO_TABLE, { sessionId, tableId, label: table.name });
      const { event } = await appendJsonEvent(db, "session.moved", sessionId, {
        fromTableId: session.table_id,
        tableId,
        label: table.name,
        movedBy: table.moved_by ?? "staff",
      });
      return { session: toSessionDto(moved!, publicUrl), event };
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError("CONFLICT", "that table is seated already: close or move its party first (merging two parties is not built yet)");
    }
    throw err;
  }
}
