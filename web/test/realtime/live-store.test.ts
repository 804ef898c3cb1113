import { LIMITS } from "@ordered/contract";
import { describe, expect, test, vi } from "vitest";
import { ARRIVALS_KEPT, ordersOf } from "../../src/realtime/live-state";
import { LiveStore } from "../../src/realtime/live-store";
import { closed, id, OTHER_SESSION, opened, order, placed, SESSION, session, ticket, updated } from "../support/fixtures";

/** A store with one open session seeded at `lastSeq` with `orders`. */
function seeded(lastSeq = 1, orders = [] as ReturnType<typeof order>[]) {
  const store = new LiveStore();
  store.seed(session({ lastSeq }), orders);
  return store;
}

/** The shipment status of order n, or its order status while it has none. */
const statusOf = (store: LiveStore, n: number) =>
  store.getState().orders[SESSION]?.[id(100 + n)]?.shipment?.status ?? store.getState().orders[SESSION]?.[id(100 + n)]?.status;

describe("LiveStore: events", () => {
  test("an order placed, then updated, shows its latest copy and counts as one arrival", () => {
    const store = seeded();
    const first = store.receive(placed(2, order(1)));
    expect(first.arrivals.map((o) => o.id)).toEqual([id(101)]);
    const second = store.receive(updated(3, order(1, "preparing")));
    expect(second.arrivals).toEqual([]);
    expect(ordersOf(store.getState(), SESSION)).toHaveLength(1);
    expect(statusOf(store, 1)).toBe("PREPARING");
    expect(store.getState().arrivals).toEqual([{ sessionId: SESSION, orderId: id(101) }]);
  });

  test("an update that overtakes its order's placement waits for it, then both apply in order", () => {
    const store = seeded();
    expect(store.receive(updated(3, order(1, "accepted"))).events).toEqual([]);
    expect(store.hasGap()).toBe(true);
    expect(ordersOf(store.getState(), SESSION)).toEqual([]);
    const applied = store.receive(placed(2, order(1)));
    expect(applied.events.map((e) => e.seq)).toEqual([2, 3]);
    expect(applied.arrivals).toHaveLength(1);
    expect(statusOf(store, 1)).toBe("ACCEPTED");
    expect(store.hasGap()).toBe(false);
  });

  test("duplicates change nothing and do not notify", () => {
    const store = seeded();
    store.receive(placed(2, order(1)));
    const listener = vi.fn();
    store.subscribe(listener);
    const before = store.getState();
    expect(store.receive(placed(2, order(1)))).toEqual({ events: [], arrivals: [] });
    expect(store.getState()).toBe(before);
    expect(listener).not.toHaveBeenCalled();
  });

  test("a replay after a reconnect overlapping live events applies each once, without new arrivals", () => {
    const store = seeded();
    store.receive(placed(2, order(1)));
    store.receive(placed(3, order(2)));
    // Reconnected with cursor 3: live 5 arrives before the replay of 4 and 5, and 3 again.
    const applied = [
      store.receive(updated(5, order(2, "accepted"))),
      store.receive(placed(3, order(2))),
      store.receive(updated(4, order(1, "accepted"))),
      store.receive(updated(5, order(2, "accepted"))),
    ];
    expect(applied.flatMap((a) => a.events.map((e) => e.seq))).toEqual([4, 5]);
    expect(applied.flatMap((a) => a.arrivals)).toEqual([]);
    expect(store.getState().arrivals).toHaveLength(2);
    expect([statusOf(store, 1), statusOf(store, 2)]).toEqual(["ACCEPTED", "ACCEPTED"]);
  });

  test("orders placed while away are arrivals when their replay comes in", () => {
    const store = seeded(1);
    const applied = store.receive(placed(2, order(1)));
    expect(applied.arrivals).toHaveLength(1);
  });

  test("a replay of what the snapshot already holds is dropped: no beep, no feed", () => {
    const store = new LiveStore();
    store.seed(session({ lastSeq: 2 }), [order(1)]);
    // Connected with cursor 2, but the server replays from 1 (e.g. the session was not listed).
    expect(store.receive(opened(1, session())).events).toEqual([]);
    expect(store.receive(placed(2, order(1)))).toEqual({ events: [], arrivals: [] });
    expect(store.getState().arrivals).toEqual([]);
  });

  test("the feed keeps the newest arrivals only", () => {
    const store = seeded();
    for (let n = 1; n <= ARRIVALS_KEPT + 3; n++) store.receive(placed(n + 1, order(n)));
    const { arrivals } = store.getState();
    expect(arrivals).toHaveLength(ARRIVALS_KEPT);
    expect(arrivals[0]!.orderId).toBe(id(100 + ARRIVALS_KEPT + 3));
  });

  test("session closed: the session is CLOSED with its time, and it moves past the event's number", () => {
    const store = seeded(1);
    store.receive(closed(2));
    const s = store.getState().sessions[SESSION]!;
    expect(s.status).toBe("CLOSED");
    expect(s.closedAt).toBe("2026-11-21T12:00:00.000Z");
    expect(s.lastSeq).toBe(2);
  });
});

describe("LiveStore: acks against events (the further copy wins)", () => {
  test("an ack further along than the events is kept until the events catch up", () => {
    const store = seeded();
    store.receive(placed(2, order(1)));
    store.receive(updated(3, order(1, "preparing")));
    store.ack(order(1, "ready")); // staff pressed Ready; the READY event is still on its way
    expect(statusOf(store, 1)).toBe("READY");
    store.receive(updated(4, order(1, "preparing"))); // an older copy, logged before READY
    expect(statusOf(store, 1)).toBe("READY");
    store.receive(updated(5, order(1, "ready", { statusReason: null, totalCents: 1000 })));
    expect(store.getState().orders[SESSION]![id(101)]!.totalCents).toBe(1000); // the event wins a tie
  });

  test("an ack behind the events is ignored", () => {
    const store = seeded();
    store.receive(placed(2, order(1)));
    store.receive(updated(3, order(1, "accepted")));
    store.ack(order(1)); // the ack of order:place, delivered late
    expect(statusOf(store, 1)).toBe("ACCEPTED");
  });

  test("an ack before the order's event adds the order; the event then is no arrival", () => {
    const store = seeded();
    store.ack(order(1));
    expect(ordersOf(store.getState(), SESSION)).toHaveLength(1);
    expect(store.receive(placed(2, order(1))).arrivals).toEqual([]);
  });

  test("an order:place ack that carries its event's number applies that event: the cursor moves and it is heard once", () => {
    const store = seeded();
    const heard = vi.fn();
    store.onApplied(heard);
    store.ack(order(1), { seq: 2, at: "2026-12-05T10:00:00.000Z" });
    expect(store.cursor(SESSION)).toBe(2);
    expect(heard).toHaveBeenCalledTimes(1);
    expect(heard.mock.calls[0]![0].events).toEqual([{ ...placed(2, order(1)), at: "2026-12-05T10:00:00.000Z" }]);
    // The same event replayed after a reconnect is a duplicate.
    expect(store.receive(placed(2, order(1))).events).toEqual([]);
    expect(heard).toHaveBeenCalledTimes(1);
  });

  test("an order:place ack's event releases what waited behind it", () => {
    const store = seeded();
    const heard = vi.fn();
    store.onApplied(heard);
    expect(store.receive(updated(3, order(1, "accepted"))).events).toEqual([]); // the worker was faster than the ack
    expect(store.hasGap()).toBe(true);
    store.ack(order(1), { seq: 2, at: "2026-12-05T10:00:00.000Z" });
    expect(heard.mock.calls.map(([applied]) => applied.events.map((e: { seq: number }) => e.seq))).toEqual([[2, 3]]);
    expect(statusOf(store, 1)).toBe("ACCEPTED");
    expect(store.hasGap()).toBe(false);
  });

  test("a final status wins over any stage", () => {
    const store = seeded();
    store.receive(placed(2, order(1)));
    store.receive(updated(3, order(1, "ready")));
    store.ack(order(1, "cancelled"));
    expect(statusOf(store, 1)).toBe("CANCELLED");
  });
});

describe("LiveStore: a station's recall takes an order back", () => {
  const at = (s: number) => `2026-11-21T12:10:${String(s).padStart(2, "0")}.000Z`;
  const ready = order(1, "ready", { tickets: [ticket(1, { status: "READY", movedAt: at(1), readyAt: at(1) })] });
  // The Kitchen recalled its bump: the order is preparing again, its ready time gone.
  const recalled = order(1, "preparing", { tickets: [ticket(1, { status: "PREPARING", movedAt: at(5) })] });

  test("the recall's event wins over the ready copy, though it is less far along", () => {
    const store = seeded();
    store.receive(placed(2, order(1)));
    store.receive(updated(3, ready));
    store.receive(updated(4, recalled));
    expect(statusOf(store, 1)).toBe("PREPARING");
  });

  test("so does the recall's ack; an older ready copy then cannot undo it", () => {
    const store = seeded();
    store.receive(placed(2, order(1)));
    store.ack(recalled);
    expect(statusOf(store, 1)).toBe("PREPARING");
    store.receive(updated(3, ready)); // logged before the recall
    expect(statusOf(store, 1)).toBe("PREPARING");
  });
});

describe("LiveStore: snapshots", () => {
  test("a snapshot ahead of the events: covered events are dropped, held ones after it released", () => {
    const store = new LiveStore();
    store.receive(placed(2, order(1))); // before any snapshot: held (1 is missing)
    store.receive(updated(4, order(1, "preparing")));
    expect(store.hasGap()).toBe(true);
    const released = store.seed(session({ lastSeq: 3 }), [order(1, "accepted")]);
    expect(released.events.map((e) => e.seq)).toEqual([4]);
    expect(released.arrivals).toEqual([]);
    expect(statusOf(store, 1)).toBe("PREPARING");
    expect(store.cursor(SESSION)).toBe(4);
    expect(store.hasGap()).toBe(false);
  });

  test("a snapshot behind the events does not roll orders or the session back", () => {
    const store = seeded(1);
    store.receive(placed(2, order(1)));
    store.receive(updated(3, order(1, "accepted")));
    store.receive(closed(4));
    store.seed(session({ lastSeq: 2 }), [order(1)]);
    expect(statusOf(store, 1)).toBe("ACCEPTED");
    expect(store.getState().sessions[SESSION]!.status).toBe("CLOSED");
    expect(store.cursor(SESSION)).toBe(4);
  });

  test("a session list read before a close does not reopen the session", () => {
    const store = seeded(1);
    store.receive(closed(2));
    store.putSessions([session({ lastSeq: 1 })]);
    expect(store.getState().sessions[SESSION]!.status).toBe("CLOSED");
    store.putSessions([session({ lastSeq: 2, status: "CLOSED", label: "Table 1 (renamed)" })]);
    expect(store.getState().sessions[SESSION]!.label).toBe("Table 1 (renamed)");
  });

  test("a session list carries no orders, so it moves no cursor", () => {
    const store = new LiveStore();
    store.putSessions([session({ lastSeq: 5 })]);
    expect(store.cursor(SESSION)).toBe(0);
    expect(store.receive(opened(1, session())).events).toHaveLength(1);
  });
});

describe("LiveStore: handshake cursors", () => {
  test("name the open sessions applied so far, not the closed ones", () => {
    const store = seeded(3);
    store.seed(session({ id: OTHER_SESSION, lastSeq: 2 }), []);
    store.receive(closed(3, OTHER_SESSION));
    expect(store.cursors()).toEqual({ [SESSION]: 3 });
    expect(store.cursor(OTHER_SESSION)).toBe(3);
  });

  test("stay within the contract's limit", () => {
    const store = new LiveStore();
    for (let n = 0; n < LIMITS.session.maxCursors + 5; n++) store.seed(session({ id: id(10_000 + n), lastSeq: 1 }), []);
    expect(Object.keys(store.cursors())).toHaveLength(LIMITS.session.maxCursors);
  });
});

test("markLoaded notifies once", () => {
  const store = new LiveStore();
  const listener = vi.fn();
  store.subscribe(listener);
  store.markLoaded();
  store.markLoaded();
  expect(store.getState().loaded).toBe(true);
  expect(listener).toHaveBeenCalledTimes(1);
});
