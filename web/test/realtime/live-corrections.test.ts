import { billOf, type CorrectionDto, type OrderDto } from "@ordered/contract";
import { describe, expect, test } from "vitest";
import { discountsOf, ordersOf } from "../../src/realtime/live-state";
import { LiveStore } from "../../src/realtime/live-store";
import { id, order, placed, SESSION, session } from "../support/fixtures";

// Issue 32, item 2: a correction reaches both apps as an event; the bill follows it.

const AT = "2026-12-07T11:00:00.000Z";
const correction = (kind: CorrectionDto["kind"], offCents: number, line: { orderId: string; position: number } | null): CorrectionDto => ({
  id: id(1400 + offCents),
  clientCorrectionId: `fix-${offCents}`,
  sessionId: SESSION,
  orderId: line?.orderId ?? null,
  position: line?.position ?? null,
  kind,
  percentBps: null,
  amountCents: kind === "DISCOUNT" ? offCents : null,
  offCents,
  reason: "why",
  by: "Marco",
  approvedBy: null,
  at: AT,
});

describe("corrections in the live state", () => {
  test("order:corrected replaces the order's copy; bill:discounted is kept beside; billOf reads both with the service charge", () => {
    const store = new LiveStore();
    store.seed(session({ lastSeq: 1, serviceChargeBps: 1250 }), []);
    const accepted = order(1, "preparing");
    store.receive(placed(2, accepted));
    const voided = correction("VOID", 950, { orderId: accepted.id, position: 0 });
    const corrected: OrderDto = { ...accepted, items: accepted.items.map((i) => ({ ...i, corrections: [voided] })) };
    store.receive({ name: "order:corrected", sessionId: SESSION, seq: 3, at: AT, data: { order: corrected, correction: voided } });
    const discount = correction("DISCOUNT", 1, null);
    store.receive({ name: "bill:discounted", sessionId: SESSION, seq: 4, at: AT, data: discount });

    const state = store.getState();
    const orders = ordersOf(state, SESSION);
    expect(orders[0]!.items[0]!.corrections.map((c) => c.kind)).toEqual(["VOID"]);
    expect(discountsOf(state, SESSION)).toEqual([discount]);
    const bill = billOf({ currency: "EUR", orders, payments: [], corrections: discountsOf(state, SESSION), serviceChargeBps: 1250 });
    expect([bill.grossCents, bill.subtotalCents, bill.billDiscountCents, bill.serviceChargeCents, bill.totalCents]).toEqual([
      950, 0, 0, 0, 0,
    ]);
  });
});
