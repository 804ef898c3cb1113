// Issue 30, "Money": no bill is zeroed, refunded or waived without a role that may, a reason,
// and a trace (who, when, why, how much) on the session's record and the day's report; no
// staff action acts on a state the person did not see; a repeat of a payment id that says
// something else is a CONFLICT; money columns hold any bill the limits allow.
import { randomUUID } from "node:crypto";
import { billOf, MAX_INT32, type OrderDto, type RecordPaymentBody } from "@ordered/contract";
import { type Crew, describe, expect, it } from "../staff/staff-kit.js";
import type { TestServer } from "../support/harness.js";
import { eventually, openAndJoin } from "../support/harness.js";
import { type ClientSocket, dataOf, send } from "../support/sockets.js";
import { acceptedOrder } from "./session-kit.js";

const pay = (amountCents: number, extra: Partial<RecordPaymentBody> = {}): RecordPaymentBody => ({
  clientPaymentId: randomUUID(),
  method: "CASH",
  amountCents,
  ...extra,
});

/** A session opened by the owner with a phone on it, and a Diavola (12.50) accepted by the pipeline. */
async function sessionWithOrder(
  server: TestServer,
  crew: Crew,
  socket: (s: TestServer, a: { token: string }) => Promise<ClientSocket>,
  prisma: Parameters<typeof acceptedOrder>[0],
) {
  const table = await openAndJoin(server, crew.tokens.OWNER, `Table ${randomUUID().slice(0, 4)}`);
  const phone = await socket(server, { token: table.customerToken });
  const order = await acceptedOrder(prisma, phone, [{ productId: crew.products[1]!.id, quantity: 1 }]);
  return { table, phone, order };
}

/** The order's kitchen ticket bumped to PREPARING by a station: the kitchen has started it. */
async function startCooking(
  server: TestServer,
  crew: Crew,
  socket: (s: TestServer, a: { token: string }) => Promise<ClientSocket>,
  order: OrderDto,
  prisma: Parameters<typeof acceptedOrder>[0],
) {
  const ticket = await eventually(() => prisma.ticket.findFirst({ where: { orderId: order.id } }), 15_000, "the order's ticket");
  const kitchen = await socket(server, { token: crew.tokens.KITCHEN });
  dataOf(await send(kitchen, "ticket:bump", { ticketId: ticket.id, to: "PREPARING" }));
}

describe("money integrity", () => {
  it("lets only a manager cancel food the kitchen started, with a reason, and logs who, when, why and how much", async ({
    server,
    worker,
    crew,
    socket,
    prisma,
  }) => {
    void worker;
    const { table, order } = await sessionWithOrder(server, crew, socket, prisma);
    await startCooking(server, crew, socket, order, prisma);
    const waiter = await socket(server, { token: crew.tokens.SERVER });
    expect((await send(waiter, "order:cancel", { orderId: order.id, seen: "PREPARING", reason: "too slow" })).error).toEqual({
      code: "FORBIDDEN",
      message: "a SERVER account cannot cancel food the kitchen has started (needs OWNER or MANAGER)",
    });
    const manager = await socket(server, { token: crew.tokens.MANAGER });
    expect((await send(manager, "order:cancel", { orderId: order.id, seen: "PREPARING" })).error).toEqual({
      code: "VALIDATION_FAILED",
      message: "payload.reason: say why food the kitchen has started is cancelled",
    });
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("ACCEPTED");

    const { order: cancelled } = dataOf(await send(manager, "order:cancel", { orderId: order.id, seen: "PREPARING", reason: "burnt" }));
    expect(cancelled).toMatchObject({ status: "CANCELLED", statusReason: "burnt", cancelledBy: expect.stringMatching(/^Manager /) });
    const logged = await prisma.sessionEvent.findFirstOrThrow({ where: { sessionId: table.session.id }, orderBy: { seq: "desc" } });
    expect(logged.payload).toMatchObject({ id: order.id, status: "CANCELLED", statusReason: "burnt", totalCents: 1250 });

    const closed = await server.api.route("POST /api/sessions/:id/close", {
      token: crew.tokens.MANAGER,
      body: {},
      params: { id: table.session.id },
    });
    expect(closed.receipt.bill).toMatchObject({ totalCents: 0, voidedCents: 1250, dueCents: 0 });
    const today = new Date().toISOString().slice(0, 10);
    const stats = await server.api.route("GET /api/stats/daily", { token: crew.tokens.MANAGER, query: { date: today, tz: "UTC" } });
    expect(stats.adjustments).toContainEqual(
      expect.objectContaining({
        kind: "VOID",
        sessionId: table.session.id,
        amountCents: 1250,
        reason: "burnt",
        by: expect.stringMatching(/^Manager /),
      }),
    );
  });

  it("refuses a cancel when the order moved on since the person saw it, naming what it is now", async ({
    server,
    worker,
    crew,
    socket,
    prisma,
  }) => {
    void worker;
    const { order } = await sessionWithOrder(server, crew, socket, prisma);
    const owner = await socket(server, { token: crew.tokens.OWNER });
    // Another device made it ready while this one's dialog was open on "New".
    dataOf(await send(owner, "order:advance", { orderId: order.id, to: "READY", overrideKitchen: true }));
    const stale = await send(owner, "order:cancel", { orderId: order.id, seen: "NEW", reason: "guest left" });
    expect(stale.error).toEqual({
      code: "CONFLICT",
      message: "this order is Ready now, not New as you saw it: look at it again before cancelling",
    });
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("ACCEPTED");
    const rest = await server.api.request("POST", `/api/orders/${order.id}/cancel`, { token: crew.tokens.OWNER, body: { reason: "x" } });
    expect([rest.status, rest.body.error.message]).toEqual([
      400,
      "body.seen: must be one of PLACED, NEW, PREPARING, READY, DELIVERED, REJECTED, CANCELLED, FAILED",
    ]);
  });

  it("does not let a waiter zero a bill at close: started food and waivers need a manager and a reason", async ({
    server,
    worker,
    crew,
    socket,
    prisma,
  }) => {
    void worker;
    const { table, order } = await sessionWithOrder(server, crew, socket, prisma);
    await startCooking(server, crew, socket, order, prisma);
    const close = (token: string, body: Record<string, unknown>) =>
      server.api.request("POST", `/api/sessions/${table.session.id}/close`, { token, body });

    const cancelAll = await close(crew.tokens.SERVER, { unfinished: "cancel" });
    expect([cancelAll.status, cancelAll.body.error.message]).toEqual([
      403,
      `a SERVER account cannot cancel food the kitchen has started (needs OWNER or MANAGER): deliver it, or ask a manager to close ${table.session.label}`,
    ]);
    const waive = await close(crew.tokens.SERVER, { unfinished: "finish", waiveReason: "friends" });
    expect([waive.status, waive.body.error.message]).toEqual([
      403,
      `a SERVER account cannot waive part of a bill (needs OWNER or MANAGER): ${table.session.label} still owes 12.50 EUR`,
    ]);
    const noReason = await close(crew.tokens.MANAGER, { unfinished: "cancel" });
    expect([noReason.status, noReason.body.error.message]).toEqual([
      400,
      "body.cancelReason: say why food the kitchen has started is cancelled",
    ]);
    // Every refusal rolled back: the food is still on the bill.
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("ACCEPTED");
    expect((await prisma.orderSession.findUniqueOrThrow({ where: { id: table.session.id } })).status).toBe("OPEN");

    const closed = await server.api.route("POST /api/sessions/:id/close", {
      token: crew.tokens.MANAGER,
      body: { unfinished: "cancel", cancelReason: "kitchen fire" },
      params: { id: table.session.id },
    });
    expect(closed.receipt.bill).toMatchObject({ totalCents: 0, voidedCents: 1250 });
    const stored = await prisma.order.findUniqueOrThrow({ where: { id: order.id }, include: { cancelledBy: true } });
    expect([stored.statusReason, stored.cancelledBy?.displayName]).toEqual(["kitchen fire", expect.stringMatching(/^Manager /)]);
  });

  it("cancels paid food only with its refund, recorded with who and how, so the receipt never shows more paid than billed", async ({
    server,
    worker,
    crew,
    socket,
    prisma,
  }) => {
    void worker;
    const { table, order } = await sessionWithOrder(server, crew, socket, prisma);
    await server.api.recordPayment(crew.tokens.SERVER, table.session.id, pay(1250));
    const waiter = await socket(server, { token: crew.tokens.SERVER });
    const unpaid = await send(waiter, "order:cancel", { orderId: order.id, seen: "NEW" });
    expect(unpaid.error).toEqual({
      code: "REFUND_REQUIRED",
      message: "12.50 EUR was paid for food this takes off the bill: give it back and record the refund with the cancel",
    });
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("ACCEPTED");

    const refundId = randomUUID();
    dataOf(await send(waiter, "order:cancel", { orderId: order.id, seen: "NEW", refund: { clientPaymentId: refundId, method: "CASH" } }));
    // A retry of the same cancel (a lost ack) records nothing twice.
    dataOf(await send(waiter, "order:cancel", { orderId: order.id, seen: "NEW", refund: { clientPaymentId: refundId, method: "CASH" } }));
    const payments = await prisma.payment.findMany({ where: { sessionId: table.session.id }, orderBy: { recordedAt: "asc" } });
    expect(payments.map((p) => [p.kind, p.amountCents])).toEqual([
      ["PAYMENT", 1250],
      ["REFUND", 1250],
    ]);
    const closed = await server.api.route("POST /api/sessions/:id/close", {
      token: crew.tokens.SERVER,
      body: {},
      params: { id: table.session.id },
    });
    expect(closed.receipt.bill).toMatchObject({ totalCents: 0, paidCents: 0, refundedCents: 1250, dueCents: 0 });
    expect(closed.receipt.payments.map((p: { kind: string }) => p.kind)).toEqual(["PAYMENT", "REFUND"]);
  });

  it("answers CONFLICT when a payment id is repeated with other content, and the same payment when it is the same", async ({
    server,
    worker,
    crew,
    socket,
    prisma,
  }) => {
    void worker;
    const { table } = await sessionWithOrder(server, crew, socket, prisma);
    const first = pay(500, { tipCents: 100 });
    const recorded = await server.api.recordPayment(crew.tokens.SERVER, table.session.id, first);
    const repeat = await server.api.recordPayment(crew.tokens.SERVER, table.session.id, first);
    expect(repeat).toEqual(recorded);
    const other = await server.api.request("POST", `/api/sessions/${table.session.id}/payments`, {
      token: crew.tokens.SERVER,
      body: { ...first, amountCents: 700 },
    });
    expect([other.status, other.body.error]).toEqual([
      409,
      {
        code: "CONFLICT",
        message: `payment ${first.clientPaymentId} was already recorded with another amountCents: a new payment needs a new id`,
      },
    ]);
    expect(await prisma.payment.count({ where: { sessionId: table.session.id } })).toBe(1);
  });

  it("closes a bill past 2^31 cents with a waiver: money columns hold every bill the limits allow", async ({
    server,
    worker,
    crew,
    socket,
    prisma,
  }) => {
    void worker;
    const token = crew.tokens.OWNER;
    const dear = await server.api.createProduct(token, {
      name: `Caviar ${randomUUID().slice(0, 6)}`,
      categoryId: crew.categories[0]!.id,
      priceCents: 1_000_000,
      stock: null,
    });
    const table = await openAndJoin(server, token, "Table 1e9");
    const phone = await socket(server, { token: table.customerToken });
    // Three of the largest orders the limits allow: 3 × 30 lines × 50 × 10,000.00 = 4.5e9 cents.
    const lines = Array.from({ length: 30 }, (_, i) => ({ productId: dear.id, quantity: 50, note: `seat ${i}` }));
    for (let i = 0; i < 3; i++) await acceptedOrder(prisma, phone, lines);
    const detail = await server.api.route("GET /api/sessions/:id", { token, params: { id: table.session.id } });
    expect(billOf({ currency: "EUR", orders: detail.orders, payments: detail.payments }).totalCents).toBe(4_500_000_000);
    await server.api.recordPayment(token, table.session.id, pay(MAX_INT32));
    const closed = await server.api.route("POST /api/sessions/:id/close", {
      token,
      body: { unfinished: "finish", waiveReason: "test of the limits" },
      params: { id: table.session.id },
    });
    expect(closed.receipt.bill).toMatchObject({
      totalCents: 4_500_000_000,
      paidCents: MAX_INT32,
      waivedCents: 4_500_000_000 - MAX_INT32,
      dueCents: 0,
    });
    const today = new Date().toISOString().slice(0, 10);
    const stats = await server.api.route("GET /api/stats/daily", { token, query: { date: today, tz: "UTC" } });
    expect(stats.adjustments).toContainEqual(expect.objectContaining({ kind: "WAIVE", amountCents: 4_500_000_000 - MAX_INT32 }));
  });

  it("refuses log numbers past the INTEGER column at the edge: handshake cursors and session:focus", async ({ server, crew, socket }) => {
    const table = await openAndJoin(server, crew.tokens.OWNER, "Table 31");
    const tooFar = 2 ** 31;
    await expect(socket(server, { token: table.customerToken, lastSeq: tooFar })).rejects.toMatchObject({
      data: { code: "VALIDATION_FAILED", message: `lastSeq: must be at most ${MAX_INT32}` },
    });
    await expect(socket(server, { token: crew.tokens.OWNER, cursors: { [table.session.id]: tooFar } })).rejects.toMatchObject({
      data: { code: "VALIDATION_FAILED" },
    });
    const staff = await socket(server, { token: crew.tokens.OWNER });
    expect((await send(staff, "session:focus", { sessionId: table.session.id, afterSeq: tooFar })).error).toEqual({
      code: "VALIDATION_FAILED",
      message: `payload.afterSeq: must be at most ${MAX_INT32}`,
    });
    // The edge's answer left the socket working.
    expect(dataOf(await send(staff, "session:focus", { sessionId: table.session.id, afterSeq: 0 })).lastSeq).toBeGreaterThan(0);
  });
});
