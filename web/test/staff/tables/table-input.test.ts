import { LIMITS } from "@ordered/contract";
import { describe, expect, test } from "vitest";
import { areasOf, tableInputOf } from "../../../src/staff/tables/table-input";

describe("tableInputOf", () => {
  test("trims the fields; an empty area or seats is null", () => {
    expect(tableInputOf({ name: "  Table 4 ", area: "  ", seats: "" })).toEqual({ name: "Table 4", area: null, seats: null });
    expect(tableInputOf({ name: "Table 4", area: " Terrace ", seats: " 6 " })).toEqual({ name: "Table 4", area: "Terrace", seats: 6 });
  });

  test("seats must be a whole number from 1 to the limit", () => {
    for (const seats of ["0", "-1", "2.5", "four", String(LIMITS.table.maxSeats + 1)]) {
      expect(tableInputOf({ name: "T", area: "", seats })).toEqual({ seats: "invalid" });
    }
    expect(tableInputOf({ name: "T", area: "", seats: String(LIMITS.table.maxSeats) })).toMatchObject({ seats: LIMITS.table.maxSeats });
  });
});

test("areasOf lists each area once, in floor order", () => {
  expect(
    areasOf([
      { area: "Terrace", position: 2 },
      { area: null, position: 0 },
      { area: "Inside", position: 1 },
      { area: "Terrace", position: 3 },
    ]),
  ).toEqual(["Inside", "Terrace"]);
});
