import { describe, expect, it } from "vitest";
import { billOf, billSplit, type CorrectionDto, type OrderDto, type PaymentDto, splitEvenly, taxOnNet } from "../src/index.js";

// Issue 33: a location whose prices are net (US, Canada): the bill adds each rate's tax on top,
// once, on the rate's total, and every split of it still adds up to the cent.

let n = 0;
const id = () => `2d7f8a44-5a5e-4c43-9d3b-${String(++n).padStart(12, "0")}`;
const AT = (s: number) => `2026-12-07T10:00:${String(s).padStart(2, "0")}.000Z`;
const ANN = "2d7f8a44-5a5e-4c43-9d3b-aaaaaaaaaaaa";
const BEA = "2d7f8a44-5a5e-4c43-9d3b-bbbbbbbbbbbb";

/** A line: unit price, quantity, rate (bps) and its name. */
type Line = [number, number, number, string | null];

function order(lines: Line[], customerId: string | null = null): OrderDto {
  return {
    id: id(),
    clientOrderId: `client-${n}`,
    sessionId: id(),
    number: n,
    customerId,
    customerName: null,
    enteredBy: "Marco",
    status: "ACCEPTED",
    statusReason: null,
    totalCents: lines.reduce((s, [price, qty]) => s + price * qty, 0),
    currency: "USD",
    placedAt: AT(n % 60),
    acceptedAt: AT(n % 60),
    finishedAt: null,
    items: lines.map(([unitPriceCents, quantity, taxRateBps, taxName], position) => ({
      position,
      productId: id(),
      productName: `Dish ${position}`,
      unitPriceCents,
      quantity,
      note: null,
      options: [],
      allergens: [],
      stationId: id(),
      seat: null,
      courseId: null,
      corrections: [],
      taxRateBps,
      taxName,
    })),
    shipment: null,
    tickets: [],
    cancelledBy: null,
  };
}

function discount(offCents: number): CorrectionDto {
  return {
    id: id(),
    clientCorrectionId: `fix-${n}`,
    sessionId: id(),
    orderId: null,
    position: null,
    kind: "DISCOUNT",
    percentBps: null,
    amountCents: offCents,
    offCents,
    reason: "regulars",
    by: "Marco",
    approvedBy: null,
    at: AT(59),
  };
}

function payment(amountCents: number, payer: string | null = null): PaymentDto {
  return {
    id: id(),
    clientPaymentId: `pay-${n}`,
    kind: "PAYMENT",
    sessionId: id(),
    method: "CARD",
    amountCents,
    tipCents: 0,
    customerId: null,
    note: null,
    payer,
    recordedAt: "2026-12-07T11:00:00.000Z",
    recordedBy: "Marco",
    refundOf: null,
    providerRef: null,
  };
}

describe("a net-price bill", () => {
  it("adds each rate's tax on its total, once: total = net + tax", () => {
    // 3 × 3.33 at 8.87 % and 1 × 10.00 at 5 %: tax on each rate's total, not per line.
    const bill = billOf({
      currency: "USD",
      orders: [order([[333, 3, 887, "NY"]]), order([[1000, 1, 500, "F"]])],
      payments: [],
      pricesIncludeTax: false,
    });
    expect(bill.pricesIncludeTax).toBe(false);
    expect(bill.subtotalCents).toBe(1999);
    expect(bill.taxes).toEqual([
      { rateBps: 887, name: "NY", netCents: 999, taxCents: taxOnNet(999, 887), grossCents: 999 + taxOnNet(999, 887) },
      { rateBps: 500, name: "F", netCents: 1000, taxCents: 50, grossCents: 1050 },
    ]);
    expect(taxOnNet(999, 887)).toBe(89); // 88.61… half up
    expect(bill.taxAddedCents).toBe(139);
    expect(bill.totalCents).toBe(1999 + 139);
    expect(bill.dueCents).toBe(2138);
    expect(bill.taxes.reduce((s, r) => s + r.grossCents, 0)).toBe(bill.totalCents);
    expect(bill.taxes.reduce((s, r) => s + r.netCents, 0)).toBe(bill.totalCents - bill.taxAddedCents);
  });

  it("is the gross bill it always was when prices include tax (the default)", () => {
    const orders = [order([[333, 3, 1900, "A"]])];
    const gross = billOf({ currency: "EUR", orders, payments: [] });
    expect(gross.pricesIncludeTax).toBe(true);
    expect(gross.taxAddedCents).toBe(0);
    expect(gross.totalCents).toBe(999);
    expect(gross.taxes[0]).toMatchObject({ netCents: 839, taxCents: 160, grossCents: 999 });
    expect(billOf({ currency: "EUR", orders, payments: [], pricesIncludeTax: true })).toEqual(gross);
  });

  it("takes the tax after the bill's discount and on the service charge, spread over the rates", () => {
    const bill = billOf({
      currency: "USD",
      orders: [order([[2000, 2, 1000, "A"]]), order([[1000, 2, 500, "B"]])],
      payments: [],
      corrections: [discount(600)],
      serviceChargeBps: 1800,
      pricesIncludeTax: false,
    });
    // 60.00 − 6.00 = 54.00; 18 % service 9.72; the rates: A 40.00 → −4.00 + 6.48 = 42.48, B 20.00 → −2.00 + 3.24 = 21.24.
    expect(bill.billDiscountCents).toBe(600);
    expect(bill.serviceChargeCents).toBe(972);
    expect(bill.taxes).toEqual([
      { rateBps: 1000, name: "A", netCents: 4248, taxCents: 425, grossCents: 4673 },
      { rateBps: 500, name: "B", netCents: 2124, taxCents: 106, grossCents: 2230 },
    ]);
    expect(bill.taxAddedCents).toBe(531);
    expect(bill.totalCents).toBe(6000 - 600 + 972 + 531);
    expect(bill.taxes.reduce((s, r) => s + r.grossCents, 0)).toBe(bill.totalCents);
  });

  it("owes the tax: paying the lines alone leaves the tax due", () => {
    const bill = billOf({ currency: "USD", orders: [order([[1000, 1, 800, null]])], payments: [payment(1000)], pricesIncludeTax: false });
    expect(bill.totalCents).toBe(1080);
    expect(bill.dueCents).toBe(80);
  });

  it("splits evenly to the cent with the tax in", () => {
    const bill = billOf({ currency: "USD", orders: [order([[333, 3, 887, null]])], payments: [], pricesIncludeTax: false });
    const shares = splitEvenly(bill.dueCents, 3);
    expect(shares.reduce((s, c) => s + c, 0)).toBe(bill.totalCents);
    expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
  });

  it("splits by item rate by rate: each payer pays the tax of its own lines' rates, and all adds up", () => {
    const bill = billOf({
      currency: "USD",
      // Ann: a 19 % drink; Bea: 7 % food; a shared 19 % bottle.
      orders: [order([[1000, 1, 1900, "A"]], ANN), order([[2000, 1, 700, "B"]], BEA), order([[3001, 1, 1900, "A"]])],
      payments: [],
      corrections: [discount(100)],
      serviceChargeBps: 1000,
      pricesIncludeTax: false,
    });
    const [ann, bea, bottle] = bill.lines.map((l) => l.key) as [string, string, string];
    const split = billSplit(
      bill,
      [
        { line: ann, payer: `phone:${ANN}`, weight: 1 },
        { line: bea, payer: `phone:${BEA}`, weight: 1 },
        { line: bottle, payer: `phone:${ANN}`, weight: 1 },
        { line: bottle, payer: `phone:${BEA}`, weight: 2 },
      ],
      [payment(500, `phone:${ANN}`)],
    );
    const total = split.payers.reduce((s, p) => s + p.totalCents, 0) + split.unclaimedCents;
    expect(total).toBe(bill.totalCents);
    expect(split.unclaimedCents).toBe(0);
    const annSplit = split.payers.find((p) => p.payer === `phone:${ANN}`)!;
    expect(annSplit.paidCents).toBe(500);
    expect(annSplit.dueCents).toBe(annSplit.totalCents - 500);
    // Bea's 7 % food carries less tax per cent than Ann's 19 % drink: not the table's blend.
    const annTaxable = 1000 + 1000; // her drink and a third of the bottle (1000 of 3001, within a cent)
    const beaTaxable = 2000 + 2001;
    const annTax = annSplit.billLevelCents;
    const beaTax = split.payers.find((p) => p.payer === `phone:${BEA}`)!.billLevelCents;
    expect(annTax / annTaxable).toBeGreaterThan(beaTax / beaTaxable);
    expect(annTax + beaTax).toBe(bill.totalCents - bill.subtotalCents);
  });

  it("takes money given back from a payment off the total with the tax it carried: the rates still add up", () => {
    const orders = [order([[2000, 1, 1000, "A"]]), order([[1000, 1, 500, "B"]])];
    const paid = payment(3250); // 20.00 + 2.00 tax, 10.00 + 0.50 tax
    const refund = { ...payment(1100), kind: "REFUND" as const, refundOf: paid.id };
    const bill = billOf({ currency: "USD", orders, payments: [paid, refund], pricesIncludeTax: false });
    expect(bill.taxAddedCents).toBe(250);
    expect(bill.paymentRefundsCents).toBe(1100);
    expect(bill.totalCents).toBe(3000 + 250 - 1100);
    expect(bill.dueCents).toBe(0);
    // 11.00 back over the rates' gross (22.00 : 10.50): 7.45 of A (0.68 of it tax), 3.55 of B (0.17 tax).
    expect(bill.taxes).toEqual([
      { rateBps: 1000, name: "A", netCents: 2000 - (745 - 68), taxCents: 200 - 68, grossCents: 2200 - 745 },
      { rateBps: 500, name: "B", netCents: 1000 - (355 - 17), taxCents: 50 - 17, grossCents: 1050 - 355 },
    ]);
    expect(bill.taxes.reduce((s, r) => s + r.grossCents, 0)).toBe(bill.totalCents);
  });

  it("leaves the unclaimed lines' tax with the unclaimed rest", () => {
    const bill = billOf({
      currency: "USD",
      orders: [order([[1000, 1, 1000, null]], ANN), order([[999, 1, 500, null]])],
      payments: [],
      pricesIncludeTax: false,
    });
    const [mine] = bill.lines.map((l) => l.key) as [string];
    const split = billSplit(bill, [{ line: mine, payer: `phone:${ANN}`, weight: 1 }]);
    expect(split.payers[0]).toMatchObject({ linesCents: 1000, billLevelCents: 100, totalCents: 1100 });
    expect(split.unclaimedCents).toBe(999 + 50);
    expect(split.payers[0]!.totalCents + split.unclaimedCents).toBe(bill.totalCents);
  });

  it("adds up over many random bills, claims and rates", () => {
    let seed = 7;
    const rnd = (k: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % k;
    };
    const rates: [number, string][] = [
      [0, "Z"],
      [500, "B"],
      [887, "NY"],
      [1900, "A"],
    ];
    for (let round = 0; round < 200; round++) {
      const lines: Line[] = Array.from({ length: 1 + rnd(6) }, () => {
        const [bps, name] = rates[rnd(rates.length)]!;
        return [1 + rnd(5000), 1 + rnd(3), bps, name];
      });
      const bill = billOf({
        currency: "USD",
        orders: [order(lines)],
        payments: [],
        corrections: rnd(2) ? [discount(rnd(2000))] : [],
        serviceChargeBps: rnd(2) * rnd(2000),
        pricesIncludeTax: false,
      });
      expect(bill.taxes.reduce((s, r) => s + r.grossCents, 0)).toBe(bill.totalCents);
      const payers = [`phone:${ANN}`, `phone:${BEA}`, "person:3"];
      const claims = bill.lines.flatMap((l) =>
        payers.filter(() => rnd(3) > 0).map((payer) => ({ line: l.key, payer, weight: 1 + rnd(3) })),
      );
      const split = billSplit(bill, claims);
      expect(split.payers.reduce((s, p) => s + p.totalCents, 0) + split.unclaimedCents).toBe(bill.totalCents);
      for (const parts of [2, 3, 7]) expect(splitEvenly(bill.totalCents, parts).reduce((s, c) => s + c, 0)).toBe(bill.totalCents);
    }
  });
});
