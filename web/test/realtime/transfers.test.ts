import type { SessionEvent } from "@ordered/contract";
import { describe, expect, test } from "vitest";
import { claimsOf, ordersOf } from "../../src/realtime/live-state";
import { LiveStore } from "../../src/realtime/live-store";
import { AT, id, OTHER_SESSION, order, placed, SESSION, session } from "../support/fixtures";

// Issue 32, item 4: what a merge and a split-off do to a screen's live state, from the two
// logs' events (session:merged / session:split in the session left, session:received in the
// one that got them), in whichever order they arrive.

const envelope = (seq: number, sessionId: string) => ({ sessionId, seq, at: AT });

function twoSessions() {
  const store = new LiveStore();
  store.seed(session({ lastSeq: 1 }), []);
  store.seed(session({ id: OTHER_SESSION, label: "Table 5", lastSeq: 1 }), []);
  store.receive(placed(2, order(1, "accepted")));
  store.receive(placed(2, order(2, "accepted", { sessionId: OTHER_SESSION })));
  return store;
}

describe("live state: merges and split-offs", () => {
  test("a merge: the source closes empty, the target holds both sessions' orders", () => {
    const store = twoSessions();
    const moved = { ...order(1, "accepted"), sessionId: OTHER_SESSION, number: 2, movedFrom: "Table 1 #1" };
    const received: SessionEvent = {
      name: "session:received",
      ...envelope(3, OTHER_SESSION),
      data: {
        kind: "MERGE",
        fromSessionId: SESSION,
        fromLabel: "Table 1",
        by: "Sam",
        orders: [moved],
        customers: [],
        payments: [],
        alerts: [],
      },
    };
    const merged: SessionEvent = {
      name: "session:merged",
      ...envelope(4, SESSION),
      data: { intoSessionId: OTHER_SESSION, intoLabel: "Table 5", closedAt: AT, mergedBy: "Sam", orderIds: [id(101)], customerIds: [] },
    };
    // The table had started splitting the order's line 0: the claim goes with the order.
    const line = `${id(101)}:0`;
    const claim = { line, orderId: id(101), position: 0, payer: "person:2", weight: 1, claimedBy: "Sam", claimedAt: AT };
    store.receive({
      name: "bill:claimed",
      ...envelope(3, SESSION),
      data: { line, orderId: id(101), position: 0, claims: [claim], by: "Sam" },
    });
    // The target's event first: for a moment the order is in both, never in neither.
    store.receive(received);
    store.receive(merged);
    const state = store.getState();
    expect(state.sessions[SESSION]?.status).toBe("CLOSED");
    expect(ordersOf(state, SESSION)).toEqual([]);
    expect(ordersOf(state, OTHER_SESSION).map((o) => [o.id, o.movedFrom ?? null])).toEqual(
      expect.arrayContaining([
        [id(102), null],
        [id(101), "Table 1 #1"],
      ]),
    );
    expect(ordersOf(state, OTHER_SESSION)).toHaveLength(2);
    expect([claimsOf(state, SESSION), claimsOf(state, OTHER_SESSION)]).toEqual([[], [claim]]);
  });

  test("a split-off takes only the orders it names out of the session", () => {
    const store = twoSessions();
    store.receive(placed(3, order(3, "accepted")));
    store.receive({
      name: "session:split",
      ...envelope(4, SESSION),
      data: { toSessionId: id(9), toLabel: "Window 2", splitBy: "Sam", orderIds: [id(103)], customerIds: [] },
    });
    expect(ordersOf(store.getState(), SESSION).map((o) => o.id)).toEqual([id(101)]);
    expect(store.getState().sessions[SESSION]?.status).toBe("OPEN");
  });
});
