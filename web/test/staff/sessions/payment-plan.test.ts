import { billOf, type PaymentResponse, type RecordPaymentBody } from "@ordered/contract";
import { describe, expect, test, vi } from "vitest";
import { ApiError } from "../../../src/api/http";
import { sendPayment, shareDueCents, splitPlan } from "../../../src/staff/sessions/payment-plan";
import { customer, id, order, payment } from "../../support/fixtures";

describe("splitPlan: an equal split, share by share", () => {
  test("shares add up to the due exactly; the first ones carry the odd cents", () => {
    const plan = splitPlan(1000, 3);
    expect(plan.map((s) => s.cents)).toEqual([334, 333, 333]);
    expect(plan.reduce((sum, s) => sum + s.cents, 0)).toBe(1000);
  });

  test("each share is numbered and carries the note its payment is stored with", () => {
    expect(splitPlan(2500, 2)).toEqual([
      { index: 1, cents: 1250, note: "Split 1 of 2" },
      { index: 2, cents: 1250, note: "Split 2 of 2" },
    ]);
  });

  test("less due than shares leaves the last ones empty (the dialog does not offer to record them)", () => {
    expect(splitPlan(2, 3).map((s) => s.cents)).toEqual([1, 1, 0]);
  });
});

describe("shareDueCents: what one phone still owes", () => {
  const orders = [
    order(1, "accepted", { customerId: id(201), totalCents: 1900, items: [item(950, 2)] }),
    order(2, "delivered", { customerId: id(202), totalCents: 450, items: [item(450, 1)] }),
  ];
  const customers = [customer(1), customer(2)];

  test("its subtotal minus what was paid for it", () => {
    const bill = billOf({ currency: "EUR", orders, customers, payments: [payment(1, 500, { customerId: id(201) })] });
    expect(shareDueCents(bill, id(201))).toBe(1400);
    expect(shareDueCents(bill, id(202))).toBe(450);
  });

  test("with its part of the service charge and, with net prices, of the tax its lines' rates add (issue 33)", () => {
    const taxed = orders.map((o) => ({ ...o, items: o.items.map((i) => ({ ...i, taxRateBps: 1000, taxName: "A" })) }));
    const bill = billOf({ currency: "EUR", orders: taxed, customers, payments: [], serviceChargeBps: 1000, pricesIncludeTax: false });
    // 19.00 + 1.90 service + 2.09 tax; 4.50 + 0.45 + 0.50 (the table's 2.59 tax, rate by rate).
    expect(bill.totalCents).toBe(2350 + 235 + 259);
    expect(shareDueCents(bill, id(201))).toBe(1900 + 190 + 209);
    expect(shareDueCents(bill, id(202))).toBe(450 + 45 + 50);
    expect(shareDueCents(bill, id(201)) + shareDueCents(bill, id(202))).toBe(bill.totalCents);
  });

  test("never below zero, and zero for a phone without a share", () => {
    const bill = billOf({ currency: "EUR", orders, customers, payments: [payment(1, 450, { customerId: id(202) })] });
    expect(shareDueCents(bill, id(202))).toBe(0);
    expect(shareDueCents(bill, id(299))).toBe(0);
  });
});

describe("sendPayment: one payment however many times it is sent", () => {
  const body: RecordPaymentBody = { clientPaymentId: "pay-0001-abcd", method: "CASH", amountCents: 1250, tipCents: 100 };
  const answer = { payment: payment(1, 1250, { clientPaymentId: body.clientPaymentId }) } as PaymentResponse;
  const noSleep = () => Promise.resolve();

  test("a network failure is retried with the very same body, so the same clientPaymentId", async () => {
    const post = vi
      .fn<(b: RecordPaymentBody) => Promise<PaymentResponse>>()
      .mockRejectedValueOnce(new ApiError("NETWORK", "offline", 0))
      .mockRejectedValueOnce(new ApiError("UNAVAILABLE", "busy", 503))
      .mockResolvedValueOnce(answer);
    await expect(sendPayment(post, body, { sleep: noSleep })).resolves.toBe(answer);
    expect(post).toHaveBeenCalledTimes(3);
    expect(new Set(post.mock.calls.map(([b]) => b))).toEqual(new Set([body]));
  });

  test("a refusal is final: not sent again, and its message reaches the dialog", async () => {
    const post = vi.fn().mockRejectedValue(new ApiError("OVERPAYMENT", "more than the 10.00 EUR still due", 409));
    await expect(sendPayment(post, body, { sleep: noSleep })).rejects.toMatchObject({ code: "OVERPAYMENT" });
    expect(post).toHaveBeenCalledTimes(1);
  });

  test("when the retries run out the last failure is thrown (the dialog keeps the body to try again)", async () => {
    const post = vi.fn().mockRejectedValue(new ApiError("NETWORK", "offline", 0));
    const sleep = vi.fn(noSleep);
    await expect(sendPayment(post, body, { sleep, delaysMs: [10, 20] })).rejects.toMatchObject({ code: "NETWORK" });
    expect(post).toHaveBeenCalledTimes(3);
    expect(sleep.mock.calls).toEqual([[10], [20]]);
  });
});

function item(unitPriceCents: number, quantity: number) {
  return {
    position: 0,
    productId: id(900),
    productName: "Margherita",
    unitPriceCents,
    quantity,
    note: null,
    options: [],
    allergens: [],
    stationId: id(800),
    seat: null,
    courseId: null,
    corrections: [],
  };
}
