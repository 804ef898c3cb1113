import { randomUUID } from "node:crypto";
import pg from "pg";
import { migrateDatabase } from "../../src/db/migrate.js";
import { createPrisma } from "../../src/db/prisma.js";
import { seedVenue } from "../../src/demo/seed-venue.js";
import { createApiClient } from "../../src/tools/api-client.js";
import { eventually, freshPrefix } from "../support/harness.js";
import { describe, expect, it, TEST_MENU } from "../support/kit.js";
import { dataOf, send } from "../support/sockets.js";

// Issue 30, item 14: node-postgres' Client emits `error` when a checked-out connection dies;
// without a listener that event killed the whole process (every socket of the instance
// dropped). A database restart must cost a few UNAVAILABLE answers, never a process.

/** Every backend of the app's database but ours: idle, idle in transaction and mid-query. */
async function terminateAppBackends(admin: pg.Client): Promise<number> {
  const { rows } = await admin.query<{ n: string }>(
    `SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity
     WHERE datname = 'ordered' AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
  );
  return Number(rows[0]!.n);
}

describe("a PostgreSQL restart", () => {
  it("costs UNAVAILABLE answers, never a server or worker process, and service resumes once it is back", async ({
    ownPostgres,
    spawnServer,
    spawnWorker,
    socket,
    resources,
  }) => {
    const db = await ownPostgres();
    await migrateDatabase(db.url);
    const prisma = resources.add(createPrisma(db.url, 2), (p) => p.$disconnect());
    const password = `pw-${randomUUID()}`;
    const venue = await seedVenue(prisma, { products: TEST_MENU, emailDomain: "test.ordered", owner: { password } });
    const lemonade = venue.products.find((p) => p.name === "Lemonade")!;

    const env = {
      DATABASE_URL: db.url,
      REDIS_PREFIX: freshPrefix(),
      WORKER_CONCURRENCY: "2",
      SWEEP_INTERVAL_MS: "500",
      SWEEP_AFTER_MS: "2000",
    };
    const server = await spawnServer(env);
    const worker = await spawnWorker(env);
    const api = createApiClient(server.url);
    const { token: staffToken } = await api.login(venue.owner);
    const opened = await api.openSession(staffToken, "Table 9");
    const joined = await api.joinSession(opened.session.joinCode, "Ann");
    const phone = await socket(server, { token: joined.token });
    const place = () =>
      send(phone, "order:place", { clientOrderId: randomUUID(), items: [{ productId: lemonade.id, quantity: 1 }] }, 10_000);

    const admin = resources.add(new pg.Client({ connectionString: db.url }), (c) => c.end().catch(() => {}));
    // Ours dies with the crash below: that is expected, not an error of the test.
    admin.on("error", () => {});
    await admin.connect();

    // 1. Kill every backend while the app holds them: a staff command blocked inside its
    //    transaction on an order row we lock (a checked-out connection: the one that crashed
    //    the process), placements in flight, the others idle in the pools.
    const { order: placed } = dataOf(await place());
    const staff = await socket(server, { token: staffToken });
    await admin.query("BEGIN");
    await admin.query(`SELECT 1 FROM "order" WHERE id = $1 FOR UPDATE`, [placed.id]);
    const cancelling = send(staff, "order:cancel", { orderId: placed.id, seen: "PLACED" }, 10_000);
    const inFlight = Array.from({ length: 4 }, () => place());
    await eventually(
      async () => {
        const { rows } = await admin.query<{ n: string }>(
          "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = 'ordered' AND wait_event_type = 'Lock'",
        );
        return Number(rows[0]!.n) > 0;
      },
      10_000,
      "a staff command to wait on the order's row lock",
    );
    expect(await terminateAppBackends(admin)).toBeGreaterThan(0);
    await admin.query("ROLLBACK");
    const answers = [await cancelling, ...(await Promise.all(inFlight))];
    for (const a of answers) if (a.error) expect(a.error.code).toBe("UNAVAILABLE");

    // Both processes live and serve on fresh connections.
    expect(server.process.exitCode).toBeNull();
    expect(worker.process.exitCode).toBeNull();
    await eventually(async () => (await place()).data !== undefined, 5_000, "an order to be placed after the backends died");

    // 2. PostgreSQL stops at once (a crash): answers are UNAVAILABLE, nothing dies.
    await db.crash();
    const down = await place();
    expect(down.error?.code).toBe("UNAVAILABLE");
    const rest = await api.request("GET", "/api/sessions", { token: staffToken });
    expect(rest.status).toBe(503);
    expect(server.process.exitCode).toBeNull();
    expect(worker.process.exitCode).toBeNull();

    // 3. Back: the first answers after PostgreSQL accepts connections again are served.
    await db.start();
    await eventually(
      async () => (await api.request("GET", "/api/sessions", { token: staffToken })).status === 200,
      2_000,
      "REST to serve again within 2 s",
    );
    const again = await eventually(
      async () => {
        const a = await place();
        return a.data ?? null;
      },
      2_000,
      "an order to be placed again",
    );
    // The worker processes it: its pool recovered too.
    await eventually(
      async () => (await prisma.order.findUnique({ where: { id: again.order.id } }))?.status === "ACCEPTED",
      15_000,
      "the worker to accept the order placed after the restart",
    );

    expect(server.process.exitCode).toBeNull();
    expect(worker.process.exitCode).toBeNull();
    for (const logs of [server.logs(), worker.logs()]) {
      expect(logs).not.toMatch(/Unhandled 'error' event|unexpected error/);
    }
  }, 90_000);
});
