import type { ticketUrgency } from "@ordered/contract/client";
import { strings } from "../strings";

/** How urgent a wait is under the location's thresholds (the contract's ticketUrgency). */
export type Urgency = ReturnType<typeof ticketUrgency>;

/** Under this age a kitchen ticket shows minutes and seconds ("4:07"); from it on whole minutes ("12 min"). */
const SECONDS_SHOWN_UNDER_MS = 10 * 60_000;

/**
 * How long something has waited, as staff screens show it ticking (never negative: a clock a
 * little behind the server's shows no age). The panel's cards count whole minutes: "<1 min",
 * "4 min", "1 h 05 min". A kitchen ticket (`"clock"`), read from across the pass, shows its
 * seconds while young: "0:42", "9:59", then "10 min", "75 min".
 */
export function formatAge(ms: number, style: "minutes" | "clock" = "minutes"): string {
  const safe = Math.max(0, ms);
  if (style === "clock") {
    if (safe < SECONDS_SHOWN_UNDER_MS) {
      const seconds = Math.floor(safe / 1000);
      return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
    }
    return `${Math.floor(safe / 60_000)} min`;
  }
  const minutes = Math.floor(safe / 60_000);
  if (minutes < 1) return strings.triage.ageUnderMinute;
  if (minutes < 60) return strings.triage.ageMinutes(minutes);
  return strings.triage.ageHours(Math.floor(minutes / 60), minutes % 60);
}
