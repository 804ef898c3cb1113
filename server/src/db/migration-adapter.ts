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
  factory.connect = async () => patchNameOid(await connect());
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connectToShadowDb = async () => patchNameOid(await connectToShadowDb());
  return factory;
}
