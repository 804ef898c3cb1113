import { describe, expect, test } from "vitest";
import { categoryInputOf, windowText } from "../../../src/staff/menu/category-input";
import { strings } from "../../../src/strings";

const e = strings.categories.errors;
const fields = (over: Partial<{ name: string; description: string; from: string; until: string }> = {}) => ({
  name: "Breakfast",
  description: "",
  from: "",
  until: "",
  ...over,
});

describe("categoryInputOf", () => {
  test("trims; no times is served all day", () => {
    expect(categoryInputOf(fields({ name: "  Breakfast ", description: " Eggs & co " }))).toEqual({
      input: { name: "Breakfast", description: "Eggs & co", availableFrom: null, availableUntil: null },
    });
  });

  test("a window needs both ends, as HH:MM, and not the same time", () => {
    expect(categoryInputOf(fields({ from: "07:00", until: "11:30" }))).toMatchObject({
      input: { availableFrom: "07:00", availableUntil: "11:30" },
    });
    // Past midnight is a window too.
    expect(categoryInputOf(fields({ from: "22:00", until: "02:00" }))).toMatchObject({ input: { availableFrom: "22:00" } });
    expect(categoryInputOf(fields({ from: "07:00" }))).toEqual({ error: e.bothTimes, field: "until" });
    expect(categoryInputOf(fields({ until: "11:00" }))).toEqual({ error: e.bothTimes, field: "from" });
    expect(categoryInputOf(fields({ from: "7:00", until: "11:00" }))).toEqual({ error: e.time, field: "from" });
    expect(categoryInputOf(fields({ from: "07:00", until: "24:00" }))).toEqual({ error: e.time, field: "until" });
    expect(categoryInputOf(fields({ from: "09:00", until: "09:00" }))).toEqual({ error: e.sameTimes, field: "until" });
  });

  test("a name is needed", () => {
    expect(categoryInputOf(fields({ name: "   " }))).toEqual({ error: e.name, field: "name" });
  });
});

test("windowText", () => {
  expect(windowText({ availableFrom: "07:00", availableUntil: "11:00" })).toBe("07:00–11:00");
  expect(windowText({ availableFrom: null, availableUntil: null })).toBeNull();
});

describe("categoryInputOf: the station", () => {
  test("sends the station chosen, and none when there was nothing to choose", () => {
    expect(categoryInputOf({ ...fields(), stationId: "station-1" })).toMatchObject({ input: { stationId: "station-1" } });
    const read = categoryInputOf(fields());
    expect("input" in read && "stationId" in read.input).toBe(false);
  });
});

describe("categoryInputOf: the tax rate", () => {
  test("sends the rate chosen, null for none (untaxed), and nothing when the form had no choice", () => {
    expect(categoryInputOf({ ...fields(), taxRateId: "rate-1" })).toMatchObject({ input: { taxRateId: "rate-1" } });
    expect(categoryInputOf({ ...fields(), taxRateId: "" })).toMatchObject({ input: { taxRateId: null } });
    const read = categoryInputOf(fields());
    expect("input" in read && "taxRateId" in read.input).toBe(false);
  });
});
