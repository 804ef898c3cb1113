import { describe, expect, test } from "vitest";
import { taxPercentBpsOf, taxPercentInput, taxPercentText, taxRateLabel } from "../../../src/staff/menu/tax-rate-input";

describe("taxPercentBpsOf", () => {
  test.each([
    ["19", 1900],
    ["7,5", 750],
    ["7.5", 750],
    ["7.50", 750],
    ["12,34", 1234],
    [" 19 ", 1900],
    ["19%", 1900],
    ["19 %", 1900],
    ["0", 0],
    ["0,0", 0],
    ["100", 10_000],
    ["100.00", 10_000],
    ["005", 500],
  ])("%j is %i basis points", (text, bps) => {
    expect(taxPercentBpsOf(text)).toBe(bps);
  });

  test.each(["", " ", "%", "abc", "-1", "+19", "100.01", "101", "1000", "7.555", "7,", ",5", "7.5.1", "1e2", "0x10", "19 % %", "nineteen"])(
    "%j is not a rate",
    (text) => {
      expect(taxPercentBpsOf(text)).toBeNull();
    },
  );
});

describe("showing a rate", () => {
  test("as the input starts with it and as text", () => {
    expect([1900, 750, 1234, 5, 0, 10_000].map(taxPercentInput)).toEqual(["19", "7.5", "12.34", "0.05", "0", "100"]);
    expect(taxPercentText(700)).toBe("7 %");
    expect(taxRateLabel({ name: "Reduced", rateBps: 750 })).toBe("Reduced (7.5 %)");
  });

  test("what is shown reads back as the same rate", () => {
    for (let bps = 0; bps <= 10_000; bps += 7) expect(taxPercentBpsOf(taxPercentInput(bps))).toBe(bps);
  });
});
