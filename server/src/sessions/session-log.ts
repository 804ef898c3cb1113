import { sql, utc, type Query } from "../db/sql.js";

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
