import { randomUUID } from "node:crypto";
import { eventually, openAndJoin, ordersStored, type TestServer } from "../support/harness.js";
import { describe, expect, it } from "../support/kit.js";
import { dataOf, ordersSeen, send } from "../support/sockets.js";

// PostgreSQL is the source of truth: while Redis is away (SIGKILLed here), phones keep
// ordering at normal speed; only live updates wait. The sweeper is set far off, so every
// order placed meanwhile reaches the pipeline through the servers' outbox when Redis returns.

describe("Redis outage", () => {
  it("costs phones nothing but live updates: orders are acknowledged from PostgreSQL within a second, and all processed when Redis is back", async ({
    ownRedis,
    startCluster,
    startWorker,
    reconnectingSocket,
    venue,
    prisma,
  }) => {
    const redis = await ownRedis();
    const [a, b] = (await startCluster(2, { REDIS_URL: redis.url })) as [TestServer, TestServer];
    startWorker(a.config.redisPrefix, { redisUrl: redis.url });
    const token = venue.staffToken;
    const { session, customerToken } = await openAndJoin(a, token);
    const second = await b.api.joinSession(session.joinCode, "Bea");
    const staff = reconnectingSocket(a.url, { token }, session.id);
    const phones = [
      reconnectingSocket(a.url, { token: customerToken }, session.id),
      reconnectingSocket(b.url, { token: second.token }, session.id),
    ];
    const clients = [staff, ...phones];
    await Promise.all(clients.map((c) => c.recorder.waitFor("sync:done")));
    const place = async (i: number) => {
      const started = performance.now();
      const ack = await send(phones[i % 2]!.socket, "order:place", {
        clientOrderId: randomUUID(),
        items: [{ productId: venue.products[2]!.id, quantity: 1 }],
      });
      return { order: dataOf(ack).order, ms: performance.now() - started };
    };
    const before = await place(0);
    await staff.recorder.waitFor("order:updated", (e) => e.data.id === before.order.id && e.data.shipment?.status === "PREPARING");

    await redis.stop();
    const adapters = (s: TestServer) => (s.app.io.of("/").adapter as unknown as { subClient: { status: string } }).subClient;
    await expect.poll(() => [a, b].map((s) => adapters(s).status !== "ready")).toEqual([true, true]);

    const during = [];
    for (let i = 0; i < 10; i++) during.push(await place(i));
    for (const { ms } of during) expect(ms).toBeLessThan(1000);
    expect(await prisma.order.count({ where: { sessionId: session.id } })).toBe(11);
    // The jobs wait in the servers' outboxes; health says Redis is down, at once.
    expect(a.app.deps.producer.pending + b.app.deps.producer.pending).toBe(10);
    const health = await a.api.request("GET", "/api/health");
    expect([health.status, health.body]).toEqual([503, { status: "degraded", postgres: "up", redis: "down" }]);
    // The rest of the service needs PostgreSQL alone too, and answers at once.
    const timed = async <T>(work: () => Promise<T>) => {
      const started = performance.now();
      const result = await work();
      expect(performance.now() - started).toBeLessThan(1000);
      return result;
    };
    await timed(() => b.api.login(venue.owner));
    const table = await timed(() => b.api.openSession(token, "Opened during the outage"));
    await timed(() => a.api.joinSession(table.session.joinCode, "Cleo"));
    await timed(() => b.api.closeSession(token, table.session.id));

    await redis.start(); // empty: no persistence
    const ids = [before, ...during].map((p) => p.order.id);
    await eventually(
      async () => {
        const orders = await prisma.order.findMany({ where: { id: { in: ids } }, include: { shipment: true } });
        return orders.every((o) => o.status === "ACCEPTED" && o.shipment?.status === "PREPARING");
      },
      30_000,
      "every order accepted and shipped",
    );
    expect(a.app.deps.producer.pending + b.app.deps.producer.pending).toBe(0);
    expect((await a.api.request("GET", "/api/health")).status).toBe(200);

    // Every client catches up (reconnect and replay) to exactly what PostgreSQL holds.
    const truth = await ordersStored(prisma, session.id);
    for (const client of clients) {
      await expect.poll(() => ordersSeen(client.recorder, session.id), { timeout: 20_000 }).toEqual(truth);
    }
  }, 60_000);
});
