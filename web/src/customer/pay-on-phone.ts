import { type BillDto, orderedShareDueCents } from "@ordered/contract/client";
import { parseMoney } from "../lib/money";

/** Tips offered on the phone, in basis points of the amount paid (0: none). */
export const TIP_CHOICES = [0, 500, 1000, 1500] as const;

export type AmountChoice = "share" | "all" | "other";

/** The amount chosen, in cents; null when the typed one is not an amount. */
export function amountOf(choice: AmountChoice, o: { dueCents: number; shareCents: number | null; other: string }): number | null {
  if (choice === "share") return o.shareCents;
  if (choice === "all") return o.dueCents;
  const parsed = parseMoney(o.other);
  return "cents" in parsed && parsed.cents > 0 ? parsed.cents : null;
}

/** A tip of `bps` on `amountCents`, rounded half up to the cent. */
export function tipOf(amountCents: number, bps: number): number {
  return Math.floor((amountCents * bps + 5000) / 10_000);
}

/** The provider sent the phone back here: `?paid=<id>` or `?unpaid=<id>` (payments/checkout.ts). */
export function paymentReturn(search: string): { clientPaymentId: string; paid: boolean } | null {
  const q = new URLSearchParams(search);
  const paid = q.get("paid");
  if (paid) return { clientPaymentId: paid, paid: true };
  const unpaid = q.get("unpaid");
  return unpaid ? { clientPaymentId: unpaid, paid: false } : null;
}

/**
 * What "your share" is on the phone: its share of the split by item when the table splits
 * (what is left of it), else what it ordered with its part of the discount, service charge and
 * tax, less what it paid; never more than is due.
 */
export function shareToPay(bill: BillDto, me: string, split: { dueCents: number } | undefined, splitting: boolean): number | null {
  const left = splitting ? (split?.dueCents ?? 0) : orderedShareDueCents(bill, me);
  return left > 0 ? Math.min(left, bill.dueCents) : null;
}
