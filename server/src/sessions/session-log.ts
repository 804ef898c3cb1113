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
 */
export async function appendEvent<T extends string, P>(q: Query, sessionId: string, type: T, payload: P): Promise<LoggedEvent<T, P>> {
  const at = new Date();
  const [row] = await q<{ seq: number }>(sql`
    WITH payload AS MATERIALIZED (SELECT ${JSON.stringify(payload)}::json AS payload),
    ${logEventCtes(sql`${sessionId}::uuid`, type, at)}
    SELECT seq FROM logged`);
  if (!row) throw new Error(`session ${sessionId} does not exist`);
  return { sessionId, seq: row.seq, type, payload, at: at.toISOString() };
}

/**
 * Appends an event whose payload PostgreSQL builds: `payload` is a SELECT of one row with
 * one json column named `payload` (an OrderDto, say). One round trip for reading the payload
 * and logging it; null, with no number taken, when the SELECT finds no row.
 *
 * `writes` are the caller's own data-modifying CTEs (comma-separated, `name AS (...)`) run in
 * the same statement before the payload is built; the payload SELECT may read their
 * RETURNING rows (a statement does not see its own writes in the tables). `at` is the
 * event's time, when the caller stamped its rows with it.
 */
export async function appendEventFrom<T extends string, P>(
  q: Query,
  sessionId: string,
  type: T,
  payload: Prisma.Sql,
  options: { writes?: Prisma.Sql; at?: Date } = {},
): Promise<LoggedEvent<T, P> | null> {
  const at = options.at ?? new Date();
  const [row] = await q<{ seq: number; payload: P }>(sql`
    WITH ${options.writes ? sql`${options.writes},` : Prisma.empty}
    payload AS MATERIALIZED (${payload}),
    ${logEventCtes(sql`${sessionId}::uuid`, type, at)}
    SELECT logged.seq, payload.payload FROM logged, payload`);
  return row ? { sessionId, seq: row.seq, type, payload: row.payload, at: at.toISOString() } : null;
}

/**
 * The CTEs `next` and `logged` that append an event to a session's log, for callers that
 * write their rows and log them in one statement. The caller defines, before them, a CTE
 * named `payload` with at most one row and a json column `payload`; no row, no number
 * taken. `sessionId` is SQL (a parameter, or a subquery on the caller's CTEs). Select
 * `logged.seq` for the number.
 */
export function logEventCtes(sessionId: Prisma.Sql, type: string, at: Date): Prisma.Sql {
  return sql`
    next AS (
      UPDATE order_session SET last_seq = last_seq + 1
      WHERE id = ${sessionId} AND EXISTS (SELECT 1 FROM payload)
      RETURNING id, last_seq
    ),
    logged AS (
      INSERT INTO session_event (session_id, seq, type, payload, created_at)
      SELECT next.id, next.last_seq, ${type}, payload.payload::jsonb, ${utc(at)}
      FROM next, payload
      RETURNING seq
    )`;
}
