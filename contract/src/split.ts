/**
 * Splitting a bill by item, with shared items split fairly (issue 32, item 5): each payer (a
 * phone, a seat, "person 3") claims whole lines or a share of a line (a platter for three:
 * three claims of weight 1; "two thirds for me": weight 2 against 1). Integer cents only:
 *
 * - every line is split exactly: its shares add up to its cents, and shares of equal weight
 *   differ by at most one cent;
 * - every payer's total is within one cent of what it owes exactly (the sum of its fractions
 *   of every line it shares), and the totals add up to what the claimed lines cost. The odd
 *   cents of many shared lines do not all fall on the same payer: ten 1.00 lines for three
 *   make 3.34 + 3.33 + 3.33, not 3.40 + 3.30 + 3.30;
 * - the same lines and claims always give the same split (payers in order of first claim).
 *
 * How: each share starts at its fraction rounded down; what is left of a line (fewer cents
 * than it has claimants) is handed out one cent per share. Which shares get a cent is a
 * flow: lines give their leftover cents, each payer takes as many as its exact total rounds
 * to (largest remainders first), one cent at most per share. That rounding is always
 * reachable within one cent of the exact total (the exact fractions are such a flow, so an
 * integral one exists): the flow tries each payer's largest-remainder target first, then
 * lets a payer's total round up where the lines leave no other way.
 */

/** A line of the bill (or any amount to split), named by a key unique in the bill. */
export interface SplitLine {
  key: string;
  cents: number;
}

/** A payer's claim on a line: the whole line if alone, else `weight` parts of it (default 1). */
export interface SplitClaim {
  line: string;
  payer: string;
  weight?: number;
}

export interface PayerShare {
  payer: string;
  /** What this payer pays for its lines: the sum of `lines`. */
  cents: number;
  lines: { line: string; cents: number }[];
}

export interface ItemSplit {
  /** Payers in the order of their first claim. */
  payers: PayerShare[];
  /** Lines nobody claimed yet, in bill order. */
  unclaimed: SplitLine[];
}

interface Cell {
  line: number;
  payer: number;
  weight: number;
  /** The share rounded down, and what the rounding left (numerator over the line's total weight). */
  floor: number;
  rest: number;
}

export function splitByItem(lines: readonly SplitLine[], claims: readonly SplitClaim[]): ItemSplit {
  const lineIndex = new Map<string, number>();
  lines.forEach((l, i) => {
    if (!Number.isSafeInteger(l.cents) || l.cents < 0) throw new RangeError(`line ${l.key}: cents must be a whole number ≥ 0`);
    if (lineIndex.has(l.key)) throw new RangeError(`line ${l.key} is listed twice`);
    lineIndex.set(l.key, i);
  });
  const payerIndex = new Map<string, number>();
  const payers: string[] = [];
  // Weights per line and payer; the same payer claiming a line twice adds up its parts.
  const weights = lines.map(() => new Map<number, number>());
  for (const c of claims) {
    const line = lineIndex.get(c.line);
    if (line === undefined) throw new RangeError(`a claim names line ${c.line}, which is not on the bill`);
    const weight = c.weight ?? 1;
    if (!Number.isSafeInteger(weight) || weight < 1) throw new RangeError(`a claim on line ${c.line}: weight must be a whole number ≥ 1`);
    let payer = payerIndex.get(c.payer);
    if (payer === undefined) {
      payer = payers.length;
      payerIndex.set(c.payer, payer);
      payers.push(c.payer);
    }
    weights[line]!.set(payer, (weights[line]!.get(payer) ?? 0) + weight);
  }

  const cells: Cell[] = [];
  const leftover = lines.map(() => 0);
  const totalWeight = lines.map(() => 0);
  lines.forEach((l, i) => {
    const w = [...weights[i]!.values()].reduce((a, b) => a + b, 0);
    totalWeight[i] = w;
    if (w === 0) return;
    let given = 0;
    for (const [payer, weight] of [...weights[i]!.entries()].sort((a, b) => a[0] - b[0])) {
      // BigInt: cents × weight may pass 2^53 for large bills and weights.
      const scaled = BigInt(l.cents) * BigInt(weight);
      const floor = Number(scaled / BigInt(w));
      cells.push({ line: i, payer, weight, floor, rest: Number(scaled % BigInt(w)) });
      given += floor;
    }
    leftover[i] = l.cents - given;
  });

  const targets = payerTargets(cells, payers.length, totalWeight, leftover);
  const extra = assignExtraCents(cells, leftover, targets);

  const shares: PayerShare[] = payers.map((payer) => ({ payer, cents: 0, lines: [] }));
  cells.forEach((cell, k) => {
    const cents = cell.floor + extra[k]!;
    const share = shares[cell.payer]!;
    share.cents += cents;
    share.lines.push({ line: lines[cell.line]!.key, cents });
  });
  return { payers: shares, unclaimed: lines.filter((_, i) => totalWeight[i] === 0).map((l) => ({ ...l })) };
}

/**
 * How many leftover cents each payer should take: its exact fractional cents (the sum of its
 * cells' rests over their lines' weights), rounded down, plus one for the payers with the
 * largest remainders until the lines' leftovers are given out. `low`/`high` bound it.
 */
function payerTargets(cells: Cell[], payerCount: number, totalWeight: number[], leftover: number[]) {
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
  const denominator = totalWeight.reduce((d, w) => (w === 0 ? d : (d / gcd(d, BigInt(w))) * BigInt(w)), 1n);
  const exact = Array.from({ length: payerCount }, () => 0n);
  for (const c of cells) exact[c.payer]! += BigInt(c.rest) * (denominator / BigInt(totalWeight[c.line]!));
  const low = exact.map((e) => Number(e / denominator));
  const high = exact.map((e, p) => low[p]! + (e % denominator === 0n ? 0 : 1));
  const target = [...low];
  let toGive = leftover.reduce((a, b) => a + b, 0) - low.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((e, p) => ({ p, remainder: e % denominator }))
    .filter((x) => x.remainder > 0n)
    .sort((a, b) => (a.remainder === b.remainder ? a.p - b.p : a.remainder > b.remainder ? -1 : 1));
  for (const { p } of byRemainder) {
    if (toGive <= 0) break;
    target[p]! += 1;
    toGive -= 1;
  }
  return { target, high };
}

/**
 * One cent at most per cell, `leftover[line]` per line, and per payer its target (then, if
 * the lines allow no other way, up to its `high`): augmenting paths on the small bipartite
 * graph of lines and payers. Returns the extra cent of each cell (0 or 1).
 */
function assignExtraCents(cells: Cell[], leftover: number[], { target, high }: { target: number[]; high: number[] }): number[] {
  const extra = cells.map(() => 0);
  const taken = target.map(() => 0);
  const given = leftover.map(() => 0);
  const cellsOfLine = leftover.map(() => [] as number[]);
  const cellsOfPayer = target.map(() => [] as number[]);
  cells.forEach((c, k) => {
    if (c.rest === 0) return; // an exact share takes no extra cent
    cellsOfLine[c.line]!.push(k);
    cellsOfPayer[c.payer]!.push(k);
  });

  // From a line with a cent to give, find a payer below `cap` through alternating cells:
  // line → (unused cell) → payer → (used cell) → another line → … (Ford–Fulkerson).
  const augment = (line: number, cap: number[], seenLines: Set<number>): boolean => {
    seenLines.add(line);
    for (const k of cellsOfLine[line]!) {
      if (extra[k] === 1) continue;
      const payer = cells[k]!.payer;
      if (taken[payer]! < cap[payer]!) {
        extra[k] = 1;
        taken[payer]! += 1;
        return true;
      }
      // The payer is full: it takes this cell's cent instead of one from another of its
      // lines, which must then give that cent to someone else.
      for (const j of cellsOfPayer[payer]!) {
        if (extra[j] !== 1 || seenLines.has(cells[j]!.line)) continue;
        extra[j] = 0;
        extra[k] = 1;
        if (augment(cells[j]!.line, cap, seenLines)) return true;
        extra[k] = 0;
        extra[j] = 1;
      }
    }
    return false;
  };

  for (const cap of [target, high]) {
    for (let line = 0; line < leftover.length; line++) {
      while (given[line]! < leftover[line]! && augment(line, cap, new Set())) given[line]! += 1;
    }
  }
  if (given.some((g, line) => g !== leftover[line])) throw new Error("splitByItem: no exact split (a bug: one always exists)");
  return extra;
}
