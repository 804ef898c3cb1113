import { randomUUID } from "node:crypto";
import type { HandshakeAuth } from "@ordered/contract";
import { processOrder } from "../../src/orders/process-order.js";
import { openAndJoin, type TestServer } from "../support/harness.js";
import { describe, expect, it, type Venue } from "../support/kit.js";
import { type ClientSocket, type ConnectOptions, dataOf, recorderOf, send } from "../support/sockets.js";

// Two instances sharing Redis (the `cluster` fixture): staff connect to A, customers to B,
// so every event crosses.

type Connect = (server: TestServer, auth: Partial<HandshakeAuth> | undefined, opts?: ConnectOptions) => Promise<ClientSocket>;

const margherita = (venue: Venue) => venue.products[0]!;
const diavola = (venue: Venue) => venue.products[1]!;
const lemonade = (venue: Venue) => venue.products[2]!;

/** A table opened through A whose phones (`phones` customers) are connected to B. */
async function tableWithPhones(
  { cluster, venue, socket }: { cluster: readonly [TestServer, TestServer]; venue: Venue; socket: Connect },
  phones = 1,
) {
  const [a, b] = cluster;
  const opened = await openAndJoin(a, venue.staffToken);
  const customers = [opened.customerToken];
  for (let i = 1; i < phones; i++) customers.push((await b.api.joinSession(opened.session.joinCode)).token);
  const sockets = await Promise.all(customers.map((token) => socket(b, { token, lastSeq: opened.session.lastSeq })));
  return { ...opened, sockets, recorders: sockets.map((s) => recorderOf(s)) };
}

describe("order:place", () => {
  it("acks with the committed order and streams it to the staff and the table, across instances", async ({
    cluster,
    venue,
    socket,
    prisma,
  }) => {
    const [a] = cluster;
    const staff = await socket(a, { token: venue.staffToken });
    const panel = recorderOf(staff);
    await panel.waitFor("sync:done");
    const { session, sockets, recorders } = await tableWithPhones({ cluster, venue, socket }, 2);
    const clientOrderId = randomUUID();
    const payload = {
      clientOrderId,
      items: [
        { productId: margherita(venue).id, quantity: 2, note: "extra basil" },
        { productId: lemonade(venue).id, quantity: 1 },
      ],
    };
    const ack = await send(sockets[0]!, "order:place", payload);
    const { order } = dataOf(ack);
    expect(order).toMatchObject({
      clientOrderId,
      sessionId: session.id,
      status: "PLACED",
      totalCents: 2 * 950 + 450,
      currency: "EUR",
      customerName: "Ann",
      enteredBy: null,
      items: [
        { productName: "Margherita", unitPriceCents: 950, quantity: 2, note: "extra basil" },
        { productName: "Lemonade", unitPriceCents: 450, quantity: 1, note: null },
      ],
    });
    const stored = await prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(stored.status).toBe("PLACED");

    // Logged after the opening (1) and the two phones' joins (2, 3).
    const seen = await panel.waitFor("order:placed", (e) => e.data.id === order.id);
    expect(seen).toMatchObject({ sessionId: session.id, seq: 4, data: { id: order.id, totalCents: 2350 } });
    // The other phone at the table sees it too.
    const otherPhone = await recorders[1]!.waitFor("order:placed", (e) => e.data.id === order.id);
    expect(otherPhone.seq).toBe(4);
    // The placer had that event in its ack (its number and time; the order is its data), and
    // not again as a broadcast: the answer to a repeat comes after anything sent before it.
    expect(dataOf(ack).placed).toEqual({ seq: 4, at: seen.at });
    expect(dataOf(await send(sockets[0]!, "order:place", payload))).toEqual({ order: expect.objectContaining({ id: order.id }) });
    expect(recorders[0]!.named("order:placed")).toEqual([]);
  });

  it("stores an order once however often, and from however many sockets, it is sent", async ({ venue, prisma, cluster, socket }) => {
    const { session, sockets } = await tableWithPhones({ cluster, venue, socket }, 2);
    const clientOrderId = randomUUID();
    const payload = { clientOrderId, items: [{ productId: diavola(venue).id, quantity: 1 }] };
    // A double tap, a retry and a second socket, all at once.
    const acks = await Promise.all([
      ...Array.from({ length: 6 }, () => send(sockets[0]!, "order:place", payload)),
      ...Array.from({ length: 6 }, () => send(sockets[1]!, "order:place", payload)),
    ]);
    const ids = new Set(acks.map((ack) => dataOf(ack).order.id));
    expect(ids.size).toBe(1);
    // Only the call that stored it carries the order:placed event's number.
    expect(acks.filter((ack) => dataOf(ack).placed !== undefined)).toHaveLength(1);
    expect(await prisma.order.count({ where: { sessionId: session.id } })).toBe(1);
    const events = await prisma.sessionEvent.findMany({ where: { sessionId: session.id, type: "order.placed" } });
    expect(events).toHaveLength(1);
    // A later retry still returns the same order.
    expect(dataOf(await send(sockets[0]!, "order:place", payload)).order.id).toEqual([...ids][0]);
  });

  it.for([
    [{ items: [{ productId: "00000000-0000-4000-8000-000000000000", quantity: 1 }] }, "PRODUCT_UNAVAILABLE", /not on this menu/],
    [{ items: [{ quantity: 0 }] }, "VALIDATION_FAILED", /payload\.items\.0\.quantity: must be at least 1/],
    [{ items: [{ quantity: 2.5 }] }, "VALIDATION_FAILED", /payload\.items\.0\.quantity: must be a whole number/],
    [{ items: [{ quantity: 51 }] }, "VALIDATION_FAILED", /payload\.items\.0\.quantity: must be at most 50/],
    [{ items: [{ quantity: "1" }] }, "VALIDATION_FAILED", /payload\.items\.0\.quantity/],
    [{ items: [] }, "VALIDATION_FAILED", /payload\.items: must contain at least one item/],
    [{ items: Array.from({ length: 31 }, () => ({ quantity: 1 })) }, "VALIDATION_FAILED", /too many items/],
    [{ clientOrderId: "x" }, "VALIDATION_FAILED", /payload\.clientOrderId/],
    [{ items: [{ quantity: 1, note: "n".repeat(201) }] }, "VALIDATION_FAILED", /payload\.items\.0\.note/],
    [{ items: [{ quantity: 1, priceCents: 1 }] }, "VALIDATION_FAILED", /priceCents/],
  ] as [{ clientOrderId?: string; items?: Record<string, unknown>[] }, string, RegExp][])(
    "refuses %j with a clear error and stores nothing",
    async ([override, code, message], { cluster, venue, socket, prisma }) => {
      const { session, sockets } = await tableWithPhones({ cluster, venue, socket });
      const items = (override.items ?? [{ quantity: 1 }]).map((i) => ({ productId: margherita(venue).id, ...i }));
      const ack = await send(sockets[0]!, "order:place", { clientOrderId: randomUUID(), ...override, items } as never);
      expect(ack.error?.code).toBe(code);
      expect(ack.error?.message).toMatch(message);
      expect(await prisma.order.count({ where: { sessionId: session.id } })).toBe(0);
    },
  );

  it("refuses a sold-out product by name, and another location's product", async ({ cluster, venue, otherVenue, socket }) => {
    const [a] = cluster;
    const { sockets } = await tableWithPhones({ cluster, venue, socket });
    const soldOut = await a.api.createProduct(venue.staffToken, {
      name: "Truffle Pizza",
      categoryId: venue.categories[0]!.id,
      priceCents: 2000,
      available: false,
    });
    const ack = await send(sockets[0]!, "order:place", { clientOrderId: randomUUID(), items: [{ productId: soldOut.id, quantity: 1 }] });
    expect(ack.error).toEqual({ code: "PRODUCT_UNAVAILABLE", message: "Truffle Pizza is sold out" });
    const foreign = await send(sockets[0]!, "order:place", {
      clientOrderId: randomUUID(),
      items: [{ productId: otherVenue.products[0]!.id, quantity: 1 }],
    });
    expect(foreign.error?.code).toBe("PRODUCT_UNAVAILABLE");
  });

  it("places against the menu as it is now: a price, a sold-out or a hidden category changed through the other instance counts at once", async ({
    cluster,
    venue,
    socket,
  }) => {
    const [a] = cluster;
    const token = venue.staffToken;
    const { sockets } = await tableWithPhones({ cluster, venue, socket });
    const category = venue.categories[0]!;
    const spritz = await a.api.createProduct(token, { name: "Spritz", categoryId: category.id, priceCents: 700 });
    const order = () => send(sockets[0]!, "order:place", { clientOrderId: randomUUID(), items: [{ productId: spritz.id, quantity: 2 }] });
    // B now holds the menu in memory; every change below is made through A.
    expect(dataOf(await order()).order.totalCents).toBe(1400);
    await a.api.route("PATCH /api/products/:id", { token, body: { version: spritz.version, priceCents: 800 }, params: { id: spritz.id } });
    expect(dataOf(await order()).order.items[0]).toMatchObject({ productName: "Spritz", unitPriceCents: 800 });
    await a.api.route("PUT /api/products/:id/availability", { token, body: { available: false }, params: { id: spritz.id } });
    expect((await order()).error).toEqual({ code: "PRODUCT_UNAVAILABLE", message: "Spritz is sold out" });
    await a.api.route("PUT /api/products/:id/availability", { token, body: { available: true }, params: { id: spritz.id } });
    expect(dataOf(await order()).order.totalCents).toBe(1600);
    await a.api.route("PATCH /api/categories/:id", { token, body: { hidden: true }, params: { id: category.id } });
    expect((await order()).error).toEqual({ code: "PRODUCT_UNAVAILABLE", message: "Spritz is not on the menu" });
  });

  it("refuses a price the phone did not show with PRICE_CHANGED, naming the line, and stores nothing (issue 30)", async ({
    cluster,
    venue,
    socket,
    prisma,
  }) => {
    const [a] = cluster;
    const { session, sockets } = await tableWithPhones({ cluster, venue, socket });
    const phone = sockets[0]!;
    const product = await prisma.product.findUniqueOrThrow({ where: { id: lemonade(venue).id } });
    // The phone showed 4.50; the owner makes it 9.00 on the other instance before the guest taps.
    await a.api.route("PATCH /api/products/:id", {
      token: venue.staffToken,
      body: { version: product.version, priceCents: 900 },
      params: { id: product.id },
    });
    const item = { productId: product.id, quantity: 2, unitPriceCents: 450 };
    const refused = await send(phone, "order:place", { clientOrderId: randomUUID(), items: [item] });
    expect(refused.error).toEqual({
      code: "PRICE_CHANGED",
      message: "prices changed since the menu was shown: Lemonade is 9.00 EUR (shown 4.50 EUR). Check the order and send it again",
    });
    expect(await prisma.order.count({ where: { sessionId: session.id } })).toBe(0);
    // Asked again with the price now shown, it is placed at that price.
    const { order } = dataOf(await send(phone, "order:place", { clientOrderId: randomUUID(), items: [{ ...item, unitPriceCents: 900 }] }));
    expect([order.items[0]!.unitPriceCents, order.totalCents]).toEqual([900, 1800]);
  });

  it("keeps the menu's version through stock reservations and moves it with every menu edit", async ({
    cluster,
    venue,
    socket,
    prisma,
  }) => {
    const [a] = cluster;
    const token = venue.staffToken;
    const { sockets } = await tableWithPhones({ cluster, venue, socket });
    const version = async () => (await prisma.location.findUniqueOrThrow({ where: { id: venue.locationId } })).menuVersion;
    const before = await version();
    const tracked = await a.api.createProduct(token, { name: "Tiramisu", categoryId: venue.categories[0]!.id, priceCents: 600, stock: 5 });
    const created = await version();
    expect(created).toBeGreaterThan(before);
    const ack = await send(sockets[0]!, "order:place", { clientOrderId: randomUUID(), items: [{ productId: tracked.id, quantity: 2 }] });
    const processed = await processOrder(prisma, dataOf(ack).order.id);
    expect(processed?.order.status).toBe("ACCEPTED");
    expect((await prisma.product.findUniqueOrThrow({ where: { id: tracked.id } })).stock).toBe(3);
    expect(await version()).toBe(created); // a reservation is not a menu change: the copies stay good
    await a.api.route("PATCH /api/products/:id", {
      token,
      body: { version: tracked.version, description: "Mascarpone" },
      params: { id: tracked.id },
    });
    expect(await version()).toBe(created + 1);
    await a.api.route("PATCH /api/location", { token, body: { timeZone: "Europe/Rome" } });
    expect(await version()).toBe(created + 2);
  });

  it("refuses non-object payloads and staff sockets", async ({ cluster, venue, socket }) => {
    const [a] = cluster;
    const { sockets } = await tableWithPhones({ cluster, venue, socket });
    for (const bad of [null, 42, "order", [1, 2]]) {
      const ack = await send(sockets[0]!, "order:place", bad as never);
      expect(ack.error?.code).toBe("VALIDATION_FAILED");
    }
    const staff = await socket(a, { token: venue.staffToken });
    const ack = await send(staff, "order:place", {
      clientOrderId: randomUUID(),
      items: [{ productId: margherita(venue).id, quantity: 1 }],
    });
    expect(ack.error).toEqual({ code: "FORBIDDEN", message: "only customers can do this" });
  });

  it("closes the connection of a payload over the size cap", async ({ venue, prisma, cluster, socket }) => {
    const { session, sockets } = await tableWithPhones({ cluster, venue, socket });
    const phone = sockets[0]!;
    const closed = new Promise<string>((resolve) => phone.once("disconnect", resolve));
    phone.emit(
      "order:place",
      { clientOrderId: randomUUID(), items: [{ productId: margherita(venue).id, quantity: 1, note: "x".repeat(40_000) }] },
      () => {},
    );
    expect(await closed).toMatch(/transport (close|error)/);
    expect(await prisma.order.count({ where: { sessionId: session.id } })).toBe(0);
  });

  it("rate-limits orders per socket and per table; a phone over its own budget spends none of the table's", async ({
    startCluster,
    venue,
    socket,
    prisma,
  }) => {
    const [c] = (await startCluster(1, { ORDER_RATE_PER_SOCKET: "3", ORDER_RATE_PER_SESSION: "4" })) as [TestServer];
    const opened = await openAndJoin(c, venue.staffToken);
    const second = (await c.api.joinSession(opened.session.joinCode)).token;
    const [s1, s2] = await Promise.all([socket(c, { token: opened.customerToken }), socket(c, { token: second })]);
    const place = (s: ClientSocket) =>
      send(s, "order:place", { clientOrderId: randomUUID(), items: [{ productId: lemonade(venue).id, quantity: 1 }] });
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 4; i++) codes.push((await place(s1)).error?.code);
    expect(codes).toEqual([undefined, undefined, undefined, "RATE_LIMITED"]);
    expect((await place(s2)).error).toBeUndefined();
    const limited = await place(s2);
    expect(limited.error?.code).toBe("RATE_LIMITED");
    expect(limited.error?.message).toMatch(/too many orders at this table; try again in \d+s/);
    expect(await prisma.order.count({ where: { sessionId: opened.session.id } })).toBe(4);
  });

  it("counts the table's budget exactly when its phones place at once, and still answers a repeat once it is spent", async ({
    startCluster,
    venue,
    socket,
    prisma,
  }) => {
    const [c] = (await startCluster(1, { ORDER_RATE_PER_SESSION: "4" })) as [TestServer];
    const opened = await openAndJoin(c, venue.staffToken);
    const tokens = [opened.customerToken];
    for (let i = 1; i < 8; i++) tokens.push((await c.api.joinSession(opened.session.joinCode)).token);
    const phones = await Promise.all(tokens.map((token) => socket(c, { token })));
    const payloads = phones.map(() => ({ clientOrderId: randomUUID(), items: [{ productId: lemonade(venue).id, quantity: 1 }] }));
    // Eight phones at once: the session row's lock makes each write see the count the one before it left.
    const acks = await Promise.all(phones.map((phone, i) => send(phone, "order:place", payloads[i]!)));
    const refused = acks.filter((ack) => ack.error);
    expect(refused.map((ack) => ack.error?.code)).toEqual(["RATE_LIMITED", "RATE_LIMITED", "RATE_LIMITED", "RATE_LIMITED"]);
    for (const ack of refused) expect(ack.error?.retryAfter).toBeGreaterThanOrEqual(1);
    expect(await prisma.order.count({ where: { sessionId: opened.session.id } })).toBe(4);
    // Sending a stored order again is answered with it, budget spent or not.
    const first = acks.findIndex((ack) => !ack.error);
    const again = await send(phones[first]!, "order:place", payloads[first]!);
    expect(dataOf(again).order.id).toBe(dataOf(acks[first]!).order.id);
    expect(await prisma.order.count({ where: { sessionId: opened.session.id } })).toBe(4);
  });
});

describe("what is broadcast, and to whom", () => {
  it("tells the location's staff a session opened, and nobody else", async ({ cluster: [a, b], venue, otherVenue, socket }) => {
    const staff = recorderOf(await socket(b, { token: venue.staffToken }));
    const stranger = recorderOf(await socket(b, { token: otherVenue.staffToken }));
    await Promise.all([staff.waitFor("sync:done"), stranger.waitFor("sync:done")]);
    const opened = await a.api.openSession(venue.staffToken, "Terrace 4");
    const e = await staff.waitFor("session:opened", (x) => x.sessionId === opened.session.id);
    expect(e).toMatchObject({ seq: 1, data: { label: "Terrace 4", status: "OPEN" } });
    // Barrier: a session of the stranger's own location, opened through the same instance
    // after ours, reaches the stranger through the same Redis channel after ours would have.
    const own = await a.api.openSession(otherVenue.staffToken, "Stranger's table");
    await stranger.waitFor("session:opened", (x) => x.sessionId === own.session.id);
    expect(stranger.sessionEvents()).toEqual([["session:opened", own.session.id, 1]]);
  });

  it("tells the table at once when it closes, and refuses its later commands", async ({ cluster, venue, socket, prisma }) => {
    const [a, b] = cluster;
    const staff = recorderOf(await socket(b, { token: venue.staffToken }));
    await staff.waitFor("sync:done");
    const { session, sockets, recorders } = await tableWithPhones({ cluster, venue, socket }, 2);
    await a.api.closeSession(venue.staffToken, session.id);
    for (const r of [...recorders, staff]) {
      const e = await r.waitFor("session:closed", (x) => x.sessionId === session.id);
      // After the opening (1) and the two phones' joins (2, 3).
      expect(e.seq).toBe(4);
    }
    const ack = await send(sockets[0]!, "order:place", {
      clientOrderId: randomUUID(),
      items: [{ productId: lemonade(venue).id, quantity: 1 }],
    });
    expect(ack.error).toEqual({ code: "SESSION_CLOSED", message: "this table's session is closed" });
    expect(await prisma.order.count({ where: { sessionId: session.id } })).toBe(0);
  });

  it("still answers a retry of an order stored before the table closed with that order", async ({ cluster, venue, prisma, socket }) => {
    const [a] = cluster;
    // The phone sent the order, the ack was lost, the table closed, the phone retries.
    const { session, sockets, recorders } = await tableWithPhones({ cluster, venue, socket });
    const clientOrderId = randomUUID();
    const first = dataOf(
      await send(sockets[0]!, "order:place", { clientOrderId, items: [{ productId: lemonade(venue).id, quantity: 1 }] }),
    );
    // Nothing processes orders in this file: the order is still unchecked, so closing must say what becomes of it.
    await a.api.closeSession(venue.staffToken, session.id, { unfinished: "cancel" });
    await recorders[0]!.waitFor("session:closed", (x) => x.sessionId === session.id);
    const retry = await send(sockets[0]!, "order:place", { clientOrderId, items: [{ productId: lemonade(venue).id, quantity: 1 }] });
    expect(dataOf(retry).order).toMatchObject({ id: first.order.id, status: "CANCELLED" });
    const fresh = await send(sockets[0]!, "order:place", {
      clientOrderId: randomUUID(),
      items: [{ productId: lemonade(venue).id, quantity: 1 }],
    });
    expect(fresh.error?.code).toBe("SESSION_CLOSED");
    expect(await prisma.order.count({ where: { sessionId: session.id } })).toBe(1);
    expect(await prisma.sessionEvent.count({ where: { sessionId: session.id, type: "order.placed" } })).toBe(1);
  });

  it("pushes a live 'sold out' to customers of the location's open sessions only", async ({ cluster, venue, otherVenue, socket }) => {
    const [a, b] = cluster;
    const { recorders } = await tableWithPhones({ cluster, venue, socket });
    const staff = recorderOf(await socket(b, { token: venue.staffToken }));
    const otherTable = await openAndJoin(a, otherVenue.staffToken);
    const stranger = recorderOf(await socket(b, { token: otherTable.customerToken }));
    const closedTable = await tableWithPhones({ cluster, venue, socket });
    await a.api.closeSession(venue.staffToken, closedTable.session.id);
    await closedTable.recorders[0]!.waitFor("session:closed");
    await Promise.all([staff.waitFor("sync:done"), stranger.waitFor("sync:done")]);

    await a.api.setAvailability(venue.staffToken, diavola(venue).id, false);
    const seen = await recorders[0]!.waitFor("product:updated", (p) => p.id === diavola(venue).id);
    expect(seen.available).toBe(false);
    await staff.waitFor("product:updated", (p) => p.id === diavola(venue).id);
    // Barriers, so that "did not arrive" means "was not sent". The stranger: its own
    // location's change, made through the same instance afterwards, comes after ours.
    await a.api.setAvailability(otherVenue.staffToken, otherVenue.products[1]!.id, false);
    await stranger.waitFor("product:updated", (p) => p.id === otherVenue.products[1]!.id);
    expect(stranger.named("product:updated").map((p) => p.id)).toEqual([otherVenue.products[1]!.id]);
    // The closed table's phone can no longer receive broadcasts of either location, so its
    // barrier is an ack: instance B fanned our change out to its sockets before the staff
    // socket above got it, and an ack sent later on the same connection arrives after
    // anything sent to it before.
    const refused = await send(closedTable.sockets[0]!, "order:place", {
      clientOrderId: randomUUID(),
      items: [{ productId: lemonade(venue).id, quantity: 1 }],
    });
    expect(refused.error?.code).toBe("SESSION_CLOSED");
    expect(closedTable.recorders[0]!.named("product:updated")).toEqual([]);
  });

  it("lets staff focus only their own location's sessions", async ({ cluster, venue, otherVenue, socket }) => {
    const [a] = cluster;
    const staff = await socket(a, { token: venue.staffToken });
    const foreign = await openAndJoin(a, otherVenue.staffToken);
    const ack = await send(staff, "session:focus", { sessionId: foreign.session.id });
    expect(ack.error).toEqual({ code: "NOT_FOUND", message: "session not found" });
    const own = await tableWithPhones({ cluster, venue, socket });
    // Opened (1), then Ann joined (2).
    expect(dataOf(await send(staff, "session:focus", { sessionId: own.session.id, afterSeq: 0 })).lastSeq).toBe(2);
    const customerAck = await send(own.sockets[0]!, "session:focus", { sessionId: own.session.id });
    expect(customerAck.error?.code).toBe("FORBIDDEN");
  });
});
