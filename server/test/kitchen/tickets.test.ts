import type { OrderDto } from "@ordered/contract";
import type { ApiClient } from "../../src/tools/api-client.js";
import { acceptedOrder, joinAtTable, seatedTable } from "../sessions/session-kit.js";
import { eventually } from "../support/harness.js";
import { describe, expect, it } from "../support/kit.js";
import { type ClientSocket, dataOf, recorderOf, send } from "../support/sockets.js";

const ticketsOf = (order: Pick<OrderDto, "tickets">) => order.tickets.map((t) => [t.station, t.status]);

/** An order's tickets once the pipeline's shipping stage made them. */
async function withTickets(server: { api: ApiClient }, token: string, id: string) {
  let order: OrderDto | undefined;
  await eventually(
    async () => {
      const { order: now } = await server.api.route("GET /api/orders/:id", { token, params: { id } });
      order = now;
      return now.tickets.length > 0;
    },
    15_000,
    `order ${id} has tickets`,
  );
  return order!;
}

const bump = (socket: ClientSocket, ticketId: string, to: "PREPARING" | "READY") => send(socket, "ticket:bump", { ticketId, to });
const recall = (socket: ClientSocket, ticketId: string, from: "PREPARING" | "READY") => send(socket, "ticket:recall", { ticketId, from });

describe("kitchen tickets", () => {
  it("split an order to its stations; each bumps its part; the order is ready only when every part is", async ({
    cluster: [a, b],
    worker,
    venue,
    socket,
    prisma,
  }) => {
    void worker;
    const token = venue.staffToken;
    const [, diavola, lemonade] = venue.products;
    const [kitchenStation, barStation] = venue.stations;
    const { session, cardCode } = await seatedTable(a, token, "Table 7");
    const guest = await joinAtTable(b.api, cardCode, session.pin, "Ann");
    const phone = await socket(b, { token: guest.token });
    const heard = recorderOf(phone);
    const placed = await acceptedOrder(prisma, phone, [
      { productId: lemonade!.id, quantity: 2 },
      { productId: diavola!.id, quantity: 1 },
    ]);
    // Each line remembers its station; one ticket per station, in station order.
    expect(placed.items.map((i) => [i.productName, i.stationId])).toEqual([
      ["Lemonade", barStation!.id],
      ["Diavola", kitchenStation!.id],
    ]);
    const order = await withTickets(a, token, placed.id);
    expect(ticketsOf(order)).toEqual([
      ["Kitchen", "NEW"],
      ["Bar", "NEW"],
    ]);
    const [kitchenTicket, barTicket] = order.tickets;

    const bar = await socket(b, { token });
    const kitchen = await socket(a, { token });
    // The bar takes its part all the way: the order is not ready while the kitchen's is not.
    dataOf(await bump(bar, barTicket!.id, "PREPARING"));
    const barReady = dataOf(await bump(bar, barTicket!.id, "READY")).order;
    expect(ticketsOf(barReady)).toEqual([
      ["Kitchen", "NEW"],
      ["Bar", "READY"],
    ]);
    expect(barReady.shipment?.status).toBe("PREPARING");
    expect(barReady.tickets[1]!.readyAt).not.toBeNull();
    // The phone (on the other instance's room) hears each part.
    await heard.waitFor("order:updated", (e) => e.data.tickets[1]?.status === "READY");

    // Twice, backwards, skipping a step: a clear CONFLICT, nothing changes.
    expect((await bump(bar, barTicket!.id, "READY")).error).toEqual({ code: "CONFLICT", message: "this ticket is already ready" });
    expect((await bump(bar, barTicket!.id, "PREPARING")).error).toEqual({
      code: "CONFLICT",
      message: "a ready ticket cannot be bumped; recall it instead",
    });
    expect((await bump(kitchen, kitchenTicket!.id, "READY")).error).toEqual({
      code: "CONFLICT",
      message: "a new ticket goes to preparing next, not ready",
    });
    expect((await send(kitchen, "ticket:bump", { ticketId: kitchenTicket!.id, to: "NEW" } as never)).error).toEqual({
      code: "VALIDATION_FAILED",
      message: "payload.to: must be PREPARING or READY",
    });

    dataOf(await bump(kitchen, kitchenTicket!.id, "PREPARING"));
    const ready = dataOf(await bump(kitchen, kitchenTicket!.id, "READY")).order;
    expect(ready.shipment?.status).toBe("READY");
    await heard.waitFor("order:updated", (e) => e.data.id === order.id && e.data.shipment?.status === "READY");

    // Undo: the kitchen recalls its bump; the order is preparing again, and ready again after.
    const recalled = dataOf(await recall(kitchen, kitchenTicket!.id, "READY")).order;
    expect(ticketsOf(recalled)).toEqual([
      ["Kitchen", "PREPARING"],
      ["Bar", "READY"],
    ]);
    expect([recalled.shipment?.status, recalled.shipment?.readyAt]).toEqual(["PREPARING", null]);
    expect((await recall(kitchen, kitchenTicket!.id, "READY")).error).toEqual({
      code: "CONFLICT",
      message: "this ticket is preparing now, not ready",
    });
    // A recall is not recalled in turn: the ticket's stamps say its last move was no bump.
    expect(recalled.tickets[0]!.startedAt).not.toBe(recalled.tickets[0]!.movedAt);
    expect((await recall(kitchen, kitchenTicket!.id, "PREPARING")).error).toEqual({
      code: "CONFLICT",
      message: "nothing to undo: this ticket's last move was a recall",
    });
    // Past the window: too late (the bump is made 31 s older).
    await prisma.$executeRaw`UPDATE ticket SET moved_at = moved_at - interval '31 seconds' WHERE id = ${barTicket!.id}::uuid`;
    expect((await recall(bar, barTicket!.id, "READY")).error).toEqual({
      code: "CONFLICT",
      message: "too late to recall: it was bumped more than 30 s ago",
    });
    dataOf(await bump(kitchen, kitchenTicket!.id, "READY"));

    // Every move was logged once: placed, accepted (and shipped), 2 + 2 bumps, recall, bump.
    const log = await prisma.sessionEvent.findMany({ where: { sessionId: order.sessionId, type: "order.updated" } });
    expect(log.filter((e) => (e.payload as { id: string }).id === order.id)).toHaveLength(1 + 4 + 1 + 1);

    // A delivered order's tickets no longer move.
    dataOf(await send(kitchen, "order:advance", { orderId: order.id, to: "DELIVERED" }));
    expect((await recall(kitchen, kitchenTicket!.id, "READY")).error).toEqual({
      code: "CONFLICT",
      message: "this order is delivered: its tickets no longer move",
    });
  });

  it("are not found from another location; the floor's Ready readies every part", async ({
    server,
    worker,
    venue,
    otherVenue,
    socket,
    prisma,
  }) => {
    void worker;
    const token = venue.staffToken;
    const [margherita, , lemonade] = venue.products;
    const { session, cardCode } = await seatedTable(server, token, "Table 8");
    const guest = await joinAtTable(server.api, cardCode, session.pin);
    const phone = await socket(server, { token: guest.token });
    const placed = await acceptedOrder(prisma, phone, [
      { productId: margherita!.id, quantity: 1 },
      { productId: lemonade!.id, quantity: 1 },
    ]);
    const order = await withTickets(server, token, placed.id);
    const stranger = await socket(server, { token: otherVenue.staffToken });
    expect((await bump(stranger, order.tickets[0]!.id, "PREPARING")).error).toEqual({ code: "NOT_FOUND", message: "ticket not found" });
    expect(ticketsOf((await server.api.route("GET /api/orders/:id", { token, params: { id: order.id } })).order)).toEqual([
      ["Kitchen", "NEW"],
      ["Bar", "NEW"],
    ]);

    const staff = await socket(server, { token });
    const ready = dataOf(await send(staff, "order:advance", { orderId: order.id, to: "READY", overrideKitchen: true })).order;
    expect(ticketsOf(ready)).toEqual([
      ["Kitchen", "READY"],
      ["Bar", "READY"],
    ]);
    // The display's snapshot: accepted orders of open sessions, with their tickets.
    const snapshot = await server.api.route("GET /api/kitchen", { token });
    expect(snapshot.stations.map((s) => s.name)).toEqual(["Kitchen", "Bar"]);
    expect(snapshot.orders.map((o) => o.id)).toEqual([order.id]);
    expect(snapshot.sessions).toEqual([{ id: order.sessionId, label: "Table 8", lastSeq: expect.any(Number) }]);
  });
});

describe("stations", () => {
  it("are added, renamed and routed to; in-use, last and foreign ones are refused; past lines keep theirs", async ({
    server,
    worker,
    venue,
    otherVenue,
    socket,
    prisma,
  }) => {
    void worker;
    const token = venue.staffToken;
    const api = server.api;
    const pastry = (await api.route("POST /api/stations", { token, body: { name: "Pastry" } })).station;
    expect(pastry).toMatchObject({ name: "Pastry", position: 2 });
    const dup = await api.request("POST", "/api/stations", { token, body: { name: "pastry" } });
    expect([dup.status, dup.body.error.message]).toEqual([409, 'a station named "pastry" already exists']);
    const empty = await api.request("POST", "/api/stations", { token, body: { name: "  " } });
    expect([empty.status, empty.body.error.message]).toEqual([400, "body.name: must not be empty"]);

    // Route the pizzas to Pastry; another location's station is not found, and nothing changes.
    const pizzas = venue.categories.find((c) => c.name === "Pizza")!;
    const foreign = await api.request("PATCH", `/api/categories/${pizzas.id}`, { token, body: { stationId: otherVenue.stations[0]!.id } });
    expect([foreign.status, foreign.body.error.message]).toEqual([404, "station not found"]);
    const created = await api.request("POST", "/api/categories", { token, body: { name: "Sides", stationId: otherVenue.stations[0]!.id } });
    expect(created.status).toBe(404);
    expect(await prisma.category.count({ where: { locationId: venue.locationId, name: "Sides" } })).toBe(0);
    const routed = (await api.route("PATCH /api/categories/:id", { token, body: { stationId: pastry.id }, params: { id: pizzas.id } }))
      .category;
    expect(routed.stationId).toBe(pastry.id);
    const sides = (await api.route("POST /api/categories", { token, body: { name: "Sides" } })).category;
    expect(sides.stationId).toBe(venue.stations[0]!.id);

    const { session, cardCode } = await seatedTable(server, token, "Table 9");
    const phone = await socket(server, { token: (await joinAtTable(api, cardCode, session.pin)).token });
    const order = await acceptedOrder(prisma, phone, [{ productId: venue.products[1]!.id, quantity: 1 }]);
    expect(order.items[0]!.stationId).toBe(pastry.id);
    expect(ticketsOf(await withTickets(server, token, order.id))).toEqual([["Pastry", "NEW"]]);

    const inUse = await api.request("DELETE", `/api/stations/${pastry.id}`, { token });
    expect([inUse.status, inUse.body.error.message]).toEqual([
      409,
      "categories still go to this station: Pizza; route them elsewhere first",
    ]);
    await api.route("PATCH /api/categories/:id", { token, body: { stationId: venue.stations[0]!.id }, params: { id: pizzas.id } });
    // Re-routing changes what comes next, not what was ordered.
    expect((await api.route("GET /api/orders/:id", { token, params: { id: order.id } })).order.items[0]!.stationId).toBe(pastry.id);
    const prepared = await api.request("DELETE", `/api/stations/${pastry.id}`, { token });
    expect([prepared.status, prepared.body.error.message]).toEqual([409, "past orders were prepared at this station; rename it instead"]);
    const renamed = (await api.route("PATCH /api/stations/:id", { token, body: { name: "Oven" }, params: { id: pastry.id } })).station;
    expect(renamed.name).toBe("Oven");

    // A station nothing was ever prepared at goes; the last one never does.
    const spare = (await api.route("POST /api/stations", { token, body: { name: "Spare" } })).station;
    expect((await api.request("DELETE", `/api/stations/${spare.id}`, { token })).status).toBe(204);
    const lone = otherVenue.stations;
    for (const s of lone.slice(1)) {
      await api.route("PATCH /api/categories/:id", {
        token: otherVenue.staffToken,
        body: { stationId: lone[0]!.id },
        params: { id: otherVenue.categories.find((c) => c.stationId === s.id)!.id },
      });
      expect((await api.request("DELETE", `/api/stations/${s.id}`, { token: otherVenue.staffToken })).status).toBe(204);
    }
    for (const c of otherVenue.categories) await prisma.product.deleteMany({ where: { categoryId: c.id } });
    await prisma.category.deleteMany({ where: { locationId: otherVenue.locationId } });
    const last = await api.request("DELETE", `/api/stations/${lone[0]!.id}`, { token: otherVenue.staffToken });
    expect([last.status, last.body.error.message]).toEqual([409, "a location needs at least one station"]);
  });

  it("thresholds: amber must stay below red, given together or alone", async ({ server, venue }) => {
    const token = venue.staffToken;
    const both = await server.api.request("PATCH", "/api/location", { token, body: { ticketAmberMinutes: 20, ticketRedMinutes: 10 } });
    expect([both.status, both.body.error.message]).toEqual([
      400,
      "body.ticketAmberMinutes: ticketAmberMinutes must be less than ticketRedMinutes",
    ]);
    const alone = await server.api.request("PATCH", "/api/location", { token, body: { ticketAmberMinutes: 25 } });
    expect([alone.status, alone.body.error.message]).toEqual([400, "body.ticketAmberMinutes: must be less than ticketRedMinutes"]);
    const fine = await server.api.route("PATCH /api/location", { token, body: { ticketAmberMinutes: 5, ticketRedMinutes: 8 } });
    expect([fine.location.ticketAmberMinutes, fine.location.ticketRedMinutes]).toEqual([5, 8]);
    const bad = await server.api.request("PATCH", "/api/location", { token, body: { ticketRedMinutes: 0 } });
    expect([bad.status, bad.body.error.message]).toEqual([400, "body.ticketRedMinutes: must be at least 1 minute"]);
  });
});
