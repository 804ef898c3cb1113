// Issue 33, item 1: a receipt a German or Italian venue may hand out — each line at the tax
// rate it was ordered at, net/tax/gross per rate on the rate's total, the venue's legal name,
// address and tax id, and a receipt number per location that is gap-free and never reused,
// even when two instances close sessions at the same moment.
import { randomUUID } from "node:crypto";
import { taxInGross } from "@ordered/contract";
import type { TestServer } from "../support/harness.js";
import { openAndJoin } from "../support/harness.js";
import { describe, expect, it, type Venue } from "../support/kit.js";
import type { ClientSocket } from "../support/sockets.js";
import { acceptedOrder } from "./session-kit.js";

type Prisma = Parameters<typeof acceptedOrder>[0];

/** Standard 19 % ("A") for the pizzas' category, Reduced 7 % ("B") on the lemonade alone. */
async function germanRates(prisma: Prisma, venue: Venue) {
  const rate = (name: string, rateBps: number, position: number) =>
    prisma.taxRate.create({ data: { locationId: venue.locationId, name, rateBps, position } });
  const [a, b] = [await rate("A", 1900, 0), await rate("B", 700, 1)];
  const pizza = venue.categories.find((c) => c.name === "Pizza")!;
  await prisma.category.update({ where: { id: pizza.id }, data: { taxRateId: a.id } });
  const lemonade = venue.products.find((p) => p.name === "Lemonade")!;
  await prisma.product.update({ where: { id: lemonade.id }, data: { taxRateId: b.id } });
  return { a, b };
}

/** A session with a phone and an order of one Diavola (12.50) and one Lemonade (4.50), accepted. */
async function tableWithOrder(
  server: TestServer,
  venue: Venue,
  socket: (s: TestServer, a: { token: string }) => Promise<ClientSocket>,
  prisma: Prisma,
) {
  const table = await openAndJoin(server, venue.staffToken, `Table ${randomUUID().slice(0, 6)}`);
  const phone = await socket(server, { token: table.customerToken });
  const [, diavola, lemonade] = venue.products;
  const order = await acceptedOrder(prisma, phone, [
    { productId: diavola!.id, quantity: 1 },
    { productId: lemonade!.id, quantity: 1 },
  ]);
  return { table, order };
}

const paidInFull = (server: TestServer, venue: Venue, sessionId: string, amountCents: number) =>
  server.api.recordPayment(venue.staffToken, sessionId, { clientPaymentId: randomUUID(), method: "CARD", amountCents });

describe("receipts", () => {
  it("carry each line's rate, net/tax/gross per rate and the venue's legal identity; a rate changed later changes no placed line", async ({
    server,
    worker,
    venue,
    socket,
    prisma,
  }) => {
    expect(worker).toBeDefined(); // the pipeline accepts the orders
    const token = venue.staffToken;
    const { a } = await germanRates(prisma, venue);
    const settings = await server.api.route("PATCH /api/location", {
      token,
      body: { legalName: "  Trattoria Rossi GmbH ", address: "Hauptstraße 1\n\n 10115 Berlin ", taxId: "DE123456789" },
    });
    expect(settings.location).toMatchObject({
      legalName: "Trattoria Rossi GmbH",
      address: "Hauptstraße 1\n10115 Berlin",
      taxId: "DE123456789",
    });
    const { table, order } = await tableWithOrder(server, venue, socket, prisma);
    expect(order.items.map((i) => [i.productName, i.taxRateBps, i.taxName])).toEqual([
      ["Diavola", 1900, "A"],
      ["Lemonade", 700, "B"],
    ]);

    // The standard rate changes (a law did, once): the placed lines keep theirs; a new order takes the new one.
    await prisma.taxRate.update({ where: { id: a.id }, data: { rateBps: 2000 } });
    const phone = await socket(server, { token: table.customerToken });
    const later = await acceptedOrder(prisma, phone, [{ productId: venue.products[1]!.id, quantity: 1 }]);
    expect(later.items.map((i) => i.taxRateBps)).toEqual([2000]);
    const detail = await server.api.route("GET /api/sessions/:id", { token, params: { id: table.session.id } });
    expect(detail.orders.map((o) => o.items.map((i) => i.taxRateBps))).toEqual([[1900, 700], [2000]]);

    await paidInFull(server, venue, table.session.id, 2950);
    const { receipt } = await server.api.route("POST /api/sessions/:id/close", {
      token,
      params: { id: table.session.id },
      body: { unfinished: "finish" },
    });
    expect(receipt.number).toBe(1);
    expect(receipt.location).toMatchObject({
      legalName: "Trattoria Rossi GmbH",
      address: "Hauptstraße 1\n10115 Berlin",
      taxId: "DE123456789",
    });
    expect(receipt.bill.lines.map((l) => [l.productName, l.taxName, l.lineCents])).toEqual([
      ["Diavola", "A", 1250],
      ["Lemonade", "B", 450],
      ["Diavola", "A", 1250],
    ]);
    // 12.50 at 20 %: 2.08 (2.0833…); 12.50 at 19 %: 2.00 tax (1.9957… half up); 4.50 at 7 %: 0.29 (0.2943…).
    expect(receipt.bill.taxes).toEqual([
      { rateBps: 2000, name: "A", netCents: 1042, taxCents: 208, grossCents: 1250 },
      { rateBps: 1900, name: "A", netCents: 1050, taxCents: 200, grossCents: 1250 },
      { rateBps: 700, name: "B", netCents: 421, taxCents: 29, grossCents: 450 },
    ]);
    expect(receipt.bill.taxes.reduce((s, t) => s + t.grossCents, 0)).toBe(receipt.bill.totalCents);
    expect(taxInGross(1250, 1900)).toBe(200);
  });

  it("are numbered gap-free per location under concurrent closes on two instances; a refused close takes no number", async ({
    cluster: [a, b],
    worker,
    venue,
    socket,
    prisma,
  }) => {
    expect(worker).toBeDefined();
    const token = venue.staffToken;
    const tables = await Promise.all(Array.from({ length: 6 }, (_, i) => tableWithOrder(i % 2 ? b : a, venue, socket, prisma)));
    for (const t of tables.slice(0, 5)) await paidInFull(a, venue, t.table.session.id, 1700);
    // Five paid tables close at once, alternating instances; the sixth (unpaid) is refused meanwhile.
    const closes = tables.map((t, i) =>
      (i % 2 ? b : a).api.request("POST", `/api/sessions/${t.table.session.id}/close`, { token, body: { unfinished: "finish" } }),
    );
    const answers = await Promise.all(closes);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 409]);
    expect(answers[5]!.body.error.code).toBe("BILL_UNPAID");
    const numbers = async (ids: string[]) =>
      (await prisma.orderSession.findMany({ where: { id: { in: ids } }, select: { receiptNumber: true } })).map((s) => s.receiptNumber);
    const paid = tables.slice(0, 5).map((t) => t.table.session.id);
    expect((await numbers(paid)).sort()).toEqual([1, 2, 3, 4, 5]);
    // Waived with a reason, the sixth closes with the next number: none was used up by the refusal.
    await a.api.closeSession(token, tables[5]!.table.session.id, { unfinished: "finish", waiveReason: "left without paying" });
    expect(await numbers([tables[5]!.table.session.id])).toEqual([6]);
    expect((await prisma.location.findUniqueOrThrow({ where: { id: venue.locationId } })).receiptsIssued).toBe(6);

    // A session closed with nothing on it gets no receipt number.
    const empty = await a.api.openSession(token, "Nothing ordered");
    await a.api.closeSession(token, empty.session.id);
    expect(await numbers([empty.session.id])).toEqual([null]);
    // Closing again (a retry) returns the same receipt and takes no new number.
    const again = await b.api.route("POST /api/sessions/:id/close", {
      token,
      params: { id: tables[0]!.table.session.id },
      body: { unfinished: "finish" },
    });
    expect(again.receipt.number).toBe((await numbers([tables[0]!.table.session.id]))[0]);
    expect((await prisma.location.findUniqueOrThrow({ where: { id: venue.locationId } })).receiptsIssued).toBe(6);
  });
});
