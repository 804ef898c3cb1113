// Shared steps of the end-of-day tests: a venue with two tax rates, tables with orders the
// owner enters (accepted by the real pipeline), payments, and closing them.
import { randomUUID } from "node:crypto";
import { billOf, type OrderDto, type ReceiptDto, type RecordedPaymentMethod } from "@ordered/contract";
import type { PrismaClient } from "../../src/db/prisma.js";
import { eventually, type TestServer } from "../support/harness.js";
import type { Venue } from "../support/kit.js";

export const MARGHERITA = 0; // 950, stock 2
export const DIAVOLA = 1; // 1250
export const LEMONADE = 2; // 450

/** Standard 19 % ("A") on the pizzas' category, Reduced 7 % ("B") on the lemonade alone. */
export async function twoRates(prisma: PrismaClient, venue: Venue) {
  const rate = (name: string, rateBps: number, position: number) =>
    prisma.taxRate.create({ data: { locationId: venue.locationId, name, rateBps, position } });
  const [a, b] = [await rate("A", 1900, 0), await rate("B", 700, 1)];
  const pizza = venue.categories.find((c) => c.name === "Pizza")!;
  await prisma.category.update({ where: { id: pizza.id }, data: { taxRateId: a.id } });
  await prisma.product.update({ where: { id: venue.products[LEMONADE]!.id }, data: { taxRateId: b.id } });
  return { a, b };
}

/** An order of `lines` ([product index, quantity]) the owner enters at a session, once the pipeline accepted it. */
export async function enterOrder(server: TestServer, venue: Venue, prisma: PrismaClient, sessionId: string, lines: [number, number][]) {
  const { order } = await server.api.route("POST /api/sessions/:id/orders", {
    token: venue.staffToken,
    params: { id: sessionId },
    body: { clientOrderId: randomUUID(), items: lines.map(([p, quantity]) => ({ productId: venue.products[p]!.id, quantity })) },
  });
  await eventually(async () => (await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status === "ACCEPTED", 15_000);
  return order;
}

/** A session of its own with an order of `lines`, accepted. */
export async function tableWithOrder(server: TestServer, venue: Venue, prisma: PrismaClient, lines: [number, number][]) {
  const { session } = await server.api.openSession(venue.staffToken, `Table ${randomUUID().slice(0, 6)}`);
  const order = await enterOrder(server, venue, prisma, session.id, lines);
  return { session, order };
}

export const pay = (
  server: TestServer,
  venue: Venue,
  sessionId: string,
  amountCents: number,
  method: RecordedPaymentMethod,
  tipCents = 0,
) => server.api.recordPayment(venue.staffToken, sessionId, { clientPaymentId: randomUUID(), method, amountCents, tipCents });

/** What the session still owes, as its bill says. */
export async function dueOf(server: TestServer, venue: Venue, sessionId: string): Promise<number> {
  const detail = await server.api.route("GET /api/sessions/:id", { token: venue.staffToken, params: { id: sessionId } });
  return billOf({
    currency: "EUR",
    orders: detail.orders,
    payments: detail.payments,
    corrections: detail.discounts,
    serviceChargeBps: detail.session.serviceChargeBps,
  }).dueCents;
}

/** Pays what is due by `method` and closes the session: its receipt. */
export async function payAndClose(server: TestServer, venue: Venue, sessionId: string, method: RecordedPaymentMethod, tipCents = 0) {
  const due = await dueOf(server, venue, sessionId);
  if (due > 0 || tipCents > 0) await pay(server, venue, sessionId, due, method, tipCents);
  return closeSession(server, venue, sessionId);
}

export async function closeSession(server: TestServer, venue: Venue, sessionId: string, waiveReason?: string): Promise<ReceiptDto> {
  const { receipt } = await server.api.route("POST /api/sessions/:id/close", {
    token: venue.staffToken,
    params: { id: sessionId },
    body: { unfinished: "finish", ...(waiveReason ? { waiveReason } : {}) },
  });
  return receipt;
}

export const line = (order: Pick<OrderDto, "id">, position: number) => ({ orderId: order.id, position });

/** The business day a closed session's receipt was given. */
export async function businessDayOf(prisma: PrismaClient, sessionId: string): Promise<string | null> {
  const s = await prisma.orderSession.findUniqueOrThrow({ where: { id: sessionId }, select: { businessDay: true } });
  return s.businessDay ? s.businessDay.toISOString().slice(0, 10) : null;
}

/** Moves receipts to a business day of the test's choosing (the close fixes it from the clock, which a test cannot pick). */
export async function moveToDay(prisma: PrismaClient, sessionIds: string[], day: string): Promise<void> {
  await prisma.orderSession.updateMany({ where: { id: { in: sessionIds } }, data: { businessDay: new Date(`${day}T00:00:00Z`) } });
}
