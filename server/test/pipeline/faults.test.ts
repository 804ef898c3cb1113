import { randomUUID } from "node:crypto";
import pg from "pg";
import { io as connectClient } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import {
  api,
  eventually,
  loginAs,
  openAndJoin,
  seedLocation,
  startCluster,
  startWorker,
  TEST_DATABASE_URL,
  testPrisma,
  type TestServer,
} from "../support/harness.js";
import { spawnWorker, startOwnRedis } from "../support/process.js";
import { closeAllSockets, connect, dataOf, Recorder, recorderOf, send, type ClientSocket } from "../support/sockets.js";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  closeAllSockets();
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => {});
});

const orderOf = (id: string) => testPrisma().order.findUniqueOrThrow({ where: { id }, include: { shipment: true } });

async function stockedProduct(server: TestServer, token: string, stock: number) {
  const res = await api(server, "POST", "/api/products", { token, body: { name: `Item ${randomUUID().slice(0, 6)}`, category: "Test", priceCents: 100, stock } });
  return res.body.product as { id: string; name: string };
}

describe("nothing lost when parts die", () => {
  it("finishes an order whose worker was killed with SIGKILL mid-job", async () => {
    const [a] = (await startCluster(1)) as [TestServer];
    cleanups.push(() => a.close());
    const prefix = a.config.redisPrefix;
    const loc = await seedLocation(testPrisma());
    const token = await loginAs(a, loc.owner);
    const product = await stockedProduct(a, token, 5);
    const doomed = await spawnWorker({ REDIS_PREFIX: prefix, WORKER_LOCK_MS: "2000", WORKER_STALLED_CHECK_MS: "1000", SWEEP_AFTER_MS: "600000" });
    cleanups.push(() => doomed.kill());

    // Hold the product row so the worker's job blocks inside its transaction.
    const blocker = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await blocker.connect();
    cleanups.push(() => blocker.end());
    await blocker.query("BEGIN");
    await blocker.query("SELECT 1 FROM product WHERE id = $1 FOR NO KEY UPDATE", [product.id]);

    const { customerToken } = await openAndJoin(a, token);
    const phone = await connect(a, { token: customerToken });
    const { order } = dataOf(await send(phone, "order:place", { clientOrderId: randomUUID(), items: [{ productId: product.id, quantity: 2 }] }));
    const queue = a.app.deps.producer.queues.processing;
    await eventually(async () => (await queue.getActiveCount()) === 1, 10_000, "the job to be active in the doomed worker");

    await doomed.kill();
    const rescuer = await startWorker(prefix);
    cleanups.push(() => rescuer.close());
    await blocker.query("COMMIT");

    const done = await eventually(async () => {
      const o = await orderOf(order.id);
      return o.shipment ? o : null;
    }, 20_000, "the order to be taken over and shipped");
    expect(done.status).toBe("ACCEPTED");
    expect((await testPrisma().product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(3);
    const updates = await testPrisma().sessionEvent.findMany({ where: { sessionId: done.sessionId, type: "order.updated" } });
    expect(updates).toHaveLength(2); // accepted, then shipment preparing: once each
    await recorderWait(phone, order.id, "PREPARING");
  });

  it("loses nothing when Redis restarts: queued work, live events and new orders all arrive", async () => {
    const redis = await startOwnRedis();
    cleanups.push(() => redis.stop());
    const [a, b] = (await startCluster(2, { REDIS_URL: redis.url })) as [TestServer, TestServer];
    cleanups.push(() => a.close(), () => b.close());
    const worker = await startWorker(a.config.redisPrefix, { redisUrl: redis.url, env: { SWEEP_AFTER_MS: "1500" } });
    cleanups.push(() => worker.close());
    const loc = await seedLocation(testPrisma());
    const token = await loginAs(a, loc.owner);
    const { session, customerToken } = await openAndJoin(a, token);

    const staff = reconnectingSocket(a.url, { token }, session.id);
    const phone = reconnectingSocket(b.url, { token: customerToken }, session.id);
    await Promise.all([staff.recorder.waitFor("sync:done"), phone.recorder.waitFor("sync:done")]);
    const place = async () =>
      dataOf(await send(phone.socket, "order:place", { clientOrderId: randomUUID(), items: [{ productId: loc.products[2]!.id, quantity: 1 }] })).order;

    const before = await place();
    await phone.recorder.waitFor("order:updated", (e) => e.data.id === before.id && e.data.shipment?.status === "PREPARING");

    await redis.stop();
    // Redis is down: the order is still committed and acknowledged.
    const during = await place();
    expect((await orderOf(during.id)).status).toBe("PLACED");
    await new Promise((r) => setTimeout(r, 500));
    await redis.start(); // empty: no persistence, every queued job is gone
    for (const r of [phone.recorder, staff.recorder]) {
      await r.waitFor("order:updated", (e) => e.data.id === during.id && e.data.shipment?.status === "PREPARING", 30_000);
    }
    const after = await place();
    await phone.recorder.waitFor("order:updated", (e) => e.data.id === after.id && e.data.shipment?.status === "PREPARING", 20_000);
    expect(await testPrisma().order.count({ where: { sessionId: session.id } })).toBe(3);
    // Every client saw a gap-free log, whatever it took to get there.
    for (const r of [phone.recorder, staff.recorder]) {
      const seqs = [...new Set(r.sessionEvents().filter(([, s]) => s === session.id).map(([, , seq]) => seq))].sort((x, y) => x - y);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => seqs[0]! + i));
    }
  }, 60_000);

  it("dead-letters work that fails for good, and the order shows why", async () => {
    const [a] = (await startCluster(1)) as [TestServer];
    cleanups.push(() => a.close());
    const loc = await seedLocation(testPrisma());
    const token = await loginAs(a, loc.owner);
    const { customerToken } = await openAndJoin(a, token);
    const phone = await connect(a, { token: customerToken });
    const doomedIds = new Set<string>();
    const attempts: number[] = [];
    const worker = await startWorker(a.config.redisPrefix, {
      hooks: {
        async beforeStage(stage, orderId, attempt) {
          if (stage === "processing" && doomedIds.has(orderId)) {
            attempts.push(attempt);
            throw new Error("kitchen printer on fire");
          }
        },
      },
    });
    cleanups.push(() => worker.close());
    const clientOrderId = randomUUID();
    // The hook must know the order id before the worker sees the job: pause, place, then resume.
    const queue = a.app.deps.producer.queues.processing;
    await queue.pause();
    const { order } = dataOf(await send(phone, "order:place", { clientOrderId, items: [{ productId: loc.products[0]!.id, quantity: 1 }] }));
    doomedIds.add(order.id);
    await queue.resume();

    const failed = await recorderWait(phone, order.id, "FAILED");
    expect(failed.data.statusReason).toBe("could not be processed: kitchen printer on fire");
    expect(attempts).toEqual([1, 2, 3]);
    const res = await api(a, "GET", `/api/orders/${order.id}`, { token });
    expect(res.body.order).toMatchObject({ status: "FAILED", statusReason: "could not be processed: kitchen printer on fire" });
    const dead = await queue.getFailed();
    expect(dead.map((j) => j.data.orderId)).toContain(order.id);
    expect((await testPrisma().product.findUniqueOrThrow({ where: { id: loc.products[0]!.id } })).stock).toBe(2);
  });
});

function recorderWait(socket: ClientSocket, orderId: string, status: string) {
  return recorderOf(socket).waitFor("order:updated", (e) => e.data.id === orderId && (e.data.status === status || e.data.shipment?.status === status), 20_000);
}

/** A client that reconnects by itself and sends the cursor it has reached, like the web app. */
function reconnectingSocket(url: string, auth: { token: string }, sessionId: string) {
  let lastSeq = 0;
  const socket: ClientSocket = connectClient(url, {
    transports: ["websocket"],
    forceNew: true,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    auth: (cb) => cb({ ...auth, lastSeq, cursors: { [sessionId]: lastSeq } }),
  });
  const recorder = new Recorder(socket);
  socket.onAny((_name, arg: { sessionId?: string; seq?: number }) => {
    if (arg?.sessionId === sessionId && typeof arg.seq === "number" && arg.seq === lastSeq + 1) lastSeq = arg.seq;
  });
  cleanups.push(async () => socket.close());
  return { socket, recorder };
}
