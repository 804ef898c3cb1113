/**
 * The one way to run plain SQL. Prisma's model API serves the simple create/read/update
 * paths; plain SQL serves the hot path (placing an order, every transition, the session
 * log, replay) and aggregates (stats, metrics): docs/architecture.md says why.
 *
 * Statements are Prisma.sql templates (values always bound, never spliced). Every query
 * names a zod schema of its rows: rows are parsed against it, so the row types the code
 * sees are the rows PostgreSQL sent, not a hope. Row schemas validate only (no transforms
 * or defaults): what a query returns is exactly what was read.
 */
import { createHash } from "node:crypto";
import type pg from "pg";
import type { z } from "zod";
import { Prisma } from "../generated/prisma/client.js";
import { DatabaseUnavailableError } from "./errors.js";
import { type PrismaClient, poolOf } from "./prisma.js";

export type Sql = Prisma.Sql;
export const sql = Prisma.sql;
export const { raw, join, empty } = Prisma;

/** Runs statements and returns rows checked against a schema. */
export interface SqlRunner {
  /** Every row of `statement`, each parsed with `row`. */
  rows<S extends z.ZodType>(row: S, statement: Sql): Promise<z.output<S>[]>;
  /** The first row (or undefined) of `statement`, parsed with `row`. */
  row<S extends z.ZodType>(row: S, statement: Sql): Promise<z.output<S> | undefined>;
  /** Runs a statement for its effect; returns the number of rows it touched. */
  run(statement: Sql): Promise<number>;
}

/**
 * A JS Date as a `timestamp(3)` in UTC, which is how Prisma stores every DateTime. Going
 * through timestamptz makes the value independent of the connection's TimeZone setting.
 */
export function utc(date: Date): Sql {
  return sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}

/**
 * The time, in UTC, when PostgreSQL evaluates this expression: after any row lock the
 * statement waited for (now() would be the transaction's start, before the wait). Use it
 * for stamps that must agree with the order in which locks were granted.
 */
export const CLOCK: Sql = raw("(clock_timestamp() AT TIME ZONE 'UTC')");

/**
 * A stored UTC `timestamp` as an ISO 8601 string, formatted by PostgreSQL: node-postgres
 * would read a timestamp without time zone in the process's local zone.
 */
export function isoText(column: string): Sql {
  return raw(`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
}

/**
 * Statements are sent as named prepared statements: each connection parses and plans a
 * statement once and then only binds values. The name is derived from the text; the texts
 * come from the fixed templates in this code base, so there are a few dozen. Past
 * MAX_NAMED distinct texts (a template that varies its text would be a bug) statements go
 * unnamed, so neither this map nor the server's per-connection cache grows without bound.
 * Behind PgBouncer in transaction mode this needs PgBouncer 1.21+ (max_prepared_statements).
 */
const statementNames = new Map<string, string>();
const MAX_NAMED = 200;
function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (!name && statementNames.size < MAX_NAMED) {
    name = `ordered_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
    statementNames.set(text, name);
  }
  return name;
}

/** How many distinct statement texts have been named so far (tests check it stays put). */
export const namedStatementCount = (): number => statementNames.size;

function runnerOn(client: pg.PoolClient | pg.Pool): SqlRunner {
  const query = (statement: Sql) => {
    // Prisma.Sql builds `text` anew on every read (a getter): read it once.
    const text = statement.text;
    return client.query({ name: statementName(text), text, values: statement.values as unknown[] });
  };
  const rows: SqlRunner["rows"] = async (row, statement) => {
    const result = await query(statement);
    return result.rows.map((r: unknown) => row.parse(r));
  };
  return {
    rows,
    async row(row, statement) {
      return (await rows(row, statement))[0];
    },
    async run(statement) {
      return (await query(statement)).rowCount ?? 0;
    },
  };
}

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
