import { formatLocale } from "../i18n/i18n";

const formats = new Map<string, Intl.NumberFormat>();

/** Integer cents → "€9.50" in the venue's currency, the way the reader's locale writes money. */
export function formatMoney(cents: number, currency: string): string {
  const locale = formatLocale();
  const key = `${locale ?? ""} ${currency}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: "currency", currency });
    formats.set(key, f);
  }
  return f.format(cents / 100);
}

/** "9.50" → 950; null when it is not a price. */
export function parsePrice(text: string): number | null {
  const t = text.trim().replace(",", ".");
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  return Math.round(Number(t) * 100);
}

export function formatTime(iso: string, timeZone?: string): string {
  const options: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit" };
  try {
    return new Date(iso).toLocaleTimeString(formatLocale(), timeZone ? { ...options, timeZone } : options);
  } catch {
    // A zone this browser does not know: its own clock rather than nothing.
    return new Date(iso).toLocaleTimeString(formatLocale(), options);
  }
}

/** Why a typed amount is not money; each has its own message in `strings.payment.amountErrors`. */
export type MoneyInputError = "empty" | "format" | "decimals" | "negative" | "tooLarge";

/** The largest amount `parseMoney` accepts: the database's INTEGER column of cents. */
const MAX_CENTS = 2_147_483_647;

/**
 * A typed amount ("12.50", "12,5", "7") → integer cents, without going through a float
 * (so "0.29" is 29, not 28.999…). Strict: at most two decimals, no sign, no thousands
 * separators, no exponent, nothing else on the line but spaces around it.
 */
export function parseMoney(text: string): { cents: number } | { error: MoneyInputError } {
  const t = text.trim();
  if (t === "") return { error: "empty" };
  if (/^-/.test(t)) return { error: "negative" };
  const m = /^(\d+)(?:[.,](\d+))?$/.exec(t);
  if (!m) return { error: "format" };
  const [, whole = "", fraction = ""] = m;
  if (fraction.length > 2) return { error: "decimals" };
  // Leading zeros are harmless ("007.5"); strip them so the length check below means magnitude.
  const units = whole.replace(/^0+(?=\d)/, "");
  if (units.length > 8) return { error: "tooLarge" };
  const cents = Number(units) * 100 + Number(fraction.padEnd(2, "0"));
  return cents > MAX_CENTS ? { error: "tooLarge" } : { cents };
}

/** Integer cents → what a money field shows for them ("12.50"), the form `parseMoney` reads back. */
export function centsToInput(cents: number): string {
  const whole = Math.floor(cents / 100);
  return `${whole}.${String(cents % 100).padStart(2, "0")}`;
}
