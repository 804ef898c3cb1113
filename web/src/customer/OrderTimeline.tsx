import type { OrderDto } from "@ordered/contract";
import { strings } from "../strings";
import { timelineSteps } from "./timeline-steps";

export function OrderTimeline({ order }: { order: OrderDto }) {
  return (
    <ol className="timeline">
      {timelineSteps(order).map((s) => (
        <li key={s.key} className={`step ${s.state}`} aria-current={s.state === "current" ? "step" : undefined}>
          {strings.customer.timeline[s.key]}
        </li>
      ))}
    </ol>
  );
}
