// Issue 33: a location whose menu prices are net (the US, Canada): the bill adds each rate's tax,
// payments are checked against that total, and the setting a session opened with is its own —
// the owner flipping it changes no open bill and no closed receipt.
import { randomUUID } from "node:crypto";
import { taxOnNet } from "@ordered/contract";
import { openAndJoin } from "../support/harness.js";
import { describe, expect, it } from "../support/kit.js";
import { acceptedOrder, createTable } from "./session-kit.js";

describe("net prices", () => {
  it("add each rate's tax to the bill; the full due is accepted, more is refused, the close takes a number; flipping the setting moves no open bill", async ({
    server,
    worker,
    venue,
    socket,
    prisma,
  }) => {
    expect(worker).toBeDefined(); // the pipeline accepts the orders
    const token = venue.staffToken;
    // A sales tax of 8.87 % on the pizzas, 5 % on the lemonade.
    const rate = (name: string, rateBps: number, position: number) =>
      prisma.taxRate.create({ data: { locationId: venue.locationId, name, rateBps, position } });
    const [ny, low] = [await rate("NY", 887, 0), await rate("F", 500, 1)];
    await prisma.category.update({ where: { id: venue.categories.find((c) => c.name === "Pizza")!.id }, data: { taxRateId: ny.id } });
    await prisma.product.update({ where: { id: venue.products.find((p) => p.name === "Lemonade")!.id }, data: { taxRateId: low.id } });

    const settings = await server.api.route("PATCH /api/location", { token, body: { pricesIncludeTax: false } });
    expect(settings.location.pricesIncludeTax).toBe(false);

    const table = await openAndJoin(server, token, `Table ${randomUUID().slice(0, 6)}`);
    expect(table.session.pricesIncludeTax).toBe(false);
    const phone = await socket(server, { token: table.customerToken });
    const [, diavola, lemonade] = venue.products;
    await acceptedOrder(prisma, phone, [
      { productId: diavola!.id, quantity: 2 },
      { productId: lemonade!.id, quantity: 1 },
    ]);
    // The phone's view of its session says how its bill is computed.
    const current = await server.api.route("GET /api/sessions/current", { token: table.customerToken });
    expect(current.session.pricesIncludeTax).toBe(false);

    // The owner flips back to gross mid-service: this table keeps its net prices.
    await server.api.route("PATCH /api/location", { token, body: { pricesIncludeTax: true } });

    const lines = 2 * 1250 + 450;
    const tax = taxOnNet(2500, 887) + taxOnNet(450, 500);
    expect(tax).toBe(222 + 23); // 221.75 → 222; 22.5 → 23 (half up)
    const total = lines + tax;

    const pay = (amountCents: number) =>
      server.api.request("POST", `/api/sessions/${table.session.id}/payments`, {
        token,
        body: { clientPaymentId: randomUUID(), method: "CARD", amountCents },
      });
    // The lines' prices alone leave the tax due: the close is refused.
    expect((await pay(lines)).status).toBe(201);
    const early = await server.api.request("POST", `/api/sessions/${table.session.id}/close`, { token, body: { unfinished: "finish" } });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("BILL_UNPAID");
    expect(early.body.error.message).toContain("2.45 EUR");
    // One cent more than the tax is an overpayment; the tax exactly is accepted.
    const over = await pay(tax + 1);
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe("OVERPAYMENT");
    expect((await pay(tax)).status).toBe(201);

    const { receipt } = await server.api.route("POST /api/sessions/:id/close", {
      token,
      params: { id: table.session.id },
      body: { unfinished: "finish" },
    });
    expect(receipt.number).toBe(1);
    expect(receipt.bill).toMatchObject({
      pricesIncludeTax: false,
      subtotalCents: lines,
      taxAddedCents: tax,
      totalCents: total,
      paidCents: total,
      dueCents: 0,
      waivedCents: 0,
    });
    // What the tax added is stored with the session for the day's totals, as the service charge is.
    const stored = await prisma.orderSession.findUniqueOrThrow({ where: { id: table.session.id } });
    expect([stored.pricesIncludeTax, Number(stored.taxAddedCents)]).toEqual([false, tax]);
    expect(receipt.bill.taxes).toEqual([
      { rateBps: 887, name: "NY", netCents: 2500, taxCents: 222, grossCents: 2722 },
      { rateBps: 500, name: "F", netCents: 450, taxCents: 23, grossCents: 473 },
    ]);

    // The day's Z report sums the receipts' bills as they closed: the tax added is in its total and its taxes.
    const { report } = await server.api.route("GET /api/reports/day", { token });
    expect(report.totals).toMatchObject({ totalCents: total, taxCents: tax, netCents: lines });

    // A table seated after the flip is gross again; the closed receipt still reads as it closed.
    const next = await openAndJoin(server, token, `Table ${randomUUID().slice(0, 6)}`);
    expect(next.session.pricesIncludeTax).toBe(true);
    const record = await server.api.route("GET /api/sessions/:id", { token, params: { id: table.session.id } });
    expect(record.receipt?.bill.totalCents).toBe(total);
    expect(record.receipt?.bill.taxAddedCents).toBe(tax);
  });

  it("keep a bill one way: a gross and a net table do not merge, and a party split off keeps its bill's way", async ({ server, venue }) => {
    const token = venue.staffToken;
    const gross = await server.api.openSession(token, `Gross ${randomUUID().slice(0, 6)}`);
    await server.api.route("PATCH /api/location", { token, body: { pricesIncludeTax: false } });
    const net = await server.api.openSession(token, `Net ${randomUUID().slice(0, 6)}`);
    expect([gross.session.pricesIncludeTax, net.session.pricesIncludeTax]).toEqual([true, false]);

    const merge = await server.api.request("POST", `/api/sessions/${gross.session.id}/merge`, {
      token,
      body: { clientMergeId: randomUUID(), intoSessionId: net.session.id },
    });
    expect(merge.status).toBe(409);
    expect(merge.body.error.message).toContain("a bill is billed one way");

    // The gross table's party splits off to a new table: still gross, though the location is net now.
    const joined = await server.api.joinSession(gross.session.joinCode, "Ann");
    const terrace = await createTable(server, token, `Terrace ${randomUUID().slice(0, 6)}`);
    const split = await server.api.route("POST /api/sessions/:id/split", {
      token,
      params: { id: gross.session.id },
      body: { clientSplitId: randomUUID(), tableId: terrace.id, customerIds: [joined.customer.id] },
    });
    expect(split.split.pricesIncludeTax).toBe(true);
  });
});
