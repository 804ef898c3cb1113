import { createHash } from "node:crypto";
import type pg from "pg";
import { AppError } from "../errors.js";
import { Prisma } from "../generated/prisma/client.js";
import { poolOf, type Db, type PrismaClient } from "./prisma.js";

export { Prisma };
export const sql = Prisma.sql;

/** Runs one SQL statement (a Prisma.sql template) and returns its rows. */
export type Query = <R = Record<string, unknown>>(statement: Prisma.Sql) => Promise<R[]>;

/**
 * A JS Date as a `timestamp(3)` in UTC, which is how Prisma stores every DateTime. Going
 * through timestamptz makes the value independent of the connection's TimeZone setting.
 */
export function utc(date: Date): Prisma.Sql {
  return Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}

/**
 * Statements here are sent as named prepared statements: each connection parses and plans a
 * statement once and then only binds values. The name is derived from the text; the texts
 * come from the fixed templates in this code base, so there are a few dozen. Past
 * MAX_NAMED distinct texts (a template that varies its text would be a bug) statements go
 * unnamed, so neither this map nor the server's per-connection cache grows without bound.
 * Behind PgBouncer in transaction mode this needs PgBouncer 1.21+ (max_prepared_statements).
 */
const statementName = (text: string): string | undefined => {
  let name = statementNames.get(text);
  if (!name && statementNames.size < MAX_NAMED) {
    name = `ordered_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
    statementNames.set(text, name);
  }
  return name;
};
const statementNames = new Map<string, string>();
const MAX_NAMED = 200;

/** How many distinct statement texts have been named so far (tests check it stays put). */
export const namedStatementCount = (): number => statementNames.size;

const onClient =
  (client: pg.PoolClient | pg.Pool): Query =>
  async <R>(statement: Prisma.Sql) =>
    (await client.query({ name: statementName(statement.text), text: statement.text, values: statement.values as unknown[] })).rows as R[];

/** Statements inside a Prisma transaction (for code that is not on the hot path). */
export const prismaQuery =
  (tx: Db.Prisma.TransactionClient): Query =>
  <R>(statement: Prisma.Sql) =>
    tx.$queryRaw<R[]>(statement);

/** One statement on its own, outside any transaction. */
export const poolQuery = (prisma: PrismaClient): Query => onClient(poolOf(prisma));

/** A connection from the Prisma client's own pool; waiting too long for one is a retryable UNAVAILABLE. */
async function withClient<T>(prisma: PrismaClient, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  let client: pg.PoolClient;
  try {
    client = await poolOf(prisma).connect();
  } catch {
    throw new AppError("UNAVAILABLE", "the server is busy; please try again", 1);
  }
  try {
    return await work(client);
  } finally {
    client.release();
  }
}

/**
 * Statements on one pooled connection, each its own transaction (autocommit): for work
 * whose writes fit in one statement, which then needs no BEGIN and COMMIT round trips.
 */
export function sqlStatements<T>(prisma: PrismaClient, work: (q: Query) => Promise<T>): Promise<T> {
  return withClient(prisma, (client) => work(onClient(client)));
}

/**
 * A transaction in plain SQL on the Prisma client's own pool. The hot paths (placing an
 * order, every pipeline transition) use it: Prisma's interactive transactions cost several
 * milliseconds of CPU each (docs/benchmarks.md). Nothing is written if it throws.
 */
export function sqlTransaction<T>(prisma: PrismaClient, work: (q: Query) => Promise<T>): Promise<T> {
  return withClient(prisma, async (client) => {
    try {
      await client.query("BEGIN");
      const result = await work(onClient(client));
      await client.query("COMMIT");
      return result;
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      throw err;
    }
  });
}
