import { billOf } from "@ordered/contract";
import { describe, expect, test } from "vitest";
import { alertsOf, customersOf, ordersOf, paymentsOf } from "../../src/realtime/live-state";
import { LiveStore } from "../../src/realtime/live-store";
import {
  acknowledged,
  alert,
  closed,
  customer,
  id,
  joined,
  order,
  paid,
  payment,
  placed,
  raised,
  receipt,
  removed,
  SESSION,
  session,
  updated,
  verified,
} from "../support/fixtures";

const ME = id(201);

/** A phone's store as use-customer-live seeds it from GET /api/sessions/current. */
function phone(lastSeq = 1, { orders = [order(1)], payments = [payment(1, 500)], alerts = [alert(1)] } = {}) {
  const store = new LiveStore();
  store.seed(session({ lastSeq }), orders, { payments, alerts });
  return store;
}

/** The running bill as the phone's Bill tab computes it. */
const billOfStore = (store: LiveStore) =>
  billOf({
    currency: "EUR",
    orders: ordersOf(store.getState(), SESSION),
    payments: paymentsOf(store.getState(), SESSION),
    customers: customersOf(store.getState(), SESSION),
  });

describe("the phone's live state: payments and calls", () => {
  test("the snapshot's payments and calls are in the state", () => {
    const store = phone();
    expect(paymentsOf(store.getState(), SESSION).map((p) => p.id)).toEqual([id(401)]);
    expect(alertsOf(store.getState(), SESSION).map((a) => a.id)).toEqual([id(301)]);
  });

  test("a call acknowledged by staff shows who saw it, and a late replay of its raise does not undo that", () => {
    const store = phone();
    store.receive(acknowledged(2, alert(1, { acknowledgedBy: "Marco" })));
    expect(alertsOf(store.getState(), SESSION)[0]!.acknowledgedBy).toBe("Marco");
    // A snapshot taken before the acknowledgement, e.g. after a reconnect, keeps it too.
    store.seed(session({ lastSeq: 1 }), [], { alerts: [alert(1)] });
    expect(alertsOf(store.getState(), SESSION)[0]!.acknowledgedAt).not.toBeNull();
  });

  test("a new call of this phone arrives through its event", () => {
    const store = phone(1, { alerts: [] });
    store.receive(raised(2, alert(2, { kind: "BILL" })));
    expect(alertsOf(store.getState(), SESSION).map((a) => [a.kind, a.acknowledgedAt])).toEqual([["BILL", null]]);
  });
});

describe("the phone's running bill", () => {
  test("an order counts once the kitchen accepts it; until then it is pending", () => {
    const store = phone(1, { payments: [] });
    expect(billOfStore(store)).toMatchObject({ totalCents: 0, pendingCents: 950, dueCents: 0 });
    store.receive(updated(2, order(1, "accepted")));
    expect(billOfStore(store)).toMatchObject({ totalCents: 950, pendingCents: 0, dueCents: 950 });
  });

  test("this phone's lines make its share, named from the phones that joined", () => {
    const store = phone(1, { orders: [], payments: [] });
    store.receive(joined(2, customer(1)));
    store.receive(placed(3, order(1, "accepted", { customerId: ME, customerName: "Guest 1" })));
    store.receive(placed(4, order(2, "accepted", { customerId: id(202), customerName: "Guest 2" })));
    const bill = billOfStore(store);
    expect(bill.shares.find((s) => s.customerId === ME)).toMatchObject({ displayName: "Guest 1", subtotalCents: 950 });
    expect(bill.totalCents).toBe(1900);
  });

  test("a payment recorded by staff lowers what is due", () => {
    const store = phone(1, { orders: [order(1, "accepted")], payments: [] });
    store.receive(paid(2, payment(1, 500, { tipCents: 100 })));
    expect(billOfStore(store)).toMatchObject({ totalCents: 950, paidCents: 500, tipCents: 100, dueCents: 450 });
  });
});

describe("the end of a session on the phone", () => {
  test("session:closed closes the session and keeps the receipt it carries", () => {
    const store = phone();
    const r = receipt({ orders: [order(1, "delivered")], payments: [payment(1, 950)] });
    store.receive(closed(2, SESSION, r));
    expect(store.getState().sessions[SESSION]?.status).toBe("CLOSED");
    expect(store.getState().receipts[SESSION]).toEqual(r);
    expect(r.bill.dueCents).toBe(0);
  });

  test("customer:verified marks a card-joined phone verified; an older copy of it does not undo that", () => {
    const store = phone();
    const waiting = customer(1, { via: "CARD", verifiedAt: null, verifiedHow: null });
    store.receive(joined(2, waiting));
    expect(customersOf(store.getState(), SESSION)[0]!.verifiedAt).toBeNull();
    store.receive(verified(3, { ...waiting, verifiedAt: "2026-11-21T12:01:00.000Z", verifiedHow: "PIN" }));
    expect(customersOf(store.getState(), SESSION)[0]).toMatchObject({ verifiedHow: "PIN" });
    store.seed(session({ lastSeq: 3 }), [], { customers: [waiting] });
    expect(customersOf(store.getState(), SESSION)[0]).toMatchObject({ verifiedHow: "PIN" });
  });

  test("customer:removed marks a known phone removed", () => {
    const store = phone();
    store.receive(joined(2, customer(1)));
    store.receive(removed(3, ME));
    expect(customersOf(store.getState(), SESSION)[0]!.removedAt).not.toBeNull();
  });
});
