import { ORDER_STAGES, stageOf, type OrderDto, type OrderEnd, type OrderStage } from "@ordered/contract";

export interface TimelineStep {
  key: OrderStage | OrderEnd;
  state: "done" | "current" | "todo" | "failed";
}

const READY = ORDER_STAGES.indexOf("ready");

/**
 * The stage an order reached. `stageOf` reads statuses only, so an order cancelled after it
 * was ready (shipment CANCELLED) would fall back to "preparing"; its `readyAt` says otherwise.
 */
function reachedStage(order: OrderDto): number {
  return Math.max(stageOf(order).reached, order.shipment?.readyAt ? READY : 0);
}

/**
 * The guest's timeline: the stages an order went through and where it is now, followed by
 * the stages still to come, or by how it ended if it will not reach the table.
 */
export function timelineSteps(order: OrderDto): TimelineStep[] {
  const { end } = stageOf(order);
  const reached = reachedStage(order);
  const finished = end !== null || reached === ORDER_STAGES.length - 1;
  const steps = ORDER_STAGES.map(
    (key, i): TimelineStep => ({ key, state: i < reached || (i === reached && finished) ? "done" : i === reached ? "current" : "todo" }),
  );
  return end ? [...steps.slice(0, reached + 1), { key: end, state: "failed" }] : steps;
}
