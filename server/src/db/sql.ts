/**
 * The one way to run plain SQL. docs/architecture.md ("Database access") says which code
 * uses it: everything the server and the worker read and write at run time.
 *
 * Every statement is defined once, at module level, with `statement(name, build)`: `build`
 * gets a placeholder for each parameter and returns the text as a Prisma.sql template
 * (values always bound, never spliced), so a statement's text is fixed when its module
 * loads. The definitions are registered here, and a test (server/test/db/statements.test.ts)
 * loads every module and prepares every registered statement against the migrated schema:
 * a renamed column, table, enum label or CTE fails the suite, not a query in production.
 * A runner accepts nothing else (no raw text, no template built at the call site), so no
 * statement can escape that test.
 *
 * Every query names a zod schema of its rows: rows are parsed against it, so the row types
 * the code sees are the rows PostgreSQL sent, not a hope. Row schemas validate only (no
 * transforms or defaults): what a query returns is exactly what was read.
 */
import { createHash } from "node:crypto";
import type pg from "pg";
import type { z } from "zod";
import { Prisma } from "../generated/prisma/client.js";
import { DatabaseUnavailableError } from "./errors.js";
import { type PrismaClient, poolOf } from "./prisma.js";

/** A fragment of SQL text with its bound values: a piece of a statement, never run on its own. */
export type Sql = Prisma.Sql;
export const sql = Prisma.sql;
export const { raw, join, empty } = Prisma;

/**
 * A statement's parameter inside its definition: interpolated into `sql` like a value, it
 * becomes a bound parameter (`$n`) whose value each run supplies. `T` is the value's type.
 */
export class Param<T = unknown> {
  /** Never read: it only gives each parameter its value's type. */
  declare readonly type: T;
  constructor(readonly key: string) {}
}

/** The placeholders `statement`'s builder receives: one per parameter. */
export type Params<P> = { readonly [K in keyof P]-?: Param<P[K]> };

/**
 * The parameters' types, for a definer whose other type arguments are inferred
 * (`appendStatement(name, type, takes<{ orderId: string }>(), build)`).
 */
export interface Takes<P> {
  readonly params?: P;
}
export const takes = <P extends object>(): Takes<P> => ({});

/** A registered statement: its fixed text and where each bound value comes from. */
export interface Statement<P = Record<never, never>> {
  /** Unique, for logs and the prepare test (`feature.what`). */
  readonly name: string;
  readonly text: string;
  /** Each `$n`'s source: a parameter of the run, or a constant fixed by the definition. */
  readonly slots: readonly unknown[];
  /** The name it is prepared under on each connection: derived from the text. */
  readonly preparedName: string;
  /** Never read: the type of the parameters a run supplies. */
  readonly params?: P;
}

const registry = new Map<string, Statement<never>>();

/**
 * Defines and registers a statement. Call it at module level (never per call): the text is
 * built once, with a placeholder for each parameter in `P`.
 *
 * ```ts
 * const LOCK = statement<{ orderId: string }>("orders.lock", (p) => sql`SELECT … WHERE id = ${p.orderId}::uuid`);
 * await db.row(Row, LOCK, { orderId });
 * ```
 */
export function statement<P extends object = Record<never, never>>(name: string, build: (p: Params<P>) => Sql): Statement<P> {
  if (registry.has(name)) throw new Error(`statement ${name} is defined twice`);
  const params = new Map<string, Param>();
  const placeholders = new Proxy({} as Params<P>, {
    get(_, key) {
      if (typeof key !== "string") return undefined;
      let param = params.get(key);
      if (!param) {
        param = new Param(key);
        params.set(key, param);
      }
      return param;
    },
  });
  const built = build(placeholders);
  const text = built.text;
  const defined: Statement<P> = {
    name,
    text,
    slots: built.values,
    preparedName: `ordered_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`,
  };
  registry.set(name, defined as Statement<never>);
  return defined;
}

/** Every statement defined so far (the prepare test loads every module first). */
export const registeredStatements = (): readonly Statement<never>[] => [...registry.values()];

/** A bound value as node-postgres should send it: a Date as ISO 8601 in UTC (the SQL casts it). */
function bindValue(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

function bind<P>(statement: Statement<P>, params: P | undefined): unknown[] {
  return statement.slots.map((slot) => (slot instanceof Param ? bindValue((params as Record<string, unknown>)[slot.key]) : slot));
}

/** A run's parameters: none for a statement without any. */
export type Args<P> = keyof P extends never ? [params?: P] : [params: P];

/** Runs statements and returns rows checked against a schema. */
export interface SqlRunner {
  /** Every row of `statement`, each parsed with `row`. */
  rows<S extends z.ZodType, P>(row: S, statement: Statement<P>, ...params: Args<P>): Promise<z.output<S>[]>;
  /** The first row (or undefined) of `statement`, parsed with `row`. */
  row<S extends z.ZodType, P>(row: S, statement: Statement<P>, ...params: Args<P>): Promise<z.output<S> | undefined>;
  /** Runs a statement for its effect; returns the number of rows it touched. */
  run<P>(statement: Statement<P>, ...params: Args<P>): Promise<number>;
}

/**
 * A timestamp parameter as a `timestamp(3)` in UTC, which is how Prisma stores every
 * DateTime (pass a Date: it is sent as ISO 8601). Going through timestamptz makes the value
 * independent of the connection's TimeZone setting.
 */
export function utc(date: Param<Date>): Sql {
  return sql`(${date}::timestamptz AT TIME ZONE 'UTC')`;
}

/**
 * The time, in UTC, when PostgreSQL evaluates this expression: after any row lock the
 * statement waited for (now() would be the transaction's start, before the wait). Use it
 * for stamps that must agree with the order in which locks were granted.
 */
export const CLOCK: Sql = raw("(clock_timestamp() AT TIME ZONE 'UTC')");

/**
 * A stored UTC `timestamp` as an ISO 8601 string, formatted by PostgreSQL: node-postgres
 * would read a timestamp without time zone in the process's local zone. The one place the
 * format is written.
 */
export function isoText(column: string): Sql {
  return raw(`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
}

/**
 * A common table expression that knows its name: `definition` goes in a WITH list
 * (`withCtes`), `ref` reads it. Builders return these, so a statement refers to a CTE
 * through the value that defined it, never by retyping its name.
 */
export interface Cte<N extends string = string> {
  readonly name: N;
  /** The CTE's name as SQL, to read from it (`FROM ${x.ref}`). */
  readonly ref: Sql;
  /** `name AS [MATERIALIZED] (body)`. */
  readonly definition: Sql;
}

export function cte<N extends string>(name: N, body: Sql, options: { materialized?: boolean } = {}): Cte<N> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`CTE name ${name}: lower-case letters, digits and _ only`);
  return {
    name,
    ref: raw(name),
    definition: sql`${raw(name)} AS ${options.materialized ? raw("MATERIALIZED ") : empty}(${body})`,
  };
}

/** The CTEs' definitions, comma-separated, in order (for `WITH ${withCtes(...)} SELECT …`). */
export function withCtes(ctes: readonly Cte[]): Sql {
  return join(
    ctes.map((c) => c.definition),
    ",\n",
  );
}

/**
 * Statements are sent as named prepared statements: each connection parses and plans a
 * statement once and then only binds values. Behind PgBouncer in transaction mode this
 * needs PgBouncer 1.21+ (max_prepared_statements).
 */
const sent = new Set<string>();

/** How many distinct statements this process has sent (tests check it stays put). */
export const namedStatementCount = (): number => sent.size;

function runnerOn(client: pg.PoolClient | pg.Pool): SqlRunner {
  const query = <P>(statement: Statement<P>, params: P | undefined) => {
    sent.add(statement.preparedName);
    return client.query({ name: statement.preparedName, text: statement.text, values: bind(statement, params) });
  };
  const rows = async <S extends z.ZodType, P>(row: S, statement: Statement<P>, params?: P) => {
    const result = await query(statement, params);
    return result.rows.map((r: unknown) => row.parse(r) as z.output<S>);
  };
  return {
    rows: (row, statement, ...params) => rows(row, statement, params[0]),
    async row(row, statement, ...params) {
      return (await rows(row, statement, params[0]))[0];
    },
    async run(statement, ...params) {
      return (await query(statement, params[0])).rowCount ?? 0;
    },
  };
}

/** Whether PostgreSQL answers (boot, health). */
export const PING = statement("db.ping", () => sql`SELECT 1`);

/** A connection from the Prisma client's own pool (db/prisma.ts), released after `work`. */
async function withClient<T>(prisma: PrismaClient, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  let client: pg.PoolClient;
  try {
    client = await poolOf(prisma).connect();
  } catch (err) {
    throw new DatabaseUnavailableError(err);
  }
  try {
    return await work(client);
  } finally {
    client.release();
  }
}

/** Single statements, each on whichever pooled connection is free, each its own transaction. */
export function sqlOn(prisma: PrismaClient): SqlRunner {
  return runnerOn(poolOf(prisma));
}

/**
 * Statements on one pooled connection, each its own transaction (autocommit): for work
 * whose writes fit in one statement, which then needs no BEGIN and COMMIT round trips.
 */
export function sqlStatements<T>(prisma: PrismaClient, work: (db: SqlRunner) => Promise<T>): Promise<T> {
  return withClient(prisma, (client) => work(runnerOn(client)));
}

/**
 * A transaction in plain SQL on the Prisma client's own pool. The hot paths use it:
 * Prisma's interactive transactions cost several milliseconds of CPU each
 * (docs/benchmarks.md). Nothing is written if `work` throws.
 */
export function sqlTransaction<T>(prisma: PrismaClient, work: (db: SqlRunner) => Promise<T>): Promise<T> {
  return withClient(prisma, async (client) => {
    try {
      await client.query("BEGIN");
      const result = await work(runnerOn(client));
      await client.query("COMMIT");
      return result;
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      throw err;
    }
  });
}

/** PostgreSQL's deadlock_detected: the server rolled one transaction back to break a cycle. */
const DEADLOCK = "40P01";

/**
 * A transaction that locks rows of several sessions (merges, split-offs, moved lines), retried
 * when PostgreSQL breaks a deadlock by rolling it back, as its documentation advises: the whole
 * transaction is undone first, and these commands are idempotent by their client-made id, so
 * running one again changes nothing twice. A few tries at most, with a short random pause.
 */
export async function sqlTransactionRetryingDeadlocks<T>(prisma: PrismaClient, work: (db: SqlRunner) => Promise<T>, tries = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await sqlTransaction(prisma, work);
    } catch (err) {
      if (attempt >= tries || (err as { code?: string } | null)?.code !== DEADLOCK) throw err;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}
