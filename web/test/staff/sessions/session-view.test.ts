import { describe, expect, test } from "vitest";
import { LiveStore } from "../../../src/realtime/live-store";
import {
  nameOf,
  openAlertsOf,
  orderLabels,
  pendingAlerts,
  phoneNames,
  timeAgo,
  unfinishedOrders,
} from "../../../src/staff/sessions/session-view";
import { alert, customer, id, OTHER_SESSION, order, SESSION, session } from "../../support/fixtures";

describe("unfinishedOrders: what closing must deliver or cancel", () => {
  test("placed orders and accepted ones not yet at the table; nothing that ended", () => {
    const orders = [
      order(1, "placed"),
      order(2, "accepted"),
      order(3, "preparing"),
      order(4, "ready"),
      order(5, "delivered"),
      order(6, "cancelled"),
      order(7, "placed", { status: "REJECTED", statusReason: "sold out" }),
      order(8, "placed", { status: "FAILED" }),
    ];
    expect(unfinishedOrders(orders).map((o) => o.id)).toEqual([id(101), id(102), id(103), id(104)]);
  });

  test("an accepted order whose shipment was delivered is finished, even before the order itself says so", () => {
    const shipped = order(1, "ready", { shipment: { status: "DELIVERED", readyAt: null, deliveredAt: "2026-11-21T12:10:00.000Z" } });
    expect(unfinishedOrders([shipped])).toEqual([]);
  });

  test("a session with no orders has nothing unfinished", () => {
    expect(unfinishedOrders([])).toEqual([]);
  });
});

describe("phone names", () => {
  test("the name a phone gave, else Guest n by the order phones joined in, removed ones counted", () => {
    const names = phoneNames([
      customer(1, { displayName: "Sam" }),
      customer(2, { displayName: null, removedAt: "2026-11-21T12:20:00.000Z" }),
      customer(3, { displayName: null }),
    ]);
    expect([...names.values()]).toEqual(["Sam", "Guest 2", "Guest 3"]);
  });

  test("a share or call of an unknown phone falls back to the name it carries, the table's own to 'Table'", () => {
    const names = phoneNames([customer(1, { displayName: "Sam" })]);
    expect(nameOf(names, id(201))).toBe("Sam");
    expect(nameOf(names, id(299), "Robin")).toBe("Robin");
    expect(nameOf(names, id(299))).toBe("A guest");
    expect(nameOf(names, null)).toBe("Table");
  });
});

describe("timeAgo", () => {
  const at = Date.parse("2026-11-21T12:00:00.000Z");
  const later = (minutes: number, seconds = 0) => at + minutes * 60_000 + seconds * 1000;
  test.each([
    [later(0, 20), "just now"],
    [later(1), "1 min ago"],
    [later(59, 59), "59 min ago"],
    [later(60), "1 h ago"],
    [later(125), "2 h 5 min ago"],
  ])("%i → %s", (now, text) => {
    expect(timeAgo("2026-11-21T12:00:00.000Z", now)).toBe(text);
  });

  test("a clock slightly behind the server's says just now, not a negative time", () => {
    expect(timeAgo("2026-11-21T12:00:00.000Z", at - 5_000)).toBe("just now");
  });
});

describe("calls waiting for staff", () => {
  test("unacknowledged calls, oldest first", () => {
    const calls = [alert(3), alert(1, { acknowledgedBy: "Marco" }), alert(2, { kind: "BILL" })];
    expect(pendingAlerts(calls).map((a) => a.id)).toEqual([id(302), id(303)]);
  });

  test("the strip holds every open session's waiting calls and none of a closed one", () => {
    const store = new LiveStore();
    store.seed(session(), [], { alerts: [alert(1), alert(2, { acknowledgedBy: "Marco" })] });
    store.seed(session({ id: OTHER_SESSION, label: "Table 2", status: "CLOSED" }), [], {
      alerts: [alert(3, { sessionId: OTHER_SESSION })],
    });
    expect(openAlertsOf(store.getState()).map((a) => [a.sessionId, a.id])).toEqual([[SESSION, id(301)]]);
  });
});

test("orders are named by their place in the session, oldest first", () => {
  expect([...orderLabels("Table 4", [order(1), order(2)]).values()]).toEqual(["Table 4 #1", "Table 4 #2"]);
});
