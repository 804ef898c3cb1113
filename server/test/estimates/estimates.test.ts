// Issue 35, item 2: honest waiting times from the kitchen's own timings. The model learns a
// dish's preparation time from its past tickets, a phone reads its orders' estimates and its
// cart's before ordering, a station's capacity makes later orders honestly later, and the floor
// sees which orders are late against their estimate.
import { randomUUID } from "node:crypto";
import { acceptedOrder } from "../sessions/session-kit.js";
import { openAndJoin } from "../support/harness.js";
import { describe, expect, it } from "../support/kit.js";

const MINUTE = 60_000;

describe("waiting times", () => {
  it("are learned from past tickets, grow with a full station's queue, are told to the phone before it orders, and flag late orders", async ({
    server,
    worker,
    venue,
    socket,
    prisma,
  }) => {
    expect(worker).toBeDefined();
    const diavola = venue.products[1]!;
    const kitchen = venue.stations.find((s) => s.name === "Kitchen")!;
    const table = await openAndJoin(server, venue.staffToken, `Table ${randomUUID().slice(0, 4)}`);
    const phone = await socket(server, { token: table.customerToken });

    // History: five Diavolas the kitchen took 12, 12, 12, 12 and (once, forgotten on the pass) 60 minutes over.
    const now = Date.now();
    for (const [n, minutes] of [12, 12, 12, 12, 60].entries()) {
      const order = await acceptedOrder(prisma, phone, [{ productId: diavola.id, quantity: 1 }]);
      const fired = new Date(now - (3 + n) * 60 * MINUTE);
      const started = new Date(fired.getTime() + MINUTE);
      await prisma.ticket.updateMany({
        where: { orderId: order.id },
        data: {
          status: "READY",
          firedAt: fired,
          startedAt: started,
          readyAt: new Date(started.getTime() + minutes * MINUTE),
          movedAt: started,
        },
      });
      await prisma.shipment.update({ where: { orderId: order.id }, data: { status: "DELIVERED" } });
      await prisma.order.update({ where: { id: order.id }, data: { status: "DELIVERED" } });
    }

    // A new Diavola: about 12 minutes (the median, not the outlier) plus the kitchen's usual minute before starting.
    const first = await acceptedOrder(prisma, phone, [{ productId: diavola.id, quantity: 1 }]);
    const mine = await server.api.route("GET /api/sessions/estimates", { token: table.customerToken });
    const estimate = mine.estimates.find((e) => e.orderId === first.id)!;
    expect(estimate.readyInSeconds).toBeGreaterThanOrEqual(12 * 60);
    expect(estimate.readyInSeconds).toBeLessThanOrEqual(13 * 60 + 5);
    expect(estimate.late).toBe(false);

    // The kitchen takes one Diavola at a time: the cart's estimate counts the queue before the guest orders.
    const cartBefore = (
      await server.api.route("POST /api/sessions/estimate", {
        token: table.customerToken,
        body: { items: [{ productId: diavola.id, quantity: 1 }] },
      })
    ).readyInSeconds!;
    const { station } = await server.api.route("PUT /api/stations/:id/capacity", {
      token: venue.staffToken,
      params: { id: kitchen.id },
      body: { capacity: 1 },
    });
    expect(station.capacity).toBe(1);
    await prisma.ticket.updateMany({ where: { orderId: first.id }, data: { status: "PREPARING", startedAt: new Date() } });
    const second = await acceptedOrder(prisma, phone, [{ productId: diavola.id, quantity: 1 }]);
    const cartAfter = (
      await server.api.route("POST /api/sessions/estimate", {
        token: table.customerToken,
        body: { items: [{ productId: diavola.id, quantity: 1 }] },
      })
    ).readyInSeconds!;
    // After the one cooking and the one queued: about three Diavolas' time.
    expect(cartAfter).toBeGreaterThan(cartBefore + 20 * 60);
    const queued = (await server.api.route("GET /api/sessions/estimates", { token: table.customerToken })).estimates;
    const secondEstimate = queued.find((e) => e.orderId === second.id)!.readyInSeconds!;
    expect(secondEstimate).toBeGreaterThan(queued.find((e) => e.orderId === first.id)!.readyInSeconds! + 10 * 60);

    // The first has been cooking for 40 minutes: late on the floor, and its phone hears a little more, not zero.
    await prisma.ticket.updateMany({ where: { orderId: first.id }, data: { startedAt: new Date(Date.now() - 40 * MINUTE) } });
    const floor = await server.api.route("GET /api/estimates", { token: venue.staffToken });
    expect(floor.estimates.find((e) => e.orderId === first.id)).toMatchObject({ sessionId: table.session.id, late: true });
    expect(floor.estimates.find((e) => e.orderId === first.id)!.readyInSeconds).toBeGreaterThanOrEqual(2 * 60);
    expect(floor.estimates.find((e) => e.orderId === second.id)!.late).toBe(false);

    // Bad input is named; another table's phone sees only its own orders.
    const bad = await server.api.request("PUT", `/api/stations/${kitchen.id}/capacity`, { token: venue.staffToken, body: { capacity: 0 } });
    expect([bad.status, bad.body.error.message]).toEqual([400, expect.stringContaining("capacity")]);
    const other = await openAndJoin(server, venue.staffToken, `Table ${randomUUID().slice(0, 4)}`);
    expect((await server.api.route("GET /api/sessions/estimates", { token: other.customerToken })).estimates).toEqual([]);
  });
});
