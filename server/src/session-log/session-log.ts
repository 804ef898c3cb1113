/**
 * The session log: an append-only list of events per table session, numbered 1, 2, 3…
 * without gaps. Clients that reconnect are replayed what they missed from it (realtime/
 * catch-up.ts), so it is what makes live updates reliable across instances and outages.
 */
import { type LoggedEvent, SESSION_EVENTS, type SessionEventType } from "@ordered/contract";
import { z } from "zod";
import { CLOCK, empty, isoText, type Sql, type SqlRunner, sql } from "../db/sql.js";

export interface AppendOptions<T extends SessionEventType, X extends z.ZodRawShape> {
  type: T;
  /** The session, as SQL: a bound parameter (`sql\`${id}::uuid\``) or a subquery on `writes`. */
  sessionId: Sql;
  /**
   * A SELECT of at most one row with one json column named `payload`, shaped as the
   * contract's payload for `type` (it is parsed against it). No row: nothing is logged and
   * no number is taken — that is how a guarded write that changed nothing logs nothing.
   */
  payload: Sql;
  /**
   * The caller's own CTEs (`name AS (...)`, comma-separated), run in the same statement
   * before the payload is built. The payload may read their RETURNING rows: a statement
   * does not see its own writes in the tables.
   */
  writes?: Sql;
  /** More columns to return from the statement (`expr AS name, …`), with their schema (a module-level constant: schemas are cached by it). */
  also?: { columns: Sql; shape: X };
  /**
   * More assignments (`column = expr, …`) for the session row's update that takes the
   * number: a statement may update a row only once, so what else an event changes on its
   * session goes here (placement's order budget).
   */
  sessionSet?: Sql;
}

/**
 * Appends one event, in one statement (so it is atomic on its own, and one round trip):
 * the caller's writes, the payload, the next number and the event row. The event's time is
 * PostgreSQL's clock once the session row is locked, so times follow the log's order. The number is
 * taken by `UPDATE order_session SET last_seq = last_seq + 1`, which holds the session
 * row's lock until commit: concurrent writers to one session are serialised, and a
 * rolled-back transaction gives its number back.
 */
export async function appendEvent<T extends SessionEventType, X extends z.ZodRawShape = Record<never, never>>(
  db: SqlRunner,
  options: AppendOptions<T, X>,
): Promise<{ event: LoggedEvent<T> | null; also: z.output<z.ZodObject<X>> }> {
  const row = await db.row(
    rowSchema(options.type, options.also?.shape ?? NO_COLUMNS),
    sql`
    WITH ${options.writes ? sql`${options.writes},` : empty}
    payload AS MATERIALIZED (${options.payload}),
    next AS (
      UPDATE order_session SET last_seq = last_seq + 1 ${options.sessionSet ? sql`, ${options.sessionSet}` : empty}
      WHERE id = ${options.sessionId} AND EXISTS (SELECT 1 FROM payload)
      RETURNING id, last_seq
    ),
    logged AS (
      INSERT INTO session_event (session_id, seq, type, payload, created_at)
      SELECT next.id, next.last_seq, ${options.type}, payload.payload::jsonb, ${CLOCK}
      FROM next, payload
      RETURNING session_id, seq, ${isoText("created_at")} AS at
    )
    SELECT (SELECT session_id FROM logged) AS session_id, (SELECT seq FROM logged) AS seq, (SELECT at FROM logged) AS at,
      (SELECT payload FROM payload) AS payload
      ${options.also ? sql`, ${options.also.columns}` : empty}`,
  );
  if (!row) throw new Error("appendEvent: the statement returned no row");
  const {
    session_id: sessionId,
    seq,
    at,
    payload,
    ...also
  } = row as { session_id: string | null; seq: number | null; at: string | null; payload: unknown };
  const event =
    sessionId !== null && seq !== null && at !== null ? ({ sessionId, seq, type: options.type, payload, at } as LoggedEvent<T>) : null;
  return { event, also: also as z.output<z.ZodObject<X>> };
}

const NO_COLUMNS: z.ZodRawShape = {};
const rowSchemas = new WeakMap<z.ZodRawShape, Map<SessionEventType, z.ZodType>>();

/** The statement's row schema, built once per event type and `also` shape (keep shapes in constants). */
function rowSchema(type: SessionEventType, shape: z.ZodRawShape): z.ZodType {
  let byType = rowSchemas.get(shape);
  if (!byType) {
    byType = new Map();
    rowSchemas.set(shape, byType);
  }
  let schema = byType.get(type);
  if (!schema) {
    schema = z.object({
      session_id: z.uuid().nullable(),
      seq: z.number().int().nullable(),
      at: z.iso.datetime().nullable(),
      payload: (SESSION_EVENTS[type].payload as z.ZodType).nullable(),
      ...shape,
    });
    byType.set(type, schema);
  }
  return schema;
}

/** A payload made in JavaScript (e.g. a session DTO), for `appendEvent`'s `payload`. */
export function jsonPayload(value: unknown): Sql {
  return sql`SELECT ${JSON.stringify(value)}::json AS payload`;
}
