import { describe, expect, it } from "vitest";
import {
  type BillLineDto,
  billLevelCents,
  billLineKey,
  billSplit,
  type LineClaim,
  type PaymentDto,
  parsePayer,
  payerKey,
  spreadInProportion,
} from "../src/index.js";

const ORDER = "0b7f8a44-5a5e-4c43-9d3b-6f1f9c7f0a01";
const ANN = "phone:0b7f8a44-5a5e-4c43-9d3b-6f1f9c7f0a0a";
const BEA = "phone:0b7f8a44-5a5e-4c43-9d3b-6f1f9c7f0a0b";
const P3 = "person:3";

function line(position: number, lineCents: number): BillLineDto {
  return {
    key: billLineKey(ORDER, position),
    orderId: ORDER,
    position,
    customerId: null,
    productName: `dish ${position}`,
    quantity: 1,
    unitPriceCents: lineCents,
    grossCents: lineCents,
    corrections: [],
    lineCents,
    taxRateBps: 0,
    taxName: null,
    options: [],
  };
}

function bill(cents: number[], extra = 0) {
  const lines = cents.map((c, i) => line(i, c));
  return { lines, totalCents: lines.reduce((s, l) => s + l.lineCents, 0) + extra };
}

const paid = (payer: string, amountCents: number, kind: PaymentDto["kind"] = "PAYMENT") => ({ kind, amountCents, payer });

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

describe("payer keys", () => {
  it("names phones, seats and persons, and nothing else", () => {
    expect(parsePayer(ANN)).toEqual({ kind: "phone", customerId: ANN.slice(6) });
    expect(payerKey({ kind: "person", number: 3 })).toBe("person:3");
    expect(parsePayer("seat:12")).toEqual({ kind: "seat", number: 12 });
    for (const bad of ["seat:0", "seat:100", "person:", "phone:nope", "table:1", "person:03"]) expect(parsePayer(bad)).toBeNull();
  });
});

describe("billSplit", () => {
  it("takes money given back from a payer's payment off that payer's share alone, and still adds up to the bill", () => {
    // A shared 11.50 and Ann's 4.50 and Bea's 2.50; Ann paid 10.25 and got 4.50 back (her lemonade).
    const b = bill([1150, 450, 250], -450);
    const claims: LineClaim[] = [
      { line: billLineKey(ORDER, 0), payer: ANN, weight: 1 },
      { line: billLineKey(ORDER, 0), payer: BEA, weight: 1 },
      { line: billLineKey(ORDER, 1), payer: ANN, weight: 1 },
      { line: billLineKey(ORDER, 2), payer: BEA, weight: 1 },
    ];
    const payments = [paid(ANN, 1025), paid(BEA, 825), { ...paid(ANN, 450, "REFUND"), refundOf: "the-payment" }];
    const split = billSplit(b, claims, payments);
    const of = (payer: string) => split.payers.find((p) => p.payer === payer)!;
    expect(of(ANN)).toMatchObject({ linesCents: 1025, billLevelCents: -450, totalCents: 575, paidCents: 575, dueCents: 0 });
    expect(of(BEA)).toMatchObject({ linesCents: 825, billLevelCents: 0, totalCents: 825, paidCents: 825, dueCents: 0 });
    expect(split.payers.reduce((s, p) => s + p.totalCents, 0) + split.unclaimedCents).toBe(b.totalCents);
    // A refund of a cancelled order's payment (no refundOf) is no payer's: the table's total already dropped.
    const cancelled = billSplit(b, claims, [paid(ANN, 1025), paid(ANN, 450, "REFUND")]);
    expect(cancelled.payers.find((p) => p.payer === ANN)!.billLevelCents).toBeLessThan(0);
    expect(cancelled.payers.find((p) => p.payer === BEA)!.billLevelCents).toBeLessThan(0);
  });

  it("splits a shared dish three ways to the cent, each payer's own lines whole, and says what is left", () => {
    const b = bill([3000, 1250, 999]);
    const claims: LineClaim[] = [
      { line: b.lines[0]!.key, payer: ANN, weight: 1 },
      { line: b.lines[0]!.key, payer: BEA, weight: 1 },
      { line: b.lines[0]!.key, payer: P3, weight: 1 },
      { line: b.lines[1]!.key, payer: ANN, weight: 1 },
    ];
    const split = billSplit(b, claims, [], [ANN, BEA, P3]);
    expect(split.payers.map((p) => [p.payer, p.totalCents])).toEqual([
      [ANN, 1000 + 1250],
      [BEA, 1000],
      [P3, 1000],
    ]);
    expect(split.unclaimed).toEqual([{ line: b.lines[2]!.key, cents: 999 }]);
    expect(split.unclaimedCents).toBe(999);
  });

  it("takes off what was paid for each payer (refunds count back), and lists the payers asked for first", () => {
    const b = bill([1000]);
    const claims = [ANN, BEA, P3].map((payer) => ({ line: b.lines[0]!.key, payer, weight: 1 }));
    const split = billSplit(b, claims, [paid(P3, 333), paid(ANN, 400), paid(ANN, 66, "REFUND")], [P3, "seat:2"]);
    expect(split.payers.map((p) => [p.payer, p.totalCents, p.paidCents, p.dueCents])).toEqual([
      [P3, 334, 333, 1],
      ["seat:2", 0, 0, 0],
      [ANN, 333, 334, 0],
      [BEA, 333, 0, 333],
    ]);
  });

  it("gives the same split whatever order the claims arrive in (a snapshot, then events line by line)", () => {
    const b = bill([1000, 100, 1]);
    const claims = b.lines.flatMap((l) => [ANN, BEA, P3].map((payer) => ({ line: l.key, payer, weight: 1 })));
    const cents = (cs: LineClaim[]) => billSplit(b, cs, [], [ANN, BEA, P3]).payers.map((p) => p.totalCents);
    expect(cents([...claims].reverse())).toEqual(cents(claims));
    expect(cents([...claims].sort((x, y) => x.payer.localeCompare(y.payer)))).toEqual(cents(claims));
  });

  it("does not count claims of lines that left the bill (voided, moved)", () => {
    const b = bill([500]);
    const split = billSplit(b, [
      { line: billLineKey(ORDER, 7), payer: ANN, weight: 1 },
      { line: b.lines[0]!.key, payer: BEA, weight: 1 },
    ]);
    expect(split.payers.map((p) => [p.payer, p.totalCents])).toEqual([[BEA, 500]]);
  });

  it("spreads what the bill holds beyond its lines (a service charge, a discount) in proportion to each payer's lines", () => {
    const charged = bill([1000, 2000, 3000], 600);
    const claims = [
      { line: charged.lines[0]!.key, payer: ANN, weight: 1 },
      { line: charged.lines[1]!.key, payer: BEA, weight: 1 },
    ];
    expect(billLevelCents(charged)).toBe(600);
    const split = billSplit(charged, claims);
    expect(split.payers.map((p) => [p.billLevelCents, p.totalCents])).toEqual([
      [100, 1100],
      [200, 2200],
    ]);
    expect(split.unclaimedCents).toBe(3300);
    const discounted = billSplit(bill([1000, 2000, 3000], -601), claims);
    expect(discounted.payers.map((p) => p.billLevelCents)).toEqual([-100, -200]);
    expect(discounted.unclaimedCents).toBe(3000 - 301);
  });

  it("spreadInProportion: exact, each part within a cent, all to the fallback when nothing weighs", () => {
    const parts = spreadInProportion(
      100,
      [
        { key: "a", cents: 1 },
        { key: "b", cents: 1 },
        { key: "c", cents: 1 },
      ],
      "rest",
    );
    expect(parts.get("rest")).toBe(0);
    expect([...parts.values()].reduce((a, b) => a + b, 0)).toBe(100);
    expect(parts.get("a")).toBe(34);
    expect(spreadInProportion(-50, [{ key: "a", cents: 0 }], "rest").get("rest")).toBe(-50);
  });

  it("sums exactly on random bills, claims, payments and bill-level amounts (each payer within a cent of its exact share)", () => {
    const rnd = random(32);
    const int = (max: number) => Math.floor(rnd() * (max + 1));
    for (let run = 0; run < 1500; run++) {
      const cents = Array.from({ length: 1 + int(12) }, () => int(rnd() < 0.1 ? 0 : 20_000));
      const lineSum = cents.reduce((a, b) => a + b, 0);
      // Bill-level: a discount up to the lines, or a service charge.
      const extra = rnd() < 0.3 ? 0 : rnd() < 0.5 ? -int(lineSum) : int(5000);
      const b = bill(cents, extra);
      const payers = [ANN, BEA, P3, "seat:1", "person:4"].slice(0, 1 + int(4));
      const claims: LineClaim[] = [];
      for (const l of b.lines) {
        if (rnd() < 0.2) continue; // unclaimed
        for (const payer of payers) if (rnd() < 0.5) claims.push({ line: l.key, payer, weight: 1 + int(8) });
      }
      const payments = payers.filter(() => rnd() < 0.3).map((p) => paid(p, int(3000)));
      const split = billSplit(b, claims, payments);
      const sum = split.payers.reduce((s, p) => s + p.totalCents, 0) + split.unclaimedCents;
      expect(sum).toBe(b.totalCents);
      for (const p of split.payers) {
        expect(p.totalCents).toBe(p.linesCents + p.billLevelCents);
        expect(p.dueCents).toBe(Math.max(0, p.totalCents - p.paidCents));
        // Its exact share of the lines (fractions of each line by weight), then of the bill-level amount.
        let exactLines = 0;
        for (const l of b.lines) {
          const onLine = claims.filter((c) => c.line === l.key);
          const w = onLine.reduce((s, c) => s + c.weight, 0);
          const mine = onLine.filter((c) => c.payer === p.payer).reduce((s, c) => s + c.weight, 0);
          if (w > 0) exactLines += (l.lineCents * mine) / w;
        }
        expect(Math.abs(p.linesCents - exactLines)).toBeLessThanOrEqual(1 + 1e-9);
        const exactLevel = lineSum === 0 ? 0 : (extra * p.linesCents) / lineSum;
        expect(Math.abs(p.billLevelCents - exactLevel)).toBeLessThanOrEqual(1 + 1e-9);
      }
    }
  });
});
