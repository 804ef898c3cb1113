import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { api, loginAs, openAndJoin, seedLocation, startCluster, testPrisma, type SeededLocation, type TestServer } from "../support/harness.js";
import { closeAllSockets, connect, dataOf, quiet, recorderOf, send } from "../support/sockets.js";

// Two instances sharing Redis: staff connect to A, customers to B, so every event crosses.
let a: TestServer;
let b: TestServer;
let loc: SeededLocation;
let staffToken: string;

beforeAll(async () => {
  [a, b] = (await startCluster(2)) as [TestServer, TestServer];
  loc = await seedLocation(testPrisma());
  staffToken = await loginAs(a, loc.owner);
});
afterEach(closeAllSockets);
afterAll(async () => {
  await a.close();
  await b.close();
});

const margherita = () => loc.products[0]!;
const diavola = () => loc.products[1]!;
const lemonade = () => loc.products[2]!;

async function tableWithPhones(phones = 1) {
  const opened = await openAndJoin(a, staffToken);
  const customers = [opened.customerToken];
  for (let i = 1; i < phones; i++) {
    customers.push((await api(b, "POST", "/api/sessions/join", { body: { joinCode: opened.session.joinCode } })).body.token);
  }
  const sockets = await Promise.all(customers.map((token) => connect(b, { token, lastSeq: opened.session.lastSeq })));
  return { ...opened, sockets, recorders: sockets.map((s) => recorderOf(s)) };
}

describe("order:place", () => {
  it("acks with the committed order and streams it to the staff and the table, across instances", async () => {
    const staff = await connect(a, { token: staffToken });
    const panel = recorderOf(staff);
    await panel.waitFor("sync:done");
    const { session, sockets, recorders } = await tableWithPhones(2);
    const clientOrderId = randomUUID();
    const ack = await send(sockets[0]!, "order:place", {
      clientOrderId,
      items: [
        { productId: margherita().id, quantity: 2, note: "extra basil" },
        { productId: lemonade().id, quantity: 1 },
      ],
    });
    const { order } = dataOf(ack);
    expect(order).toMatchObject({
      clientOrderId,
      sessionId: session.id,
      status: "PLACED",
      totalCents: 2 * 950 + 450,
      currency: "EUR",
      customerName: "Ann",
      items: [
        { productName: "Margherita", unitPriceCents: 950, quantity: 2, note: "extra basil" },
        { productName: "Lemonade", unitPriceCents: 450, quantity: 1, note: null },
      ],
    });
    const stored = await testPrisma().order.findUniqueOrThrow({ where: { id: order.id } });
    expect(stored.status).toBe("PLACED");

    const seen = await panel.waitFor("order:placed", (e) => e.data.id === order.id);
    expect(seen).toMatchObject({ sessionId: session.id, seq: 2, data: { id: order.id, totalCents: 2350 } });
    // The other phone at the table sees it too.
    const otherPhone = await recorders[1]!.waitFor("order:placed", (e) => e.data.id === order.id);
    expect(otherPhone.seq).toBe(2);
  });

  it("stores an order once however often, and from however many sockets, it is sent", async () => {
    const { session, sockets } = await tableWithPhones(2);
    const clientOrderId = randomUUID();
    const payload = { clientOrderId, items: [{ productId: diavola().id, quantity: 1 }] };
    // A double tap, a retry and a second socket, all at once.
    const acks = await Promise.all([
      ...Array.from({ length: 6 }, () => send(sockets[0]!, "order:place", payload)),
      ...Array.from({ length: 6 }, () => send(sockets[1]!, "order:place", payload)),
    ]);
    const ids = new Set(acks.map((ack) => dataOf(ack).order.id));
    expect(ids.size).toBe(1);
    expect(await testPrisma().order.count({ where: { sessionId: session.id } })).toBe(1);
    const events = await testPrisma().sessionEvent.findMany({ where: { sessionId: session.id, type: "order.placed" } });
    expect(events).toHaveLength(1);
    // A later retry still returns the same order.
    expect(dataOf(await send(sockets[0]!, "order:place", payload)).order.id).toEqual([...ids][0]);
  });

  it.each([
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
  ] as [{ clientOrderId?: string; items?: Record<string, unknown>[] }, string, RegExp][])("refuses %j with a clear error and stores nothing", async (override, code, message) => {
    const { session, sockets } = await tableWithPhones();
    const items = (override.items ?? [{ quantity: 1 }]).map((i) => ({ productId: margherita().id, ...i }));
    const ack = await send(sockets[0]!, "order:place", { clientOrderId: randomUUID(), ...override, items } as never);
    expect(ack.error?.code).toBe(code);
    expect(ack.error?.message).toMatch(message);
    expect(await testPrisma().order.count({ where: { sessionId: session.id } })).toBe(0);
  });

  it("refuses a sold-out product by name, and another location's product", async () => {
    const { sockets } = await tableWithPhones();
    const soldOut = (await api(a, "POST", "/api/products", { token: staffToken, body: { name: "Truffle Pizza", category: "Pizza", priceCents: 2000, available: false } })).body.product;
    const ack = await send(sockets[0]!, "order:place", { clientOrderId: randomUUID(), items: [{ productId: soldOut.id, quantity: 1 }] });
    expect(ack.error).toEqual({ code: "PRODUCT_UNAVAILABLE", message: "Truffle Pizza is sold out" });
    const other = await seedLocation(testPrisma());
    const foreign = await send(sockets[0]!, "order:place", { clientOrderId: randomUUID(), items: [{ productId: other.products[0]!.id, quantity: 1 }] });
    expect(foreign.error?.code).toBe("PRODUCT_UNAVAILABLE");
  });

  it("refuses non-object payloads and staff sockets", async () => {
    const { sockets } = await tableWithPhones();
    for (const bad of [null, 42, "order", [1, 2]]) {
      const ack = await send(sockets[0]!, "order:place", bad as never);
      expect(ack.error?.code).toBe("VALIDATION_FAILED");
    }
    const staff = await connect(a, { token: staffToken });
    const ack = await send(staff, "order:place", { clientOrderId: randomUUID(), items: [{ productId: margherita().id, quantity: 1 }] });
    expect(ack.error).toEqual({ code: "FORBIDDEN", message: "only customers can do this" });
  });

  it("closes the connection of a payload over the size cap", async () => {
    const { sockets } = await tableWithPhones();
    const socket = sockets[0]!;
    const closed = new Promise<string>((resolve) => socket.once("disconnect", resolve));
    socket.emit("order:place", { clientOrderId: randomUUID(), items: [{ productId: margherita().id, quantity: 1, note: "x".repeat(40_000) }] }, () => {});
    expect(await closed).toMatch(/transport (close|error)/);
  });

  it("rate-limits orders per socket and per session, in Redis", async () => {
    const [c] = await startCluster(1, { ORDER_RATE_PER_SOCKET: "3", ORDER_RATE_PER_SESSION: "4" });
    try {
      const opened = await openAndJoin(c!, staffToken);
      const second = (await api(c!, "POST", "/api/sessions/join", { body: { joinCode: opened.session.joinCode } })).body.token;
      const [s1, s2] = await Promise.all([connect(c!, { token: opened.customerToken }), connect(c!, { token: second })]);
      const place = (s: typeof s1) => send(s, "order:place", { clientOrderId: randomUUID(), items: [{ productId: lemonade().id, quantity: 1 }] });
      const codes: (string | undefined)[] = [];
      for (let i = 0; i < 4; i++) codes.push((await place(s1)).error?.code);
      expect(codes).toEqual([undefined, undefined, undefined, "RATE_LIMITED"]);
      expect((await place(s2)).error).toBeUndefined();
      const limited = await place(s2);
      expect(limited.error?.code).toBe("RATE_LIMITED");
      expect(limited.error?.message).toMatch(/too many orders at this table; try again in \d+s/);
      expect(await testPrisma().order.count({ where: { sessionId: opened.session.id } })).toBe(4);
    } finally {
      await c!.close();
    }
  });
});

describe("what is broadcast, and to whom", () => {
  it("tells the location's staff a session opened, and nobody else", async () => {
    const staff = recorderOf(await connect(b, { token: staffToken }));
    const other = await seedLocation(testPrisma());
    const stranger = recorderOf(await connect(b, { token: await loginAs(a, other.owner) }));
    await Promise.all([staff.waitFor("sync:done"), stranger.waitFor("sync:done")]);
    const opened = (await api(a, "POST", "/api/sessions", { token: staffToken, body: { label: "Terrace 4" } })).body.session;
    const e = await staff.waitFor("session:opened", (x) => x.sessionId === opened.id);
    expect(e).toMatchObject({ seq: 1, data: { label: "Terrace 4", status: "OPEN" } });
    await quiet();
    expect(stranger.sessionEvents()).toEqual([]);
  });

  it("tells the table at once when it closes, and refuses its later commands", async () => {
    const staff = recorderOf(await connect(b, { token: staffToken }));
    await staff.waitFor("sync:done");
    const { session, sockets, recorders } = await tableWithPhones(2);
    await api(a, "POST", `/api/sessions/${session.id}/close`, { token: staffToken });
    for (const r of [...recorders, staff]) {
      const e = await r.waitFor("session:closed", (x) => x.sessionId === session.id);
      expect(e.seq).toBe(2);
    }
    const ack = await send(sockets[0]!, "order:place", { clientOrderId: randomUUID(), items: [{ productId: lemonade().id, quantity: 1 }] });
    expect(ack.error).toEqual({ code: "SESSION_CLOSED", message: "this table's session is closed" });
    expect(await testPrisma().order.count({ where: { sessionId: session.id } })).toBe(0);
  });

  it("still answers a retry of an order stored before the table closed with that order", async () => {
    // The phone sent the order, the ack was lost, the table closed, the phone retries.
    const { session, sockets, recorders } = await tableWithPhones();
    const clientOrderId = randomUUID();
    const first = dataOf(await send(sockets[0]!, "order:place", { clientOrderId, items: [{ productId: lemonade().id, quantity: 1 }] }));
    await api(a, "POST", `/api/sessions/${session.id}/close`, { token: staffToken });
    await recorders[0]!.waitFor("session:closed", (x) => x.sessionId === session.id);
    const retry = await send(sockets[0]!, "order:place", { clientOrderId, items: [{ productId: lemonade().id, quantity: 1 }] });
    expect(dataOf(retry).order.id).toBe(first.order.id);
    const fresh = await send(sockets[0]!, "order:place", { clientOrderId: randomUUID(), items: [{ productId: lemonade().id, quantity: 1 }] });
    expect(fresh.error?.code).toBe("SESSION_CLOSED");
    expect(await testPrisma().order.count({ where: { sessionId: session.id } })).toBe(1);
    expect(await testPrisma().sessionEvent.count({ where: { sessionId: session.id, type: "order.placed" } })).toBe(1);
  });

  it("pushes a live 'sold out' to customers of the location's open sessions only", async () => {
    const { recorders } = await tableWithPhones();
    const staff = recorderOf(await connect(b, { token: staffToken }));
    const other = await seedLocation(testPrisma());
    const otherTable = await openAndJoin(a, await loginAs(a, other.owner));
    const stranger = recorderOf(await connect(b, { token: otherTable.customerToken }));
    const closedTable = await tableWithPhones();
    await api(a, "POST", `/api/sessions/${closedTable.session.id}/close`, { token: staffToken });
    await closedTable.recorders[0]!.waitFor("session:closed");
    await Promise.all([staff.waitFor("sync:done"), stranger.waitFor("sync:done")]);

    await api(a, "PUT", `/api/products/${diavola().id}/availability`, { token: staffToken, body: { available: false } });
    const seen = await recorders[0]!.waitFor("product:updated", (p) => p.id === diavola().id);
    expect(seen.available).toBe(false);
    await staff.waitFor("product:updated", (p) => p.id === diavola().id);
    await quiet();
    expect(stranger.named("product:updated")).toEqual([]);
    expect(closedTable.recorders[0]!.named("product:updated")).toEqual([]);
    await api(a, "PUT", `/api/products/${diavola().id}/availability`, { token: staffToken, body: { available: true } });
  });

  it("lets staff focus only their own location's sessions", async () => {
    const staff = await connect(a, { token: staffToken });
    const other = await seedLocation(testPrisma());
    const foreign = await openAndJoin(a, await loginAs(a, other.owner));
    const ack = await send(staff, "session:focus", { sessionId: foreign.session.id });
    expect(ack.error).toEqual({ code: "NOT_FOUND", message: "session not found" });
    const own = await tableWithPhones();
    expect(dataOf(await send(staff, "session:focus", { sessionId: own.session.id, afterSeq: 0 })).lastSeq).toBe(1);
    const customerAck = await send(own.sockets[0]!, "session:focus", { sessionId: own.session.id });
    expect(customerAck.error?.code).toBe("FORBIDDEN");
  });
});
