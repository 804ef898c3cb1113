import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../src/db/prisma.js";
import { processOrder } from "../../src/orders/process-order.js";
import { eventually, openAndJoin, type TestServer } from "../support/harness.js";
import { describe, expect, it, type Venue } from "../support/kit.js";
import { type ClientSocket, dataOf, placeOne, recorderOf, send } from "../support/sockets.js";

// Each test builds its own instances (own Redis prefix, sometimes own Redis) with the kit's
// factories, which also take them down after the test.

const orderOf = (prisma: PrismaClient, id: string) => prisma.order.findUniqueOrThrow({ where: { id }, include: { shipment: true } });

function stockedProduct(server: TestServer, venue: Venue, stock: number) {
  const categoryId = venue.categories[0]!.id;
  return server.api.createProduct(venue.staffToken, { name: `Item ${randomUUID().slice(0, 6)}`, categoryId, priceCents: 100, stock });
}

function recorderWait(socket: ClientSocket, orderId: string, status: string) {
  return recorderOf(socket).waitFor(
    "order:updated",
    (e) => e.data.id === orderId && (e.data.status === status || e.data.shipment?.status === status),
    20_000,
  );
}

describe("nothing lost when parts die", () => {
  it("finishes an order whose worker was killed with SIGKILL mid-job", async ({
    startCluster,
    startWorker,
    spawnWorker,
    pgClient,
    socket,
    venue,
    prisma,
  }) => {
    const [a] = (await startCluster(1)) as [TestServer];
    const prefix = a.config.redisPrefix;
    const token = venue.staffToken;
    const product = await stockedProduct(a, venue, 5);
    const doomed = await spawnWorker({
      REDIS_PREFIX: prefix,
      WORKER_LOCK_MS: "2000",
      WORKER_STALLED_CHECK_MS: "1000",
      SWEEP_AFTER_MS: "600000",
    });

    // Hold the product row so the worker's job blocks inside its transaction.
    const blocker = await pgClient();
    await blocker.query("BEGIN");
    await blocker.query("SELECT 1 FROM product WHERE id = $1 FOR NO KEY UPDATE", [product.id]);

    const { customerToken } = await openAndJoin(a, token);
    const phone = await socket(a, { token: customerToken });
    const order = await placeOne(phone, product.id, 2);
    const { producer } = a.app.deps;
    await eventually(async () => (await producer.counts("processing")).active === 1, 10_000, "the job to be active in the doomed worker");

    await doomed.kill();
    startWorker(prefix); // the rescuer
    await blocker.query("COMMIT");

    await eventually(async () => (await orderOf(prisma, order.id)).shipment, 20_000, "the order to be taken over and shipped");
    // Read again: Prisma reads the order and its shipment in two queries, so the read that
    // first saw the shipment may have seen the order before that same commit.
    const done = await orderOf(prisma, order.id);
    expect(done.status).toBe("ACCEPTED");
    expect((await prisma.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(3);
    const updates = await prisma.sessionEvent.findMany({ where: { sessionId: done.sessionId, type: "order.updated" } });
    expect(updates).toHaveLength(1); // accepted and preparing, once
    await recorderWait(phone, order.id, "PREPARING");
  });

  it("keeps a job that runs past the lock duration with its live worker: it runs once", async ({
    startCluster,
    startWorker,
    socket,
    venue,
    prisma,
  }) => {
    const [a] = (await startCluster(1)) as [TestServer];
    const { session, customerToken } = await openAndJoin(a, venue.staffToken);
    const phone = await socket(a, { token: customerToken });
    const order = await placeOne(phone, venue.products[2]!.id);
    const runs: number[] = [];
    const slow = {
      async beforeStage(stage: string, orderId: string, attempt: number) {
        if (stage !== "processing" || orderId !== order.id) return;
        runs.push(attempt);
        await new Promise((r) => setTimeout(r, 5000)); // 2.5 lock durations (the kit's WORKER_LOCK_MS is 2000)
      },
    };
    // Two workers checking for stalled jobs every second: neither takes the other's live job.
    startWorker(a.config.redisPrefix, { hooks: slow });
    startWorker(a.config.redisPrefix, { hooks: slow });

    await recorderWait(phone, order.id, "PREPARING");
    expect(runs).toEqual([1]);
    expect(await prisma.sessionEvent.count({ where: { sessionId: session.id, type: "order.updated" } })).toBe(1);
  });

  it("loses nothing when Redis restarts: queued work, live events and new orders all arrive", async ({
    ownRedis,
    startCluster,
    startWorker,
    reconnectingSocket,
    venue,
    prisma,
  }) => {
    const redis = await ownRedis();
    const [a, b] = (await startCluster(2, { REDIS_URL: redis.url })) as [TestServer, TestServer];
    startWorker(a.config.redisPrefix, { redisUrl: redis.url, env: { SWEEP_AFTER_MS: "1500" } });
    const token = venue.staffToken;
    const { session, customerToken } = await openAndJoin(a, token);

    const staff = reconnectingSocket(a.url, { token }, session.id);
    const phone = reconnectingSocket(b.url, { token: customerToken }, session.id);
    await Promise.all([staff.recorder.waitFor("sync:done"), phone.recorder.waitFor("sync:done")]);
    // The phone gets its own orders' order:placed events in their acks, not as broadcasts.
    const acked: number[] = [];
    const place = async () => {
      const { order, placed } = dataOf(
        await send(phone.socket, "order:place", {
          clientOrderId: randomUUID(),
          items: [{ productId: venue.products[2]!.id, quantity: 1 }],
        }),
      );
      if (placed) acked.push(placed.seq);
      return order;
    };

    const before = await place();
    await phone.recorder.waitFor("order:updated", (e) => e.data.id === before.id && e.data.shipment?.status === "PREPARING");

    await redis.stop();
    // Redis is down: the order is still committed and acknowledged.
    const during = await place();
    expect((await orderOf(prisma, during.id)).status).toBe("PLACED");
    // Both instances have noticed the outage (their adapters' subscriber lost Redis), so
    // when it is back they know broadcasts were lost and make their clients catch up.
    const subscriber = (s: TestServer) => (s.app.io.of("/").adapter as unknown as { subClient: { status: string } }).subClient;
    await expect.poll(() => [a, b].map((s) => subscriber(s).status !== "ready")).toEqual([true, true]);
    await redis.start(); // empty: no persistence, every queued job is gone
    for (const r of [phone.recorder, staff.recorder]) {
      await r.waitFor("order:updated", (e) => e.data.id === during.id && e.data.shipment?.status === "PREPARING", 30_000);
    }
    const after = await place();
    await phone.recorder.waitFor("order:updated", (e) => e.data.id === after.id && e.data.shipment?.status === "PREPARING", 20_000);
    expect(await prisma.order.count({ where: { sessionId: session.id } })).toBe(3);
    // Every client saw a gap-free log, whatever it took to get there.
    for (const [r, fromAcks] of [
      [phone.recorder, acked],
      [staff.recorder, []],
    ] as const) {
      const seqs = [
        ...new Set([
          ...r
            .sessionEvents()
            .filter(([, s]) => s === session.id)
            .map(([, , seq]) => seq),
          ...fromAcks,
        ]),
      ].sort((x, y) => x - y);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => seqs[0]! + i));
    }
  }, 60_000);

  it("stops a worker and a server while Redis is away: nothing waits for it to come back", async ({
    ownRedis,
    startCluster,
    startWorker,
    socket,
    venue,
  }) => {
    const redis = await ownRedis();
    const [a] = (await startCluster(1, { REDIS_URL: redis.url })) as [TestServer];
    const worker = startWorker(a.config.redisPrefix, { redisUrl: redis.url });
    const { customerToken } = await openAndJoin(a, venue.staffToken);
    const phone = await socket(a, { token: customerToken });
    const order = await placeOne(phone, venue.products[2]!.id);
    await recorderWait(phone, order.id, "PREPARING"); // the worker is reading its stream

    await redis.stop();
    phone.disconnect();
    // As on SIGTERM during an outage: the worker's blocked read was being retried; before the
    // fix its close waited for Redis (the test's 15 s run out).
    await worker.close();
    await a.close();
  }, 15_000);

  it("ships an order that was accepted without its shipment: the sweeper re-drives it", async ({
    startCluster,
    startWorker,
    socket,
    venue,
    prisma,
  }) => {
    const [a] = (await startCluster(1)) as [TestServer];
    const { session, customerToken } = await openAndJoin(a, venue.staffToken);
    const phone = await socket(a, { token: customerToken });
    const order = await placeOne(phone, venue.products[2]!.id);
    // Accepted with no shipment, a while ago (as by a version that shipped in a job of its
    // own, and died in between), before any worker took the processing job.
    const longAgo = new Date(Date.now() - 60_000);
    await prisma.order.update({ where: { id: order.id }, data: { status: "ACCEPTED", acceptedAt: longAgo, processedAt: longAgo } });
    startWorker(a.config.redisPrefix, { env: { SWEEP_AFTER_MS: "1000", SWEEP_INTERVAL_MS: "200" } });

    const shipped = await recorderWait(phone, order.id, "PREPARING");
    expect(shipped.data).toMatchObject({ status: "ACCEPTED", shipment: { status: "PREPARING" } });
    expect(shipped.data.tickets).toHaveLength(1);
    // The processing job found it accepted and changed nothing; the shipping stage logged it once.
    const updates = await prisma.sessionEvent.findMany({ where: { sessionId: session.id, type: "order.updated" } });
    expect(updates).toHaveLength(1);
  });

  it("publishes a change that a dying worker committed but never published, when its job runs again", async ({
    startCluster,
    startWorker,
    socket,
    venue,
    prisma,
  }) => {
    const [a] = (await startCluster(1)) as [TestServer];
    const { session, customerToken } = await openAndJoin(a, venue.staffToken);
    const phone = await socket(a, { token: customerToken });
    // Placed before any worker runs, so the hook knows which order to pick out.
    const order = await placeOne(phone, venue.products[2]!.id);
    startWorker(a.config.redisPrefix, {
      hooks: {
        async beforeStage(stage, orderId, attempt) {
          if (stage !== "processing" || orderId !== order.id || attempt !== 1) return;
          // What a worker killed here leaves behind: the transition committed (a statement
          // waiting on a lock commits once it gets it, client gone or not), nothing published.
          await processOrder(prisma, orderId);
          throw new Error("died before publishing");
        },
      },
    });

    // The retry finds the order accepted, changes nothing, and publishes the logged update.
    const seen = await recorderWait(phone, order.id, "PREPARING");
    expect(seen.data).toMatchObject({ status: "ACCEPTED", shipment: { status: "PREPARING" } });
    const logged = await prisma.sessionEvent.findMany({ where: { sessionId: session.id, type: "order.updated" } });
    expect(logged.map((e) => e.seq)).toEqual([seen.seq]);
  });

  it("dead-letters work that fails for good, and the order shows why", async ({ startCluster, startWorker, socket, venue, prisma }) => {
    const [a] = (await startCluster(1)) as [TestServer];
    const token = venue.staffToken;
    const { customerToken } = await openAndJoin(a, token);
    const phone = await socket(a, { token: customerToken });
    const order = await placeOne(phone, venue.products[0]!.id);
    const attempts: number[] = [];
    startWorker(a.config.redisPrefix, {
      hooks: {
        async beforeStage(stage, orderId, attempt) {
          if (stage === "processing" && orderId === order.id) {
            attempts.push(attempt);
            throw new Error("kitchen printer on fire");
          }
        },
      },
    });

    const failed = await recorderWait(phone, order.id, "FAILED");
    expect(failed.data.statusReason).toBe("could not be processed: kitchen printer on fire");
    expect(attempts).toEqual([1, 2, 3]);
    const res = await a.api.request("GET", `/api/orders/${order.id}`, { token });
    expect(res.body.order).toMatchObject({ status: "FAILED", statusReason: "could not be processed: kitchen printer on fire" });
    const dead = await a.app.deps.producer.deadLetters("processing");
    expect(dead).toContainEqual({ orderId: order.id, attempts: 3, reason: "kitchen printer on fire" });
    expect(await a.app.deps.producer.counts("processing")).toEqual({ waiting: 0, active: 0, failed: 1 });
    expect((await prisma.product.findUniqueOrThrow({ where: { id: venue.products[0]!.id } })).stock).toBe(2);
  });
});
