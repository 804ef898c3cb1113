import type { SessionDto } from "@ordered/contract/client";
import type { LiveState } from "../../realtime/live-state";

/** A session as the panel keeps it: list rows carry the server's order count, other answers do not. */
export type StaffSession = SessionDto & { orderCount?: number };
export type StaffState = LiveState<StaffSession>;

/** How many orders a session has: the list's count, or more if more came in since. */
export function orderCountOf(state: StaffState, session: StaffSession): number {
  return Math.max(session.orderCount ?? 0, Object.keys(state.orders[session.id] ?? {}).length);
}

/** Open sessions, newest first (the panel orders them by wait: triage.ts). */
export function openSessions(state: StaffState): StaffSession[] {
  return Object.values(state.sessions)
    .filter((s) => s.status === "OPEN")
    .sort((a, b) => b.openedAt.localeCompare(a.openedAt));
}

/** Closed sessions, most recently closed first. */
export function closedSessions(state: StaffState): StaffSession[] {
  return Object.values(state.sessions)
    .filter((s) => s.status === "CLOSED")
    .sort((a, b) => (b.closedAt ?? "").localeCompare(a.closedAt ?? ""));
}
