/**
 * The session log: an append-only list of events per table session, numbered 1, 2, 3…
 * without gaps. Clients that reconnect are replayed what they missed from it (realtime/
 * catch-up.ts), so it is what makes live updates reliable across instances and outages.
 */
import { type LoggedEvent, SESSION_EVENTS, type SessionEventType } from "@ordered/contract";
import { z } from "zod";
import {
  type Args,
  CLOCK,
  type Cte,
  cte,
  empty,
  isoText,
  type Params,
  type Sql,
  type SqlRunner,
  type Statement,
  sql,
  statement,
  type Takes,
  withCtes,
} from "../db/sql.js";

/** What a statement that appends an event does besides (its own CTEs, payload, extra columns), defined once. */
export interface AppendParts<X extends z.ZodRawShape> {
  /** The session, as SQL: a parameter (`sql\`${p.sessionId}::uuid\``) or a subquery on `writes`. */
  sessionId: Sql;
  /**
   * A SELECT of at most one row with one json column named `payload`, shaped as the
   * contract's payload for the event's type (it is parsed against it). No row: nothing is
   * logged and no number is taken — that is how a guarded write that changed nothing logs nothing.
   */
  payload: Sql;
  /**
   * The caller's own CTEs, run in the same statement before the payload is built. The
   * payload may read their RETURNING rows (through each Cte's `ref`): a statement does not
   * see its own writes in the tables.
   */
  writes?: readonly Cte[];
  /** More columns to return from the statement (`expr AS name, …`), with their schema. */
  also?: { columns: Sql; shape: X };
  /**
   * More assignments (`column = expr, …`) for the session row's update that takes the
   * number: a statement may update a row only once, so what else an event changes on its
   * session goes here (placement's order budget).
   */
  sessionSet?: Sql;
}

/** A registered statement that appends an event of type `T` (appendEvent runs it). */
export interface AppendStatement<T extends SessionEventType, P, X extends z.ZodRawShape> {
  type: T;
  statement: Statement<P>;
  row: z.ZodType;
  /** Never read: the shape of the statement's extra columns. */
  also?: X;
}

/**
 * Defines the statement that appends one event, in one statement (so it is atomic on its
 * own, and one round trip): the caller's writes, the payload, the next number and the event
 * row. The event's time is PostgreSQL's clock once the session row is locked, so times
 * follow the log's order. The number is taken by `UPDATE order_session SET last_seq =
 * last_seq + 1`, which holds the session row's lock until commit: concurrent writers to one
 * session are serialised, and a rolled-back transaction gives its number back.
 */
export function appendStatement<T extends SessionEventType, P extends object, X extends z.ZodRawShape = Record<never, never>>(
  name: string,
  type: T,
  _params: Takes<P>,
  build: (p: Params<P>) => AppendParts<X>,
): AppendStatement<T, P, X> {
  let shape: X | undefined;
  const defined = statement<P>(name, (p) => {
    const parts = build(p);
    shape = parts.also?.shape;
    return appendSql(sql`${type}`, parts);
  });
  return { type, statement: defined, row: rowSchema(type, shape ?? NO_COLUMNS) };
}

function appendSql(type: Sql, parts: AppendParts<z.ZodRawShape>): Sql {
  const payload = cte("payload", parts.payload, { materialized: true });
  const next = cte(
    "next",
    sql`
      UPDATE order_session SET last_seq = last_seq + 1 ${parts.sessionSet ? sql`, ${parts.sessionSet}` : empty}
      WHERE id = ${parts.sessionId} AND EXISTS (SELECT 1 FROM ${payload.ref})
      RETURNING id, last_seq`,
  );
  const logged = cte(
    "logged",
    sql`
      INSERT INTO session_event (session_id, seq, type, payload, created_at)
      SELECT ${next.ref}.id, ${next.ref}.last_seq, ${type}, ${payload.ref}.payload::jsonb, ${CLOCK}
      FROM ${next.ref}, ${payload.ref}
      RETURNING session_id, seq, ${isoText("created_at")} AS at`,
  );
  return sql`
    WITH ${withCtes([...(parts.writes ?? []), payload, next, logged])}
    SELECT (SELECT session_id FROM ${logged.ref}) AS session_id, (SELECT seq FROM ${logged.ref}) AS seq,
      (SELECT at FROM ${logged.ref}) AS at, (SELECT payload FROM ${payload.ref}) AS payload
      ${parts.also ? sql`, ${parts.also.columns}` : empty}`;
}

/** Runs an append statement: the event logged (null: the payload had no row, nothing was logged) and the extra columns. */
export async function appendEvent<T extends SessionEventType, P, X extends z.ZodRawShape>(
  db: SqlRunner,
  append: AppendStatement<T, P, X>,
  ...params: Args<P>
): Promise<{ event: LoggedEvent<T> | null; also: z.output<z.ZodObject<X>> }> {
  return parseAppended(append.type, await db.row(append.row, append.statement, ...params));
}

function parseAppended<T extends SessionEventType, X extends z.ZodRawShape>(
  type: T,
  row: unknown,
): { event: LoggedEvent<T> | null; also: z.output<z.ZodObject<X>> } {
  if (!row) throw new Error("appendEvent: the statement returned no row");
  const {
    session_id: sessionId,
    seq,
    at,
    payload,
    ...also
  } = row as { session_id: string | null; seq: number | null; at: string | null; payload: unknown };
  const event = sessionId !== null && seq !== null && at !== null ? ({ sessionId, seq, type, payload, at } as LoggedEvent<T>) : null;
  return { event, also: also as z.output<z.ZodObject<X>> };
}

/** Appends an event whose payload was made in JavaScript (a session DTO, an alert, a payment): any type, one statement. */
const APPEND_JSON = statement<{ type: SessionEventType; sessionId: string; payload: string }>("session-log.append-json", (p) =>
  appendSql(sql`${p.type}`, { sessionId: sql`${p.sessionId}::uuid`, payload: sql`SELECT ${p.payload}::json AS payload` }),
);

export async function appendJsonEvent<T extends SessionEventType>(
  db: SqlRunner,
  type: T,
  sessionId: string,
  payload: z.input<(typeof SESSION_EVENTS)[T]["payload"]>,
): Promise<{ event: LoggedEvent<T> | null }> {
  const row = await db.row(rowSchema(type, NO_COLUMNS), APPEND_JSON, { type, sessionId, payload: JSON.stringify(payload) });
  return parseAppended(type, row);
}

const NO_COLUMNS: z.ZodRawShape = {};
const rowSchemas = new WeakMap<z.ZodRawShape, Map<SessionEventType, z.ZodType>>();

/** The statement's row schema, built once per event type and `also` shape. */
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
