import type { AlertDto, AlertKind } from "@ordered/contract/client";

/** What the phone shows under a call button. */
export type CallView =
  | { state: "idle" }
  | { state: "sending" }
  | { state: "waiting"; alert: AlertDto }
  | { state: "seen"; alert: AlertDto }
  | { state: "failed"; message: string };

/**
 * This phone's latest call of a kind: from the live state (its own events, or the snapshot),
 * or from the ack of the raise when its event has not come in yet. Of two copies of one call
 * the acknowledged one wins (an acknowledgement is never undone).
 */
export function lastCall(kind: AlertKind, me: string, alerts: readonly AlertDto[], acked: AlertDto | null): AlertDto | null {
  const mine = alerts.filter((a) => a.kind === kind && a.customerId === me);
  if (acked && acked.kind === kind) {
    const known = mine.find((a) => a.id === acked.id);
    if (!known) mine.push(acked);
    else if (known.acknowledgedAt === null && acked.acknowledgedAt !== null) mine[mine.indexOf(known)] = acked;
  }
  let last: AlertDto | null = null;
  for (const a of mine) if (!last || a.raisedAt > last.raisedAt || (a.raisedAt === last.raisedAt && a.id > last.id)) last = a;
  return last;
}

/** Sending comes first (the tap must show at once), then a failure, then the call's own state. */
export function callView(sending: boolean, error: string | null, last: AlertDto | null): CallView {
  if (sending) return { state: "sending" };
  if (error) return { state: "failed", message: error };
  if (!last) return { state: "idle" };
  return last.acknowledgedAt === null ? { state: "waiting", alert: last } : { state: "seen", alert: last };
}

/** A call may be made unless one is being sent or is still waiting (the server would return that one anyway). */
export const canCall = (view: CallView): boolean => view.state !== "sending" && view.state !== "waiting";
