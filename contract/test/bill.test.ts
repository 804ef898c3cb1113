import { describe, expect, it } from "vitest";
import { type BillDto, billOf, centsText, type OrderDto, type PaymentDto, splitEvenly } from "../src/index.js";

const ANN = "0b7f8a44-5a5e-4c43-9d3b-6f1f9c7f0a01";
const BEA = "0b7f8a44-5a5e-4c43-9d3b-6f1f9c7f0a02";
let n = 0;
const id = () => `0b7f8a44-5a5e-4c43-9d3b-${String(++n).padStart(12, "0")}`;

function order(status: OrderDto["status"], customerId: string | null, items: [string, number, number][]): OrderDto {
  return {
    id: id(),
    clientOrderId: `client-${n}`,
    sessionId: id(),
    number: n,
    customerId,
    customerName: customerId === ANN ? "Ann" : customerId === BEA ? "Bea" : null,
    enteredBy: null,
    status,
    statusReason: null,
    totalCents: items.reduce((s, [, price, qty]) => s + price * qty, 0),
    currency: "EUR",
    placedAt: `2026-11-22T10:00:${String(n).padStart(2, "0")}.000Z`,
    acceptedAt: null,
    finishedAt: null,
    items: items.map(([productName, unitPriceCents, quantity], position) => ({
      position,
      productId: id(),
      productName,
      unitPriceCents,
      quantity,
      note: null,
      options: [],
      allergens: [],
      stationId: id(),
      seat: null,
      courseId: null,
      corrections: [],
    })),
    shipment: null,
    tickets: [],
    cancelledBy: null,
  };
}

function payment(amountCents: number, tipCents = 0, customerId: string | null = null): PaymentDto {
  return {
    id: id(),
    clientPaymentId: `pay-${n}`,
    kind: "PAYMENT",
    sessionId: id(),
    method: "CASH",
    amountCents,
    tipCents,
    customerId,
    note: null,
    payer: customerId ? `phone:${customerId}` : null,
    recordedAt: "2026-11-22T11:00:00.000Z",
    recordedBy: "Marco",
    refundOf: null,
    providerRef: null,
  };
}

describe("billOf", () => {
  it("bills accepted and delivered orders, shows placed ones as pending, ignores the ended ones", () => {
    const bill: BillDto = billOf({
      currency: "EUR",
      orders: [
        order("DELIVERED", ANN, [["Diavola", 1250, 1]]),
        order("ACCEPTED", BEA, [["Lemonade", 450, 2]]),
        order("PLACED", BEA, [["Tiramisu", 600, 1]]),
        order("REJECTED", ANN, [["Margherita", 950, 1]]),
        order("CANCELLED", ANN, [["Margherita", 950, 1]]),
        order("FAILED", null, [["Water", 200, 1]]),
      ],
      payments: [payment(1250, 100, ANN), payment(300)],
    });
    expect(bill.lines.map((l) => [l.productName, l.lineCents])).toEqual([
      ["Diavola", 1250],
      ["Lemonade", 900],
    ]);
    // The 3.00 paid for no phone in particular is the table's, a share of its own: no phone
    // shows it, none pretends it paid nothing of a table payment.
    expect(bill.shares).toEqual([
      { customerId: ANN, displayName: "Ann", subtotalCents: 1250, paidCents: 1250 },
      { customerId: BEA, displayName: "Bea", subtotalCents: 900, paidCents: 0 },
      { customerId: null, displayName: null, subtotalCents: 0, paidCents: 300 },
    ]);
    expect(bill).toMatchObject({ totalCents: 2150, pendingCents: 600, paidCents: 1550, tipCents: 100, waivedCents: 0, dueCents: 600 });
  });

  it("never owes a negative amount, and counts what was waived", () => {
    const bill = billOf({
      currency: "EUR",
      orders: [order("DELIVERED", null, [["Soup", 700, 1]])],
      payments: [payment(200)],
      waivedCents: 500,
    });
    expect([bill.dueCents, bill.waivedCents]).toEqual([0, 500]);
  });

  it("takes refunds off what was paid and counts food cancelled after the kitchen accepted it as voided", () => {
    const voided = { ...order("CANCELLED", ANN, [["Steak", 2400, 1]]), acceptedAt: "2026-11-22T10:01:00.000Z" };
    const unchecked = order("CANCELLED", BEA, [["Soup", 700, 1]]);
    const bill = billOf({
      currency: "EUR",
      orders: [order("DELIVERED", ANN, [["Wine", 900, 1]]), voided, unchecked],
      payments: [payment(3300, 0, ANN), { ...payment(2400, 0, null), kind: "REFUND" }],
    });
    expect(bill).toMatchObject({ totalCents: 900, paidCents: 900, refundedCents: 2400, voidedCents: 2400, dueCents: 0 });
  });
});

describe("splitEvenly", () => {
  it("splits to the cent, the first shares carrying the remainder", () => {
    expect(splitEvenly(1000, 3)).toEqual([334, 333, 333]);
    expect(splitEvenly(2, 3)).toEqual([1, 1, 0]);
    expect(splitEvenly(900, 2)).toEqual([450, 450]);
    for (const [amount, parts] of [
      [1, 1],
      [99_999, 7],
      [2_147_483_647, 50],
    ] as const) {
      expect(splitEvenly(amount, parts).reduce((a, b) => a + b, 0)).toBe(amount);
    }
  });

  it("refuses what cannot be split", () => {
    expect(() => splitEvenly(100, 0)).toThrow(RangeError);
    expect(() => splitEvenly(-1, 2)).toThrow(RangeError);
    expect(() => splitEvenly(10.5, 2)).toThrow(RangeError);
  });
});

describe("centsText", () => {
  it("writes integer cents without floating point", () => {
    expect(centsText(2150, "EUR")).toBe("21.50 EUR");
    expect(centsText(5, "USD")).toBe("0.05 USD");
    expect(centsText(-1999, "EUR")).toBe("-19.99 EUR");
    expect(centsText(2_147_483_647, "JPY")).toBe("21474836.47 JPY");
  });
});
