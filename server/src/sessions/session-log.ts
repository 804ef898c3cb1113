import type { Db } from "../db/prisma.js";
import { sql, utc, type Query } from "../db/sql.js";

type Tx = Db.Prisma.TransactionClient;

export interface LoggedEvent<T extends string = string, P = unknown> {
  sessionId: string;
  seq: number;
  type: T;
  payload: P;
  at: string;
}

/**
 * Appends an event to a session's log inside the caller's transaction and returns it.
 * The UPDATE takes the session row's lock until commit, so concurrent writers to one
 * session are serialised and the numbers stay gap-free: a rolled-back transaction
 * rolls its number back too.
 */
export async function appendEvent<T extends string, P>(q: Query, sessionId: string, type: T, payload: P): Promise<LoggedEvent<T, P>> {
  // One round trip: take the next number and insert the event with it.
  const now = new Date();
  const [row] = await q<{ seq: number }>(sql`
    WITH next AS (
      UPDATE order_session SET last_seq = last_seq + 1 WHERE id = ${sessionId}::uuid RETURNING last_seq
    )
    INSERT INTO session_event (session_id, seq, type, payload, created_at)
    SELECT ${sessionId}::uuid, next.last_seq, ${type}, ${JSON.stringify(payload)}::jsonb, ${utc(now)}
    FROM next
    RETURNING seq`);
  if (!row) throw new Error(`session ${sessionId} does not exist`);
  return { sessionId, seq: row.seq, type, payload, at: now.toISOString() };
}

/** Events of a session after `afterSeq`, oldest first, at most `limit`. */
export async function readEvents(
  prisma: { sessionEvent: Db.PrismaClient["sessionEvent"] },
  sessionId: string,
  afterSeq: number,
  limit = 1000,
): Promise<LoggedEvent[]> {
  const rows = await prisma.sessionEvent.findMany({
    where: { sessionId, seq: { gt: afterSeq } },
    orderBy: { seq: "asc" },
    take: limit,
  });
  return rows.map((r) => ({ sessionId: r.sessionId, seq: r.seq, type: r.type, payload: r.payload, at: r.createdAt.toISOString() }));
}
