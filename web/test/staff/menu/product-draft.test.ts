import { LIMITS } from "@ordered/contract";
import { describe, expect, test } from "vitest";
import { newGroup } from "../../../src/staff/menu/option-groups";
import {
  applyFields,
  changedFields,
  draftOf,
  type ProductDraft,
  parseDelta,
  parseDraft,
  patchOf,
  previewOf,
  rebaseGroups,
} from "../../../src/staff/menu/product-draft";
import { strings } from "../../../src/strings";
import { id, optionGroup, pizza, product } from "../../support/fixtures";

const e = strings.menuAdmin.errors;

/** A draft with one group "Size" (Small, Large) on top of `over`. */
function sized(over: Partial<ProductDraft> = {}): ProductDraft {
  const g = newGroup();
  return {
    ...draftOf(null, id(601)),
    name: "Pizza",
    price: "9.00",
    groups: [
      {
        ...g,
        name: "Size",
        options: [
          { ...g.options[0]!, name: "Small", delta: "" },
          { ...g.options[1]!, name: "Large", delta: "2" },
        ],
      },
    ],
    ...over,
  };
}

describe("draftOf and parseDraft", () => {
  test("a new product starts blank in the given category", () => {
    expect(draftOf(null, id(601))).toEqual({
      name: "",
      description: "",
      categoryId: id(601),
      price: "",
      stock: "",
      hidden: false,
      allergens: [],
      tags: [],
      groups: [],
      taxRateId: "",
    });
  });

  test("a product read back is the same product (ids kept, so its groups and options are updated, not replaced)", () => {
    const p = pizza(1, { stock: 12, hidden: true, description: "Tomato" });
    const read = parseDraft(draftOf(p));
    expect(read).toEqual({
      fields: {
        name: p.name,
        description: "Tomato",
        categoryId: p.categoryId,
        priceCents: 900,
        stock: 12,
        hidden: true,
        allergens: ["GLUTEN", "MILK"],
        tags: ["VEGETARIAN"],
        optionGroups: p.optionGroups.map((g) => ({
          id: g.id,
          name: g.name,
          minChoices: g.minChoices,
          maxChoices: g.maxChoices,
          options: g.options.map((o) => ({
            id: o.id,
            name: o.name,
            priceDeltaCents: o.priceDeltaCents,
            available: o.available,
            translations: {},
          })),
          translations: {},
        })),
        taxRateId: null,
      },
    });
  });

  test("an edit of the options sends their translations back as they are (the server takes the groups whole)", () => {
    const p = pizza(1, { translations: { it: { name: "Pizza" } } });
    const size = { ...p.optionGroups[0]!, translations: { it: { name: "Misura" } } };
    size.options = [{ ...size.options[0]!, translations: { it: { name: "Piccola" }, de: { name: "Klein" } } }, size.options[1]!];
    const opened = draftOf({ ...p, optionGroups: [size, p.optionGroups[1]!] });
    const [first, ...rest] = opened.groups;
    const dearer = { ...first!, options: first!.options.map((o, i) => (i === 1 ? { ...o, delta: "3.50" } : o)) };
    const edited = { ...opened, groups: [dearer, ...rest], price: "9.50" };
    const read = parseDraft(edited);
    if (!("fields" in read)) throw new Error(read.error);
    const patch = patchOf(read.fields, changedFields(opened, edited));
    expect(patch.optionGroups?.[0]).toMatchObject({
      translations: { it: { name: "Misura" } },
      options: [{ translations: { it: { name: "Piccola" }, de: { name: "Klein" } } }, { translations: {} }],
    });
    // The product's own translations are not the form's: never in its patch.
    expect(patch).not.toHaveProperty("translations");
  });

  test("a product's own tax rate: kept, sent as its id, or null for its category's; a change is one field of the patch", () => {
    const own = pizza(1, { taxRateId: id(701) });
    const opened = draftOf(own);
    expect(opened.taxRateId).toBe(id(701));
    expect(parseDraft(opened)).toMatchObject({ fields: { taxRateId: id(701) } });
    const back = { ...opened, taxRateId: "" };
    expect(changedFields(opened, back)).toEqual(["taxRateId"]);
    const read = parseDraft(back);
    if (!("fields" in read)) throw new Error(read.error);
    expect(patchOf(read.fields, ["taxRateId"])).toEqual({ taxRateId: null });
  });

  test("new groups and options go without ids; text is trimmed; an empty price change is 0", () => {
    const read = parseDraft(sized({ name: "  Pizza ", description: "  thin  ", price: "9,5", stock: " 3 " }));
    expect(read).toEqual({
      fields: {
        name: "Pizza",
        description: "thin",
        categoryId: id(601),
        priceCents: 950,
        stock: 3,
        hidden: false,
        allergens: [],
        tags: [],
        optionGroups: [
          {
            name: "Size",
            minChoices: 1,
            maxChoices: 1,
            options: [
              { name: "Small", priceDeltaCents: 0, available: true },
              { name: "Large", priceDeltaCents: 200, available: true },
            ],
          },
        ],
        taxRateId: null,
      },
    });
  });

  test("the product's own fields: name, category, price and stock", () => {
    expect(parseDraft(sized({ name: " " }))).toEqual({ error: e.name, field: "name" });
    expect(parseDraft(sized({ categoryId: "" }))).toEqual({ error: e.category, field: "category" });
    expect(parseDraft(sized({ price: "" }))).toEqual({ error: e.price.empty, field: "price" });
    expect(parseDraft(sized({ price: "9.999" }))).toEqual({ error: e.price.decimals, field: "price" });
    expect(parseDraft(sized({ price: "-1" }))).toEqual({ error: e.price.negative, field: "price" });
    expect(parseDraft(sized({ price: "€9" }))).toEqual({ error: e.price.format, field: "price" });
    expect(parseDraft(sized({ price: String(LIMITS.product.maxPriceCents / 100 + 1) }))).toEqual({
      error: e.price.tooLarge,
      field: "price",
    });
    expect(parseDraft(sized({ stock: "2.5" }))).toEqual({ error: e.stock, field: "stock" });
    expect(parseDraft(sized({ stock: String(LIMITS.product.maxStock + 1) }))).toEqual({ error: e.stock, field: "stock" });
    expect(parseDraft(sized({ stock: "0" }))).toMatchObject({ fields: { stock: 0 } });
  });

  test("groups: named, each name once (any case), with options named once and 'at least' ≤ 'at most' ≤ options", () => {
    const d = sized();
    const g = d.groups[0]!;
    const [small, large] = g.options;
    const withGroup = (change: Partial<typeof g>) => sized({ groups: [{ ...g, ...change }] });
    expect(parseDraft(withGroup({ name: "" }))).toEqual({ error: e.groupName(1), field: `group-${g.key}-name` });
    expect(parseDraft(sized({ groups: [g, { ...newGroup(), name: "SIZE" }] }))).toMatchObject({ error: e.groupNameTwice("SIZE") });
    expect(parseDraft(withGroup({ options: [] }))).toEqual({ error: e.noOptions("Size"), field: `group-${g.key}-name` });
    expect(parseDraft(withGroup({ options: [small!, { ...large!, name: " " }] }))).toEqual({
      error: e.optionName("Size", 2),
      field: `option-${large!.key}-name`,
    });
    expect(parseDraft(withGroup({ options: [small!, { ...large!, name: "small" }] }))).toMatchObject({
      error: e.optionNameTwice("Size", "small"),
    });
    expect(parseDraft(withGroup({ options: [small!, { ...large!, delta: "2.005" }] }))).toEqual({
      error: e.delta("Size", "Large", "decimals"),
      field: `option-${large!.key}-delta`,
    });
    expect(parseDraft(withGroup({ min: "one" }))).toEqual({ error: e.minMax("Size"), field: `group-${g.key}-min` });
    expect(parseDraft(withGroup({ max: "" }))).toEqual({ error: e.minMax("Size"), field: `group-${g.key}-max` });
    expect(parseDraft(withGroup({ min: "0", max: "0" }))).toEqual({ error: e.maxZero("Size"), field: `group-${g.key}-max` });
    expect(parseDraft(withGroup({ min: "2", max: "1" }))).toEqual({ error: e.minOverMax("Size"), field: `group-${g.key}-min` });
    expect(parseDraft(withGroup({ min: "0", max: "3" }))).toEqual({ error: e.maxOverOptions("Size", 2), field: `group-${g.key}-max` });
    expect(parseDraft(withGroup({ min: "0", max: "2" }))).toMatchObject({ fields: { optionGroups: [{ minChoices: 0, maxChoices: 2 }] } });
  });
});

test("parseDelta: money with an optional sign; empty is 0", () => {
  expect(parseDelta("")).toEqual({ cents: 0 });
  expect(parseDelta(" 2 ")).toEqual({ cents: 200 });
  expect(parseDelta("+1,5")).toEqual({ cents: 150 });
  expect(parseDelta("-0.50")).toEqual({ cents: -50 });
  expect(parseDelta("-")).toEqual({ error: "format" });
  expect(parseDelta("1.234")).toEqual({ error: "decimals" });
  expect(parseDelta("two")).toEqual({ error: "format" });
  expect(parseDelta(String(LIMITS.product.maxPriceCents / 100 + 1))).toEqual({ error: "tooLarge" });
});

test("previewOf: the product as typed, for the price range; null while price or groups do not read", () => {
  const preview = previewOf(sized());
  expect(preview).toMatchObject({
    priceCents: 900,
    optionGroups: [{ name: "Size", options: [{ priceDeltaCents: 0 }, { priceDeltaCents: 200 }] }],
  });
  expect(new Set(preview!.optionGroups[0]!.options.map((o) => o.id)).size).toBe(2);
  // The name is not needed for a price.
  expect(previewOf(sized({ name: "" }))).not.toBeNull();
  expect(previewOf(sized({ price: "abc" }))).toBeNull();
  expect(previewOf(sized({ groups: [{ ...sized().groups[0]!, max: "9" }] }))).toBeNull();
});

describe("after a conflict", () => {
  test("changedFields: what the editor changed, not spacing, equal prices written otherwise or the order of ticks", () => {
    const opened = draftOf(pizza());
    expect(changedFields(opened, { ...opened })).toEqual([]);
    expect(changedFields(opened, { ...opened, price: "9", name: `${opened.name} ` })).toEqual([]);
    expect(changedFields(opened, { ...opened, allergens: ["MILK", "GLUTEN"] })).toEqual([]);
    expect(changedFields(opened, { ...opened, name: "Pizza bianca", price: "9.50", tags: [] })).toEqual(["name", "price", "tags"]);
    const groups = opened.groups.map((g, i) => (i === 0 ? { ...g, options: g.options.map((o) => ({ ...o, available: false })) } : g));
    expect(changedFields(opened, { ...opened, groups })).toEqual(["groups"]);
    // Fresh keys for the same groups are no change.
    expect(changedFields(opened, draftOf(pizza()))).toEqual([]);
  });

  test("rebaseGroups keeps only ids the newer version still has", () => {
    const mine = draftOf(pizza()).groups;
    // Someone removed Extras and Large meanwhile.
    const newer = pizza(1, { optionGroups: [optionGroup(1, "Size", [1, 1], [["Small", 0]])] });
    const [size, extras] = rebaseGroups(mine, newer);
    expect(size!.id).toBe(pizza().optionGroups[0]!.id);
    expect(size!.options.map((o) => o.id)).toEqual([pizza().optionGroups[0]!.options[0]!.id, undefined]);
    expect(extras!.id).toBeUndefined();
    expect(extras!.options.every((o) => o.id === undefined)).toBe(true);
  });

  test("rebaseGroups takes the newer version's translations of the groups and options it keeps", () => {
    const mine = draftOf(pizza()).groups;
    const size = optionGroup(1, "Size", [1, 1], [["Small", 0]]);
    const translatedSize = {
      ...size,
      translations: { it: { name: "Misura" } },
      options: [{ ...size.options[0]!, translations: { it: { name: "Piccola" } } }],
    };
    const [rebased] = rebaseGroups(mine, pizza(1, { optionGroups: [translatedSize] }));
    expect(rebased!.translations).toEqual({ it: { name: "Misura" } });
    expect(rebased!.options.map((o) => o.translations)).toEqual([{ it: { name: "Piccola" } }, {}]);
  });

  test("applyFields puts the editor's fields onto the newer version's form", () => {
    const newer = product(1, { name: "Olives", priceCents: 500, version: 2 });
    const mine = { ...draftOf(product(1, { name: "Olives" })), name: "Olive mix", allergens: ["SULPHITES" as const] };
    const next = applyFields(draftOf(newer), mine, ["name", "allergens"], newer);
    expect(next).toMatchObject({ name: "Olive mix", price: "5.00", allergens: ["SULPHITES"] });
  });
});

test("patchOf sends only what the editor changed (stock untouched is not overwritten)", () => {
  const opened = draftOf(pizza(1, { stock: 12 }));
  const draft = { ...opened, price: "9.50", allergens: ["GLUTEN" as const], groups: opened.groups.slice(0, 1) };
  const read = parseDraft(draft);
  if (!("fields" in read)) throw new Error(read.error);
  const patch = patchOf(read.fields, changedFields(opened, draft));
  expect(Object.keys(patch).sort()).toEqual(["allergens", "optionGroups", "priceCents"]);
  expect(patch).toMatchObject({ priceCents: 950, allergens: ["GLUTEN"], optionGroups: [{ name: "Size" }] });
  expect(patchOf(read.fields, [])).toEqual({});
});
