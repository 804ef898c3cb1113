import { BUMP_SCAN_PREFIX, type BumpStep, TICKET_NEXT } from "@ordered/contract/client";
import { useEffect, useRef } from "react";
import type { Board } from "./kitchen-board";

/**
 * A keyboard-wedge scanner types a code's characters much faster than a person does (a few
 * ms apart) and ends with Enter; a gap longer than this starts a new code, so someone typing
 * on a keyboard at the display never bumps anything by accident.
 */
export const SCAN_GAP_MS = 60;

const SCANNED = new RegExp(`^${BUMP_SCAN_PREFIX}([0-9a-f-]{36})$`, "i");

/** The ticket a scanned code names (`ordered:bump:<ticketId>`, printed as the ticket's QR), or null. */
export function scannedTicketId(code: string): string | null {
  return SCANNED.exec(code.trim())?.[1]?.toLowerCase() ?? null;
}

/**
 * Collects keys into codes: `key` returns the finished code on an Enter that ends a fast run
 * of characters, else null. `at` is the key's time (ms).
 */
export function scanReader() {
  let buffer = "";
  let last = Number.NEGATIVE_INFINITY;
  return {
    key(key: string, at: number): string | null {
      const fast = at - last <= SCAN_GAP_MS;
      last = at;
      if (key === "Enter") {
        const code = fast ? buffer : "";
        buffer = "";
        return code || null;
      }
      if (key.length !== 1) return null; // Shift (for ':' on many layouts) and the like: not a character
      buffer = fast ? buffer + key : key;
      return null;
    },
  };
}

/** Whether keys typed here belong to a field, not to a scanner aimed at the screen. */
function isField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || !!target.closest("input, textarea, select"));
}

/**
 * Scan to bump: a ticket's QR code read by a keyboard-wedge scanner at the display moves that
 * ticket one step, as its bump button would (the same `bump`, so the same one-at-a-time and
 * refusal handling). Only this station's tickets, not held ones, not while a field has focus.
 */
export function useScanBump(board: Board, bump: (ticketId: string, to: BumpStep) => void, busy: ReadonlySet<string>): void {
  // The listener stays put; it reads the board and the actions as they are when a code arrives.
  const latest = useRef({ board, bump, busy });
  latest.current = { board, bump, busy };

  useEffect(() => {
    const reader = scanReader();
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isField(e.target)) return;
      const code = reader.key(e.key, e.timeStamp);
      const ticketId = code === null ? null : scannedTicketId(code);
      if (ticketId === null) return;
      // The scanner's Enter must not also press whatever button has focus.
      e.preventDefault();
      const { board, bump, busy } = latest.current;
      const card = Object.values(board)
        .flat()
        .find((c) => c.ticket.id === ticketId);
      const next = card && card.held === null ? TICKET_NEXT[card.ticket.status] : null;
      if (card && next && !busy.has(ticketId)) bump(ticketId, next);
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, []);
}
