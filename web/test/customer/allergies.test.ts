import { describe, expect, test } from "vitest";
import { readKept } from "../../src/customer/use-allergies";

describe("the allergies a phone keeps for its next table", () => {
  test("are read back in the contract's order, unknown codes and blank notes dropped; nothing declared is nothing", () => {
    expect(readKept({ allergens: ["MILK", "PEANUTS", "PEANUT"], diets: ["VEGAN", "KETO"], note: "  EpiPen " })).toEqual({
      allergens: ["PEANUTS", "MILK"],
      diets: ["VEGAN"],
      note: "EpiPen",
    });
    expect(readKept({ allergens: [], diets: [], note: " " })).toBeNull();
    expect(readKept("PEANUTS")).toBeNull();
    expect(readKept(null)).toBeNull();
  });
});
