import { randomUUID } from "node:crypto";
import { openAndJoin } from "../support/harness.js";
import { describe, expect, it } from "../support/kit.js";
import { dataOf, recorderOf, send } from "../support/sockets.js";

describe("overload", () => {
  it("answers a retryable UNAVAILABLE when no database connection frees up in time, and the retry succeeds", async ({
    startServer,
    prismaClient,
    venue,
    socket,
    prisma,
  }) => {
    // A server whose database pool has a single connection, so one long transaction starves it.
    const tinyPool = prismaClient(1);
    const server = await startServer({}, { prisma: tinyPool });
    const { customerToken, session } = await openAndJoin(server, venue.staffToken);
    const phone = await socket(server, { token: customerToken });
    await recorderOf(phone).waitFor("sync:done"); // the catch-up needs a connection too
    const payload = { clientOrderId: randomUUID(), items: [{ productId: venue.products[2]!.id, quantity: 1 }] };

    // Hold the only connection for longer than Prisma waits to start a transaction (2 s).
    // pg_sleep is the load here, not a wait of the test's: it keeps the connection busy.
    const marker = `overload-hog-${randomUUID()}`;
    const hog = tinyPool.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(`SELECT pg_sleep(3) /* ${marker} */`);
      },
      { timeout: 10_000 },
    );
    // Wait until the hog really holds the connection: its statement is running.
    await expect
      .poll(
        async () => {
          const rows = await prisma.$queryRaw<{ n: bigint }[]>`
          SELECT count(*) AS n FROM pg_stat_activity
          WHERE state = 'active' AND pid <> pg_backend_pid() AND query LIKE ${`%${marker}%`}`;
          return Number(rows[0]!.n);
        },
        { timeout: 5000, interval: 20 },
      )
      .toBe(1);
    const busy = await send(phone, "order:place", payload);
    expect(busy.error).toEqual({ code: "UNAVAILABLE", message: "the server is busy; please try again", retryAfter: 1 });
    await hog;

    const retried = dataOf(await send(phone, "order:place", payload));
    expect(retried.order.clientOrderId).toBe(payload.clientOrderId);
    expect(await prisma.order.count({ where: { sessionId: session.id } })).toBe(1);
  });
});
