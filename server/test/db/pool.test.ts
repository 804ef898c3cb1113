import pg from "pg";
import { databaseUnavailable } from "../../src/db/errors.js";
import { poolOf, WARM_CONNECTIONS } from "../../src/db/prisma.js";
import { TEST_DATABASE_URL } from "../support/harness.js";
import { describe, expect, it } from "../support/kit.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the database pool", () => {
  // node-postgres closes idle connections after 10 s unless told otherwise; the next order
  // then pays for a new connection and a cold backend (db/prisma.ts says how much).
  it("keeps its warm connections through a lull longer than node-postgres' default idle timeout", { timeout: 30_000 }, async ({
    prismaClient,
  }) => {
    const prisma = prismaClient(4);
    const pool = poolOf(prisma);
    const backend = async () => (await pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid, pg_sleep(0.05)")).rows[0]!.pid;
    // Four at once: the pool opens all four connections.
    const before = new Set(await Promise.all([backend(), backend(), backend(), backend()]));
    expect(before.size).toBe(4);

    await sleep(10_500);

    expect(pool.totalCount).toBeGreaterThanOrEqual(WARM_CONNECTIONS);
    // The next query runs on a connection that was already open: no new backend.
    expect(before.has(await backend())).toBe(true);
  });

  // A connection that dies under a query (a restart, a terminated backend) fails with errors
  // node-postgres gives no code; they mean "retry", not "our bug" (issue 30, item 14).
  it("reads a connection killed under a query, and a client used after that, as unreachable", async ({ pgClient, resources }) => {
    const victim = resources.add(new pg.Client({ connectionString: TEST_DATABASE_URL }), (c) => c.end().catch(() => {}));
    victim.on("error", () => {}); // its own connection dies on purpose
    await victim.connect();
    const pid = (await victim.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
    const sleeping = victim.query("SELECT pg_sleep(5)").then(
      () => null,
      (err: unknown) => err,
    );
    const admin = await pgClient();
    await admin.query("SELECT pg_terminate_backend($1)", [pid]);
    const killed = await sleeping;
    expect(killed).toBeInstanceOf(Error);
    expect(databaseUnavailable(killed)).toBe("unreachable");
    const after = await victim.query("SELECT 1").then(
      () => null,
      (err: unknown) => err,
    );
    expect((after as Error).message).toMatch(/not queryable|Connection terminated/);
    expect(databaseUnavailable(after)).toBe("unreachable");
    // Anything else without a code stays our bug.
    expect(databaseUnavailable(new Error("Connection terminated by a typo"))).toBeNull();
  });
});
