import { ORDER_STAGES, type OrderDto, type OrderEnd, type OrderStage, stageOf, type TicketStatus } from "@ordered/contract";

export interface TimelineStep {
  key: OrderStage | OrderEnd;
  state: "done" | "current" | "todo" | "failed";
}

/**
 * The guest's timeline: the stages an order went through and where it is now, followed by
 * the stages still to come, or by how it ended if it will not reach the table.
 */
export function timelineSteps(order: OrderDto): TimelineStep[] {
  const { reached, end } = stageOf(order);
  const finished = end !== null || reached === ORDER_STAGES.length - 1;
  const steps = ORDER_STAGES.map(
    (key, i): TimelineStep => ({ key, state: i < reached || (i === reached && finished) ? "done" : i === reached ? "current" : "todo" }),
  );
  return end ? [...steps.slice(0, reached + 1), { key: end, state: "failed" }] : steps;
}

/** One station's part of an order, for the guest ("Bar: ready"). */
export interface StationPart {
  stationId: string;
  station: string;
  status: TicketStatus;
}

/**
 * Each station's part while the order is being prepared (its tickets, in station order);
 * none before (no tickets yet) or once the whole order is ready, delivered or ended.
 */
export function stationParts(order: OrderDto): StationPart[] {
  if (order.status !== "ACCEPTED" || order.shipment?.status !== "PREPARING") return [];
  return order.tickets.map((t) => ({ stationId: t.stationId, station: t.station, status: t.status }));
}
