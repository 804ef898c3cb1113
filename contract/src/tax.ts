/**
 * Taxes on a bill (issue 33): every line carries the rate it was ordered at, and a receipt
 * shows, per rate, what was net, what was tax and what was gross. One computation, here, for
 * the server's receipts and reports and both apps. Integer minor units throughout.
 *
 * Prices are gross (tax included: the European default) or net per location. The tax of a rate
 * is computed once on the rate's total, as German and Italian receipts show it (a sum of rounded
 * line taxes would drift by a cent per line), half up:
 * - gross prices: tax = round(G × r / (10000 + r)), net = G − tax;
 * - net prices:   tax = round(N × r / 10000), gross = N + tax.
 */

/** An amount at one tax rate: a bill line after its corrections, or a share of a discount or charge. */
export interface TaxedAmount {
  /** The rate in basis points (1900 = 19 %); 0: untaxed. */
  rateBps: number;
  /** The rate's name on the receipt ("A", "Standard"); null: none given. */
  name: string | null;
  cents: number;
}

/** One rate's line on a receipt: its net, its tax and its gross. */
export interface TaxRateTotal {
  rateBps: number;
  name: string | null;
  netCents: number;
  taxCents: number;
  grossCents: number;
}

/** The largest rate a location may set: 100 % (no VAT in the world comes near). */
export const MAX_TAX_RATE_BPS = 10_000;

/** a × b / c rounded half up, for non-negative integers, exact past 2^53 (BigInt). */
export function mulDivRound(a: number, b: number, c: number): number {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || !Number.isSafeInteger(c) || a < 0 || b < 0 || c <= 0) {
    throw new RangeError("mulDivRound takes non-negative whole numbers and a positive divisor");
  }
  const [x, y, z] = [BigInt(a), BigInt(b), BigInt(c)];
  return Number((2n * x * y + z) / (2n * z));
}

/** The tax in a gross amount at `rateBps`: round(G × r / (10000 + r)). */
export function taxInGross(grossCents: number, rateBps: number): number {
  return mulDivRound(grossCents, rateBps, 10_000 + rateBps);
}

/** The tax on a net amount at `rateBps`: round(N × r / 10000). */
export function taxOnNet(netCents: number, rateBps: number): number {
  return mulDivRound(netCents, rateBps, 10_000);
}

/**
 * Per rate (highest first, then by name), the net, tax and gross of `amounts`. Amounts of the
 * same rate and name add up before the tax is taken; a rate whose amounts add up to nothing is
 * left out. `pricesIncludeTax`: the amounts are gross (else net).
 */
export function taxTotals(amounts: readonly TaxedAmount[], pricesIncludeTax: boolean): TaxRateTotal[] {
  return byRate(amounts).map(({ rateBps, name, cents }) => {
    if (pricesIncludeTax) {
      const taxCents = taxInGross(cents, rateBps);
      return { rateBps, name, netCents: cents - taxCents, taxCents, grossCents: cents };
    }
    const taxCents = taxOnNet(cents, rateBps);
    return { rateBps, name, netCents: cents, taxCents, grossCents: cents + taxCents };
  });
}

/** `amounts` added up per rate and name, highest rate first; rates adding up to nothing left out. */
function byRate(amounts: readonly TaxedAmount[]): TaxedAmount[] {
  const rates = new Map<string, TaxedAmount>();
  for (const a of amounts) {
    if (!Number.isSafeInteger(a.cents) || a.cents < 0) throw new RangeError("a taxed amount is a non-negative whole number of cents");
    if (!Number.isInteger(a.rateBps) || a.rateBps < 0 || a.rateBps > MAX_TAX_RATE_BPS)
      throw new RangeError(`no such tax rate: ${a.rateBps}`);
    const key = `${a.rateBps}\u0000${a.name ?? ""}`;
    const known = rates.get(key);
    if (known) known.cents += a.cents;
    else rates.set(key, { rateBps: a.rateBps, name: a.name, cents: a.cents });
  }
  return [...rates.values()].filter((r) => r.cents > 0).sort((a, b) => b.rateBps - a.rateBps || (a.name ?? "").localeCompare(b.name ?? ""));
}

/**
 * Splits `cents` over `weights` in proportion, exactly: each part is the floor of its share,
 * and the cents left over go to the largest remainders (ties: the earlier weight). All weights
 * zero: the first part takes everything (nothing to be proportional to).
 */
export function allocate(cents: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError("allocate takes a non-negative whole number of cents");
  if (weights.length === 0) {
    if (cents === 0) return [];
    throw new RangeError("allocate needs at least one weight for a non-zero amount");
  }
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) throw new RangeError("weights are non-negative whole numbers");
  const total = weights.reduce((s, w) => s + w, 0);
  if (total === 0) return weights.map((_, i) => (i === 0 ? cents : 0));
  const big = weights.map((w) => BigInt(cents) * BigInt(w));
  const parts = big.map((b) => Number(b / BigInt(total)));
  let left = cents - parts.reduce((s, p) => s + p, 0);
  const order = big.map((b, i) => ({ i, rem: b % BigInt(total) })).sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  for (const { i } of order) {
    if (left === 0) break;
    parts[i]! += 1;
    left -= 1;
  }
  return parts;
}

/**
 * A bill's taxes: its lines (after their own corrections) by rate, less the bill's discount and
 * plus its service charge, each spread over the rates in proportion to what is left of them
 * (the service charge is taxed like what it is charged on). With gross prices the rates' gross
 * adds up to subtotal − discount + service charge exactly; with net prices their net does, and
 * their gross to that plus the tax the bill adds. Either way less money given back (refundCents).
 */
export function billTaxes(
  lines: readonly TaxedAmount[],
  billDiscountCents: number,
  serviceChargeCents: number,
  pricesIncludeTax: boolean,
  /** Money given back after the bill was settled (refunds of payments), taken off like the discount, after the service charge. */
  refundCents = 0,
): TaxRateTotal[] {
  const groups = byRate(lines);
  if (groups.length === 0) return [];
  const off = allocate(
    Math.min(
      billDiscountCents,
      groups.reduce((s, g) => s + g.cents, 0),
    ),
    groups.map((g) => g.cents),
  );
  const after = groups.map((g, i) => g.cents - off[i]!);
  const charge = allocate(serviceChargeCents, after);
  const charged = after.map((c, i) => c + charge[i]!);
  if (!pricesIncludeTax) return netTaxes(groups, charged, refundCents);
  const back = allocate(
    Math.min(
      refundCents,
      charged.reduce((s, c) => s + c, 0),
    ),
    charged,
  );
  return taxTotals(
    groups.map((g, i) => ({ rateBps: g.rateBps, name: g.name, cents: charged[i]! - back[i]! })),
    pricesIncludeTax,
  );
}

/**
 * Net prices (issue 33): each rate's tax taken on its net total; money given back was paid with
 * its tax, so it comes off the rates' gross in proportion, and the tax it carried (taxInGross)
 * off their tax. The rates' gross adds up to Σ charged + their tax − what was given back.
 */
function netTaxes(groups: readonly TaxedAmount[], charged: readonly number[], refundCents: number): TaxRateTotal[] {
  const totals = groups.map((g, i) => {
    const taxCents = taxOnNet(charged[i]!, g.rateBps);
    return { rateBps: g.rateBps, name: g.name, netCents: charged[i]!, taxCents, grossCents: charged[i]! + taxCents };
  });
  const back = allocate(
    Math.min(
      refundCents,
      totals.reduce((s, t) => s + t.grossCents, 0),
    ),
    totals.map((t) => t.grossCents),
  );
  return totals
    .map((t, i) => {
      const taxBack = taxInGross(back[i]!, t.rateBps);
      return { ...t, netCents: t.netCents - (back[i]! - taxBack), taxCents: t.taxCents - taxBack, grossCents: t.grossCents - back[i]! };
    })
    .filter((t) => t.grossCents > 0);
}
