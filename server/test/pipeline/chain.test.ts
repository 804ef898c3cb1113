import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { advanceOrder as advanceShipment } from "../../src/orders/advance-order.js";
import { processOrder } from "../../src/orders/process-order.js";
import { shipOrder } from "../../src/orders/ship-order.js";
import {
  api,
  eventually,
  loginAs,
  openAndJoin,
  seedLocation,
  startCluster,
  startWorker,
  testPrisma,
  type SeededLocation,
  type TestServer,
} from "../support/harness.js";
import { closeAllSockets, connect, dataOf, recorderOf, send } from "../support/sockets.js";

let a: TestServer;
let b: TestServer;
let worker: Awaited<ReturnType<typeof startWorker>>;
let loc: SeededLocation;
let staffToken: string;

beforeAll(async () => {
  [a, b] = (await startCluster(2)) as [TestServer, TestServer];
  worker = await startWorker(a.config.redisPrefix);
  loc = await seedLocation(testPrisma());
  staffToken = await loginAs(a, loc.owner);
});
afterEach(closeAllSockets);
afterAll(async () => {
  await worker.close();
  await a.close();
  await b.close();
});

const orderStatus = (id: string) => testPrisma().order.findUniqueOrThrow({ where: { id }, include: { shipment: true } });

describe("the pipeline, phone to panel and back", () => {
  it("takes an order from placed to delivered, every status seen live by phone and panel", async () => {
    const staff = await connect(a, { token: staffToken });
    const panel = recorderOf(staff);
    await panel.waitFor("sync:done");
    const { session, customerToken } = await openAndJoin(b, staffToken);
    const phoneSocket = await connect(b, { token: customerToken });
    const phone = recorderOf(phoneSocket);
    await phone.waitFor("sync:done");

    const diavola = loc.products[1]!;
    const { order } = dataOf(
      await send(phoneSocket, "order:place", { clientOrderId: randomUUID(), items: [{ productId: diavola.id, quantity: 2 }] }),
    );
    const updates = (r: typeof phone) => r.named("order:updated").filter((e) => e.data.id === order.id);
    const state = (e: any) => `${e.data.status}/${e.data.shipment?.status ?? "-"}`;

    for (const r of [phone, panel]) {
      await r.waitFor("order:updated", (e) => e.data.id === order.id && e.data.shipment?.status === "PREPARING");
    }
    expect(updates(phone).map(state)).toEqual(["ACCEPTED/-", "ACCEPTED/PREPARING"]);
    expect(updates(phone)[0].data.totalCents).toBe(2 * 1250);

    // Staff on instance A report progress over the socket, then over REST.
    dataOf(await send(staff, "order:advance", { orderId: order.id, to: "READY" }));
    const delivered = await api(a, "POST", `/api/orders/${order.id}/advance`, { token: staffToken, body: { to: "DELIVERED" } });
    expect(delivered.status).toBe(200);
    expect(delivered.body.order).toMatchObject({ status: "DELIVERED", shipment: { status: "DELIVERED" } });

    for (const r of [phone, panel]) {
      await r.waitFor("order:updated", (e) => e.data.id === order.id && e.data.status === "DELIVERED");
      expect(updates(r).map(state)).toEqual(["ACCEPTED/-", "ACCEPTED/PREPARING", "ACCEPTED/READY", "DELIVERED/DELIVERED"]);
      // Gap-free numbers: placed is 2, then 3, 4, 5, 6.
      expect(updates(r).map((e) => e.seq)).toEqual([3, 4, 5, 6]);
    }
    const stored = await orderStatus(order.id);
    expect(stored.finishedAt).not.toBeNull();
    expect(stored.shipment?.deliveredAt).not.toBeNull();
    const events = await testPrisma().sessionEvent.findMany({ where: { sessionId: session.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("refuses skipped, backward and foreign transitions", async () => {
    const { customerToken } = await openAndJoin(b, staffToken);
    const phone = await connect(b, { token: customerToken });
    const { order } = dataOf(await send(phone, "order:place", { clientOrderId: randomUUID(), items: [{ productId: loc.products[2]!.id, quantity: 1 }] }));
    await eventually(async () => (await orderStatus(order.id)).shipment, 15_000, "shipment");
    const staff = await connect(a, { token: staffToken });
    expect((await send(staff, "order:advance", { orderId: order.id, to: "DELIVERED" })).error).toEqual({
      code: "CONFLICT",
      message: "cannot go from preparing to delivered",
    });
    dataOf(await send(staff, "order:advance", { orderId: order.id, to: "READY" }));
    // Asking for READY again changes nothing.
    expect(dataOf(await send(staff, "order:advance", { orderId: order.id, to: "READY" })).order.shipment?.status).toBe("READY");
    const other = await seedLocation(testPrisma());
    const stranger = await connect(a, { token: await loginAs(a, other.owner) });
    expect((await send(stranger, "order:advance", { orderId: order.id, to: "DELIVERED" })).error?.code).toBe("NOT_FOUND");
    expect((await send(staff, "order:advance", { orderId: order.id, to: "PREPARING" } as never)).error?.code).toBe("VALIDATION_FAILED");
    expect((await send(phone, "order:cancel", { orderId: order.id })).error?.code).toBe("FORBIDDEN");
    dataOf(await send(staff, "order:advance", { orderId: order.id, to: "DELIVERED" }));
    const late = await api(a, "POST", `/api/orders/${order.id}/cancel`, { token: staffToken, body: {} });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toBe("a delivered order cannot be cancelled");
  });

  it("gives stock back when staff cancel an accepted order", async () => {
    const product = (await api(a, "POST", "/api/products", { token: staffToken, body: { name: "Focaccia", category: "Bread", priceCents: 500, stock: 5 } })).body.product;
    const { customerToken } = await openAndJoin(b, staffToken);
    const phone = await connect(b, { token: customerToken });
    const { order } = dataOf(await send(phone, "order:place", { clientOrderId: randomUUID(), items: [{ productId: product.id, quantity: 3 }] }));
    await eventually(async () => (await orderStatus(order.id)).status === "ACCEPTED", 15_000, "accepted");
    expect((await testPrisma().product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(2);
    const res = await api(a, "POST", `/api/orders/${order.id}/cancel`, { token: staffToken, body: { reason: "Oven broke" } });
    expect(res.body.order).toMatchObject({ status: "CANCELLED", statusReason: "Oven broke" });
    expect((await testPrisma().product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(5);
    await recorderOf(phone).waitFor("order:updated", (e) => e.data.id === order.id && e.data.status === "CANCELLED");
    // Cancelling again changes nothing, and gives nothing back twice.
    await api(a, "POST", `/api/orders/${order.id}/cancel`, { token: staffToken, body: {} });
    expect((await testPrisma().product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(5);
  });
});

describe("idempotent stages", () => {
  it("running the same stage twice changes nothing the second time", async () => {
    const product = (await api(a, "POST", "/api/products", { token: staffToken, body: { name: "Grissini", category: "Bread", priceCents: 300, stock: 10 } })).body.product;
    const { customerToken } = await openAndJoin(a, staffToken);
    const phone = await connect(a, { token: customerToken });
    const { order } = dataOf(await send(phone, "order:place", { clientOrderId: randomUUID(), items: [{ productId: product.id, quantity: 4 }] }));
    // The worker may have processed it already; either way, the next runs are no-ops.
    await eventually(async () => (await orderStatus(order.id)).shipment, 15_000, "shipment");
    const again = await processOrder(testPrisma(), order.id);
    const shipAgain = await shipOrder(testPrisma(), order.id);
    expect(again?.event).toBeNull();
    expect(shipAgain?.event).toBeNull();
    expect((await testPrisma().product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(6);
    await advanceShipment(testPrisma(), loc.locationId, order.id, "READY");
    const repeat = await advanceShipment(testPrisma(), loc.locationId, order.id, "READY");
    expect(repeat.event).toBeNull();
    const types = await testPrisma().sessionEvent.findMany({ where: { sessionId: (await orderStatus(order.id)).sessionId }, orderBy: { seq: "asc" } });
    expect(types.map((e) => e.type)).toEqual(["session.opened", "order.placed", "order.updated", "order.updated", "order.updated"]);
  });

  it("queues the same stage for the same order once", async () => {
    const { producer } = worker.worker;
    const orderId = randomUUID();
    await producer.queues.processing.pause();
    try {
      await Promise.all([producer.enqueue("processing", orderId), producer.enqueue("processing", orderId)]);
      const waiting = await producer.queues.processing.getJobs(["waiting"]);
      expect(waiting.filter((j) => j.data.orderId === orderId)).toHaveLength(1);
    } finally {
      await producer.queues.processing.resume();
    }
  });
});

describe("stock under contention", () => {
  it("accepts exactly M of N concurrent orders for the last M items", async () => {
    const M = 3;
    const N = 12;
    const product = (await api(a, "POST", "/api/products", { token: staffToken, body: { name: "Last Tiramisu", category: "Desserts", priceCents: 700, stock: M } })).body.product;
    const second = await startWorker(a.config.redisPrefix); // two workers race too
    try {
      const { session } = await openAndJoin(a, staffToken);
      const phones = await Promise.all(
        Array.from({ length: N }, async (_, i) => {
          const token = (await api(i % 2 ? a : b, "POST", "/api/sessions/join", { body: { joinCode: session.joinCode } })).body.token;
          return connect(i % 2 ? a : b, { token });
        }),
      );
      const acks = await Promise.all(
        phones.map((p) => send(p, "order:place", { clientOrderId: randomUUID(), items: [{ productId: product.id, quantity: 1 }] })),
      );
      const ids = acks.map((ack) => dataOf(ack).order.id);
      const finals = await eventually(async () => {
        const rows = await testPrisma().order.findMany({ where: { id: { in: ids } } });
        return rows.every((r) => r.status !== "PLACED") ? rows : null;
      }, 20_000, "all processed");
      expect(finals.filter((o) => o.status === "ACCEPTED")).toHaveLength(M);
      const rejected = finals.filter((o) => o.status === "REJECTED");
      expect(rejected).toHaveLength(N - M);
      expect(new Set(rejected.map((o) => o.statusReason))).toEqual(new Set(["Last Tiramisu is sold out"]));
      expect((await testPrisma().product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(0);
    } finally {
      await second.close();
    }
  });
});
