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

/**
 * Cash, a card at the terminal, anything else (a voucher, a bank transfer), or paid on the
 * guest's phone through the location's payment provider (ONLINE: only the provider's word
 * records one, never staff).
 */
export const PAYMENT_METHODS = ["CASH", "CARD", "OTHER", "ONLINE"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
/** What staff may record by hand. */
export const RECORDED_PAYMENT_METHODS = ["CASH", "CARD", "OTHER"] as const;
export type RecordedPaymentMethod = (typeof RECORDED_PAYMENT_METHODS)[number];

/** The payment providers guests can pay through on their phones (server payments/provider.ts). */
export const PAYMENT_PROVIDERS = ["STRIPE"] as const;
export type PaymentProviderName = (typeof PAYMENT_PROVIDERS)[number];

/** A phone's payment through the provider: started, paid (a payment recorded), or expired with no money moved. */
export const CHECKOUT_STATUSES = ["OPEN", "PAID", "EXPIRED"] as const;
export type CheckoutStatus = (typeof CHECKOUT_STATUSES)[number];

/**
 * What staff do with sessions besides seating and moving them (issue 32, item 4): merge two
 * into one, split phones off to a new one, move lines of an order to another's bill.
 */
export const SESSION_TRANSFER_KINDS = ["MERGE", "SPLIT", "LINES"] as const;
export type SessionTransferKind = (typeof SESSION_TRANSFER_KINDS)[number];
