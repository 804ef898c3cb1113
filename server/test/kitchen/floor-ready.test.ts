import type { OrderDto } from "@ordered/contract";
import { acceptedOrder, joinAtTable, seatedTable } from "../sessions/session-kit.js";
import { eventually, type TestServer } from "../support/harness.js";
import { describe, expect, it } from "../support/kit.js";
import { dataOf, recorderOf, send } from "../support/sockets.js";

const ticketsOf = (order: Pick<OrderDto, "tickets">) => order.tickets.map((t) => [t.station, t.status]);

/** The order once the pipeline's shipping stage made its `count` tickets. */
async function withTickets(server: TestServer, token: string, id: string, count: number): Promise<OrderDto> {
  let order: OrderDto | undefined;
  await eventually(
    async () => {
      order = (await server.api.route("GET /api/orders/:id", { token, params: { id } })).order;
      return order.tickets.length === count;
    },
    15_000,
    `order ${id} has ${count} tickets`,
  );
  return order!;
}

// The kitchen owns an order until its stations have finished (docs/architecture.md, "Order and
// shipment status machine"): the floor's Ready is refused while a ticket is NEW or PREPARING
// unless the person confirmed "Mark ready for the kitchen?", and the floor delivers only what
// is ready. Staff on instance A, the kitchen and the phone on B.
describe("the floor's Ready", () => {
  it("is refused while a station has not finished, names the stations, and goes through only when confirmed", async ({
    cluster: [a, b],
    worker,
    venue,
    socket,
    prisma,
  }) => {
    void worker;
    const token = venue.staffToken;
    const [margherita, , lemonade] = venue.products;
    const { cardCode, session } = await seatedTable(a, token, "Table 3");
    const phone = await socket(b, { token: (await joinAtTable(b.api, cardCode, session.pin, "Ann")).token });
    const placed = await acceptedOrder(prisma, phone, [
      { productId: margherita!.id, quantity: 1 },
      { productId: lemonade!.id, quantity: 1 },
    ]);
    const order = await withTickets(a, token, placed.id, 2);
    const [kitchenTicket, barTicket] = order.tickets;
    const floor = await socket(a, { token });
    const kitchen = await socket(b, { token });
    const panel = recorderOf(floor);

    // Nobody started: the floor cannot make it ready, nor deliver it.
    expect((await send(floor, "order:advance", { orderId: placed.id, to: "READY" })).error).toEqual({
      code: "CONFLICT",
      message:
        'the kitchen has not finished this order (Kitchen: New, Bar: New); the station marks it ready, or confirm "Mark ready for the kitchen"',
    });
    expect((await send(floor, "order:advance", { orderId: placed.id, to: "DELIVERED" })).error).toEqual({
      code: "CONFLICT",
      message: "cannot go from preparing to delivered",
    });
    // The bar finishes, the kitchen starts: still refused, naming only what is left (REST says the same).
    dataOf(await send(kitchen, "ticket:bump", { ticketId: barTicket!.id, to: "PREPARING" }));
    dataOf(await send(kitchen, "ticket:bump", { ticketId: barTicket!.id, to: "READY" }));
    dataOf(await send(kitchen, "ticket:bump", { ticketId: kitchenTicket!.id, to: "PREPARING" }));
    const rest = await a.api.request("POST", `/api/orders/${placed.id}/advance`, { token, body: { to: "READY" } });
    expect([rest.status, rest.body.error.message]).toEqual([
      409,
      'the kitchen has not finished this order (Kitchen: Preparing); the station marks it ready, or confirm "Mark ready for the kitchen"',
    ]);
    const stored = await prisma.shipment.findUniqueOrThrow({ where: { orderId: placed.id } });
    expect(stored.status).toBe("PREPARING");

    // Confirmed: ready for the kitchen too (every ticket READY), heard by the panel once.
    const ready = dataOf(await send(floor, "order:advance", { orderId: placed.id, to: "READY", overrideKitchen: true })).order;
    expect(ready.shipment?.status).toBe("READY");
    expect(ticketsOf(ready)).toEqual([
      ["Kitchen", "READY"],
      ["Bar", "READY"],
    ]);
    await panel.waitFor("order:updated", (e) => e.data.id === placed.id && e.data.shipment?.status === "READY");
    dataOf(await send(floor, "order:advance", { orderId: placed.id, to: "DELIVERED" }));
  });

  it("is not needed when the kitchen made it ready: the floor delivers it", async ({ server, worker, venue, socket, prisma }) => {
    void worker;
    const token = venue.staffToken;
    const [margherita] = venue.products;
    const { cardCode, session } = await seatedTable(server, token, "Table 4");
    const phone = await socket(server, { token: (await joinAtTable(server.api, cardCode, session.pin)).token });
    const placed = await acceptedOrder(prisma, phone, [{ productId: margherita!.id, quantity: 2 }]);
    const order = await withTickets(server, token, placed.id, 1);
    const staff = await socket(server, { token });
    const ticketId = order.tickets[0]!.id;
    dataOf(await send(staff, "ticket:bump", { ticketId, to: "PREPARING" }));
    expect(dataOf(await send(staff, "ticket:bump", { ticketId, to: "READY" })).order.shipment?.status).toBe("READY");
    // Asking for Ready again changes nothing and needs no confirmation; delivering is the floor's.
    expect(dataOf(await send(staff, "order:advance", { orderId: placed.id, to: "READY" })).order.shipment?.status).toBe("READY");
    const delivered = dataOf(await send(staff, "order:advance", { orderId: placed.id, to: "DELIVERED" })).order;
    expect([delivered.status, delivered.number]).toEqual(["DELIVERED", 1]);
  });
});
