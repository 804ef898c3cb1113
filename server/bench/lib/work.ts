/**
 * Counts of work done by PostgreSQL and Redis over a phase, from their own statistics:
 * transactions, WAL records and syncs, Redis commands and socket reads/writes. Unlike CPU
 * time on a shared 2-core VM these do not move with the machine's noise, so a change that
 * saves round trips or writes shows in them run after run (docs/benchmarks.md).
 */
import { Redis } from "ioredis";
import pg from "pg";

export type WorkCounts = Record<string, number>;

const PG_SQL = `
  SELECT (SELECT sum(xact_commit + xact_rollback) FROM pg_stat_database)::float8 AS pg_transactions,
         wal_records::float8 AS pg_wal_records, wal_bytes::float8 AS pg_wal_bytes, wal_sync::float8 AS pg_wal_syncs
  FROM pg_stat_wal`;

const REDIS_FIELDS = {
  redis_commands: "total_commands_processed",
  redis_reads: "total_reads_processed",
  redis_writes: "total_writes_processed",
  redis_in_bytes: "total_net_input_bytes",
  redis_out_bytes: "total_net_output_bytes",
} as const;

export async function workCounts(databaseUrl: string, redisUrl: string): Promise<WorkCounts> {
  const db = new pg.Client({ connectionString: databaseUrl });
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await db.connect();
    // Statistics are flushed by each backend when it goes idle (at most once a second).
    await db.query("SELECT pg_stat_clear_snapshot()");
    const { rows } = await db.query<Record<string, number>>(PG_SQL);
    await redis.connect();
    const info = await redis.info("stats");
    const stat = (field: string) => Number(new RegExp(`^${field}:(\\d+)`, "m").exec(info)?.[1] ?? Number.NaN);
    const counts: WorkCounts = { ...rows[0]! };
    for (const [name, field] of Object.entries(REDIS_FIELDS)) counts[name] = stat(field);
    return counts;
  } finally {
    await db.end().catch(() => {});
    redis.disconnect();
  }
}

export function workDelta(before: WorkCounts, after: WorkCounts): WorkCounts {
  return Object.fromEntries(Object.keys(after).map((k) => [k, (after[k] ?? 0) - (before[k] ?? 0)]));
}

/** Per order, rounded, as one line of the report. */
export function workPerOrder(work: WorkCounts, orders: number): string {
  const per = (k: string, div = 1) => Math.round(((work[k] ?? 0) / div / orders) * 100) / 100;
  return [
    `PostgreSQL ${per("pg_transactions")} transactions, ${per("pg_wal_records")} WAL records, ${per("pg_wal_bytes", 1024)} KB WAL, ${per("pg_wal_syncs")} WAL syncs`,
    `Redis ${per("redis_commands")} commands, ${per("redis_reads")} socket reads, ${per("redis_writes")} socket writes, ${per("redis_in_bytes", 1024)} KB in, ${per("redis_out_bytes", 1024)} KB out`,
  ].join("; ");
}
