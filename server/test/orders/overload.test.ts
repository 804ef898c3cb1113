import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "../../src/db/prisma.js";
import { loginAs, openAndJoin, seedLocation, startServer, TEST_DATABASE_URL, testPrisma, type TestServer } from "../support/harness.js";
import { closeAllSockets, connect, dataOf, recorderOf, send } from "../support/sockets.js";

// A server whose database pool has a single connection, so one long transaction starves it.
const tinyPool = createPrisma(TEST_DATABASE_URL, 1);
let server: TestServer;

beforeAll(async () => {
  server = await startServer({}, { prisma: tinyPool });
});
afterAll(async () => {
  closeAllSockets();
  await server.close();
  await tinyPool.$disconnect();
});

describe("overload", () => {
  it("answers a retryable UNAVAILABLE when no database connection frees up in time, and the retry succeeds", async () => {
    const loc = await seedLocation(testPrisma());
    const token = await loginAs(server, loc.owner);
    const { customerToken, session } = await openAndJoin(server, token);
    const phone = await connect(server, { token: customerToken });
    await recorderOf(phone).waitFor("sync:done"); // the catch-up needs a connection too
    const payload = { clientOrderId: randomUUID(), items: [{ productId: loc.products[2]!.id, quantity: 1 }] };

    // Hold the only connection for longer than Prisma waits to start a transaction (2 s).
    const hog = tinyPool.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_sleep(3)`;
    }, { timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 100));
    const busy = await send(phone, "order:place", payload);
    expect(busy.error).toEqual({ code: "UNAVAILABLE", message: "the server is busy; please try again", retryAfter: 1 });
    await hog;

    const retried = dataOf(await send(phone, "order:place", payload));
    expect(retried.order.clientOrderId).toBe(payload.clientOrderId);
    expect(await testPrisma().order.count({ where: { sessionId: session.id } })).toBe(1);
  });
});
