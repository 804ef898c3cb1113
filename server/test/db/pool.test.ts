import { poolOf, WARM_CONNECTIONS } from "../../src/db/prisma.js";
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
});
