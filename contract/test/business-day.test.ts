import { describe, expect, it } from "vitest";
import { addDays, businessDayOf, dayCount, daysBetween, decimalText } from "../src/business-day.js";

describe("businessDayOf", () => {
  it("books the hours before the cut-off to the day before, on the venue's clock", () => {
    const ny = (iso: string, cutoff = 5) => businessDayOf(new Date(iso), "America/New_York", cutoff);
    // Winter (UTC−5): 04:59 is still yesterday's business day, 05:00 starts today's; 01:30 is the night before's.
    expect(ny("2026-01-15T09:59:00Z")).toBe("2026-01-14");
    expect(ny("2026-01-15T10:00:00Z")).toBe("2026-01-15");
    expect(ny("2026-01-16T04:30:00Z")).toBe("2026-01-15");
    expect(ny("2026-01-16T06:30:00Z")).toBe("2026-01-15");
    // Summer (UTC−4).
    expect(ny("2026-07-01T08:59:00Z")).toBe("2026-06-30");
    expect(ny("2026-07-01T09:00:00Z")).toBe("2026-07-01");
    // Cut-off at midnight: the calendar day.
    expect(ny("2026-01-15T04:59:00Z", 0)).toBe("2026-01-14");
    expect(ny("2026-01-15T05:00:00Z", 0)).toBe("2026-01-15");
    // East of UTC, across a year's end.
    expect(businessDayOf(new Date("2026-12-31T23:30:00Z"), "Europe/Berlin", 4)).toBe("2026-12-31");
    expect(businessDayOf(new Date("2027-01-01T03:30:00Z"), "Europe/Berlin", 4)).toBe("2027-01-01");
  });

  it("counts, lists and steps days, and writes amounts as plain decimals", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(daysBetween("2026-12-30", "2027-01-02")).toEqual(["2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"]);
    expect([dayCount("2026-01-01", "2026-12-31"), dayCount("2026-03-01", "2026-02-28")]).toEqual([365, 0]);
    // A DST change between two dates does not change how many days lie between them.
    expect(dayCount("2026-03-01", "2026-04-01")).toBe(32);
    expect([decimalText(0), decimalText(5), decimalText(-5), decimalText(123456)]).toEqual(["0.00", "0.05", "-0.05", "1234.56"]);
  });
});
