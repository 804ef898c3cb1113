import { randomUUID } from "node:crypto";
import { eventually, openAndJoin, ordersStored, type TestServer } from "../support/harness.js";
import { describe, expect, it } from "../support/kit.js";
import { dataOf, ordersSeen, send } from "../support/sockets.js";

// Ordered on a Redis Cluster of the test's own (3 masters, each with a replica): the rooms go
// through the sharded adapter, the pipeline through hash-tagged stream keys, the rate limits and
// the worker's broadcasts through the cluster, two instances and a worker sharing it all.

const adapterOf = (s: TestServer) => s.app.io.of("/").adapter.constructor.name;

describe("Redis Cluster", () => {
  it("runs the whole journey on two instances and a worker: rooms, queues, broadcasts and rate limits", async ({
    redisCluster,
    startCluster,
    startWorker,
    reconnectingSocket,
    venue,
  }) => {
    const cluster = await redisCluster();
    const env = { REDIS_CLUSTER_NODES: cluster.nodes, LOGIN_RATE_PER_MINUTE: "3" };
    const [a, b] = (await startCluster(2, env)) as [TestServer, TestServer];
    startWorker(a.config.redisPrefix, { env });
    expect([adapterOf(a), adapterOf(b)]).toEqual(["ShardedRedisAdapter", "ShardedRedisAdapter"]);
    expect((await a.api.request("GET", "/api/health")).body).toMatchObject({ redis: "up" });

    const token = venue.staffToken;
    const { session, customerToken } = await openAndJoin(a, token);
    const second = await b.api.joinSession(session.joinCode, "Bea");
    const staff = reconnectingSocket(a.url, { token }, session.id);
    const phoneA = reconnectingSocket(a.url, { token: customerToken }, session.id);
    const phoneB = reconnectingSocket(b.url, { token: second.token }, session.id);
    const clients = [staff, phoneA, phoneB];
    await Promise.all(clients.map((c) => c.recorder.waitFor("sync:done")));
    // Staff looking at the session are in its room and in the location's: each event still comes once.
    dataOf(await send(staff.socket, "session:focus", { sessionId: session.id, afterSeq: 0 }));

    // A phone on B orders; staff on A see it placed, and everyone sees the worker's steps.
    const ack = await send(phoneB.socket, "order:place", {
      clientOrderId: randomUUID(),
      items: [{ productId: venue.products[1]!.id, quantity: 2 }],
    });
    const order = dataOf(ack).order;
    await staff.recorder.waitFor("order:placed", (e) => e.data.id === order.id);
    for (const client of clients) {
      await client.recorder.waitFor("order:updated", (e) => e.data.id === order.id && e.data.shipment?.status === "PREPARING");
    }
    const placedOnStaff = staff.recorder.events.filter((e) => e.name === "order:placed" && e.arg.data.id === order.id);
    expect(placedOnStaff).toHaveLength(1);
    const updatesOnStaff = staff.recorder.events.filter((e) => e.name === "order:updated" && e.arg.data.id === order.id);
    expect(new Set(updatesOnStaff.map((e) => e.arg.seq)).size).toBe(updatesOnStaff.length);

    // A product change on B reaches staff and phones on A.
    const lemonade = venue.products[2]!;
    await b.api.request("PUT", `/api/products/${lemonade.id}/availability`, { token, body: { available: false } });
    await phoneA.recorder.waitFor("product:updated", (p) => p.id === lemonade.id && p.available === false);
    await staff.recorder.waitFor("product:updated", (p) => p.id === lemonade.id && p.available === false);

    // The login budget is one, kept in the cluster: three failures on A and B, then both refuse.
    const wrong = { email: venue.owner.email, password: "not the password" };
    const statuses = [];
    for (const server of [a, b, a, b]) statuses.push((await server.api.request("POST", "/api/auth/login", { body: wrong })).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect((await a.api.request("POST", "/api/auth/login", { body: wrong })).status).toBe(429);
  }, 60_000);

  it("loses nothing when a master dies: its replica takes over, orders placed meanwhile are all processed, clients resync", async ({
    redisCluster,
    startCluster,
    startWorker,
    reconnectingSocket,
    venue,
    prisma,
  }) => {
    const cluster = await redisCluster();
    const env = { REDIS_CLUSTER_NODES: cluster.nodes };
    const [a, b] = (await startCluster(2, env)) as [TestServer, TestServer];
    // A job added just before its master died may not have reached the replica: the sweeper
    // (PostgreSQL is the truth) queues such an order again once it has waited this long.
    startWorker(a.config.redisPrefix, { env: { ...env, SWEEP_AFTER_MS: "3000" } });
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
    // As a phone does: an order whose ack did not come (its connection dropped) is sent again, the same order.
    const place = async (i: number) => {
      const order = { clientOrderId: randomUUID(), items: [{ productId: venue.products[2]!.id, quantity: 1 }] };
      for (let attempt = 1; ; attempt++) {
        try {
          return dataOf(await send(phones[i % 2]!.socket, "order:place", order, 5000)).order;
        } catch (err) {
          if (attempt === 5) throw err;
          await new Promise((r) => setTimeout(r, 300)); // the phone's pause before sending it again
        }
      }
    };
    const before = await place(0);
    await staff.recorder.waitFor("order:updated", (e) => e.data.id === before.id && e.data.shipment?.status === "PREPARING");

    // The master holding the queues' keys dies (the one the pipeline's hash tag maps to).
    const victim = await cluster.masterOf(`{${a.config.redisPrefix}}`);
    await cluster.kill(victim);
    const during = [];
    for (let i = 0; i < 8; i++) {
      during.push(await place(i)); // acknowledged from PostgreSQL, whatever Redis is doing
      await new Promise((r) => setTimeout(r, 250)); // orders spread over the ~2 s the failover takes
    }
    await cluster.healthy();
    expect(await cluster.masterOf(`{${a.config.redisPrefix}}`)).not.toBe(victim);
    const after = await place(1);

    const ids = [before, ...during, after].map((o) => o.id);
    await eventually(
      async () => {
        const orders = await prisma.order.findMany({ where: { id: { in: ids } }, include: { shipment: true } });
        return orders.length === ids.length && orders.every((o) => o.status === "ACCEPTED" && o.shipment?.status === "PREPARING");
      },
      30_000,
      "every order accepted and shipped",
    );
    // Each placed once.
    expect(await prisma.order.count({ where: { sessionId: session.id } })).toBe(ids.length);

    // Every client ends with exactly what PostgreSQL holds (live, or by reconnecting and replaying).
    const truth = await ordersStored(prisma, session.id);
    for (const client of clients) {
      await expect.poll(() => ordersSeen(client.recorder, session.id), { timeout: 20_000 }).toEqual(truth);
    }
  }, 90_000);
});
