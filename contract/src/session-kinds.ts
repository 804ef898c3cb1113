/**
 * The kinds of a session's calls and payments, apart from the zod schemas (dto.ts) so that
 * the web app can list them without bundling zod.
 */

/** `WAITER`: call a waiter to the table; `BILL`: ask for the bill. */
export const ALERT_KINDS = ["WAITER", "BILL"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/**
 * What a phone that joined through the table's permanent card must do before its first order
 * (a location setting): type the session's PIN, which staff show or say at the table; wait
 * until staff accept it on the panel; or nothing (OFF: anyone with a photo of the card can
 * order onto the table's bill).
 */
export const CARD_JOIN_CHECKS = ["PIN", "STAFF_APPROVAL", "OFF"] as const;
export type CardJoinCheck = (typeof CARD_JOIN_CHECKS)[number];

/** How a phone proved it is at the table: the session's own code (shown by staff), its PIN, or staff accepted it. */
export const PRESENCE_PROOFS = ["CODE", "PIN", "STAFF"] as const;
export type PresenceProof = (typeof PRESENCE_PROOFS)[number];

/**
 * What a phone must do before it may order: nothing (`VERIFIED`, or the check is OFF), type
 * the PIN (`PIN`), or wait for staff (`STAFF`: the location approves phones, or this phone or
 * this session used up its PIN tries).
 */
export const PRESENCE_STATES = ["VERIFIED", "PIN", "STAFF"] as const;
export type PresenceState = (typeof PRESENCE_STATES)[number];

/** Cash, a card at the terminal, or anything else (a voucher, a bank transfer). */
export const PAYMENT_METHODS = ["CASH", "CARD", "OTHER"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/**
 * What staff do with sessions besides seating and moving them (issue 32, item 4): merge two
 * into one, split phones off to a new one, move lines of an order to another's bill.
 */
export const SESSION_TRANSFER_KINDS = ["MERGE", "SPLIT", "LINES"] as const;
export type SessionTransferKind = (typeof SESSION_TRANSFER_KINDS)[number];
