/**
 * Tax rates as staff type and read them: "19", "7,5" or "7.5 %" → basis points (1900, 750),
 * and back ("19 %", "7.5 %"). The API takes whole basis points from 0 to MAX_TAX_RATE_BPS.
 */
import { MAX_TAX_RATE_BPS, type TaxRateDto } from "@ordered/contract/client";

/** A percent with at most two decimals, a comma or a point, an optional "%". */
const PERCENT = /^(\d{1,3})(?:[.,](\d{1,2}))?$/;

/** "19" → 1900, "7,5" → 750, "0" → 0, "100" → 10000; null for anything else (empty, negative, over 100 %, 3 decimals). */
export function taxPercentBpsOf(text: string): number | null {
  const m = PERCENT.exec(text.replace(/%$/, "").trim());
  if (!m) return null;
  const bps = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  return bps <= MAX_TAX_RATE_BPS ? bps : null;
}

/** 1900 → "19", 750 → "7.5", 1234 → "12.34": what a rate's input starts with. */
export function taxPercentInput(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const hundredths = bps % 100;
  return hundredths === 0 ? String(whole) : `${whole}.${String(hundredths).padStart(2, "0").replace(/0$/, "")}`;
}

/** 1900 → "19 %", 750 → "7.5 %". */
export const taxPercentText = (bps: number): string => `${taxPercentInput(bps)} %`;

/** "Standard (19 %)". */
export const taxRateLabel = (rate: Pick<TaxRateDto, "name" | "rateBps">): string => `${rate.name} (${taxPercentText(rate.rateBps)})`;
