import { describe, expect, test } from "vitest";
import { timelineSteps } from "../../src/customer/timeline-steps";
import { order } from "../support/fixtures";

/** "placed:done accepted:current …" for short expectations. */
const steps = (o: ReturnType<typeof order>) => timelineSteps(o).map((s) => `${s.key}:${s.state}`);

describe("timelineSteps", () => {
  test("placed: the first step is current, the rest to come", () => {
    expect(steps(order(1))).toEqual(["placed:current", "accepted:todo", "preparing:todo", "ready:todo", "delivered:todo"]);
  });

  test("accepted: current until the shipment exists, then preparing", () => {
    expect(steps(order(1, "accepted"))).toEqual(["placed:done", "accepted:current", "preparing:todo", "ready:todo", "delivered:todo"]);
    expect(steps(order(1, "preparing"))).toEqual(["placed:done", "accepted:done", "preparing:current", "ready:todo", "delivered:todo"]);
  });

  test("ready, then delivered with nothing current", () => {
    expect(steps(order(1, "ready"))).toEqual(["placed:done", "accepted:done", "preparing:done", "ready:current", "delivered:todo"]);
    expect(steps(order(1, "delivered"))).toEqual(["placed:done", "accepted:done", "preparing:done", "ready:done", "delivered:done"]);
  });

  test("an order that ends early shows how, and no steps to come", () => {
    expect(
      steps(order(1, "placed", { status: "REJECTED", statusReason: "Burrata is sold out", finishedAt: "2026-11-21T12:00:00.000Z" })),
    ).toEqual(["placed:done", "rejected:failed"]);
    expect(steps(order(1, "cancelled"))).toEqual(["placed:done", "accepted:done", "cancelled:failed"]);
  });

  test("an order cancelled after it was ready keeps its ready step", () => {
    const o = order(1, "cancelled", { shipment: { status: "CANCELLED", readyAt: "2026-11-21T12:00:00.000Z", deliveredAt: null } });
    expect(steps(o)).toEqual(["placed:done", "accepted:done", "preparing:done", "ready:done", "cancelled:failed"]);
  });
});
