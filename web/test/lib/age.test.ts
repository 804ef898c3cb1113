import { describe, expect, test } from "vitest";
import { formatAge } from "../../src/lib/age";

const min = 60_000;

describe("formatAge: the panel's cards", () => {
  test("whole minutes, then hours and minutes", () => {
    expect(formatAge(0)).toBe("<1 min");
    expect(formatAge(59_999)).toBe("<1 min");
    expect(formatAge(4 * min + 30_000)).toBe("4 min");
    expect(formatAge(59 * min)).toBe("59 min");
    expect(formatAge(65 * min)).toBe("1 h 05 min");
    expect(formatAge(-5000)).toBe("<1 min");
  });
});

describe("formatAge: a kitchen ticket (clock)", () => {
  test("minutes and seconds under ten minutes, whole minutes after", () => {
    expect(formatAge(0, "clock")).toBe("0:00");
    expect(formatAge(42_500, "clock")).toBe("0:42");
    expect(formatAge(4 * min + 7_000, "clock")).toBe("4:07");
    expect(formatAge(10 * min - 1, "clock")).toBe("9:59");
    expect(formatAge(10 * min, "clock")).toBe("10 min");
    expect(formatAge(75 * min + 59_000, "clock")).toBe("75 min");
  });

  test("a clock slightly behind the server's shows 0:00, not a negative age", () => {
    expect(formatAge(-3000, "clock")).toBe("0:00");
  });
});
