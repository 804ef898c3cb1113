import type { OrderDto } from "@ordered/contract/client";
import { formatAge, type Urgency } from "../../lib/age";
import { strings } from "../../strings";
import { orderAge, type Thresholds } from "./triage";

/**
 * An unfinished order's age ("4 min"), amber then red past the location's thresholds.
 * Nothing once the order is finished.
 */
export function OrderAge({ order, now, thresholds }: { order: OrderDto; now: number; thresholds: Thresholds }) {
  const { ms, urgency } = orderAge(order, now, thresholds);
  if (urgency === null) return null;
  return <AgePill age={formatAge(ms)} urgency={urgency} />;
}

/**
 * An age pill: "4 min" (screen readers hear "Waiting 4 min"), or "Waiting 4 min" for all with
 * `showWaiting`. Past amber the word says so too, so the colour is not the only cue.
 */
export function AgePill({ age, urgency, showWaiting = false }: { age: string; urgency: Urgency; showWaiting?: boolean }) {
  const word = strings.triage.urgency[urgency];
  return (
    <span className={`age-pill urgency-${urgency}`} data-urgency={urgency}>
      <span className={showWaiting ? undefined : "visually-hidden"}>{strings.triage.waitingPrefix} </span>
      {age}
      {word && <span className="age-word"> · {word}</span>}
    </span>
  );
}
