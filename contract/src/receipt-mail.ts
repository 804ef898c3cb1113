/**
 * An e-mailed receipt (issue 33): who may ask, in which language, and how the address is kept.
 * zod-free: the phone's bundle masks what it shows the same way.
 */

/** The languages a receipt is mailed in: the phone pages' (web/src/i18n/languages.ts). */
export const RECEIPT_LANGUAGES = ["en", "de", "fr", "es", "it"] as const;
export type ReceiptLanguage = (typeof RECEIPT_LANGUAGES)[number];

/**
 * An address as the session log keeps it: the first character of the local part and the
 * domain (`a•••@example.com`). Enough for staff to tell which guest asked, not enough to mail
 * them again: the full address is used for the one mail and never stored.
 */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf("@");
  if (at < 1) return "•••";
  return `${address.slice(0, 1)}•••${address.slice(at)}`;
}
