import { ORDER_STAGES, type OrderDto, type OrderEnd, type OrderStage, stageOf, type TicketStatus } from "@ordered/contract/client";

export interface TimelineStep {
  key: OrderStage | OrderEnd;
  state: "done" | "current" | "todo" | "failed";
  /** When the order got there (ISO), when known; null for steps to come or not recorded. */
  at: string | null;
}

const earliest = (times: (string | null)[]) => times.filter((t): t is string => t !== null).sort()[0] ?? null;
const latest = (times: (string | null)[]) =>
  times
    .filter((t): t is string => t !== null)
    .sort()
    .at(-1) ?? null;

/** When the order reached a stage, as recorded (tickets' own times stand in where the shipment has none). */
function timeOf(order: OrderDto, key: OrderStage): string | null {
  switch (key) {
    case "placed":
      return order.placedAt;
    case "accepted":
      return order.acceptedAt;
    case "preparing":
      return earliest(order.tickets.map((t) => t.startedAt));
    case "ready":
      return (
        order.shipment?.readyAt ??
        (order.tickets.length > 0 && order.tickets.every((t) => t.readyAt) ? latest(order.tickets.map((t) => t.readyAt)) : null)
      );
    case "delivered":
      return order.shipment?.deliveredAt ?? (order.status === "DELIVERED" ? order.finishedAt : null);
  }
}

/**
 * The guest's timeline: the stages an order went through and where it is now, each with
 * the time it happened, followed by the stages still to come, or by how it ended if it will
 * not reach the table.
 */
export function timelineSteps(order: OrderDto): TimelineStep[] {
  // The contract's stage (stageOf): accepted until a station starts, as the staff screens say.
  const { reached, end } = stageOf(order);
  const finished = end !== null || reached === ORDER_STAGES.length - 1;
  const steps = ORDER_STAGES.map((key, i): TimelineStep => {
    const state = i < reached || (i === reached && finished) ? "done" : i === reached ? "current" : "todo";
    return { key, state, at: state === "todo" ? null : timeOf(order, key) };
  });
  return end ? [...steps.slice(0, reached + 1), { key: end, state: "failed", at: order.finishedAt }] : steps;
}

/** Where the order is now on the guest's timeline: the current step, or the last one it reached. */
export function currentStep(order: OrderDto): OrderStage | OrderEnd {
  const steps = timelineSteps(order).filter((s) => s.state !== "todo");
  return steps.at(-1)?.key ?? "placed";
}

/** One station's part of an order (per course when the station has several), for the guest ("Bar: ready"). */
export interface StationPart {
  ticketId: string;
  stationId: string;
  /** The station's name, with the course's when the station has the order's lines of several courses. */
  station: string;
  status: TicketStatus;
  /** The course's name while staff hold it at the table ("waiting for the waiter to send it"), else null. */
  held: string | null;
}

/**
 * Each station's part while the order is being prepared (its tickets, in station order);
 * none before (no tickets yet) or once the whole order is ready, delivered or ended.
 */
export function stationParts(order: OrderDto): StationPart[] {
  if (order.status !== "ACCEPTED" || order.shipment?.status !== "PREPARING") return [];
  const perStation = (stationId: string) => order.tickets.filter((t) => t.stationId === stationId).length;
  return order.tickets.map((t) => ({
    ticketId: t.id,
    stationId: t.stationId,
    station: t.course && perStation(t.stationId) > 1 ? `${t.station} · ${t.course}` : t.station,
    status: t.status,
    held: t.firedAt === null ? (t.course ?? t.station) : null,
  }));
}
