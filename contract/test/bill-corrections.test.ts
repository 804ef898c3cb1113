import { describe, expect, it } from "vitest";
import {
  billOf,
  type CorrectionDto,
  correctionAllowed,
  discountOffCents,
  discountWithinLimit,
  lineStarted,
  type OrderDto,
  overpaidCents,
  type PaymentDto,
  percentOf,
} from "../src/index.js";

// Issue 32, item 2: the bill with line corrections, bill discounts and a service charge.

let n = 0;
const id = () => `1c7f8a44-5a5e-4c43-9d3b-${String(++n).padStart(12, "0")}`;
const AT = (s: number) => `2026-12-07T10:00:${String(s).padStart(2, "0")}.000Z`;

function correction(
  kind: CorrectionDto["kind"],
  offCents: number,
  where: { orderId: string; position: number } | null = null,
): CorrectionDto {
  return {
    id: id(),
    clientCorrectionId: `fix-${n}`,
    sessionId: id(),
    orderId: where?.orderId ?? null,
    position: where?.position ?? null,
    kind,
    percentBps: null,
    amountCents: kind === "DISCOUNT" ? offCents : null,
    offCents,
    reason: "why",
    by: "Marco",
    approvedBy: null,
    at: AT(n % 60),
  };
}

function order(lines: [number, number][], corrections: Record<number, CorrectionDto["kind"][]> = {}): OrderDto {
  const orderId = id();
  return {
    id: orderId,
    clientOrderId: `client-${n}`,
    sessionId: id(),
    number: 1,
    customerId: null,
    customerName: null,
    enteredBy: "Marco",
    status: "ACCEPTED",
    statusReason: null,
    totalCents: lines.reduce((s, [price, qty]) => s + price * qty, 0),
    currency: "EUR",
    placedAt: AT(n % 60),
    acceptedAt: AT(n % 60),
    finishedAt: null,
    items: lines.map(([unitPriceCents, quantity], position) => ({
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
      corrections: (corrections[position] ?? []).map((k) =>
        correction(k, k === "DISCOUNT" ? Math.floor((unitPriceCents * quantity) / 10) : unitPriceCents * quantity, { orderId, position }),
      ),
    })),
    shipment: null,
    tickets: [],
    cancelledBy: null,
  };
}

const paid = (amountCents: number): PaymentDto => ({
  id: id(),
  clientPaymentId: `pay-${n}`,
  payer: null,
  kind: "PAYMENT",
  sessionId: id(),
  method: "CARD",
  amountCents,
  tipCents: 0,
  customerId: null,
  note: null,
  recordedAt: AT(59),
  recordedBy: "Marco",
  refundOf: null,
  providerRef: null,
});

describe("billOf with corrections and a service charge", () => {
  it("nets each line, takes the bill's discounts off the subtotal, then adds the service charge (rounded half up)", () => {
    const o = order(
      [
        [1250, 1],
        [450, 3],
        [950, 2],
      ],
      { 0: ["VOID"], 1: ["DISCOUNT"] },
    );
    const bill = billOf({ currency: "EUR", orders: [o], payments: [], corrections: [correction("DISCOUNT", 300)], serviceChargeBps: 1250 });
    expect(bill.lines.map((l) => [l.position, l.grossCents, l.lineCents])).toEqual([
      [0, 1250, 0],
      [1, 1350, 1215],
      [2, 1900, 1900],
    ]);
    expect(bill.grossCents).toBe(4500);
    expect(bill.subtotalCents).toBe(3115);
    expect(bill.billDiscountCents).toBe(300);
    // 12.5 % of 28.15 = 3.51875 → 3.52.
    expect(bill.serviceChargeCents).toBe(352);
    expect(bill.totalCents).toBe(3115 - 300 + 352);
    expect(bill.dueCents).toBe(bill.totalCents);
  });

  it("never lets a bill discount take the bill below zero, and asks for a refund of what was paid beyond it", () => {
    const o = order([[1000, 1]], { 0: ["COMP"] });
    const bill = billOf({
      currency: "EUR",
      orders: [o],
      payments: [paid(1000)],
      corrections: [correction("DISCOUNT", 500)],
      serviceChargeBps: 1000,
    });
    expect([bill.subtotalCents, bill.billDiscountCents, bill.serviceChargeCents, bill.totalCents, bill.dueCents]).toEqual([0, 0, 0, 0, 0]);
    expect(overpaidCents(bill)).toBe(1000);
  });

  it("ignores line corrections passed as bill corrections (a line's ride on its item)", () => {
    const o = order([[1000, 1]]);
    const stray = correction("VOID", 1000, { orderId: o.id, position: 0 });
    expect(billOf({ currency: "EUR", orders: [o], payments: [], corrections: [stray] }).totalCents).toBe(1000);
  });

  it("is exact in cents for any bill (property test: lines − corrections − bill discount + service charge = total)", () => {
    let seed = 7;
    const rand = (max: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % max;
    };
    const kinds = [[], ["VOID"], ["COMP"], ["DISCOUNT"], ["DISCOUNT", "VOID"]] as CorrectionDto["kind"][][];
    for (let i = 0; i < 2000; i++) {
      const lines = Array.from({ length: 1 + rand(8) }, () => [1 + rand(100_000), 1 + rand(5)] as [number, number]);
      const corrections = Object.fromEntries(lines.map((_, p) => [p, kinds[rand(kinds.length)]!]));
      // A void after a discount takes what is left (as the server computes it).
      const o = order(lines, corrections);
      for (const item of o.items) {
        const gross = item.unitPriceCents * item.quantity;
        let left = gross;
        for (const c of item.corrections) {
          c.offCents = c.kind === "DISCOUNT" ? discountOffCents(left, { percentBps: 1 + rand(10_000), amountCents: null }) : left;
          left -= c.offCents;
        }
      }
      const discounts = Array.from({ length: rand(3) }, () => correction("DISCOUNT", rand(50_000)));
      const bps = rand(3001);
      const bill = billOf({ currency: "EUR", orders: [o], payments: [], corrections: discounts, serviceChargeBps: bps });
      const net = o.items.reduce((s, it) => s + it.unitPriceCents * it.quantity - it.corrections.reduce((x, c) => x + c.offCents, 0), 0);
      const billOff = Math.min(
        net,
        discounts.reduce((s, d) => s + d.offCents, 0),
      );
      expect(bill.subtotalCents).toBe(net);
      expect(bill.lines.reduce((s, l) => s + l.lineCents, 0)).toBe(net);
      expect(bill.billDiscountCents).toBe(billOff);
      expect(Number.isInteger(bill.serviceChargeCents)).toBe(true);
      // Half up: within half a cent of the exact amount, and a half rounds up.
      const exact = ((net - billOff) * bps) / 10_000;
      expect(bill.serviceChargeCents - exact).toBeGreaterThan(-0.5);
      expect(bill.serviceChargeCents - exact).toBeLessThanOrEqual(0.5);
      expect(bill.totalCents).toBe(net - billOff + bill.serviceChargeCents);
      expect(bill.totalCents).toBeGreaterThanOrEqual(0);
    }
  });
});

describe("the correction rules", () => {
  it("rounds percents half up in integers", () => {
    expect(percentOf(4, 1250)).toBe(1); // 0.5
    expect(percentOf(3, 1250)).toBe(0); // 0.375
    expect(percentOf(1999, 1000)).toBe(200); // 199.9
  });

  it("holds each role to its discount limit and permissions", () => {
    expect(discountWithinLimit("SERVER", 100, 1000)).toBe(true);
    expect(discountWithinLimit("SERVER", 101, 1000)).toBe(false);
    expect(discountWithinLimit("MANAGER", 1000, 1000)).toBe(true);
    expect(discountWithinLimit("KITCHEN", 1, 1000)).toBe(false);
    const voidAfter = { kind: "VOID" as const, started: true, offCents: 100, baseCents: 100 };
    expect(correctionAllowed("SERVER", { ...voidAfter, started: false })).toBe(true);
    expect(correctionAllowed("SERVER", voidAfter)).toBe(false);
    expect(correctionAllowed("MANAGER", voidAfter)).toBe(true);
    expect(correctionAllowed("SERVER", { ...voidAfter, kind: "COMP" })).toBe(false);
    expect(correctionAllowed("OWNER", { ...voidAfter, kind: "COMP" })).toBe(true);
  });

  it("calls a line started once its station's ticket left NEW, or the order is ready or served", () => {
    const o = {
      status: "ACCEPTED",
      shipment: { status: "PREPARING" },
      tickets: [
        { stationId: "k", status: "NEW" },
        { stationId: "b", status: "PREPARING" },
      ],
    };
    expect(lineStarted(o, "k")).toBe(false);
    expect(lineStarted(o, "b")).toBe(true);
    expect(lineStarted({ ...o, shipment: { status: "READY" } }, "k")).toBe(true);
  });
});
