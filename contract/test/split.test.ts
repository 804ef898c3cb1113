import { describe, expect, it } from "vitest";
import { type SplitClaim, type SplitLine, splitByItem } from "../src/split.js";

const total = (xs: { cents: number }[]) => xs.reduce((s, x) => s + x.cents, 0);

/** A deterministic pseudo-random sequence (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("splitByItem", () => {
  it("splits a shared platter three ways to the cent, shares differing by at most one cent", () => {
    const split = splitByItem(
      [{ key: "platter", cents: 1000 }],
      ["ann", "bea", "cem"].map((payer) => ({ line: "platter", payer })),
    );
    expect(split.payers.map((p) => p.cents)).toEqual([334, 333, 333]);
    expect(total(split.payers)).toBe(1000);
    expect(split.unclaimed).toEqual([]);
  });

  it("gives each payer its own lines whole, plus its share of the shared ones, and lists what nobody claimed", () => {
    const lines: SplitLine[] = [
      { key: "pizza-ann", cents: 1250 },
      { key: "pizza-bea", cents: 950 },
      { key: "wine", cents: 2800 },
      { key: "water", cents: 400 },
    ];
    const claims: SplitClaim[] = [
      { line: "pizza-ann", payer: "ann" },
      { line: "pizza-bea", payer: "bea" },
      { line: "wine", payer: "ann" },
      { line: "wine", payer: "bea" },
    ];
    const split = splitByItem(lines, claims);
    expect(split.payers).toEqual([
      {
        payer: "ann",
        cents: 1250 + 1400,
        lines: [
          { line: "pizza-ann", cents: 1250 },
          { line: "wine", cents: 1400 },
        ],
      },
      {
        payer: "bea",
        cents: 950 + 1400,
        lines: [
          { line: "pizza-bea", cents: 950 },
          { line: "wine", cents: 1400 },
        ],
      },
    ]);
    expect(split.unclaimed).toEqual([{ key: "water", cents: 400 }]);
  });

  it("does not let the odd cents of many shared lines fall on one payer", () => {
    const lines = Array.from({ length: 10 }, (_, i) => ({ key: `dish-${i}`, cents: 100 }));
    const claims = lines.flatMap((l) => ["ann", "bea", "cem"].map((payer) => ({ line: l.key, payer })));
    const split = splitByItem(lines, claims);
    // Exactly 333.33 each: 334 + 333 + 333, not 340 + 330 + 330.
    expect(split.payers.map((p) => p.cents)).toEqual([334, 333, 333]);
    for (const line of lines) {
      const shares = split.payers.map((p) => p.lines.find((l) => l.line === line.key)!.cents);
      expect(total(shares.map((cents) => ({ cents })))).toBe(100);
      expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
    }
  });

  it("splits by weight: two parts against one", () => {
    const split = splitByItem(
      [{ key: "cake", cents: 1000 }],
      [
        { line: "cake", payer: "ann", weight: 2 },
        { line: "cake", payer: "bea" },
      ],
    );
    expect(split.payers.map((p) => p.cents)).toEqual([667, 333]);
  });

  it("adds up a payer's two claims on one line, and gives the same split whatever the order of claims", () => {
    const lines = [
      { key: "a", cents: 701 },
      { key: "b", cents: 299 },
    ];
    const claims: SplitClaim[] = [
      { line: "a", payer: "x" },
      { line: "a", payer: "y" },
      { line: "a", payer: "x" },
      { line: "b", payer: "y" },
      { line: "b", payer: "z" },
    ];
    const split = splitByItem(lines, claims);
    expect(split.payers.find((p) => p.payer === "x")!.lines).toEqual([{ line: "a", cents: 467 }]);
    const reversed = splitByItem(lines, [...claims].reverse());
    const byPayer = (s: typeof split) => Object.fromEntries(s.payers.map((p) => [p.payer, p.cents]));
    expect(byPayer(reversed)).toEqual(byPayer(split));
  });

  it("refuses a claim on a line not on the bill, a weight that is not a whole positive number, and negative cents", () => {
    expect(() => splitByItem([{ key: "a", cents: 100 }], [{ line: "b", payer: "x" }])).toThrow("not on the bill");
    expect(() => splitByItem([{ key: "a", cents: 100 }], [{ line: "a", payer: "x", weight: 0 }])).toThrow("weight");
    expect(() => splitByItem([{ key: "a", cents: 100 }], [{ line: "a", payer: "x", weight: 1.5 }])).toThrow("weight");
    expect(() => splitByItem([{ key: "a", cents: -1 }], [])).toThrow("cents");
    expect(() =>
      splitByItem(
        [
          { key: "a", cents: 1 },
          { key: "a", cents: 2 },
        ],
        [],
      ),
    ).toThrow("twice");
  });

  it("on 2,000 random bills: lines add up exactly, equal shares differ by one cent at most, and every payer is within a cent of its exact share", () => {
    const next = random(20261207);
    for (let round = 0; round < 2000; round++) {
      const payers = Array.from({ length: 1 + Math.floor(next() * 7) }, (_, i) => `p${i}`);
      const lines = Array.from({ length: 1 + Math.floor(next() * 12) }, (_, i) => ({ key: `l${i}`, cents: Math.floor(next() * 5000) }));
      const claims: SplitClaim[] = [];
      for (const line of lines) {
        if (next() < 0.1) continue; // unclaimed
        for (const payer of payers)
          if (next() < 0.5) claims.push({ line: line.key, payer, weight: next() < 0.8 ? 1 : 1 + Math.floor(next() * 3) });
      }
      const split = splitByItem(lines, claims);
      const claimed = new Set(claims.map((c) => c.line));
      expect(total(split.payers) + total(split.unclaimed), `round ${round}`).toBe(total(lines));
      for (const line of lines.filter((l) => claimed.has(l.key))) {
        const onLine = claims.filter((c) => c.line === line.key);
        const weight = new Map<string, number>();
        for (const c of onLine) weight.set(c.payer, (weight.get(c.payer) ?? 0) + (c.weight ?? 1));
        const shares = split.payers.flatMap((p) =>
          p.lines.filter((l) => l.line === line.key).map((l) => ({ payer: p.payer, cents: l.cents })),
        );
        expect(total(shares), `round ${round} line ${line.key}`).toBe(line.cents);
        const allWeight = [...weight.values()].reduce((a, b) => a + b, 0);
        for (const s of shares) expect(Math.abs(s.cents - (line.cents * weight.get(s.payer)!) / allWeight)).toBeLessThan(1);
      }
      for (const p of split.payers) {
        let exact = 0;
        for (const line of lines) {
          const onLine = claims.filter((c) => c.line === line.key);
          const all = onLine.reduce((s, c) => s + (c.weight ?? 1), 0);
          const mine = onLine.filter((c) => c.payer === p.payer).reduce((s, c) => s + (c.weight ?? 1), 0);
          if (all > 0) exact += (line.cents * mine) / all;
        }
        expect(Math.abs(p.cents - exact), `round ${round} payer ${p.payer}`).toBeLessThan(1 + 1e-9);
      }
    }
  });
});
