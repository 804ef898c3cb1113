import { describe, expect, test } from "vitest";
import { centsToInput, formatTime, parseMoney } from "../../src/lib/money";

describe("parseMoney", () => {
  test.each([
    ["12.50", 1250],
    ["12.5", 1250],
    ["12", 1200],
    ["0", 0],
    ["0.01", 1],
    ["0.29", 29], // 0.29 * 100 is 28.999… as a float; the parser never goes through one
    ["1.10", 110],
    ["12,50", 1250],
    ["  7.05 ", 705],
    ["007.5", 750],
    ["21474836.47", 2_147_483_647],
  ])("%j is %i cents", (text, cents) => {
    expect(parseMoney(text)).toEqual({ cents });
  });

  test.each([
    ["", "empty"],
    ["   ", "empty"],
    ["-1", "negative"],
    ["-0.50", "negative"],
    ["1.234", "decimals"],
    ["0.001", "decimals"],
    ["12.", "format"],
    [".5", "format"],
    ["+5", "format"],
    ["1e3", "format"],
    ["1,234.50", "format"],
    ["1 234", "format"],
    ["12.50€", "format"],
    ["€12.50", "format"],
    ["abc", "format"],
    ["0x10", "format"],
    ["Infinity", "format"],
    ["NaN", "format"],
    ["12.5.0", "format"],
    ["21474836.48", "tooLarge"],
    ["999999999", "tooLarge"],
    ["99999999999999999999", "tooLarge"],
  ])("%j is refused as %s", (text, error) => {
    expect(parseMoney(text)).toEqual({ error });
  });
});

describe("centsToInput", () => {
  test("shows cents as a plain amount that parses back to the same cents", () => {
    for (const cents of [0, 1, 9, 10, 99, 100, 105, 1250, 123456]) {
      const text = centsToInput(cents);
      expect(text).toMatch(/^\d+\.\d\d$/);
      expect(parseMoney(text)).toEqual({ cents });
    }
    expect(centsToInput(1250)).toBe("12.50");
    expect(centsToInput(5)).toBe("0.05");
  });
});

describe("formatTime", () => {
  test("reads the venue's clock when given its time zone (a receipt's times), the browser's otherwise", () => {
    const at = "2026-12-07T15:03:00.000Z";
    // Berlin is an hour ahead of UTC in winter, Rome too; New York five behind.
    expect(formatTime(at, "Europe/Berlin")).toMatch(/0?4:03|16:03/);
    expect(formatTime(at, "America/New_York")).toMatch(/10:03/);
    expect(formatTime(at, "UTC")).toMatch(/0?3:03|15:03/);
    // A zone the browser does not know: its own clock, not an exception.
    expect(formatTime(at, "Mars/Olympus")).toBe(formatTime(at));
  });
});
