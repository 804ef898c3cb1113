/**
 * The bill split by item (issue 32, item 5), as every screen shows it and the server checks
 * it: the bill's lines (whatever each line costs now: after corrections, `lineCents` is its
 * net) split over their claims by `splitByItem`, plus each payer's part of what the bill
 * holds beyond its lines (a bill-level discount, a service charge), minus what was paid for
 * that payer. zod-free: the phone's bundle runs it.
 *
 * Exact to the cent: Σ payers' totals + the unclaimed rest = the bill's total, always. With
 * net prices (issue 33) the tax the bill adds is spread rate by rate (addedTaxSpread).
 */
import type { BillDto, PaymentDto } from "./dto.js";
import { splitByItem } from "./split.js";

/**
 * Who pays: a phone of the table (`phone:<customer id>`), a seat (`seat:2`, for guests
 * without a phone, once lines carry seats) or a person the waiter adds (`person:3`).
 */
export type PayerKind = "phone" | "seat" | "person";
export const PAYER_KINDS = ["phone", "seat", "person"] as const satisfies readonly PayerKind[];
/** Seats and persons are numbered 1…MAX_PAYER_NUMBER. */
export const MAX_PAYER_NUMBER = 99;
/** A share of a line is 1…MAX_CLAIM_WEIGHT parts ("two thirds for me": 2 against 1). */
export const MAX_CLAIM_WEIGHT = 9;

export type Payer = { kind: "phone"; customerId: string } | { kind: "seat" | "person"; number: number };

const PAYER_PATTERN = /^(?:phone:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?:seat|person):[1-9][0-9]?)$/;

/** A payer's key, the one string every screen, claim and payment names it by. */
export function payerKey(payer: Payer): string {
  return payer.kind === "phone" ? `phone:${payer.customerId}` : `${payer.kind}:${payer.number}`;
}

/** The payer a key names, or null for a key that names none. */
export function parsePayer(key: string): Payer | null {
  if (!PAYER_PATTERN.test(key)) return null;
  const [kind, ref] = key.split(":") as [PayerKind, string];
  return kind === "phone" ? { kind, customerId: ref } : { kind, number: Number(ref) };
}

/** A bill line's key: its order and its position in that order (order_item is unique by both). */
export function billLineKey(orderId: string, position: number): string {
  return `${orderId}:${position}`;
}

/** A claim as the split reads it (BillClaimDto has more). */
export interface LineClaim {
  line: string;
  payer: string;
  weight: number;
}

export interface PayerSplit {
  payer: string;
  /** Its cents of each line it claims, in bill order. */
  lines: { line: string; cents: number }[];
  /** Σ lines. */
  linesCents: number;
  /** Its part of the bill-level amounts (billLevelCents), in proportion to its lines; may be negative (a discount). */
  billLevelCents: number;
  /** What it owes in all: linesCents + billLevelCents. */
  totalCents: number;
  /** Payments recorded for it, less refunds. */
  paidCents: number;
  /** totalCents − paidCents, never below zero. */
  dueCents: number;
}

export interface BillSplit {
  /** The payers asked for (`payers`, in that order), then every other payer with a claim or a payment, in order of first claim. */
  payers: PayerSplit[];
  /** Lines nobody claims, with their cents, in bill order. */
  unclaimed: { line: string; cents: number }[];
  /** What nobody has claimed yet: the unclaimed lines and their part of the bill-level amounts. */
  unclaimedCents: number;
  /** The bill's total: Σ payers' totalCents + unclaimedCents. */
  totalCents: number;
}

/**
 * What a bill holds beyond its lines (bill-level discounts, a service charge): the bill's
 * total less its lines. The hook for bill-level amounts: whatever makes a total differ from
 * its lines is spread over the payers by `spreadInProportion`, without this module having to
 * know each kind of amount.
 */
export function billLevelCents(bill: Pick<BillDto, "lines" | "totalCents">): number {
  return bill.totalCents - bill.lines.reduce((sum, l) => sum + l.lineCents, 0);
}

/**
 * Spreads an amount (negative for a discount) over parts in proportion to their weights
 * (cents), exactly: the parts add up to the amount and each is within one cent of its exact
 * proportion (splitByItem's rule, on one line). All weights zero: it all goes to `fallback`.
 */
export function spreadInProportion(
  amountCents: number,
  weights: readonly { key: string; cents: number }[],
  fallback: string,
): Map<string, number> {
  const out = new Map<string, number>(weights.map((w) => [w.key, 0]));
  out.set(fallback, out.get(fallback) ?? 0);
  if (amountCents === 0) return out;
  const claims = weights.filter((w) => w.cents > 0).map((w) => ({ line: "amount", payer: w.key, weight: w.cents }));
  if (claims.length === 0) {
    out.set(fallback, (out.get(fallback) ?? 0) + amountCents);
    return out;
  }
  const sign = amountCents < 0 ? -1 : 1;
  const split = splitByItem([{ key: "amount", cents: Math.abs(amountCents) }], claims);
  for (const p of split.payers) out.set(p.payer, sign * p.cents + 0);
  return out;
}

/** What was paid for each payer: payments less refunds, by their payer. */
function paidByPayer(payments: readonly Pick<PaymentDto, "kind" | "amountCents" | "payer">[]): Map<string, number> {
  const paid = new Map<string, number>();
  for (const p of payments) {
    if (!p.payer) continue;
    paid.set(p.payer, (paid.get(p.payer) ?? 0) + (p.kind === "REFUND" ? -p.amountCents : p.amountCents));
  }
  return paid;
}

const UNCLAIMED = "\u0000unclaimed";

/**
 * The tax a net-price bill adds (issue 33), per payer: each rate's tax spread over the payers
 * in proportion to their cents of that rate's lines (a payer of only the 7 % food pays 7 %
 * on it, not the table's blend with the 19 % drinks). Exact: the parts add up to each rate's tax.
 */
function addedTaxSpread(
  bill: Pick<BillDto, "lines"> & Partial<Pick<BillDto, "taxes" | "taxAddedCents">>,
  split: ReturnType<typeof splitByItem>,
): Map<string, number> {
  const out = new Map<string, number>();
  if (!bill.taxAddedCents || !bill.taxes) return out;
  const rateOf = new Map(bill.lines.map((l) => [l.key, `${l.taxRateBps}\u0000${l.taxName ?? ""}`]));
  const rows = [
    ...split.payers.flatMap((p) => p.lines.map((l) => ({ key: p.payer, line: l.line, cents: l.cents }))),
    ...split.unclaimed.map((l) => ({ key: UNCLAIMED, line: l.key, cents: l.cents })),
  ];
  for (const rate of bill.taxes) {
    const key = `${rate.rateBps}\u0000${rate.name ?? ""}`;
    const weights = new Map<string, number>();
    for (const r of rows) if (rateOf.get(r.line) === key) weights.set(r.key, (weights.get(r.key) ?? 0) + r.cents);
    const parts = spreadInProportion(
      rate.taxCents,
      [...weights].map(([k, cents]) => ({ key: k, cents })),
      UNCLAIMED,
    );
    for (const [k, cents] of parts) out.set(k, (out.get(k) ?? 0) + cents);
  }
  return out;
}

/**
 * The bill split by item. Claims of lines no longer on the bill (voided, moved) do not count:
 * the split reads the bill's lines as they are now. The same bill, claims and payments give
 * the same split in any order of claims.
 */
export function billSplit(
  bill: Pick<BillDto, "lines" | "totalCents"> & Partial<Pick<BillDto, "taxes" | "taxAddedCents">>,
  claims: readonly LineClaim[],
  payments: readonly (Pick<PaymentDto, "kind" | "amountCents" | "payer"> & { refundOf?: string | null })[] = [],
  payers: readonly string[] = [],
): BillSplit {
  const lines = bill.lines.map((l) => ({ key: l.key, cents: l.lineCents }));
  const lineIndex = new Map(lines.map((l, i) => [l.key, i]));
  // In one canonical order (bill order, then payer), so every screen, whatever order it got
  // the claims in (a snapshot, then events line by line), gives the odd cents to the same payers.
  const counted = claims
    .filter((c) => lineIndex.has(c.line))
    .sort((x, y) => lineIndex.get(x.line)! - lineIndex.get(y.line)! || (x.payer < y.payer ? -1 : x.payer > y.payer ? 1 : 0));
  const split = splitByItem(lines, counted);
  const unclaimedLinesCents = split.unclaimed.reduce((s, l) => s + l.cents, 0);
  const taxAdded = addedTaxSpread(bill, split);
  // Money given back from a payer's payment (a refund with its reason, billOf's
  // paymentRefundsCents) lowered the bill's total for that payer alone, not for the table.
  const givenBack = new Map<string, number>();
  for (const p of payments) {
    if (p.kind === "REFUND" && p.refundOf && p.payer) givenBack.set(p.payer, (givenBack.get(p.payer) ?? 0) + p.amountCents);
  }
  const givenBackCents = [...givenBack.values()].reduce((sum, c) => sum + c, 0);
  const spread = spreadInProportion(
    billLevelCents(bill) - (bill.taxAddedCents ?? 0) + givenBackCents,
    [...split.payers.map((p) => ({ key: p.payer, cents: p.cents })), { key: UNCLAIMED, cents: unclaimedLinesCents }],
    UNCLAIMED,
  );
  for (const [key, cents] of taxAdded) spread.set(key, (spread.get(key) ?? 0) + cents);
  const paid = paidByPayer(payments);
  const order = [...payers];
  const known = new Set(order);
  for (const key of [...split.payers.map((p) => p.payer), ...paid.keys()]) {
    if (!known.has(key)) {
      known.add(key);
      order.push(key);
    }
  }
  const byPayer = new Map(split.payers.map((p) => [p.payer, p]));
  return {
    payers: order.map((payer) => {
      const share = byPayer.get(payer);
      const linesCents = share?.cents ?? 0;
      const level = (spread.get(payer) ?? 0) - (givenBack.get(payer) ?? 0);
      const paidCents = paid.get(payer) ?? 0;
      return {
        payer,
        lines: share?.lines ?? [],
        linesCents,
        billLevelCents: level,
        totalCents: linesCents + level,
        paidCents,
        dueCents: Math.max(0, linesCents + level - paidCents),
      };
    }),
    unclaimed: split.unclaimed.map((l) => ({ line: l.key, cents: l.cents })),
    unclaimedCents: unclaimedLinesCents + (spread.get(UNCLAIMED) ?? 0),
    totalCents: bill.totalCents,
  };
}

/**
 * What is left of one phone's share when the table has not split by item: what it ordered,
 * with its part of what the bill holds beyond its lines (the bill's discount, the service
 * charge and, with net prices, the tax of its lines' rates), as a split of each phone's own
 * lines gives it, minus what was paid for it; never below zero. The panel's "one phone's
 * share" and the phone's own "your share" (issue 33).
 */
export function orderedShareDueCents(bill: BillDto, customerId: string): number {
  const share = bill.shares.find((s) => s.customerId === customerId);
  if (!share) return 0;
  const ownLines = bill.lines.flatMap((l) => (l.customerId ? [{ line: l.key, payer: l.customerId, weight: 1 }] : []));
  const owed = billSplit(bill, ownLines).payers.find((p) => p.payer === customerId)?.totalCents ?? share.subtotalCents;
  return Math.max(0, owed - share.paidCents);
}
