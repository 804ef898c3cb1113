import type { OrderDto } from "../api/types";
import { strings } from "../strings";

type Step = { key: keyof typeof strings.customer.timeline; state: "done" | "current" | "failed" };

/** Which steps an order has gone through, ending at where it is now. */
export function stepsOf(o: OrderDto): Step[] {
  const ship = o.shipment?.status;
  const done = (key: Step["key"]): Step => ({ key, state: "done" });
  const steps: Step[] = [done("placed")];
  if (o.acceptedAt || o.status === "ACCEPTED" || o.status === "DELIVERED") steps.push(done("accepted"), done("preparing"));
  if (o.shipment?.readyAt || ship === "READY" || ship === "DELIVERED" || o.status === "DELIVERED") steps.push(done("ready"));
  if (ship === "DELIVERED" || o.status === "DELIVERED") steps.push(done("delivered"));
  const end = { REJECTED: "rejected", CANCELLED: "cancelled", FAILED: "failed" } as const;
  if (o.status in end) steps.push({ key: end[o.status as keyof typeof end], state: "failed" });
  else steps[steps.length - 1] = { ...steps[steps.length - 1]!, state: o.status === "DELIVERED" || ship === "DELIVERED" ? "done" : "current" };
  return steps;
}

const ALL: Step["key"][] = ["placed", "accepted", "preparing", "ready", "delivered"];

export function OrderTimeline({ order }: { order: OrderDto }) {
  const steps = stepsOf(order);
  const failed = steps.some((s) => s.state === "failed");
  // Show the steps still to come only while the order is on its way.
  const upcoming = failed ? [] : ALL.filter((k) => !steps.some((s) => s.key === k));
  return (
    <ol className="timeline">
      {steps.map((s) => (
        <li key={s.key} className={`step ${s.state}`} aria-current={s.state === "current" ? "step" : undefined}>
          {strings.customer.timeline[s.key]}
        </li>
      ))}
      {upcoming.map((k) => (
        <li key={k} className="step todo">
          {strings.customer.timeline[k]}
        </li>
      ))}
    </ol>
  );
}
