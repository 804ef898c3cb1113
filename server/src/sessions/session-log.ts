import { Prisma, sql, utc, type Query } from "../db/sql.js";

export interface LoggedEvent<T extends string = string, P = unknown> {
  sessionId: string;
  seq: number;
  type: T;
  payload: P;
  at: string;
}

/**
 * Appends an event to a session's log inside the caller's transaction and returns it, in
 * one round trip. The UPDATE takes the session row's lock until commit, so concurrent
 * writers to one session are serialised and the numbers stay gap-free: a rolled-back
 * transaction rolls its number back too.
 *
 * `writes` are the caller's own data-modifying CTEs (`name AS (INSERT ...)`, comma-separated)
 * to run in the same statement, so that rows and their event cost one round trip.
 */
export async function appendEvent<T extends string, P>(
  q: Query,
  sessionId: string,
  type: T,
  payload: P,
  writes: Prisma.Sql = Prisma.empty,
): Promise<LoggedEvent<T, P>> {
  const now = new Date();
  const [row] = await q<{ seq: number }>(sql`
    WITH ${writes === Prisma.empty ? Prisma.empty : sql`${writes},`}
    next AS (
      UPDATE order_session SET last_seq = last_seq + 1 WHERE id = ${sessionId}::uuid RETURNING last_seq
    )
    INSERT INTO session_event (session_id, seq, type, payload, created_at)
    SELECT ${sessionId}::uuid, next.last_seq, ${type}, ${JSON.stringify(payload)}::jsonb, ${utc(now)}
    FROM next
    RETURNING seq`);
  if (!row) throw new Error(`session ${sessionId} does not exist`);
  return { sessionId, seq: row.seq, type, payload, at: now.toISOString() };
}

/**
 * Appends an event whose payload PostgreSQL builds: `payload` is a SELECT of one row with
 * one json column named `payload` (an OrderDto, say). One round trip for reading the payload
 * and logging it; null, with no number taken, when the SELECT finds no row.
 */
export async function appendEventFrom<T extends string, P>(
  q: Query,
  sessionId: string,
  type: T,
  payload: Prisma.Sql,
): Promise<LoggedEvent<T, P> | null> {
  const now = new Date();
  const [row] = await q<{ seq: number; payload: P }>(sql`
    WITH p AS MATERIALIZED (${payload}),
    next AS (
      UPDATE order_session SET last_seq = last_seq + 1
      WHERE id = ${sessionId}::uuid AND EXISTS (SELECT 1 FROM p)
      RETURNING last_seq
    ),
    logged AS (
      INSERT INTO session_event (session_id, seq, type, payload, created_at)
      SELECT ${sessionId}::uuid, next.last_seq, ${type}, p.payload::jsonb, ${utc(now)}
      FROM next, p
      RETURNING seq
    )
    SELECT logged.seq, p.payload FROM logged, p`);
  return row ? { sessionId, seq: row.seq, type, payload: row.payload, at: now.toISOString() } : null;
}
