import { randomUUID } from "node:crypto";
import { eventually, openAndJoin } from "../support/harness.js";
import { describe, expect, it, type Venue } from "../support/kit.js";
import { dataOf, recorderOf, send } from "../support/sockets.js";

// Issue 32, item 1: staff take orders at a table (`order:enter`, POST /api/sessions/:id/orders)
// on the same engine as phones: same checks and prices, same log, exactly once by the staff
// device's id, live on every screen, processed by the pipeline. Two instances (`cluster`):
// the waiter on A, the table's phone on B.

const margherita = (venue: Venue) => venue.products[0]!;
const lemonade = (venue: Venue) => venue.products[2]!;

describe("order:enter", () => {
  it("takes an order at a table without phones: numbered, marked as the waiter's, processed like a phone's", async ({
    cluster,
    worker,
    venue,
    socket,
    prisma,
  }) => {
    void worker; // processes what is placed
    const [a] = cluster;
    const { session } = await a.api.openSession(venue.staffToken, "Table 31");
    const waiter = await socket(a, { token: venue.staffToken });
    const ack = await send(waiter, "order:enter", {
      sessionId: session.id,
      clientOrderId: randomUUID(),
      items: [
        { productId: margherita(venue).id, quantity: 2, note: "no basil" },
        { productId: lemonade(venue).id, quantity: 1 },
      ],
    });
    const { order, placed } = dataOf(ack);
    expect(order).toMatchObject({
      sessionId: session.id,
      number: 1,
      customerId: null,
      customerName: null,
      enteredBy: venue.owner.displayName,
      status: "PLACED",
      totalCents: 2 * 950 + 450,
      items: [
        { productName: "Margherita", quantity: 2, note: "no basil", unitPriceCents: 950 },
        { productName: "Lemonade", quantity: 1, note: null },
      ],
    });
    expect(placed?.seq).toBe(2); // after the opening
    const stored = await eventually(async () => {
      const o = await prisma.order.findUniqueOrThrow({ where: { id: order.id } });
      return o.status === "ACCEPTED" ? o : null;
    });
    expect(stored.enteredById).toBe(venue.owner.id);
    // The stock the phone's orders count is counted for the waiter's too (Margherita: 2 → 0).
    expect((await prisma.product.findUniqueOrThrow({ where: { id: margherita(venue).id } })).stock).toBe(0);
    const detail = await a.api.getSession(venue.staffToken, session.id);
    expect(detail.orders.map((o) => [o.number, o.enteredBy, o.status])).toEqual([[1, venue.owner.displayName, "ACCEPTED"]]);
  });

  it("shows on the table's phones live, across instances, and over REST as over the socket", async ({ cluster, venue, socket }) => {
    const [a, b] = cluster;
    const table = await openAndJoin(a, venue.staffToken, "Table 32");
    const phone = recorderOf(await socket(b, { token: table.customerToken, lastSeq: table.session.lastSeq }));
    const answer = await a.api.route("POST /api/sessions/:id/orders", {
      params: { id: table.session.id },
      token: venue.staffToken,
      body: { clientOrderId: randomUUID(), items: [{ productId: lemonade(venue).id, quantity: 3 }] },
    });
    const seen = await phone.waitFor("order:placed", (e) => e.data.id === answer.order.id);
    expect(seen.data).toMatchObject({ enteredBy: venue.owner.displayName, customerId: null, totalCents: 3 * 450, number: 1 });
  });

  it("is stored once however often it is sent, from two instances at once; the same id with other lines is a CONFLICT", async ({
    cluster,
    venue,
    socket,
    prisma,
  }) => {
    const [a, b] = cluster;
    const { session } = await a.api.openSession(venue.staffToken, "Table 33");
    const tablet = await socket(a, { token: venue.staffToken });
    const panel = await socket(b, { token: venue.staffToken });
    const body = { clientOrderId: randomUUID(), items: [{ productId: lemonade(venue).id, quantity: 1 }] };
    const payload = { sessionId: session.id, ...body };
    // A double tap on the tablet, the same order retried from the panel, and over REST.
    const [acks, rest] = await Promise.all([
      Promise.all([...Array.from({ length: 4 }, () => send(tablet, "order:enter", payload)), send(panel, "order:enter", payload)]),
      Promise.all(
        [a, b].map((server) => server.api.request("POST", `/api/sessions/${session.id}/orders`, { token: venue.staffToken, body })),
      ),
    ]);
    const ids = new Set([...acks.map((ack) => dataOf(ack).order.id), ...rest.map((r) => (r.body as { order: { id: string } }).order.id)]);
    expect(ids.size).toBe(1);
    const stored = acks.filter((ack) => dataOf(ack).placed !== undefined).length + rest.filter((r) => r.status === 201).length;
    expect(stored).toBe(1);
    expect(rest.every((r) => r.status === 201 || r.status === 200)).toBe(true);
    expect(await prisma.order.count({ where: { sessionId: session.id } })).toBe(1);
    expect(await prisma.sessionEvent.count({ where: { sessionId: session.id, type: "order.placed" } })).toBe(1);

    const other = await send(tablet, "order:enter", { ...payload, items: [{ productId: lemonade(venue).id, quantity: 2 }] });
    expect(other.error?.code).toBe("CONFLICT");
    expect(await prisma.order.count({ where: { sessionId: session.id } })).toBe(1);
  });

  it("refuses another venue's session, a closed one, a product not on the menu and a malformed line, storing nothing", async ({
    cluster,
    venue,
    otherVenue,
    socket,
    prisma,
  }) => {
    const [a] = cluster;
    const waiter = await socket(a, { token: venue.staffToken });
    const line = { productId: lemonade(venue).id, quantity: 1 };
    const theirs = await a.api.openSession(otherVenue.staffToken, "Their table");
    const intoTheirs = await send(waiter, "order:enter", { sessionId: theirs.session.id, clientOrderId: randomUUID(), items: [line] });
    expect(intoTheirs.error).toEqual({ code: "NOT_FOUND", message: "session not found" });

    const { session } = await a.api.openSession(venue.staffToken, "Table 34");
    const foreign = await send(waiter, "order:enter", {
      sessionId: session.id,
      clientOrderId: randomUUID(),
      items: [{ productId: otherVenue.products[0]!.id, quantity: 1 }],
    });
    expect(foreign.error?.code).toBe("PRODUCT_UNAVAILABLE");
    const malformed = await send(waiter, "order:enter", {
      sessionId: session.id,
      clientOrderId: randomUUID(),
      items: [{ ...line, quantity: 0 }],
    });
    expect(malformed.error).toMatchObject({ code: "VALIDATION_FAILED", message: expect.stringContaining("items.0.quantity") });

    await a.api.closeSession(venue.staffToken, session.id);
    const late = await send(waiter, "order:enter", { sessionId: session.id, clientOrderId: randomUUID(), items: [line] });
    expect(late.error?.code).toBe("SESSION_CLOSED");
    expect(await prisma.order.count({ where: { sessionId: { in: [session.id, theirs.session.id] } } })).toBe(0);
  });
});
