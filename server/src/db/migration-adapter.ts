/**
 * Driver adapter for the Prisma CLI's JS schema engine (`prisma migrate deploy`), used by
 * prisma.config.ts. Separate from the runtime client in prisma.ts.
 */
import { PrismaPg } from "@prisma/adapter-pg";

const PG_NAME_OID = 19;
const PG_TEXT_OID = 25;

type PerformIO = (query: unknown) => Promise<{ fields: { dataTypeID: number }[] }>;

/**
 * Workaround for prisma/orm#27403: adapter-pg 6.19 cannot map Postgres' internal `name`
 * type (oid 19), which the schema engine's catalog queries return. Reporting those
 * columns as `text` is lossless (a `name` is a short string).
 */
function patchNameOid<T extends object>(queryable: T): T {
  const target = queryable as unknown as { performIO: PerformIO; startTransaction?: (...a: unknown[]) => Promise<object> };
  const performIO = target.performIO.bind(queryable);
  target.performIO = async (query) => {
    const result = await performIO(query);
    for (const field of result.fields) if (field.dataTypeID === PG_NAME_OID) field.dataTypeID = PG_TEXT_OID;
    return result;
  };
  if (target.startTransaction) {
    const startTransaction = target.startTransaction.bind(queryable);
    target.startTransaction = async (...args) => patchNameOid(await startTransaction(...args));
  }
  return queryable;
}

/**
 * The statements of a migration script, split on the semicolons that end them: not those in
 * comments, quoted strings or dollar-quoted bodies (a trigger function's). adapter-pg 6.19's
 * own `executeScript` splits on every ";", which cuts a function body in pieces.
 */
export function splitSqlScript(script: string): string[] {
  const statements: string[] = [];
  const dollarTag = /\$[A-Za-z_]*\$/y;
  let start = 0;
  let i = 0;
  while (i < script.length) {
    dollarTag.lastIndex = i;
    const tag = dollarTag.exec(script)?.[0];
    if (script.startsWith("--", i)) {
      const end = script.indexOf("\n", i);
      i = end < 0 ? script.length : end + 1;
    } else if (script[i] === "'") {
      const end = script.indexOf("'", i + 1);
      i = end < 0 ? script.length : end + 1; // '' (an escaped quote) is two strings in a row
    } else if (tag) {
      const end = script.indexOf(tag, i + tag.length);
      i = end < 0 ? script.length : end + tag.length;
    } else if (script[i] === ";") {
      statements.push(script.slice(start, i));
      start = ++i;
    } else i++;
  }
  statements.push(script.slice(start));
  return statements.map((s) => s.trim()).filter((s) => s.length > 0 && !/^(--[^\n]*\n?\s*)+$/.test(s));
}

/** Runs a migration script statement by statement, split by splitSqlScript. */
function patchExecuteScript<T extends object>(adapter: T): T {
  const target = adapter as unknown as {
    executeScript: (script: string) => Promise<void>;
    underlyingDriver(): { query(sql: string): Promise<unknown> };
    onError(err: unknown): never;
  };
  target.executeScript = async (script) => {
    for (const statement of splitSqlScript(script)) {
      try {
        await target.underlyingDriver().query(statement);
      } catch (err) {
        target.onError(err);
      }
    }
  };
  return adapter;
}

/** A PrismaPg factory whose connections survive the schema engine's catalog queries. */
export function createMigrationAdapter(databaseUrl: string): PrismaPg {
  const url = new URL(databaseUrl);
  // Separate fields rather than connectionString: the shadow-database path overrides `database`.
  const factory = new PrismaPg({
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username || "postgres"),
    password: url.password ? decodeURIComponent(url.password) : undefined,
    database: decodeURIComponent(url.pathname.slice(1) || "postgres"),
  });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => patchExecuteScript(patchNameOid(await connect()));
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connectToShadowDb = async () => patchExecuteScript(patchNameOid(await connectToShadowDb()));
  return factory;
}
