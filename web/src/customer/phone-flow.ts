/**
 * Where a phone stands with its table, and where each answer of the server takes it. Pure,
 * so the rules (when a token is dropped, when a receipt or a rejoin is offered) are tested
 * without a browser; CustomerApp renders the phase and does the fetching.
 */
import type { CardInfoResponse, CurrentSessionResponse, ErrorCode, JoinBody } from "@ordered/contract/client";
import type { Entry, KeptReceipt } from "./customer-storage";

/**
 * Why the live view of a session ended for this phone. `moved`: staff merged its session into
 * another or split it off to another table (it follows there when it can).
 */
export type EndReason = "closed" | "removed" | "unauthenticated" | "moved";

export type Phase =
  | { kind: "loading" }
  | { kind: "join" }
  /** A card's table has no session yet: wait politely and try the join again. */
  | { kind: "free"; displayName: string; card: CardInfoResponse | null }
  /** `notice`: said once on top, e.g. that staff moved the phone to another table's session. */
  | { kind: "live"; token: string; current: CurrentSessionResponse; notice?: string }
  | { kind: "receipt"; kept: KeptReceipt; canRejoin: boolean }
  /** Closed, but no receipt could be had (e.g. offline): the bare message. */
  | { kind: "closed"; canRejoin: boolean }
  | { kind: "removed"; canRejoin: boolean }
  | { kind: "invalid" }
  | { kind: "error"; message: string };

/** The end an error code means for a phone's token, or null when it is no end (retry, or show it). */
export function endReasonOf(code: ErrorCode | "NETWORK" | "TIMEOUT"): EndReason | null {
  switch (code) {
    case "SESSION_CLOSED":
      return "closed";
    case "CUSTOMER_REMOVED":
      return "removed";
    case "UNAUTHENTICATED":
      return "unauthenticated";
    case "SESSION_MOVED":
      return "moved";
    default:
      return null;
  }
}

/** What a join answered instead of a token, as the phone shows it. */
export type JoinRefusal = "closed" | "invalid" | "free";

export function joinRefusalOf(code: ErrorCode | "NETWORK"): JoinRefusal | null {
  switch (code) {
    case "SESSION_CLOSED":
      return "closed";
    case "NOT_FOUND":
    case "VALIDATION_FAILED":
      return "invalid";
    case "TABLE_FREE":
      return "free";
    default:
      return null;
  }
}

export function joinBody(entry: Entry, displayName: string): JoinBody {
  const name = displayName.trim();
  const via = entry.kind === "card" ? { cardCode: entry.code } : { joinCode: entry.code };
  return name ? { ...via, displayName: name } : via;
}

/** Opening the page: resume a stored token, else show the kept receipt, else join. */
export function openingPhase(entry: Entry, token: string | null, kept: KeptReceipt | null): Phase {
  if (token) return { kind: "loading" };
  if (kept) return { kind: "receipt", kept, canRejoin: entry.kind === "card" };
  return { kind: "join" };
}

/**
 * What an ended session leaves on the phone. A card seats a new party each time, so a
 * card's phone is offered to join the table's current session; a join code died with its
 * session (closed) or was taken from this phone (removed), so there is nothing to rejoin.
 */
export function phaseAfterEnd(entry: Entry, reason: EndReason, kept: KeptReceipt | null): Phase {
  const canRejoin = entry.kind === "card";
  switch (reason) {
    case "removed":
      // Staff took this phone off the table: it is not invited back (the card would let it
      // in as a new phone, which staff would see and could remove again).
      return { kind: "removed", canRejoin: false };
    case "closed":
      return kept ? { kind: "receipt", kept, canRejoin } : { kind: "closed", canRejoin };
    case "unauthenticated":
    case "moved":
      // Moved, but it could not follow (the new session closed meanwhile): join again.
      return { kind: "join" };
  }
}

/**
 * Whether the stored token is dropped when its session ends. A closed session's token is
 * dropped once its receipt is kept (without a receipt it is the only way to fetch one
 * later). A removed phone's token is kept, so reopening the link shows the removal again;
 * once that session closes, the server answers SESSION_CLOSED for it and the card works
 * for the table's next session.
 */
export function dropsToken(entry: Entry, reason: EndReason, receiptKept: boolean): boolean {
  switch (reason) {
    case "closed":
      return receiptKept;
    case "removed":
      return false;
    case "unauthenticated":
    case "moved":
      return true;
  }
}
