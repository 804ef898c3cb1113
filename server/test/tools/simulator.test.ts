import { runSimulation } from "../../src/tools/simulator.js";
import { describe, expect, it } from "../support/kit.js";

describe("npm run simulate", () => {
  it("opens sessions whose phones order like guests until stopped, then closes them", async ({ server, worker, venue, prisma }) => {
    // Only a dish with a required choice and optional extras is left to order: the simulated
    // guests must choose as a guest does (issue 30: they ordered pizzas without a size).
    await prisma.product.updateMany({ where: { locationId: venue.locationId }, data: { available: false } });
    await server.api.createProduct(venue.staffToken, {
      name: "Pizza of the day",
      categoryId: venue.categories[0]!.id,
      priceCents: 1100,
      stock: null,
      optionGroups: [
        {
          name: "Size",
          minChoices: 1,
          maxChoices: 1,
          options: [
            { name: "Small", priceDeltaCents: 0 },
            { name: "Large", priceDeltaCents: 300 },
          ],
        },
        {
          name: "Extras",
          minChoices: 0,
          maxChoices: 2,
          options: [
            { name: "Olives", priceDeltaCents: 80 },
            { name: "Basil", priceDeltaCents: 0 },
          ],
        },
      ],
    });
    const controller = new AbortController();
    const running = runSimulation({
      url: server.url,
      email: venue.owner.email,
      password: venue.owner.password,
      sessions: 2,
      customersPerSession: 2,
      intervalMs: 400,
      advance: true,
      signal: controller.signal,
    });
    // Stop once it has done what the test looks for (rather than after a fixed time):
    // a few orders placed, and staff having delivered at least one.
    const orders = () => prisma.order.findMany({ where: { locationId: venue.locationId }, select: { status: true } });
    await expect
      .poll(
        async () => {
          const all = await orders();
          return all.length >= 4 && all.some((o) => o.status === "DELIVERED");
        },
        { timeout: 20_000, interval: 100 },
      )
      .toBe(true);
    controller.abort();
    const result = await running;

    expect(result.placed).toBeGreaterThanOrEqual(4);
    // Every order a simulated guest sent was one a guest could send: none refused.
    expect(result.failed).toBe(0);
    const sessions = await prisma.orderSession.findMany({
      where: { locationId: venue.locationId },
      include: { orders: true, payments: true },
    });
    expect(sessions).toHaveLength(2);
    expect(sessions.every((s) => s.status === "CLOSED")).toBe(true);
    const stored = sessions.flatMap((s) => s.orders);
    expect(stored.length).toBe(result.placed);
    expect(stored.some((o) => o.status === "DELIVERED")).toBe(true);
    // Each table left as a party does: nothing left unfinished, and its bill paid, not waived.
    expect(stored.filter((o) => o.status === "PLACED" || o.status === "ACCEPTED")).toEqual([]);
    for (const s of sessions) {
      const billed = s.orders.filter((o) => o.status === "DELIVERED").reduce((sum, o) => sum + o.totalCents, 0);
      expect(s.payments.reduce((sum, p) => sum + p.amountCents, 0)).toBe(billed);
      expect(s.waivedCents).toBe(0n);
    }
  });
});

describe("npm run simulate -- --kitchen", () => {
  it("has cooks work the tickets at each station within its capacity and measures the waiting-time estimates against when orders were ready", async ({
    server,
    worker,
    venue,
    prisma,
  }) => {
    expect(worker).toBeDefined();
    const controller = new AbortController();
    const running = runSimulation({
      url: server.url,
      email: venue.owner.email,
      password: venue.owner.password,
      sessions: 1,
      customersPerSession: 2,
      intervalMs: 700,
      advance: true,
      kitchen: { prepSeconds: 0.4, capacity: 2 },
      signal: controller.signal,
    });
    // Until a few orders were made by the cooks (started, then ready) and served.
    const cooked = () =>
      prisma.ticket.count({
        where: { order: { locationId: venue.locationId, status: "DELIVERED" }, startedAt: { not: null }, readyAt: { not: null } },
      });
    await expect.poll(cooked, { timeout: 30_000, interval: 200 }).toBeGreaterThanOrEqual(4);
    controller.abort();
    const result = await running;
    // The stations were given the cooks' capacity; every ticket was started before it was ready (no override).
    expect((await prisma.station.findMany({ where: { locationId: venue.locationId } })).every((s) => s.capacity === 2)).toBe(true);
    const tickets = await prisma.ticket.findMany({ where: { order: { locationId: venue.locationId }, readyAt: { not: null } } });
    expect(tickets.every((t) => t.startedAt !== null && t.startedAt <= t.readyAt!)).toBe(true);
    const all = result.estimate!.all;
    expect(all.orders).toBeGreaterThan(0);
    expect(Number.isFinite(all.absP50) && all.absP90 >= all.absP50).toBe(true);
    expect(result.estimate!.warm.orders).toBeLessThanOrEqual(all.orders);
  });
});
