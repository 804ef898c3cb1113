/**
 * Kitchen tickets: an accepted order's lines go to the stations their categories route to,
 * one ticket per station. zod-free (the displays and phones import it).
 *
 *   NEW → PREPARING → READY   (bumped by the station; each bump can be recalled for 30 s)
 *
 * An order is ready (its shipment READY) when every one of its tickets is READY; recalling a
 * ticket of a ready order that is not delivered yet makes it preparing again.
 */
export const TICKET_STATUSES = ["NEW", "PREPARING", "READY"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** The one move forward from each status (null: none). */
export const TICKET_NEXT: Record<TicketStatus, Exclude<TicketStatus, "NEW"> | null> = { NEW: "PREPARING", PREPARING: "READY", READY: null };
/** Where a recall takes a ticket back to. */
export const TICKET_PREVIOUS: Record<TicketStatus, TicketStatus | null> = { NEW: null, PREPARING: "NEW", READY: "PREPARING" };

/** The statuses `ticket:bump` moves to. */
export const BUMP_STEPS = ["PREPARING", "READY"] as const;
export type BumpStep = (typeof BUMP_STEPS)[number];

/** How long after a bump it can still be recalled (undo). */
export const RECALL_WINDOW_MS = 30_000;

/** Default age thresholds of a ticket (minutes): amber, then red. Locations set their own. */
export const DEFAULT_TICKET_MINUTES = { amber: 10, red: 20 } as const;

/** "fresh" | "amber" | "red" for a ticket `ageMs` old under a location's thresholds. */
export function ticketUrgency(ageMs: number, thresholds: { amberMinutes: number; redMinutes: number }): "fresh" | "amber" | "red" {
  const minutes = ageMs / 60_000;
  if (minutes >= thresholds.redMinutes) return "red";
  if (minutes >= thresholds.amberMinutes) return "amber";
  return "fresh";
}

/** What `lastBumpOf` reads of a ticket: its status and the times the server stamped (TicketDto). */
export interface TicketMoves {
  status: TicketStatus;
  startedAt: string | null;
  readyAt: string | null;
  movedAt: string;
}

/**
 * The bump a ticket's last move was (what `ticket:recall` would undo: its `from`), or null when
 * the last move was a recall or there was none. Read from what the server stores, never from a
 * screen's memory, so a display offers the same Undo after a reload: a bump stamps the time it
 * moved to (startedAt for PREPARING, readyAt for READY) with its movedAt, and a recall leaves
 * them apart (it clears readyAt, and startedAt is older or cleared). The server refuses any
 * other recall with the same function.
 */
export function lastBumpOf(ticket: TicketMoves): BumpStep | null {
  if (ticket.status === "PREPARING" && ticket.startedAt === ticket.movedAt) return "PREPARING";
  if (ticket.status === "READY" && ticket.readyAt === ticket.movedAt) return "READY";
  return null;
}

/**
 * The Undo a display offers on a ticket at `serverNowMs` (its best reading of the server's
 * clock): the last bump, while within RECALL_WINDOW_MS of it.
 */
export function undoableBump(ticket: TicketMoves, serverNowMs: number): BumpStep | null {
  const bump = lastBumpOf(ticket);
  return bump && serverNowMs - Date.parse(ticket.movedAt) < RECALL_WINDOW_MS ? bump : null;
}
