import { describe, expect, test } from "vitest";
import type { CartLine } from "../../src/customer/customer-storage";
import {
  fromPrice,
  isChosen,
  lineProblem,
  MORE_FILTERS,
  matchesFilter,
  menuSections,
  NO_FILTER,
  QUICK_FILTERS,
  readFilter,
  ruleText,
  toggleFilter,
  toggleOption,
  windowText,
} from "../../src/customer/menu-model";
import { category, id, menu, optionGroup, pizza, product } from "../support/fixtures";

const SMALL = id(1020);
const LARGE = id(1021);
const BACON = id(1040);
const CHEESE = id(1041);
const BASIL = id(1042);

/** 12:00 UTC on a winter day: 13:00 in Rome. */
const NOON_UTC = Date.parse("2026-11-21T12:00:00.000Z");

const breakfast = category(1, { name: "Breakfast", availableFrom: "07:00", availableUntil: "11:00" });
const mains = category(2, { name: "Mains", description: "From the wood oven" });
const drinks = category(3, { name: "Drinks" });
const inCategory = (c: typeof mains) => ({ categoryId: c.id, category: c.name });

const croissant = product(1, { name: "Croissant", ...inCategory(breakfast), allergens: ["GLUTEN", "MILK", "EGGS"], tags: ["VEGETARIAN"] });
const margherita = pizza(2, { name: "Margherita", ...inCategory(mains) });
const salad = product(3, { name: "Salad", ...inCategory(mains), tags: ["VEGAN"], allergens: ["NUTS"] });
const steak = product(4, { name: "Steak", ...inCategory(mains) });
const water = product(5, { name: "Water", ...inCategory(drinks), tags: ["VEGAN"] });
const theMenu = menu([breakfast, mains, drinks], [croissant, margherita, salad, steak, water]);

const names = (m: ReturnType<typeof menuSections>) => m.map((s) => [s.category.name, s.products.map((p) => p.name)]);

describe("the menu's sections", () => {
  test("follow the server's category order, each with its products", () => {
    const sections = menuSections(theMenu, { filter: NO_FILTER, query: "", now: NOON_UTC });
    expect(names(sections)).toEqual([
      ["Breakfast", ["Croissant"]],
      ["Mains", ["Margherita", "Salad", "Steak"]],
      ["Drinks", ["Water"]],
    ]);
  });

  test("a category outside its window (in the location's time zone) is not served; one without a window always is", () => {
    const at = (iso: string) => menuSections(theMenu, { filter: NO_FILTER, query: "", now: Date.parse(iso) }).map((s) => s.served);
    expect(at("2026-11-21T12:00:00.000Z")).toEqual([false, true, true]); // 13:00 in Rome
    expect(at("2026-11-21T06:30:00.000Z")).toEqual([true, true, true]); // 07:30 in Rome
    expect(at("2026-11-21T10:00:00.000Z")).toEqual([false, true, true]); // 11:00 in Rome: the window has ended
    // The same instant is 07:00 in London, 08:00 in Rome.
    const london = { ...theMenu, timeZone: "Europe/London" };
    expect(menuSections(london, { filter: NO_FILTER, query: "", now: Date.parse("2026-11-21T07:00:00.000Z") })[0]!.served).toBe(true);
  });

  test("a window's text is its two times; no window, no text", () => {
    expect(windowText(breakfast)).toBe("07:00–11:00");
    expect(windowText(mains)).toBeNull();
  });

  test("an empty category shows while nothing narrows the menu, and is left out while filtering or searching", () => {
    const empty = category(4, { name: "Specials" });
    const m = menu([mains, empty], [margherita]);
    expect(names(menuSections(m, { filter: NO_FILTER, query: "", now: NOON_UTC }))).toEqual([
      ["Mains", ["Margherita"]],
      ["Specials", []],
    ]);
    expect(names(menuSections(m, { filter: NO_FILTER, query: "marg", now: NOON_UTC }))).toEqual([["Mains", ["Margherita"]]]);
  });

  test("a product whose category the menu does not have is not shown", () => {
    const stray = product(9, { name: "Stray", categoryId: id(699) });
    expect(names(menuSections(menu([mains], [stray]), { filter: NO_FILTER, query: "", now: NOON_UTC }))).toEqual([["Mains", []]]);
  });
});

describe("the diet filter", () => {
  const vegetarian = toggleFilter(NO_FILTER, { tag: "VEGETARIAN" });

  test("Vegetarian keeps vegetarian and vegan dishes", () => {
    const sections = menuSections(theMenu, { filter: vegetarian, query: "", now: NOON_UTC });
    expect(names(sections)).toEqual([
      ["Breakfast", ["Croissant"]],
      ["Mains", ["Margherita", "Salad"]],
      ["Drinks", ["Water"]],
    ]);
  });

  test("Vegan keeps vegan dishes only", () => {
    expect(theMenu.products.filter((p) => matchesFilter(p, toggleFilter(NO_FILTER, { tag: "VEGAN" }))).map((p) => p.name)).toEqual([
      "Salad",
      "Water",
    ]);
  });

  test("a 'No …' chip leaves out dishes with that allergen; chips combine", () => {
    const noGluten = toggleFilter(NO_FILTER, { without: "GLUTEN" });
    expect(theMenu.products.filter((p) => matchesFilter(p, noGluten)).map((p) => p.name)).toEqual(["Salad", "Steak", "Water"]);
    const both = toggleFilter(noGluten, { without: "NUTS" });
    expect(theMenu.products.filter((p) => matchesFilter(p, both)).map((p) => p.name)).toEqual(["Steak", "Water"]);
    const veganNoNuts = toggleFilter(toggleFilter(NO_FILTER, { tag: "VEGAN" }), { without: "NUTS" });
    expect(theMenu.products.filter((p) => matchesFilter(p, veganNoNuts)).map((p) => p.name)).toEqual(["Water"]);
  });

  test("tapping a chip again takes it off", () => {
    expect(toggleFilter(vegetarian, { tag: "VEGETARIAN" })).toEqual(NO_FILTER);
    expect(isChosen(vegetarian, { tag: "VEGETARIAN" })).toBe(true);
    expect(isChosen(vegetarian, { tag: "VEGAN" })).toBe(false);
  });

  test("the quick chips and More cover all 14 allergens once", () => {
    const allergens = [...QUICK_FILTERS, ...MORE_FILTERS].flatMap((c) => ("without" in c ? [c.without] : []));
    expect(allergens).toHaveLength(14);
    expect(new Set(allergens).size).toBe(14);
  });

  test("the filter filters searched dishes too, and a filter leaves out sections with nothing left", () => {
    const sections = menuSections(theMenu, { filter: toggleFilter(NO_FILTER, { without: "GLUTEN" }), query: "sa", now: NOON_UTC });
    expect(names(sections)).toEqual([["Mains", ["Salad"]]]);
  });

  test("a stored filter reads back; unknown codes and odd shapes are dropped", () => {
    expect(readFilter(JSON.parse(JSON.stringify(vegetarian)))).toEqual(vegetarian);
    expect(readFilter({ tags: ["VEGAN", "PALEO"], without: ["MILK", 3] })).toEqual({ tags: ["VEGAN"], without: ["MILK"] });
    expect(readFilter("vegan")).toEqual(NO_FILTER);
    expect(readFilter(null)).toEqual(NO_FILTER);
  });
});

describe("options", () => {
  const pz = pizza(1);

  test("each group's rule in words", () => {
    expect(ruleText({ minChoices: 1, maxChoices: 1 })).toBe("Choose 1");
    expect(ruleText({ minChoices: 0, maxChoices: 3 })).toBe("Choose up to 3");
    expect(ruleText({ minChoices: 1, maxChoices: 3 })).toBe("Choose 1 to 3");
    expect(ruleText({ minChoices: 2, maxChoices: 2 })).toBe("Choose 2");
  });

  test("a radio group swaps its choice; a checkbox group toggles and stops at its max", () => {
    let chosen = toggleOption(pz, [], SMALL);
    chosen = toggleOption(pz, chosen, LARGE);
    expect(chosen).toEqual([LARGE]);
    chosen = toggleOption(pz, chosen, BACON);
    chosen = toggleOption(pz, chosen, CHEESE);
    chosen = toggleOption(pz, chosen, BASIL);
    expect(chosen).toEqual([LARGE, BACON, CHEESE, BASIL]);
    const twoMax = pizza(1, {
      optionGroups: [
        optionGroup(
          2,
          "Extras",
          [0, 2],
          [
            ["Bacon", 150],
            ["Extra cheese", 100],
            ["Basil", 0],
          ],
        ),
      ],
    });
    expect(toggleOption(twoMax, [BACON, CHEESE], BASIL)).toEqual([BACON, CHEESE]);
    expect(toggleOption(twoMax, [BACON, CHEESE], BACON)).toEqual([CHEESE]);
  });

  test("the menu's 'from' price is the cheapest valid choice", () => {
    expect(fromPrice(pz)).toBe(900);
    const soldOutSmall = pizza(1, {
      optionGroups: [
        optionGroup(
          1,
          "Size",
          [1, 1],
          [
            ["Small", 0, false],
            ["Large", 300],
          ],
        ),
      ],
    });
    expect(fromPrice(soldOutSmall)).toBe(1200);
  });
});

describe("why a cart line would be refused", () => {
  const line = (productId: string, options: string[] = []): CartLine => ({ id: "l", productId, options, quantity: 1, note: "" });
  const m = menu([breakfast, mains], [croissant, margherita, steak]);

  test("nothing, for a valid choice of a product on the menu, served now", () => {
    expect(lineProblem(line(margherita.id, [LARGE, BACON]), m, NOON_UTC)).toBeNull();
    expect(lineProblem(line(steak.id), m, NOON_UTC)).toBeNull();
  });

  test("gone from the menu, sold out, served later, its choices changed, or the contract's choice problem", () => {
    expect(lineProblem(line(water.id), m, NOON_UTC)).toBe("No longer on the menu — remove it");
    expect(lineProblem(line(steak.id), menu([mains], [{ ...steak, available: false }]), NOON_UTC)).toBe("Sold out");
    expect(lineProblem(line(croissant.id), m, NOON_UTC)).toBe("Served 07:00–11:00");
    expect(lineProblem(line(margherita.id, [LARGE, id(4242)]), m, NOON_UTC)).toBe("Its choices changed — remove it and add it again");
    expect(lineProblem(line(margherita.id, [BACON]), m, NOON_UTC)).toBe("Margherita: choose a size");
  });
});
