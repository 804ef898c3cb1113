import type { PrismaClient } from "../db/prisma.js";
import type { LoggedEvent } from "../sessions/session-log.js";

/** Most events replayed to one connection; a client further behind refetches over REST. */
export const MAX_REPLAY = 5000;

/**
 * Events after each cursor, oldest first per session, in one round trip.
 * `cursors` maps session id → last seq the client has.
 */
export async function eventsAfter(prisma: PrismaClient, cursors: Map<string, number>): Promise<LoggedEvent[]> {
  if (cursors.size === 0) return [];
  const ids = [...cursors.keys()];
  const after = ids.map((id) => cursors.get(id)!);
  const rows = await prisma.$queryRaw<{ session_id: string; seq: number; type: string; payload: unknown; created_at: Date }[]>`
    SELECT e.session_id, e.seq, e.type, e.payload, e.created_at
    FROM session_event e
    JOIN unnest(${ids}::uuid[], ${after}::int[]) AS c(session_id, after_seq)
      ON e.session_id = c.session_id AND e.seq > c.after_seq
    ORDER BY e.session_id, e.seq
    LIMIT ${MAX_REPLAY}`;
  return rows.map((r) => ({ sessionId: r.session_id, seq: r.seq, type: r.type, payload: r.payload, at: r.created_at.toISOString() }));
}
