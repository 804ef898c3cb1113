import { type LoggedEvent, SESSION_EVENTS, type SessionEventType } from "@ordered/contract";
import { z } from "zod";
import type { PrismaClient } from "../db/prisma.js";
import { isoText, sql, sqlOn } from "../db/sql.js";

/**
 * Most events replayed to one connection in one go, so one far-behind client cannot hold a
 * server. It gets the oldest MAX_REPLAY; its cursors move, and the rest are replayed when
 * it reconnects (the web app does when live events wait behind a gap: realtime/gap-watch.ts).
 */
export const MAX_REPLAY = 5000;

const EventRow = z.strictObject({
  session_id: z.uuid(),
  seq: z.number().int(),
  type: z.enum(Object.keys(SESSION_EVENTS) as [SessionEventType, ...SessionEventType[]]),
  payload: z.unknown(),
  at: z.iso.datetime(),
});

// Payloads were checked against the contract when they were logged.
const loggedEvent = (r: z.output<typeof EventRow>) =>
  ({ sessionId: r.session_id, seq: r.seq, type: r.type, payload: r.payload, at: r.at }) as LoggedEvent;

/**
 * Events after each cursor, oldest first per session, in one round trip.
 * `cursors` maps session id → last seq the client has.
 */
export async function eventsAfter(prisma: PrismaClient, cursors: Map<string, number>): Promise<LoggedEvent[]> {
  if (cursors.size === 0) return [];
  const ids = [...cursors.keys()];
  const after = ids.map((id) => cursors.get(id)!);
  const rows = await sqlOn(prisma).rows(
    EventRow,
    sql`
    SELECT e.session_id, e.seq, e.type, e.payload, ${isoText("e.created_at")} AS at
    FROM session_event e
    JOIN unnest(${ids}::uuid[], ${after}::int[]) AS c(session_id, after_seq)
      ON e.session_id = c.session_id AND e.seq > c.after_seq
    ORDER BY e.session_id, e.seq
    LIMIT ${MAX_REPLAY}`,
  );
  return rows.map(loggedEvent);
}

/**
 * The last `order.updated` logged for an order (null: none yet). A pipeline job run again
 * after its worker died re-publishes it: the dead worker may have committed it without
 * publishing it (pipeline/worker.ts).
 */
export async function lastOrderUpdate(prisma: PrismaClient, sessionId: string, orderId: string): Promise<LoggedEvent | null> {
  const row = await sqlOn(prisma).row(
    EventRow,
    sql`
    SELECT e.session_id, e.seq, e.type, e.payload, ${isoText("e.created_at")} AS at
    FROM session_event e
    WHERE e.session_id = ${sessionId}::uuid AND e.type = 'order.updated' AND e.payload->>'id' = ${orderId}
    ORDER BY e.seq DESC
    LIMIT 1`,
  );
  return row ? loggedEvent(row) : null;
}
