import { ticketUrgency } from "@ordered/contract/client";
import type { Urgency } from "../lib/age";

/** How long a ticket has waited (since it reached the station) and how urgent that is under the location's thresholds. */
export function ticketAge(
  since: string,
  now: number,
  thresholds: { amberMinutes: number; redMinutes: number },
): { ms: number; urgency: Urgency } {
  const ms = Math.max(0, now - Date.parse(since));
  return { ms, urgency: ticketUrgency(ms, thresholds) };
}
