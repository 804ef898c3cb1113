import { describe, expect, it } from "vitest";
import { lastBumpOf, RECALL_WINDOW_MS, type TicketStatus, undoableBump } from "../src/kitchen.js";
import {
  BILLED_ORDER_STATUSES,
  canCancel,
  canMoveOrder,
  isBilledOrder,
  isFinalOrderStatus,
  isUnfinishedOrder,
  isVoidedOrder,
  nextAdvanceStep,
  ORDER_STATUSES,
  ORDER_TRANSITIONS,
  type OrderState,
  orderName,
  orderViewOf,
  PENDING_ORDER_STATUSES,
  progress,
  SHIPMENT_STATUSES,
  SHIPMENT_TRANSITIONS,
  stageOf,
  UNFINISHED_ORDER_STATUSES,
  unfinishedTickets,
} from "../src/order-status.js";

const order = (
  status: OrderState["status"],
  shipment: NonNullable<OrderState["shipment"]>["status"] | null = null,
  acceptedAt: string | null = null,
  tickets: TicketStatus[] = [],
) => ({
  status,
  shipment: shipment ? { status: shipment } : null,
  acceptedAt,
  tickets: tickets.map((t) => ({ status: t })),
});

describe("the status machine", () => {
  it("names only known statuses, and every final status has no way out", () => {
    for (const [from, moves] of Object.entries(ORDER_TRANSITIONS)) {
      expect(ORDER_STATUSES).toContain(from);
      for (const to of Object.keys(moves)) expect(ORDER_STATUSES).toContain(to);
    }
    for (const [from, moves] of Object.entries(SHIPMENT_TRANSITIONS)) {
      expect(SHIPMENT_STATUSES).toContain(from);
      for (const to of Object.keys(moves)) expect(SHIPMENT_STATUSES).toContain(to);
    }
    expect(ORDER_STATUSES.filter(isFinalOrderStatus)).toEqual(["REJECTED", "DELIVERED", "CANCELLED", "FAILED"]);
  });

  it("allows the documented order moves and no others", () => {
    const allowed = ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.filter((to) => canMoveOrder(from, to)).map((to) => `${from}→${to}`));
    expect(allowed).toEqual([
      "PLACED→ACCEPTED",
      "PLACED→REJECTED",
      "PLACED→CANCELLED",
      "PLACED→FAILED",
      "ACCEPTED→DELIVERED",
      "ACCEPTED→CANCELLED",
    ]);
    expect(ORDER_STATUSES.filter((from) => canMoveOrder(from, "CANCELLED"))).toEqual(["PLACED", "ACCEPTED"]);
  });

  it("gives staff the next shipment step, and none before the shipment exists or after delivery", () => {
    expect(nextAdvanceStep(order("PLACED"))).toBeNull();
    expect(nextAdvanceStep(order("ACCEPTED"))).toBeNull();
    expect(nextAdvanceStep(order("ACCEPTED", "PREPARING"))).toBe("READY");
    expect(nextAdvanceStep(order("ACCEPTED", "READY"))).toBe("DELIVERED");
    expect(nextAdvanceStep(order("DELIVERED", "DELIVERED"))).toBeNull();
    expect(nextAdvanceStep(order("CANCELLED", "CANCELLED"))).toBeNull();
  });

  it("lets staff cancel until the order reaches the table", () => {
    expect(canCancel(order("PLACED"))).toBe(true);
    expect(canCancel(order("ACCEPTED", "PREPARING"))).toBe(true);
    expect(canCancel(order("ACCEPTED", "READY"))).toBe(true);
    expect(canCancel(order("DELIVERED", "DELIVERED"))).toBe(false);
    expect(canCancel(order("REJECTED"))).toBe(false);
    expect(canCancel(order("CANCELLED", "CANCELLED"))).toBe(false);
  });

  it("shows the guest the stage reached, one step at a time, and how a failed order ended", () => {
    expect(stageOf(order("PLACED"))).toEqual({ reached: 0, end: null });
    expect(stageOf(order("ACCEPTED", null, "2026-11-22T10:00:00.000Z"))).toEqual({ reached: 1, end: null });
    expect(stageOf(order("ACCEPTED", "PREPARING", "2026-11-22T10:00:00.000Z", ["PREPARING", "NEW"]))).toEqual({ reached: 2, end: null });
    expect(stageOf(order("ACCEPTED", "READY"))).toEqual({ reached: 3, end: null });
    expect(stageOf(order("DELIVERED", "DELIVERED"))).toEqual({ reached: 4, end: null });
    expect(stageOf(order("REJECTED"))).toEqual({ reached: 0, end: "rejected" });
    expect(stageOf(order("CANCELLED", "CANCELLED", "2026-11-22T10:00:00.000Z", ["PREPARING"]))).toEqual({ reached: 2, end: "cancelled" });
    expect(stageOf(order("CANCELLED", "CANCELLED", "2026-11-22T10:00:00.000Z", ["NEW"]))).toEqual({ reached: 1, end: "cancelled" });
  });

  it("keeps the guest's stage and the staff's word in step: accepted is not preparing until a station starts", () => {
    const accepted = "2026-11-22T10:00:00.000Z";
    const moves: [TicketStatus[], ReturnType<typeof orderViewOf>, string][] = [
      [["NEW", "NEW"], "NEW", "accepted"],
      [["NEW", "PREPARING"], "PREPARING", "preparing"],
      [["READY", "NEW"], "PREPARING", "preparing"],
    ];
    for (const [tickets, view, stage] of moves) {
      const o = order("ACCEPTED", "PREPARING", accepted, tickets);
      expect(orderViewOf(o)).toBe(view);
      expect(["placed", "accepted", "preparing", "ready", "delivered"][stageOf(o).reached]).toBe(stage);
    }
    expect(orderViewOf(order("ACCEPTED", "READY", accepted, ["READY"]))).toBe("READY");
  });

  it("names an order by its session and number, and lists the tickets the kitchen still owns", () => {
    expect(orderName("Table 4", 2)).toBe("Table 4 #2");
    expect(unfinishedTickets(order("ACCEPTED", "PREPARING", null, ["READY", "PREPARING", "NEW"]))).toEqual([
      { status: "PREPARING" },
      { status: "NEW" },
    ]);
  });

  it("orders two copies of an order by how far along they are", () => {
    const sequence = [
      order("PLACED"),
      order("ACCEPTED"),
      order("ACCEPTED", "PREPARING", null, ["PREPARING"]),
      order("ACCEPTED", "READY"),
      order("DELIVERED", "DELIVERED"),
    ];
    const ranks = sequence.map(progress);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(new Set(ranks).size).toBe(sequence.length);
    expect(progress(order("CANCELLED", "CANCELLED"))).toBeGreaterThan(progress(order("ACCEPTED", "READY")));
  });
});

describe("the kitchen's Undo, from what the server stored", () => {
  const T0 = "2026-11-22T10:00:00.000Z";
  const T1 = "2026-11-22T10:00:05.000Z";
  const at = (iso: string, ms: number) => Date.parse(iso) + ms;

  it("offers the last bump for RECALL_WINDOW_MS, and nothing after a recall", () => {
    const started = { status: "PREPARING" as const, startedAt: T0, readyAt: null, movedAt: T0 };
    expect(lastBumpOf(started)).toBe("PREPARING");
    expect(undoableBump(started, at(T0, RECALL_WINDOW_MS - 1))).toBe("PREPARING");
    expect(undoableBump(started, at(T0, RECALL_WINDOW_MS))).toBeNull();
    const ready = { status: "READY" as const, startedAt: T0, readyAt: T1, movedAt: T1 };
    expect(undoableBump(ready, at(T1, 1000))).toBe("READY");
    // Recalled from READY: preparing again, started earlier than it moved, no ready time.
    const recalled = { status: "PREPARING" as const, startedAt: T0, readyAt: null, movedAt: T1 };
    expect(lastBumpOf(recalled)).toBeNull();
    expect(lastBumpOf({ status: "NEW", startedAt: null, readyAt: null, movedAt: T1 })).toBeNull();
  });
});

describe("the groups of statuses, held to the transition table", () => {
  it("calls unfinished exactly the statuses with a move out, and bills only what the pipeline accepted", () => {
    expect([...UNFINISHED_ORDER_STATUSES].sort()).toEqual(ORDER_STATUSES.filter((s) => !isFinalOrderStatus(s)).sort());
    // Billed: accepted, or reached from accepted by a move that is not a cancel.
    expect([...BILLED_ORDER_STATUSES].sort()).toEqual(
      ["ACCEPTED", ...Object.keys(ORDER_TRANSITIONS.ACCEPTED).filter((s) => s !== "CANCELLED")].sort(),
    );
    // Pending: unfinished and not billed, so every order is counted once on a bill.
    expect(PENDING_ORDER_STATUSES).toEqual(UNFINISHED_ORDER_STATUSES.filter((s) => !isBilledOrder({ status: s })));
  });

  it("says unfinished of an order until it ends or reaches the table", () => {
    expect(isUnfinishedOrder({ status: "PLACED", shipment: null })).toBe(true);
    expect(isUnfinishedOrder({ status: "ACCEPTED", shipment: { status: "READY" } })).toBe(true);
    expect(isUnfinishedOrder({ status: "ACCEPTED", shipment: { status: "DELIVERED" } })).toBe(false);
    expect(isUnfinishedOrder({ status: "CANCELLED", shipment: null })).toBe(false);
    expect(isVoidedOrder({ status: "CANCELLED", acceptedAt: "2026-11-22T10:00:00.000Z" })).toBe(true);
    expect(isVoidedOrder({ status: "CANCELLED", acceptedAt: null })).toBe(false);
  });
});
