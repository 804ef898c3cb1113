import { randomUUID } from "node:crypto";
import { type CorrectionBody, type OrderDto, percentOf } from "@ordered/contract";
import type { PrismaClient } from "../../src/db/prisma.js";
import { type Account, type Crew, createAccount, describe, expect, it } from "../staff/staff-kit.js";
import { eventually, type TestServer } from "../support/harness.js";
import { type ClientSocket, dataOf, recorderOf, send } from "../support/sockets.js";

// Issue 32, item 2: corrections of a bill at line level (void, comp, discount) and of the
// whole bill, with who/why logged, manager approval on the device, role limits, exactly-once
// ids, and a service charge; the bill sums to the cent. Two instances: staff on A and B.

const MARGHERITA = 0; // 950, stock 2
const DIAVOLA = 1; // 1250
const LEMONADE = 2; // 450

/** A waiter-only table: an order of the given lines entered by the owner, accepted by the pipeline. */
async function tableWithOrder(a: TestServer, crew: Crew, prisma: PrismaClient, lines: [number, number][]) {
  const { session } = await a.api.openSession(crew.tokens.OWNER, `Fix ${randomUUID().slice(0, 6)}`);
  const { order } = await a.api.route("POST /api/sessions/:id/orders", {
    token: crew.tokens.OWNER,
    params: { id: session.id },
    body: { clientOrderId: randomUUID(), items: lines.map(([p, quantity]) => ({ productId: crew.products[p]!.id, quantity })) },
  });
  await eventually(async () => (await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status === "ACCEPTED", 15_000);
  return { session, order };
}

const correct = (server: TestServer, token: string, sessionId: string, body: CorrectionBody) =>
  server.api.request("POST", `/api/sessions/${sessionId}/corrections`, { token, body });

const line = (order: Pick<OrderDto, "id">, position: number) => ({ orderId: order.id, position });
const id = () => randomUUID();

/** The kitchen starts every ticket of the order (as its display's bump would). */
async function kitchenStarts(kitchen: ClientSocket, prisma: PrismaClient, orderId: string) {
  const tickets = await prisma.ticket.findMany({ where: { orderId } });
  for (const t of tickets) dataOf(await send(kitchen, "ticket:bump", { ticketId: t.id, to: "PREPARING" }));
}

describe("voiding a line", () => {
  it("is free before the kitchen starts; after, needs a reason and a manager (or their approval on the device); the kitchen hears it", async ({
    cluster: [a, b],
    worker,
    crew,
    socket,
    prisma,
  }) => {
    void worker;
    const { session, order } = await tableWithOrder(a, crew, prisma, [
      [DIAVOLA, 1],
      [LEMONADE, 2],
    ]);
    const server = crew.tokens.SERVER;
    // Before the kitchen started: a waiter voids the lemonades, no reason needed.
    const early = await correct(a, server, session.id, { clientCorrectionId: id(), kind: "VOID", ...line(order, 1) });
    expect(early.status, JSON.stringify(early.body)).toBe(201);
    expect(early.body.correction).toMatchObject({ kind: "VOID", offCents: 900, reason: null, approvedBy: null, position: 1 });

    const kitchenSocket = await socket(b, { token: crew.tokens.KITCHEN });
    const kitchen = recorderOf(kitchenSocket);
    await kitchen.waitFor("sync:done");
    await kitchenStarts(kitchenSocket, prisma, order.id);

    // After: no reason → refused; a waiter with a reason → refused, naming the manager's approval.
    const noReason = await correct(a, crew.tokens.MANAGER, session.id, { clientCorrectionId: id(), kind: "VOID", ...line(order, 0) });
    expect([noReason.status, noReason.body.error.code]).toEqual([400, "VALIDATION_FAILED"]);
    const waiter = await correct(a, server, session.id, { clientCorrectionId: id(), kind: "VOID", reason: "sent back", ...line(order, 0) });
    expect([waiter.status, waiter.body.error.code]).toEqual([403, "FORBIDDEN"]);
    expect(waiter.body.error.message).toMatch(/^a SERVER account cannot cancel food the kitchen has started.*approve/);

    // A manager approves on the waiter's device: recorded with both names.
    const manager: Account = await createAccount(a, crew.tokens.OWNER, "MANAGER");
    const approved = await correct(b, server, session.id, {
      clientCorrectionId: id(),
      kind: "VOID",
      reason: "sent back: too spicy",
      approval: { email: manager.email, password: manager.password },
      ...line(order, 0),
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(201);
    expect(approved.body.correction).toMatchObject({
      kind: "VOID",
      offCents: 1250,
      reason: "sent back: too spicy",
      approvedBy: manager.staff.displayName,
    });
    expect(approved.body.correction.by).toEqual(expect.any(String));

    // The kitchen hears the order with the line voided (its kitchen form); the log holds both.
    const heard = await kitchen.waitFor("order:corrected", (e) => e.data.correction.position === 0);
    expect(heard.data.order.items[0].corrections.map((c: { kind: string }) => c.kind)).toEqual(["VOID"]);
    expect(heard.data.order).not.toHaveProperty("customerName");
    expect(await prisma.sessionEvent.count({ where: { sessionId: session.id, type: "order.corrected" } })).toBe(2);
    // Voiding it again is a conflict; the bill owes nothing for either line.
    const again = await correct(a, crew.tokens.OWNER, session.id, {
      clientCorrectionId: id(),
      kind: "COMP",
      reason: "x",
      ...line(order, 0),
    });
    expect([again.status, again.body.error.code]).toEqual([409, "CONFLICT"]);
    const detail = await a.api.getSession(crew.tokens.OWNER, session.id);
    expect(detail.orders[0]!.items.map((i) => i.corrections.length)).toEqual([1, 1]);
  });

  it("refuses a wrong approval password, and throttles it like a login", async ({ cluster: [a], worker, crew, prisma, startServer }) => {
    void worker;
    const { session, order } = await tableWithOrder(a, crew, prisma, [[DIAVOLA, 1]]);
    const manager = await createAccount(a, crew.tokens.OWNER, "MANAGER");
    // An instance with a small budget of failures per account (20 by default), so the test spends few argon2 checks.
    const throttled = await startServer({ LOGIN_RATE_PER_ACCOUNT: "3" });
    const attempt = (password: string) =>
      correct(throttled, crew.tokens.SERVER, session.id, {
        clientCorrectionId: id(),
        kind: "COMP",
        reason: "birthday",
        approval: { email: manager.email, password },
        ...line(order, 0),
      });
    const wrong = await attempt("not-the-password");
    expect([wrong.status, wrong.body.error.code]).toEqual([403, "APPROVAL_REFUSED"]);
    // A waiter's account cannot approve a comp either.
    const waiter = await createAccount(a, crew.tokens.OWNER, "SERVER");
    const byWaiter = await correct(a, crew.tokens.SERVER, session.id, {
      clientCorrectionId: id(),
      kind: "COMP",
      reason: "birthday",
      approval: { email: waiter.email, password: waiter.password },
      ...line(order, 0),
    });
    expect([byWaiter.status, byWaiter.body.error.code]).toEqual([403, "FORBIDDEN"]);
    expect(byWaiter.body.error.message).toMatch(/^the approver's a SERVER account cannot give food free of charge/);
    // The account's budget of failures (3 here; the first wrong one above spent one) runs out.
    expect((await attempt("wrong-2")).body.error.code).toBe("APPROVAL_REFUSED");
    expect((await attempt("wrong-3")).body.error.code).toBe("APPROVAL_REFUSED");
    expect((await attempt("wrong-4")).body.error.code).toBe("RATE_LIMITED");
    // Even the right password waits now; nothing was recorded.
    expect((await attempt(manager.password)).body.error.code).toBe("RATE_LIMITED");
    expect(await prisma.correction.count({ where: { sessionId: session.id } })).toBe(0);
  });
});

describe("comps and discounts", () => {
  it("hold each role to its permission and discount limit, with a reason", async ({ cluster: [a], worker, crew, prisma }) => {
    void worker;
    const { session, order } = await tableWithOrder(a, crew, prisma, [
      [DIAVOLA, 2],
      [LEMONADE, 1],
      [MARGHERITA, 1],
    ]);
    const t = crew.tokens;
    const refused = async (token: string, body: Omit<CorrectionBody, "clientCorrectionId">) => {
      const res = await correct(a, token, session.id, { clientCorrectionId: id(), ...body });
      return [res.status, res.body.error?.code];
    };
    // Comp: managers only; a reason always.
    expect(await refused(t.SERVER, { kind: "COMP", reason: "birthday", ...line(order, 2) })).toEqual([403, "FORBIDDEN"]);
    expect(await refused(t.KITCHEN, { kind: "COMP", reason: "birthday", ...line(order, 2) })).toEqual([403, "FORBIDDEN"]);
    expect(await refused(t.MANAGER, { kind: "COMP", ...line(order, 2) })).toEqual([400, "VALIDATION_FAILED"]);
    expect(await refused(t.MANAGER, { kind: "COMP", reason: "birthday", ...line(order, 2) })).toEqual([201, undefined]);
    // Discount: a waiter up to 10 % (percent or amount), beyond it a manager.
    expect(await refused(t.SERVER, { kind: "DISCOUNT", percentBps: 1500, reason: "late", ...line(order, 0) })).toEqual([403, "FORBIDDEN"]);
    expect(await refused(t.SERVER, { kind: "DISCOUNT", amountCents: 251, reason: "late", ...line(order, 0) })).toEqual([403, "FORBIDDEN"]);
    expect(await refused(t.SERVER, { kind: "DISCOUNT", percentBps: 1000, ...line(order, 0) })).toEqual([400, "VALIDATION_FAILED"]);
    expect(await refused(t.SERVER, { kind: "DISCOUNT", amountCents: 250, reason: "late", ...line(order, 0) })).toEqual([201, undefined]);
    expect(await refused(t.MANAGER, { kind: "DISCOUNT", percentBps: 5000, reason: "late", ...line(order, 1) })).toEqual([201, undefined]);
    // More than the line costs is refused; a comped line has nothing left to discount.
    expect(await refused(t.OWNER, { kind: "DISCOUNT", amountCents: 2251, reason: "x", ...line(order, 0) })).toEqual([
      400,
      "VALIDATION_FAILED",
    ]);
    expect(await refused(t.OWNER, { kind: "DISCOUNT", amountCents: 1, reason: "x", ...line(order, 2) })).toEqual([409, "CONFLICT"]);

    const detail = await a.api.getSession(t.OWNER, session.id);
    const items = detail.orders[0]!.items;
    expect(items.map((i) => i.corrections.map((c) => [c.kind, c.offCents]))).toEqual([
      [["DISCOUNT", 250]],
      [["DISCOUNT", 225]],
      [["COMP", 950]],
    ]);
  });
});

describe("exactly once", () => {
  it("records one correction for a double send across instances; the same id with other content is a CONFLICT", async ({
    cluster: [a, b],
    worker,
    crew,
    prisma,
  }) => {
    void worker;
    const { session, order } = await tableWithOrder(a, crew, prisma, [[DIAVOLA, 1]]);
    const body: CorrectionBody = { clientCorrectionId: id(), kind: "DISCOUNT", percentBps: 1000, reason: "regular", ...line(order, 0) };
    const [one, two] = await Promise.all([
      correct(a, crew.tokens.SERVER, session.id, body),
      correct(b, crew.tokens.SERVER, session.id, body),
    ]);
    expect([one.status, two.status].sort()).toEqual([200, 201]);
    expect(one.body.correction).toEqual(two.body.correction);
    expect(await prisma.correction.count({ where: { sessionId: session.id } })).toBe(1);
    expect(await prisma.sessionEvent.count({ where: { sessionId: session.id, type: "order.corrected" } })).toBe(1);
    const other = await correct(a, crew.tokens.SERVER, session.id, { ...body, percentBps: 500 });
    expect([other.status, other.body.error.code]).toEqual([409, "CONFLICT"]);
    expect(other.body.error.message).toMatch(/percentBps/);
  });
});

describe("the bill with corrections and a service charge", () => {
  it("sums to the cent: lines − corrections − bill discount + service charge; paid lines ask for a refund; the day's totals show them", async ({
    cluster: [a, b],
    worker,
    crew,
    prisma,
  }) => {
    void worker;
    const owner = crew.tokens.OWNER;
    // 12.5 % from the owner's settings; a session opened now keeps it when the rate changes.
    await a.api.request("PATCH", "/api/location", { token: owner, body: { serviceChargeBps: 1250 } });
    const { session, order } = await tableWithOrder(a, crew, prisma, [
      [DIAVOLA, 1],
      [LEMONADE, 3],
    ]);
    expect(session.serviceChargeBps).toBe(1250);
    await a.api.request("PATCH", "/api/location", { token: owner, body: { serviceChargeBps: 0 } });

    const comp = await correct(a, owner, session.id, { clientCorrectionId: id(), kind: "COMP", reason: "birthday", ...line(order, 1) });
    expect(comp.status).toBe(201);
    const off = await correct(b, crew.tokens.SERVER, session.id, {
      clientCorrectionId: id(),
      kind: "DISCOUNT",
      percentBps: 333,
      reason: "loyalty card",
    });
    expect(off.status, JSON.stringify(off.body)).toBe(201);
    expect(off.body.order).toBeNull();
    expect(off.body.correction).toMatchObject({ orderId: null, position: null, offCents: percentOf(1250, 333) });

    const detail = await a.api.getSession(owner, session.id);
    expect(detail.session.serviceChargeBps).toBe(1250);
    expect(detail.discounts.map((d) => d.offCents)).toEqual([42]);
    const closing = await a.api.request("POST", `/api/sessions/${session.id}/close`, {
      token: crew.tokens.SERVER,
      body: { unfinished: "finish" },
    });
    expect(closing.body.error.code).toBe("BILL_UNPAID");
    // 12.50 − 0.42 = 12.08; 12.5 % of it is 1.51 (1.51); total 13.59.
    expect(closing.body.error.message).toContain("13.59 EUR");

    // Paid in full, then a line of it is voided: the bill would be overpaid, so the void asks for a refund.
    await a.api.route("POST /api/sessions/:id/payments", {
      token: owner,
      params: { id: session.id },
      body: { clientPaymentId: id(), method: "CARD", amountCents: 1359 },
    });
    const voidBody = { clientCorrectionId: id(), kind: "VOID" as const, reason: "never came", ...line(order, 0) };
    const unrefunded = await correct(a, owner, session.id, voidBody);
    expect([unrefunded.status, unrefunded.body.error.code]).toEqual([409, "REFUND_REQUIRED"]);
    const refunded = await correct(a, owner, session.id, { ...voidBody, refund: { clientPaymentId: id(), method: "CARD" } });
    expect(refunded.status, JSON.stringify(refunded.body)).toBe(201);
    // Everything off: the bill discount is capped at the subtotal (0), no service charge; all of it refunded.
    const refund = await prisma.payment.findFirstOrThrow({ where: { sessionId: session.id, kind: "REFUND" } });
    expect(refund.amountCents).toBe(1359);
    const closed = await a.api.route("POST /api/sessions/:id/close", {
      token: owner,
      params: { id: session.id },
      body: { unfinished: "finish" },
    });
    expect(closed.receipt.bill).toMatchObject({
      grossCents: 1250 + 1350,
      subtotalCents: 0,
      billDiscountCents: 0,
      serviceChargeCents: 0,
      totalCents: 0,
      paidCents: 0,
      dueCents: 0,
    });
    expect(closed.receipt.bill.lines.map((l) => [l.position, l.lineCents, l.corrections.map((c) => c.kind)])).toEqual([
      [0, 0, ["VOID"]],
      [1, 0, ["COMP"]],
    ]);

    const stats = await a.api.route("GET /api/stats/daily", { token: owner, query: {} });
    const mine = stats.adjustments.filter((x) => x.sessionId === session.id);
    expect(mine.map((x) => [x.kind, x.amountCents, x.reason]).sort()).toEqual(
      [
        ["COMP", 1350, "birthday"],
        ["DISCOUNT", 42, "loyalty card"],
        ["REFUND", 1359, "VOID: never came"],
        ["VOID", 1250, "never came"],
      ].sort(),
    );
    expect(stats.compedCents).toBeGreaterThanOrEqual(1350);
  });

  it("stores what the service charge came to at close, for the day's totals", async ({ cluster: [a], worker, crew, prisma }) => {
    void worker;
    const owner = crew.tokens.OWNER;
    await a.api.request("PATCH", "/api/location", { token: owner, body: { serviceChargeBps: 1000 } });
    const { session } = await tableWithOrder(a, crew, prisma, [[LEMONADE, 1]]);
    await a.api.request("PATCH", "/api/location", { token: owner, body: { serviceChargeBps: 0 } });
    const before = (await a.api.route("GET /api/stats/daily", { token: owner, query: {} })).serviceChargeCents;
    await a.api.route("POST /api/sessions/:id/payments", {
      token: owner,
      params: { id: session.id },
      body: { clientPaymentId: id(), method: "CASH", amountCents: 495 },
    });
    const closed = await a.api.route("POST /api/sessions/:id/close", {
      token: owner,
      params: { id: session.id },
      body: { unfinished: "finish" },
    });
    expect(closed.receipt.bill).toMatchObject({ subtotalCents: 450, serviceChargeBps: 1000, serviceChargeCents: 45, totalCents: 495 });
    const after = (await a.api.route("GET /api/stats/daily", { token: owner, query: {} })).serviceChargeCents;
    expect(after - before).toBe(45);
  });
});
