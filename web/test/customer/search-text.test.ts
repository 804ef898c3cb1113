import { describe, expect, test } from "vitest";
import { menuSections, NO_FILTER } from "../../src/customer/menu-model";
import { foldForSearch, matchesSearch } from "../../src/customer/search-text";
import { category, menu, product } from "../support/fixtures";

describe("foldForSearch: case and accents folded away", () => {
  test.each([
    ["Tiramisù", "tiramisu"],
    ["CAFÉ", "cafe"],
    ["Crème brûlée", "creme brulee"],
    ["Jalapeño", "jalapeno"],
    ["  Two   spaces ", "two spaces"],
    ["Ça va", "ca va"],
  ])("%s → %s", (text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
  });

  test("a text typed with the same accents folds to the same key (composed or decomposed)", () => {
    expect(foldForSearch("Tiramis\u00f9")).toBe(foldForSearch("Tiramisu\u0300"));
  });

  test("letters that are not a letter plus a mark stay themselves", () => {
    expect(foldForSearch("Straße")).toBe("straße");
    expect(foldForSearch("Smørrebrød")).toBe("smørrebrød");
  });
});

describe("matchesSearch", () => {
  test("either side may carry the accents", () => {
    expect(matchesSearch("tiramisu", "Tiramisù")).toBe(true);
    expect(matchesSearch("TIRAMISÙ", "Tiramisu")).toBe(true);
    expect(matchesSearch("brulee", "Dessert", "Crème brûlée with vanilla")).toBe(true);
    expect(matchesSearch("pizza", "Tiramisù")).toBe(false);
  });

  test("an empty or blank query matches everything", () => {
    expect(matchesSearch("", "Anything")).toBe(true);
    expect(matchesSearch("   ", "Anything")).toBe(true);
  });
});

test("the menu's search finds Tiramisù when the guest types tiramisu", () => {
  const m = menu([category(1)], [product(1, { name: "Tiramisù" }), product(2, { name: "Margherita" })]);
  const found = menuSections(m, { filter: NO_FILTER, query: "tiramisu", now: Date.parse("2026-11-21T12:00:00Z") });
  expect(found.flatMap((s) => s.products.map((p) => p.name))).toEqual(["Tiramisù"]);
});
