/**
 * The kinds of a seating's calls and payments, apart from the zod schemas (dto.ts) so that
 * the web app can list them without bundling zod.
 */

/** `WAITER`: call a waiter to the table; `BILL`: ask for the bill. */
export const ALERT_KINDS = ["WAITER", "BILL"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** Cash, a card at the terminal, or anything else (a voucher, a bank transfer). */
export const PAYMENT_METHODS = ["CASH", "CARD", "OTHER"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
