import { describe, expect, it } from "vitest";
import { allocate, billTaxes, mulDivRound, type TaxedAmount, taxInGross, taxOnNet, taxTotals } from "../src/index.js";

const at = (rateBps: number, cents: number, name: string | null = null): TaxedAmount => ({ rateBps, name, cents });

describe("a rate's tax, rounded half up in minor units", () => {
  it("takes the tax out of a gross amount and adds it to a net one", () => {
    // 11.90 gross at 19 %: 1.90 tax, 10.00 net.
    expect(taxInGross(1190, 1900)).toBe(190);
    expect(taxOnNet(1000, 1900)).toBe(190);
    // 1.07 at 7 %: 0.07.
    expect(taxInGross(107, 700)).toBe(7);
    // Italy's 10 % and 22 %: 5.50 gross at 10 % holds 0.50; 12.20 at 22 % holds 2.20.
    expect(taxInGross(550, 1000)).toBe(50);
    expect(taxInGross(1220, 2200)).toBe(220);
  });

  it("rounds half up, and exactly past 2^53", () => {
    // 0.05 gross at 10 %: 0.4545… → 0; 0.06: 0.5454… → 1.
    expect(taxInGross(5, 1000)).toBe(0);
    expect(taxInGross(6, 1000)).toBe(1);
    expect(mulDivRound(1, 1, 2)).toBe(1); // 0.5 rounds up
    expect(mulDivRound(3, 1, 2)).toBe(2); // 1.5 rounds up
    const big = Number.MAX_SAFE_INTEGER;
    expect(mulDivRound(big, 1900, 11_900)).toBe(Number((BigInt(big) * 1900n * 2n + 11_900n) / 23_800n));
    expect(() => mulDivRound(-1, 1, 1)).toThrow(RangeError);
    expect(() => mulDivRound(1.5, 1, 1)).toThrow(RangeError);
  });
});

describe("taxTotals: per rate on the rate's total", () => {
  it("adds lines of a rate before taking the tax (no cent of drift per line)", () => {
    // Ten lines of 0.99 at 19 %: per line the tax would be 0.16 each (1.60); on the total of 9.90 it is 1.58.
    const lines = Array.from({ length: 10 }, () => at(1900, 99));
    expect(taxTotals(lines, true)).toEqual([{ rateBps: 1900, name: null, netCents: 832, taxCents: 158, grossCents: 990 }]);
  });

  it("keeps rates apart, the highest first, and leaves out rates that add up to nothing", () => {
    const totals = taxTotals([at(700, 1070, "B"), at(1900, 2380, "A"), at(0, 500, "C"), at(700, 0, "B"), at(1000, 0)], true);
    expect(totals).toEqual([
      { rateBps: 1900, name: "A", netCents: 2000, taxCents: 380, grossCents: 2380 },
      { rateBps: 700, name: "B", netCents: 1000, taxCents: 70, grossCents: 1070 },
      { rateBps: 0, name: "C", netCents: 500, taxCents: 0, grossCents: 500 },
    ]);
    for (const t of totals) expect(t.netCents + t.taxCents).toBe(t.grossCents);
  });

  it("with net prices adds the tax on top", () => {
    expect(taxTotals([at(1900, 1000), at(700, 1000)], false)).toEqual([
      { rateBps: 1900, name: null, netCents: 1000, taxCents: 190, grossCents: 1190 },
      { rateBps: 700, name: null, netCents: 1000, taxCents: 70, grossCents: 1070 },
    ]);
  });

  it("refuses what cannot be a line: negative or fractional cents, a rate past 100 %", () => {
    expect(() => taxTotals([at(1900, -1)], true)).toThrow(RangeError);
    expect(() => taxTotals([at(1900, 1.5)], true)).toThrow(RangeError);
    expect(() => taxTotals([at(10_001, 100)], true)).toThrow(RangeError);
  });

  it("holds at the limits: many lines and mixed rates sum to the cent", () => {
    const rates = [0, 400, 500, 700, 1000, 1900, 2000, 2100, 2200];
    const lines: TaxedAmount[] = [];
    let seed = 7;
    for (let i = 0; i < 5000; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      lines.push(at(rates[seed % rates.length]!, seed % 100_000));
    }
    const totals = taxTotals(lines, true);
    expect(totals.reduce((s, t) => s + t.grossCents, 0)).toBe(lines.reduce((s, l) => s + l.cents, 0));
    for (const t of totals) {
      expect(t.netCents + t.taxCents).toBe(t.grossCents);
      // The tax is within half a cent of the exact fraction.
      expect(Math.abs(t.taxCents - (t.grossCents * t.rateBps) / (10_000 + t.rateBps))).toBeLessThanOrEqual(0.5);
    }
  });
});

describe("allocate: an amount over weights, exactly", () => {
  it("gives each its floor and the rest to the largest remainders", () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(10, [3, 7])).toEqual([3, 7]);
    expect(allocate(5, [2, 1, 1])).toEqual([3, 1, 1]);
    expect(allocate(0, [5, 5])).toEqual([0, 0]);
    expect(allocate(7, [0, 0])).toEqual([7, 0]);
    expect(allocate(0, [])).toEqual([]);
    expect(() => allocate(1, [])).toThrow(RangeError);
    expect(() => allocate(-1, [1])).toThrow(RangeError);
  });

  it("always sums to the amount, and no part is a cent or more off its exact share", () => {
    let seed = 11;
    for (let run = 0; run < 500; run++) {
      seed = (seed * 48271) % 2147483647;
      const weights = Array.from({ length: 1 + (seed % 6) }, (_, i) => ((seed >> i) % 5000) + (i === 0 ? 1 : 0));
      const cents = seed % 1_000_000;
      const parts = allocate(cents, weights);
      const total = weights.reduce((s, w) => s + w, 0);
      expect(parts.reduce((s, p) => s + p, 0)).toBe(cents);
      parts.forEach((p, i) => {
        expect(Math.abs(p - (cents * weights[i]!) / total)).toBeLessThan(1);
      });
    }
  });
});

describe("billTaxes: a bill's discount and service charge spread over its rates", () => {
  it("a German bill: food at 19 %, a takeaway drink at 7 %, 10 % off, 5 % service: the rates add up to the total", () => {
    // Lines: 23.80 at 19 %, 10.70 at 7 %: 34.50. Discount 3.45 → 31.05. Service 5 % → 1.55. Total 32.60.
    const taxes = billTaxes([at(1900, 2380, "A"), at(700, 1070, "B")], 345, 155, true);
    expect(taxes.reduce((s, t) => s + t.grossCents, 0)).toBe(3260);
    // The discount splits 23.80 : 10.70 → 2.38 + 1.07; the charge over 21.42 : 9.63 → 1.07 + 0.48.
    expect(taxes.map((t) => [t.name, t.grossCents])).toEqual([
      ["A", 2380 - 238 + 107],
      ["B", 1070 - 107 + 48],
    ]);
    for (const t of taxes) {
      expect(t.taxCents).toBe(taxInGross(t.grossCents, t.rateBps));
      expect(t.netCents + t.taxCents).toBe(t.grossCents);
    }
  });

  it("a discount larger than the lines takes them to nothing, never below", () => {
    expect(billTaxes([at(2200, 500)], 900, 0, true)).toEqual([]);
  });

  it("no lines, no taxes", () => {
    expect(billTaxes([], 0, 0, true)).toEqual([]);
  });
});
