import { describe, expect, test } from "vitest";
import { currentStep, stationParts, timelineSteps } from "../../src/customer/timeline-steps";
import { AT, BAR, id, order, ticket } from "../support/fixtures";

/** "placed:done accepted:current …" for short expectations. */
const steps = (o: ReturnType<typeof order>) => timelineSteps(o).map((s) => `${s.key}:${s.state}`);

describe("timelineSteps", () => {
  test("placed: the first step is current, the rest to come", () => {
    expect(steps(order(1))).toEqual(["placed:current", "accepted:todo", "preparing:todo", "ready:todo", "delivered:todo"]);
  });

  test("accepted: current until a station starts, then preparing (the staff screens' New, then Preparing)", () => {
    expect(steps(order(1, "accepted"))).toEqual(["placed:done", "accepted:current", "preparing:todo", "ready:todo", "delivered:todo"]);
    const started = order(1, "preparing", { tickets: [ticket(1, { status: "PREPARING", startedAt: AT, movedAt: AT })] });
    expect(steps(started)).toEqual(["placed:done", "accepted:done", "preparing:current", "ready:todo", "delivered:todo"]);
    expect(currentStep(started)).toBe("preparing");
    expect(currentStep(order(1, "preparing"))).toBe("accepted");
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

describe("stationParts: each station's part while the order is prepared", () => {
  const tickets = [
    ticket(1, { status: "PREPARING" }),
    ticket(2, { stationId: BAR, station: "Bar", status: "READY", readyAt: "2026-11-21T12:05:00.000Z" }),
  ];

  test("a course held at the table waits for the waiter; a station's courses are told apart", () => {
    const o = order(1, "preparing", {
      tickets: [
        ticket(1, { status: "PREPARING", courseId: id(1301), course: "Starters" }),
        ticket(2, { courseId: id(1302), course: "Mains", firedAt: null }),
      ],
    });
    expect(stationParts(o).map((p) => [p.station, p.status, p.held])).toEqual([
      ["Kitchen · Starters", "PREPARING", null],
      ["Kitchen · Mains", "NEW", "Mains"],
    ]);
  });

  test("Kitchen preparing, Bar ready, in station order; the order itself still preparing", () => {
    const o = order(1, "preparing", { tickets });
    expect(stationParts(o).map((p) => `${p.station}:${p.status}`)).toEqual(["Kitchen:PREPARING", "Bar:READY"]);
    expect(steps(o)).toContain("preparing:current");
  });

  test("none before the tickets exist, nor once the whole order is ready or delivered", () => {
    expect(stationParts(order(1, "accepted"))).toEqual([]);
    expect(stationParts(order(1, "ready", { tickets: tickets.map((t) => ({ ...t, status: "READY" as const })) }))).toEqual([]);
    expect(stationParts(order(1, "delivered", { tickets }))).toEqual([]);
  });

  test("an order without tickets (placed before stations existed) is accepted until ready, as the panel's New", () => {
    expect(stationParts(order(1, "preparing"))).toEqual([]);
    expect(steps(order(1, "preparing"))).toEqual(["placed:done", "accepted:current", "preparing:todo", "ready:todo", "delivered:todo"]);
  });
});

describe("timelineSteps: accepted and preparing apart, each step with its time", () => {
  const PLACED = "2026-11-21T12:00:01.000Z";
  const ACCEPTED = "2026-11-21T12:00:00.000Z";
  const STARTED = "2026-11-21T12:03:00.000Z";
  const READY = "2026-11-21T12:09:00.000Z";
  const DELIVERED = "2026-11-21T12:12:00.000Z";
  const times = (o: ReturnType<typeof order>) => timelineSteps(o).map((s) => `${s.key}:${s.state}:${s.at ?? "-"}`);

  test("accepted with its tickets waiting: accepted is current, preparing still to come", () => {
    const o = order(1, "preparing", { tickets: [ticket(1), ticket(2, { stationId: BAR, station: "Bar" })] });
    expect(times(o)).toEqual([
      `placed:done:${PLACED}`,
      `accepted:current:${ACCEPTED}`,
      "preparing:todo:-",
      "ready:todo:-",
      "delivered:todo:-",
    ]);
  });

  test("preparing from the first station's start, at its time", () => {
    const o = order(1, "preparing", {
      tickets: [
        ticket(1, { status: "PREPARING", startedAt: "2026-11-21T12:05:00.000Z" }),
        ticket(2, { stationId: BAR, station: "Bar", status: "PREPARING", startedAt: STARTED }),
      ],
    });
    expect(times(o)).toContain(`preparing:current:${STARTED}`);
    expect(times(o)).toContain(`accepted:done:${ACCEPTED}`);
  });

  test("ready and delivered at the shipment's times", () => {
    const o = order(1, "delivered", {
      shipment: { status: "DELIVERED", readyAt: READY, deliveredAt: DELIVERED },
      finishedAt: DELIVERED,
      tickets: [ticket(1, { status: "READY", startedAt: STARTED, readyAt: READY })],
    });
    expect(times(o)).toEqual([
      `placed:done:${PLACED}`,
      `accepted:done:${ACCEPTED}`,
      `preparing:done:${STARTED}`,
      `ready:done:${READY}`,
      `delivered:done:${DELIVERED}`,
    ]);
  });

  test("a refused order shows when it ended", () => {
    const o = order(1, "placed", { status: "REJECTED", statusReason: "Burrata is sold out", finishedAt: "2026-11-21T12:00:02.000Z" });
    expect(times(o)).toEqual([`placed:done:${PLACED}`, "rejected:failed:2026-11-21T12:00:02.000Z"]);
  });
});
