import { type LoggedEvent, SESSION_EVENTS, type SessionEventType } from "@ordered/contract";
import { z } from "zod";
import { label } from "../db/enums.js";
import type { PrismaClient } from "../db/prisma.js";
import { isoText, sql, sqlOn, statement } from "../db/sql.js";

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

const AFTER = statement<{ ids: string[]; after: number[] }>(
  "session-log.events-after",
  (p) => sql`
    SELECT e.session_id, e.seq, e.type, e.payload, ${isoText("e.created_at")} AS at
    FROM session_event e
    JOIN unnest(${p.ids}::uuid[], ${p.after}::int[]) AS c(session_id, after_seq)
      ON e.session_id = c.session_id AND e.seq > c.after_seq
    ORDER BY e.session_id, e.seq
    LIMIT ${MAX_REPLAY}`,
);

/**
 * Events after each cursor, oldest first per session, in one round trip.
 * `cursors` maps session id → last seq the client has.
 */
export async function eventsAfter(prisma: PrismaClient, cursors: Map<string, number>): Promise<LoggedEvent[]> {
  if (cursors.size === 0) return [];
  const ids = [...cursors.keys()];
  const after = ids.map((id) => cursors.get(id)!);
  const rows = await sqlOn(prisma).rows(EventRow, AFTER, { ids, after });
  return rows.map(loggedEvent);
}

const LAST_ORDER_UPDATE = statement<{ sessionId: string; orderId: string }>(
  "session-log.last-order-update",
  (p) => sql`
    SELECT e.session_id, e.seq, e.type, e.payload, ${isoText("e.created_at")} AS at
    FROM session_event e
    WHERE e.session_id = ${p.sessionId}::uuid AND e.type = ${"order.updated" satisfies SessionEventType} AND e.payload->>'id' = ${p.orderId}
    ORDER BY e.seq DESC
    LIMIT 1`,
);

const REPLAYABLE = statement<{ locationId: string; known: string[] }>(
  "session-log.replayable-sessions",
  (p) => sql`SELECT id FROM order_session
    WHERE location_id = ${p.locationId}::uuid AND (status = ${label("SessionStatus", "OPEN")} OR id = ANY(${p.known}::uuid[]))`,
);

/** A staff device's sessions to replay: this location's open ones and those it knows (`known`: ids it sent; others are ignored). */
export async function replayableSessions(prisma: PrismaClient, locationId: string, known: string[]): Promise<{ id: string }[]> {
  return sqlOn(prisma).rows(z.strictObject({ id: z.uuid() }), REPLAYABLE, { locationId, known });
}

/**
 * The last `order.updated` logged for an order (null: none yet). A pipeline job run again
 * after its worker died re-publishes it: the dead worker may have committed it without
 * publishing it (pipeline/worker.ts).
 */
export async function lastOrderUpdate(prisma: PrismaClient, sessionId: string, orderId: string): Promise<LoggedEvent | null> {
  const row = await sqlOn(prisma).row(EventRow, LAST_ORDER_UPDATE, { sessionId, orderId });
  return row ? loggedEvent(row) : null;
}
