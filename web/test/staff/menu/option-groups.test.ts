import type { OptionGroupDto } from "@ordered/contract";
import { describe, expect, test } from "vitest";
import {
  addOption,
  applyPreset,
  deltaToInput,
  type GroupDraft,
  groupDraftsOf,
  groupRule,
  moveByKey,
  moveOption,
  newGroup,
  priceRange,
  removeGroup,
  removeOption,
  updateGroup,
  updateOption,
} from "../../../src/staff/menu/option-groups";
import { optionGroup, pizza, product } from "../../support/fixtures";

const names = (g: GroupDraft) => g.options.map((o) => o.name);

describe("editing option groups", () => {
  test("a product's groups become drafts with their ids, and price changes as typed", () => {
    const [size, extras] = groupDraftsOf(pizza().optionGroups);
    expect(size).toMatchObject({ id: pizza().optionGroups[0]!.id, name: "Size", min: "1", max: "1" });
    expect(size!.options.map((o) => [o.name, o.delta])).toEqual([
      ["Small", "0.00"],
      ["Large", "3.00"],
    ]);
    expect(extras).toMatchObject({ name: "Extras", min: "0", max: "3" });
    expect(new Set([size!.key, extras!.key, ...size!.options.map((o) => o.key)]).size).toBe(4);
  });

  test("price changes show as money, negative ones with a sign", () => {
    expect(deltaToInput(0)).toBe("0.00");
    expect(deltaToInput(250)).toBe("2.50");
    expect(deltaToInput(-50)).toBe("-0.50");
  });

  test("a new group asks for exactly 1 of two blank options", () => {
    const g = newGroup();
    expect(g).toMatchObject({ name: "", min: "1", max: "1" });
    expect(g.options).toHaveLength(2);
    expect(g.id).toBeUndefined();
  });

  test("groups and options move, change and go by key; the ends do not move", () => {
    const a = { ...newGroup(), name: "A" };
    const b = { ...newGroup(), name: "B" };
    let groups = [a, b];
    expect(moveByKey(groups, b.key, -1).map((g) => g.name)).toEqual(["B", "A"]);
    expect(moveByKey(groups, a.key, -1).map((g) => g.name)).toEqual(["A", "B"]);
    expect(moveByKey(groups, b.key, 1).map((g) => g.name)).toEqual(["A", "B"]);
    expect(removeGroup(groups, a.key).map((g) => g.name)).toEqual(["B"]);

    groups = updateGroup(groups, a.key, { name: "Size" });
    const [first, second] = groups[0]!.options;
    groups = updateOption(groups, a.key, first!.key, { name: "Small", delta: "0" });
    groups = updateOption(groups, a.key, second!.key, { name: "Large", delta: "2.00", available: false });
    groups = addOption(groups, a.key);
    expect(names(groups[0]!)).toEqual(["Small", "Large", ""]);
    expect(groups[0]!.options[1]).toMatchObject({ delta: "2.00", available: false });
    groups = moveOption(groups, a.key, second!.key, -1);
    expect(names(groups[0]!)).toEqual(["Large", "Small", ""]);
    // The other group is untouched.
    expect(groups[1]).toBe(b);
  });

  test("removing an option lowers 'at least' and 'at most' that would ask for more than is left", () => {
    let [extras] = groupDraftsOf([
      optionGroup(
        1,
        "Extras",
        [0, 3],
        [
          ["A", 0],
          ["B", 0],
          ["C", 0],
        ],
      ),
    ]);
    let groups = removeOption([extras!], extras!.key, extras!.options[2]!.key);
    expect(groups[0]).toMatchObject({ min: "0", max: "2" });
    [extras] = groupDraftsOf([
      optionGroup(
        1,
        "Two",
        [2, 2],
        [
          ["A", 0],
          ["B", 0],
        ],
      ),
    ]);
    groups = removeOption([extras!], extras!.key, extras!.options[0]!.key);
    expect(groups[0]).toMatchObject({ min: "1", max: "1" });
    expect(names(groups[0]!)).toEqual(["B"]);
  });

  test("presets: exactly 1, or up to every option", () => {
    const g = { ...newGroup(), min: "0", max: "5" };
    expect(applyPreset(g, "exactlyOne")).toMatchObject({ min: "1", max: "1" });
    expect(applyPreset(g, "upToAll")).toMatchObject({ min: "0", max: "2" });
    expect(applyPreset({ ...g, options: [] }, "upToAll")).toMatchObject({ min: "0", max: "1" });
  });

  test("a group's rule in words", () => {
    expect(groupRule(1, 1)).toEqual({ kind: "exactly", n: 1 });
    expect(groupRule(0, 3)).toEqual({ kind: "upTo", n: 3 });
    expect(groupRule(1, 3)).toEqual({ kind: "between", min: 1, max: 3 });
    expect(groupRule(2, 1)).toEqual({ kind: "invalid" });
    expect(groupRule(0, 0)).toEqual({ kind: "invalid" });
    expect(groupRule(Number.NaN, 1)).toEqual({ kind: "invalid" });
  });
});

describe("priceRange", () => {
  const withGroups = (priceCents: number, optionGroups: OptionGroupDto[]) => product(1, { priceCents, optionGroups });

  test("without options it is the price", () => {
    expect(priceRange(product(1))).toEqual({ from: 950, to: 950 });
  });

  test("the cheapest valid choice takes the required minimum; the dearest adds every extra that costs more", () => {
    // Small (0) and no extras; Large (+3.00) with Bacon, Extra cheese and Basil (+1.50 +1.00 +0).
    expect(priceRange(pizza())).toEqual({ from: 900, to: 900 + 300 + 150 + 100 });
  });

  test("sold-out options are left out", () => {
    const p = withGroups(900, [
      optionGroup(
        1,
        "Size",
        [1, 1],
        [
          ["Small", 0, false],
          ["Medium", 100],
          ["Large", 300, false],
        ],
      ),
    ]);
    expect(priceRange(p)).toEqual({ from: 1000, to: 1000 });
  });

  test("negative price changes lower the cheapest price, also in an optional group", () => {
    const p = withGroups(1000, [
      optionGroup(
        1,
        "Size",
        [1, 1],
        [
          ["Kids", -300],
          ["Adult", 0],
        ],
      ),
      optionGroup(
        2,
        "Without",
        [0, 2],
        [
          ["No cheese", -50],
          ["No ham", -100],
          ["Extra ham", 200],
        ],
      ),
    ]);
    expect(priceRange(p)).toEqual({ from: 1000 - 300 - 100 - 50, to: 1000 + 200 });
  });

  test("'at most' caps the dearest; 'at least' counts the cheapest ones", () => {
    const p = withGroups(500, [
      optionGroup(
        1,
        "Toppings",
        [2, 2],
        [
          ["A", 100],
          ["B", 200],
          ["C", 300],
        ],
      ),
    ]);
    expect(priceRange(p)).toEqual({ from: 800, to: 1000 });
  });

  test("null when a required group has too few options left", () => {
    const p = withGroups(500, [optionGroup(1, "Size", [1, 1], [["Only", 0, false]])]);
    expect(priceRange(p)).toBeNull();
  });
});
