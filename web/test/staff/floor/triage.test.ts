import type { OrderDto } from "@ordered/contract";
import { describe, expect, test } from "vitest";
import { LiveStore } from "../../../src/realtime/live-store";
import { actionItems, isFinished, orderAction, orderAge, thresholdsOf, unseen, waitingSince } from "../../../src/staff/floor/triage";
import type { StaffSession } from "../../../src/staff/sessions/staff-sessions";
import { alert, customer, id, location, OTHER_SESSION, order, SESSION, session } from "../../support/fixtures";

const THRESHOLDS = { amberMinutes: 10, redMinutes: 20 };
const MINUTE = 60_000;
const THIRD = id(3);

/** A store with three open sessions: Table 1 (SESSION), Table 2 (OTHER_SESSION) and Table 3 (THIRD). */
function floor(parts: { orders?: OrderDto[]; alerts?: ReturnType<typeof alert>[] } = {}) {
  const store = new LiveStore<StaffSession>();
  const sessions = [
    session({ id: SESSION, label: "Table 1", openedAt: "2026-11-21T11:00:00.000Z" }),
    session({ id: OTHER_SESSION, label: "Table 2", openedAt: "2026-11-21T11:10:00.000Z" }),
    session({ id: THIRD, label: "Table 3", openedAt: "2026-11-21T11:20:00.000Z" }),
  ];
  for (const s of sessions) {
    store.seed(
      s,
      (parts.orders ?? []).filter((o) => o.sessionId === s.id),
      { customers: [], alerts: (parts.alerts ?? []).filter((a) => a.sessionId === s.id), payments: [] },
    );
  }
  return store.getState();
}

describe("ages", () => {
  test("an unfinished order turns amber and red at the location's thresholds; a finished one has no urgency", () => {
    const placed = order(1, "preparing", { placedAt: "2026-11-21T12:00:00.000Z" });
    const at = (minutes: number) => Date.parse("2026-11-21T12:00:00.000Z") + minutes * MINUTE;
    expect(orderAge(placed, at(9), THRESHOLDS)).toEqual({ ms: 9 * MINUTE, urgency: "fresh" });
    expect(orderAge(placed, at(10), THRESHOLDS).urgency).toBe("amber");
    expect(orderAge(placed, at(20), THRESHOLDS).urgency).toBe("red");
    expect(orderAge(order(1, "delivered"), at(30), THRESHOLDS).urgency).toBeNull();
    expect(orderAge(order(1, "cancelled"), at(30), THRESHOLDS).urgency).toBeNull();
  });

  test("thresholds come from the location, with defaults for a location stored before they existed", () => {
    expect(thresholdsOf(location({ ticketAmberMinutes: 5, ticketRedMinutes: 8 }))).toEqual({ amberMinutes: 5, redMinutes: 8 });
    expect(thresholdsOf({})).toEqual({ amberMinutes: 10, redMinutes: 20 });
  });

  test("finished: ended, or delivered to the table", () => {
    expect(isFinished(order(1, "placed"))).toBe(false);
    expect(isFinished(order(1, "ready"))).toBe(false);
    expect(isFinished(order(1, "delivered"))).toBe(true);
    expect(isFinished(order(1, "cancelled"))).toBe(true);
    expect(isFinished(order(1, "ready", { shipment: { status: "DELIVERED", readyAt: null, deliveredAt: null } }))).toBe(true);
  });
});

describe("since when a table waits (its sheet's age pill)", () => {
  test("its oldest unfinished order; finished ones do not count, a newer unfinished one does", () => {
    const state = floor({
      orders: [
        order(1, "delivered", { sessionId: SESSION, placedAt: "2026-11-21T12:00:00.000Z" }),
        order(2, "ready", { sessionId: SESSION, placedAt: "2026-11-21T12:09:00.000Z" }),
        order(3, "placed", { sessionId: OTHER_SESSION, placedAt: "2026-11-21T12:04:00.000Z" }),
        order(4, "cancelled", { sessionId: THIRD, placedAt: "2026-11-21T11:50:00.000Z" }),
      ],
    });
    expect(waitingSince(state, SESSION)).toBe("2026-11-21T12:09:00.000Z");
    expect(waitingSince(state, OTHER_SESSION)).toBe("2026-11-21T12:04:00.000Z");
    expect(waitingSince(state, THIRD)).toBeNull();
  });

  test("an unanswered call waits too, from when it was raised; an acknowledged one does not", () => {
    const state = floor({
      orders: [order(1, "placed", { sessionId: THIRD, placedAt: "2026-11-21T12:05:00.000Z" })],
      alerts: [
        alert(1, { sessionId: THIRD, raisedAt: "2026-11-21T12:02:00.000Z" }),
        alert(2, { sessionId: OTHER_SESSION, raisedAt: "2026-11-21T11:00:00.000Z", acknowledgedBy: "Marco" }),
      ],
    });
    expect(waitingSince(state, THIRD)).toBe("2026-11-21T12:02:00.000Z");
    expect(waitingSince(state, OTHER_SESSION)).toBeNull();
  });
});

describe("the feed: what needs action", () => {
  test("new and ready orders, open calls and bill requests, newest first; not finished orders nor answered calls", () => {
    const state = floor({
      orders: [
        order(1, "placed", { sessionId: SESSION, placedAt: "2026-11-21T12:01:00.000Z" }),
        order(2, "preparing", { sessionId: SESSION, placedAt: "2026-11-21T12:02:00.000Z" }),
        order(3, "ready", {
          sessionId: OTHER_SESSION,
          number: 1,
          placedAt: "2026-11-21T12:00:00.000Z",
          shipment: { status: "READY", readyAt: "2026-11-21T12:20:00.000Z", deliveredAt: null },
        }),
        order(4, "delivered", { sessionId: OTHER_SESSION }),
        order(5, "cancelled", { sessionId: THIRD }),
      ],
      alerts: [
        alert(1, { sessionId: THIRD, kind: "BILL", raisedAt: "2026-11-21T12:10:00.000Z" }),
        alert(2, { sessionId: THIRD, kind: "WAITER", raisedAt: "2026-11-21T12:11:00.000Z", acknowledgedBy: "Marco" }),
        alert(3, { sessionId: SESSION, kind: "WAITER", raisedAt: "2026-11-21T12:03:00.000Z" }),
      ],
    });
    expect(actionItems(state).map((i) => [i.kind, i.label, i.since])).toEqual([
      ["ready", "Table 2 #1", "2026-11-21T12:20:00.000Z"],
      ["bill", "Table 3", "2026-11-21T12:10:00.000Z"],
      ["call", "Table 1", "2026-11-21T12:03:00.000Z"],
      ["order", "Table 1 #2", "2026-11-21T12:02:00.000Z"],
      ["order", "Table 1 #1", "2026-11-21T12:01:00.000Z"],
    ]);
  });

  test("a card-joined phone waiting to be accepted is on the feed until it is verified or removed, unless the check is off", () => {
    const store = new LiveStore<StaffSession>();
    const waiting = customer(1, { via: "CARD", verifiedAt: null, verifiedHow: null, joinedAt: "2026-11-21T12:05:00.000Z" });
    const removed = customer(2, { via: "CARD", verifiedAt: null, verifiedHow: null, removedAt: "2026-11-21T12:06:00.000Z" });
    const byCode = customer(3);
    store.seed(session(), [], { customers: [waiting, removed, byCode], alerts: [], payments: [] });
    expect(actionItems(store.getState()).map((i) => [i.kind, i.key, i.since])).toEqual([
      ["phone", `phone:${waiting.id}`, "2026-11-21T12:05:00.000Z"],
    ]);
    expect(actionItems(store.getState(), { phonesChecked: false })).toEqual([]);
  });

  test("a closed session's orders and calls leave the feed", () => {
    const store = new LiveStore<StaffSession>();
    store.seed(session({ status: "CLOSED" }), [order(1, "placed")], { customers: [], alerts: [alert(1)], payments: [] });
    expect(actionItems(store.getState())).toEqual([]);
  });

  test("an order keeps its key from placed to preparing, and gets a new one when it is ready to deliver", () => {
    expect(orderAction(order(1, "placed"))?.kind).toBe("order");
    expect(orderAction(order(1, "preparing"))?.kind).toBe("order");
    expect(orderAction(order(1, "ready"))?.kind).toBe("ready");
    expect(orderAction(order(1, "delivered"))).toBeNull();
    const key = (o: OrderDto) => actionItems(floor({ orders: [o] }))[0]?.key;
    expect(key(order(1, "placed"))).toBe(key(order(1, "preparing")));
    expect(key(order(1, "ready"))).not.toBe(key(order(1, "preparing")));
  });

  test("seen items leave this device's feed; the same order ready to deliver comes back", () => {
    const placed = floor({ orders: [order(1, "preparing")] });
    const seen = new Set(actionItems(placed).map((i) => i.key));
    expect(unseen(actionItems(placed), seen)).toEqual([]);
    // Still preparing after another event: still seen.
    expect(unseen(actionItems(floor({ orders: [order(1, "accepted")] })), seen)).toEqual([]);
    const ready = unseen(actionItems(floor({ orders: [order(1, "ready")] })), seen);
    expect(ready.map((i) => [i.kind, i.label])).toEqual([["ready", "Table 1 #1"]]);
  });
});
