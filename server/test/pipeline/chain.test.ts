import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../src/db/prisma.js";
import { advanceOrder as advanceShipment } from "../../src/orders/advance-order.js";
import { processOrder } from "../../src/orders/process-order.js";
import { shipOrder } from "../../src/orders/ship-order.js";
import { fieldOf, stageKeys } from "../../src/pipeline/queues.js";
import { startSweeper } from "../../src/pipeline/sweeper.js";
import { eventually, openAndJoin, type TestServer } from "../support/harness.js";
import { describe, expect, it } from "../support/kit.js";
import { dataOf, placeOne, recorderOf, send } from "../support/sockets.js";

// Two instances sharing Redis and one pipeline worker on the same prefix (file fixtures).

const orderStatus = (prisma: PrismaClient, id: string) => prisma.order.findUniqueOrThrow({ where: { id }, include: { shipment: true } });

describe("the pipeline, phone to panel and back", () => {
  it("takes an order from placed to delivered, every status seen live by phone and panel", async ({
    cluster: [a, b],
    worker,
    venue,
    socket,
    prisma,
  }) => {
    const staffToken = venue.staffToken;
    const staff = await socket(a, { token: staffToken });
    const panel = recorderOf(staff);
    await panel.waitFor("sync:done");
    const { session, customerToken } = await openAndJoin(b, staffToken);
    const phoneSocket = await socket(b, { token: customerToken });
    const phone = recorderOf(phoneSocket);
    await phone.waitFor("sync:done");

    const diavola = venue.products[1]!;
    const order = await placeOne(phoneSocket, diavola.id, 2);
    const updates = (r: typeof phone) => r.named("order:updated").filter((e) => e.data.id === order.id);
    const state = (e: any) => `${e.data.status}/${e.data.shipment?.status ?? "-"}`;

    for (const r of [phone, panel]) {
      await r.waitFor("order:updated", (e) => e.data.id === order.id && e.data.shipment?.status === "PREPARING");
    }
    // Accepted and handed to the kitchen in one step: one event.
    expect(updates(phone).map(state)).toEqual(["ACCEPTED/PREPARING"]);
    expect(updates(phone)[0].data.totalCents).toBe(2 * 1250);

    // Staff on instance A report progress over the socket, then over REST.
    dataOf(await send(staff, "order:advance", { orderId: order.id, to: "READY", overrideKitchen: true }));
    const delivered = await a.api.request("POST", `/api/orders/${order.id}/advance`, { token: staffToken, body: { to: "DELIVERED" } });
    expect(delivered.status).toBe(200);
    expect(delivered.body.order).toMatchObject({ status: "DELIVERED", shipment: { status: "DELIVERED" } });

    for (const r of [phone, panel]) {
      await r.waitFor("order:updated", (e) => e.data.id === order.id && e.data.status === "DELIVERED");
      expect(updates(r).map(state)).toEqual(["ACCEPTED/PREPARING", "ACCEPTED/READY", "DELIVERED/DELIVERED"]);
      // Gap-free numbers: opened is 1, Ann's join 2, placed 3, then 4, 5, 6.
      expect(updates(r).map((e) => e.seq)).toEqual([4, 5, 6]);
    }
    const stored = await orderStatus(prisma, order.id);
    expect(stored.finishedAt).not.toBeNull();
    expect(stored.shipment?.deliveredAt).not.toBeNull();
    const events = await prisma.sessionEvent.findMany({ where: { sessionId: session.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => [e.seq, e.type])).toEqual([
      [1, "session.opened"],
      [2, "customer.joined"],
      [3, "order.placed"],
      [4, "order.updated"],
      [5, "order.updated"],
      [6, "order.updated"],
    ]);
  });

  it("refuses skipped, backward and foreign transitions", async ({ cluster: [a, b], worker, venue, otherVenue, socket, prisma }) => {
    const staffToken = venue.staffToken;
    const { customerToken } = await openAndJoin(b, staffToken);
    const phone = await socket(b, { token: customerToken });
    const order = await placeOne(phone, venue.products[2]!.id);
    await eventually(async () => (await orderStatus(prisma, order.id)).shipment, 15_000, "shipment");
    const staff = await socket(a, { token: staffToken });
    expect((await send(staff, "order:advance", { orderId: order.id, to: "DELIVERED" })).error).toEqual({
      code: "CONFLICT",
      message: "cannot go from preparing to delivered",
    });
    dataOf(await send(staff, "order:advance", { orderId: order.id, to: "READY", overrideKitchen: true }));
    // Asking for READY again changes nothing.
    expect(dataOf(await send(staff, "order:advance", { orderId: order.id, to: "READY" })).order.shipment?.status).toBe("READY");
    const stranger = await socket(a, { token: otherVenue.staffToken });
    expect((await send(stranger, "order:advance", { orderId: order.id, to: "DELIVERED" })).error?.code).toBe("NOT_FOUND");
    expect((await send(staff, "order:advance", { orderId: order.id, to: "PREPARING" } as never)).error?.code).toBe("VALIDATION_FAILED");
    expect((await send(phone, "order:cancel", { orderId: order.id, seen: "READY" })).error?.code).toBe("FORBIDDEN");
    dataOf(await send(staff, "order:advance", { orderId: order.id, to: "DELIVERED" }));
    const late = await a.api.request("POST", `/api/orders/${order.id}/cancel`, { token: staffToken, body: { seen: "DELIVERED" } });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toBe("a delivered order cannot be cancelled");
  });

  it("gives stock back when staff cancel an accepted order", async ({ cluster: [a, b], worker, venue, socket, prisma }) => {
    const staffToken = venue.staffToken;
    const product = await a.api.createProduct(staffToken, {
      name: "Focaccia",
      categoryId: venue.categories[0]!.id,
      priceCents: 500,
      stock: 5,
    });
    const { customerToken } = await openAndJoin(b, staffToken);
    const phone = await socket(b, { token: customerToken });
    const order = await placeOne(phone, product.id, 3);
    await eventually(async () => (await orderStatus(prisma, order.id)).status === "ACCEPTED", 15_000, "accepted");
    expect((await prisma.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(2);
    const res = await a.api.request("POST", `/api/orders/${order.id}/cancel`, {
      token: staffToken,
      body: { seen: "NEW", reason: "Oven broke" },
    });
    expect(res.body.order).toMatchObject({ status: "CANCELLED", statusReason: "Oven broke" });
    expect((await prisma.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(5);
    await recorderOf(phone).waitFor("order:updated", (e) => e.data.id === order.id && e.data.status === "CANCELLED");
    // Cancelling again changes nothing, and gives nothing back twice.
    await a.api.request("POST", `/api/orders/${order.id}/cancel`, { token: staffToken, body: { seen: "NEW" } });
    expect((await prisma.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(5);
  });
});

describe("idempotent stages", () => {
  it("running the same stage twice changes nothing the second time", async ({ cluster: [a], worker, venue, socket, prisma }) => {
    const staffToken = venue.staffToken;
    const product = await a.api.createProduct(staffToken, {
      name: "Grissini",
      categoryId: venue.categories[0]!.id,
      priceCents: 300,
      stock: 10,
    });
    const { customerToken } = await openAndJoin(a, staffToken);
    const phone = await socket(a, { token: customerToken });
    const order = await placeOne(phone, product.id, 4);
    // The worker may have processed it already; either way, the next runs are no-ops.
    await eventually(async () => (await orderStatus(prisma, order.id)).shipment, 15_000, "shipment");
    const again = await processOrder(prisma, order.id);
    const shipAgain = await shipOrder(prisma, order.id);
    expect(again?.event).toBeNull();
    expect(shipAgain?.event).toBeNull();
    expect((await prisma.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(6);
    await advanceShipment(prisma, venue.locationId, order.id, "READY", { overrideKitchen: true });
    const repeat = await advanceShipment(prisma, venue.locationId, order.id, "READY");
    expect(repeat.event).toBeNull();
    const types = await prisma.sessionEvent.findMany({
      where: { sessionId: (await orderStatus(prisma, order.id)).sessionId },
      orderBy: { seq: "asc" },
    });
    expect(types.map((e) => e.type)).toEqual([
      "session.opened",
      "customer.joined",
      "order.placed",
      "order.updated", // accepted and preparing
      "order.updated", // ready
    ]);
  });

  it("re-drives an order whose job was lost, and leaves one still queued alone", async ({
    startCluster,
    startWorker,
    venue,
    socket,
    prisma,
  }) => {
    // A server of its own and no worker yet: its orders wait in its stream.
    const [a] = (await startCluster(1)) as [TestServer];
    const { session, customerToken } = await openAndJoin(a, venue.staffToken);
    const phone = await socket(a, { token: customerToken });
    const queued = await placeOne(phone, venue.products[2]!.id);
    const lost = await placeOne(phone, venue.products[2]!.id);
    const { redis, producer, log } = a.app.deps;
    const { stream } = stageKeys(a.config.redis, a.config.redisPrefix, "processing");
    const entriesOf = async (orderId: string) =>
      ((await redis.xrange(stream, "-", "+")) as [string, string[]][]).filter(([, fields]) => fieldOf(fields, "o") === orderId);
    await eventually(async () => (await entriesOf(lost.id)).length === 1, 5000, "the order's job to be queued");
    // As a server dying between the commit and XADD leaves it: committed long ago, no job.
    await redis.xdel(stream, ...(await entriesOf(lost.id)).map(([id]) => id));
    await prisma.order.updateMany({ where: { id: { in: [queued.id, lost.id] } }, data: { placedAt: new Date(Date.now() - 3_600_000) } });

    const sweeper = startSweeper({ prisma, producer, log, intervalMs: 3_600_000, olderThanMs: 1_800_000 });
    await sweeper.sweep();
    await sweeper.sweep();
    sweeper.stop();
    expect(await entriesOf(lost.id)).toHaveLength(1);
    expect(await entriesOf(queued.id)).toHaveLength(1);

    startWorker(a.config.redisPrefix);
    await eventually(
      async () => (await prisma.order.count({ where: { id: { in: [queued.id, lost.id] }, status: "ACCEPTED" } })) === 2,
      10_000,
      "both orders accepted",
    );
    const updates = await prisma.sessionEvent.findMany({ where: { sessionId: session.id, type: "order.updated" } });
    expect(updates).toHaveLength(2);
    await eventually(
      async () => {
        const { waiting, active } = await producer.counts("processing");
        return waiting + active === 0;
      },
      5000,
      "the stream emptied",
    );
  });
});

describe("stock under contention", () => {
  it("accepts exactly M of N concurrent orders for the last M items", async ({
    cluster: [a, b],
    worker,
    startWorker,
    venue,
    socket,
    prisma,
  }) => {
    const M = 3;
    const N = 12;
    const product = await a.api.createProduct(venue.staffToken, {
      name: "Last Tiramisu",
      categoryId: venue.categories[0]!.id,
      priceCents: 700,
      stock: M,
    });
    startWorker(a.config.redisPrefix); // a second worker besides the file's `worker`: two workers race too
    const { session } = await openAndJoin(a, venue.staffToken);
    const phones = await Promise.all(
      Array.from({ length: N }, async (_, i) => {
        const server = i % 2 ? a : b;
        return socket(server, { token: (await server.api.joinSession(session.joinCode)).token });
      }),
    );
    const acks = await Promise.all(
      phones.map((p) => send(p, "order:place", { clientOrderId: randomUUID(), items: [{ productId: product.id, quantity: 1 }] })),
    );
    const ids = acks.map((ack) => dataOf(ack).order.id);
    const finals = await eventually(
      async () => {
        const rows = await prisma.order.findMany({ where: { id: { in: ids } } });
        return rows.every((r) => r.status !== "PLACED") ? rows : null;
      },
      20_000,
      "all processed",
    );
    expect(finals.filter((o) => o.status === "ACCEPTED")).toHaveLength(M);
    const rejected = finals.filter((o) => o.status === "REJECTED");
    expect(rejected).toHaveLength(N - M);
    expect(new Set(rejected.map((o) => o.statusReason))).toEqual(new Set(["Last Tiramisu is sold out"]));
    expect((await prisma.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(0);
  });
});
