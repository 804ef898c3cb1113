import { describe, expect, it } from "vitest";
import { type ChoosableProduct, choiceProblem, isServedAt, lineKey, priceRange, unitPriceOf } from "../src/index.js";

const pizza: ChoosableProduct = {
  name: "Pizza",
  priceCents: 900,
  optionGroups: [
    {
      id: "size",
      name: "Size",
      minChoices: 1,
      maxChoices: 1,
      options: [
        { id: "s", name: "Small", priceDeltaCents: 0, available: true },
        { id: "l", name: "Large", priceDeltaCents: 200, available: true },
      ],
    },
    {
      id: "extras",
      name: "Extras",
      minChoices: 0,
      maxChoices: 2,
      options: [
        { id: "b", name: "Bacon", priceDeltaCents: 150, available: true },
        { id: "o", name: "Olives", priceDeltaCents: 100, available: true },
        { id: "t", name: "Truffle", priceDeltaCents: 500, available: false },
      ],
    },
  ],
};

describe("the menu's rules", () => {
  it("name what is wrong with a choice, or nothing", () => {
    expect(choiceProblem(pizza, ["l", "b", "o"])).toBeNull();
    expect(choiceProblem(pizza, [])).toBe("Pizza: choose a size");
    expect(choiceProblem(pizza, ["s", "l"])).toBe("Pizza: choose at most 1 of Size");
    expect(choiceProblem(pizza, ["s", "b", "o", "b"])).toBe("Pizza: an option is chosen twice");
    expect(choiceProblem(pizza, ["s", "t"])).toBe("Pizza: Truffle is sold out");
    expect(choiceProblem(pizza, ["s", "x"])).toBe("Pizza: option x is not one of its options");
  });

  it("price a unit from the base and the chosen deltas", () => {
    expect(unitPriceOf(pizza, ["l", "b", "o"])).toBe(1350);
    expect(unitPriceOf(pizza, ["s"])).toBe(900);
  });

  it("serve a window in the location's time zone, also past midnight", () => {
    const at = new Date("2026-11-22T09:30:00Z"); // 10:30 in Rome, 09:30 in London
    expect(isServedAt({ availableFrom: "07:00", availableUntil: "11:00" }, "Europe/Rome", at)).toBe(true);
    expect(isServedAt({ availableFrom: "10:00", availableUntil: "11:00" }, "Europe/London", at)).toBe(false);
    expect(isServedAt({ availableFrom: "22:00", availableUntil: "02:00" }, "UTC", new Date("2026-11-22T01:00:00Z"))).toBe(true);
    expect(isServedAt({ availableFrom: "22:00", availableUntil: "02:00" }, "UTC", new Date("2026-11-22T12:00:00Z"))).toBe(false);
    expect(isServedAt({ availableFrom: null, availableUntil: null }, "UTC", at)).toBe(true);
  });

  it("key cart lines by product, choices in any order and note", () => {
    expect(lineKey("p", ["b", "l"], " no basil ")).toBe(lineKey("p", ["l", "b"], "no basil"));
    expect(lineKey("p", ["l"])).not.toBe(lineKey("p", ["l"], "no basil"));
  });
});

describe("priceRange", () => {
  const group = (deltas: number[], minChoices: number, maxChoices: number) => ({
    minChoices,
    maxChoices,
    options: deltas.map((priceDeltaCents) => ({ priceDeltaCents })),
  });

  it("finds the cheapest and dearest valid choice across every group", () => {
    const product = { priceCents: 1000, optionGroups: [group([0, 200], 1, 1), group([-300, -100, 150, 80], 0, 3)] };
    // Cheapest: size +0, both negatives; dearest: size +200, the two positives (and not a negative).
    expect(priceRange(product)).toEqual({ cheapest: 600, dearest: 1430 });
  });

  it("counts required choices even when they go the other way", () => {
    expect(priceRange({ priceCents: 100, optionGroups: [group([-150, -20], 1, 1)] })).toEqual({ cheapest: -50, dearest: 80 });
    expect(priceRange({ priceCents: 100, optionGroups: [group([50, 60], 2, 2)] })).toEqual({ cheapest: 210, dearest: 210 });
  });
});
