import { ORDER_STAGES, type OrderDto, type OrderEnd, type OrderStage, stageOf } from "@ordered/contract";

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
