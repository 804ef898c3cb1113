import { ticketUrgency } from "@ordered/contract/client";

/** Under this age a ticket shows minutes and seconds ("4:07"); from it on whole minutes ("12 min"). */
const SECONDS_SHOWN_UNDER_MS = 10 * 60_000;

/** A ticket's age as the display shows it: "0:42", "9:59", then "10 min", "75 min". */
export function formatAge(ms: number): string {
  const safe = Math.max(0, ms);
  if (safe < SECONDS_SHOWN_UNDER_MS) {
    const seconds = Math.floor(safe / 1000);
    return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
  }
  return `${Math.floor(safe / 60_000)} min`;
}

export type Urgency = ReturnType<typeof ticketUrgency>;

/** How long a ticket has waited (since it reached the station) and how urgent that is under the location's thresholds. */
export function ticketAge(
  since: string,
  now: number,
  thresholds: { amberMinutes: number; redMinutes: number },
): { ms: number; urgency: Urgency } {
  const ms = Math.max(0, now - Date.parse(since));
  return { ms, urgency: ticketUrgency(ms, thresholds) };
}
