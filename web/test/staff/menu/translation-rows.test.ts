import type { Translations } from "@ordered/contract";
import { describe, expect, test } from "vitest";
import {
  categoryPatch,
  changedRows,
  missingCount,
  ownersOf,
  productPatch,
  rowKey,
  showsMissing,
  translationSections,
  withTranslation,
} from "../../../src/staff/menu/translation-rows";
import { category, pizza, product } from "../../support/fixtures";

const pizzas = category(1, { name: "Pizza", description: "From the wood oven", translations: { it: { name: "Pizze" } } });
const drinks = category(2, { name: "Drinks" });
/** Pizza: name + Size (Small, Large) + Extras (Bacon, Extra cheese, Basil) = 8 texts; its Italian name and Small's are in. */
const margherita = pizza(1, {
  name: "Margherita",
  translations: { it: { name: "Margherita" }, de: { name: "Margherita" } },
  optionGroups: pizza().optionGroups.map((g, i) =>
    i === 0 ? { ...g, options: g.options.map((o, j) => (j === 0 ? { ...o, translations: { it: { name: "Piccola" } } } : o)) } : g,
  ),
});
const lemonade = product(2, { name: "Lemonade", description: "Homemade", categoryId: drinks.id });
const archived = product(3, { name: "Old soup", categoryId: drinks.id, archived: true });

describe("translationSections and missingCount", () => {
  test("each category's texts, then its products' (name, description, groups, options); archived products left out", () => {
    const [first, second] = translationSections([pizzas, drinks], [lemonade, margherita, archived], "it");
    expect(first!.rows.map((r) => [r.kind, r.field, r.own, r.translation])).toEqual([
      ["category", "name", "Pizza", "Pizze"],
      ["category", "description", "From the wood oven", ""],
      ["product", "name", "Margherita", "Margherita"],
      ["group", "name", "Size", ""],
      ["option", "name", "Small", "Piccola"],
      ["option", "name", "Large", ""],
      ["group", "name", "Extras", ""],
      ["option", "name", "Bacon", ""],
      ["option", "name", "Extra cheese", ""],
      ["option", "name", "Basil", ""],
    ]);
    expect(first!.rows.find((r) => r.own === "Large")).toMatchObject({ product: "Margherita", productId: margherita.id, group: "Size" });
    // An empty description has nothing to translate.
    expect(second!.rows.map((r) => r.own)).toEqual(["Drinks", "Lemonade", "Homemade"]);
  });

  test("counts the texts without a translation, per language", () => {
    expect(missingCount([pizzas, drinks], [margherita, lemonade, archived], "it")).toBe(7 + 3);
    expect(missingCount([pizzas, drinks], [margherita, lemonade, archived], "de")).toBe(9 + 3);
    expect(missingCount([pizzas], [product(4, { categoryId: pizzas.id, name: "Bread", translations: { fr: { name: " " } } })], "fr")).toBe(
      3,
    );
  });

  test("products of an unknown category come last, in a section of their own", () => {
    const sections = translationSections([drinks], [margherita], "it");
    expect(sections.map((s) => s.category?.name ?? null)).toEqual(["Drinks", null]);
  });
});

describe("withTranslation", () => {
  test("merges one language's text into the whole map, trimmed; other languages and fields are kept", () => {
    const map: Translations<"name" | "description"> = { de: { name: "Knoblauchbrot" }, it: { description: "Con prezzemolo" } };
    expect(withTranslation(map, "it", "name", " Pane all'aglio ")).toEqual({
      de: { name: "Knoblauchbrot" },
      it: { description: "Con prezzemolo", name: "Pane all'aglio" },
    });
    expect(map.it).toEqual({ description: "Con prezzemolo" }); // not changed in place
  });

  test("an emptied text is removed, and a language left without texts goes", () => {
    expect(withTranslation({ it: { name: "Pizze" }, de: { name: "Pizzen" } }, "it", "name", "  ")).toEqual({ de: { name: "Pizzen" } });
    expect(withTranslation(undefined, "fr", "name", "")).toEqual({});
  });
});

describe("productPatch and categoryPatch", () => {
  test("nothing typed, or typed as stored: nothing to send", () => {
    expect(productPatch(margherita, "it", new Map())).toBeNull();
    expect(productPatch(margherita, "it", new Map([[rowKey("product", margherita.id, "name"), " Margherita "]]))).toBeNull();
    expect(categoryPatch(pizzas, "it", new Map([[rowKey("category", pizzas.id, "name"), "Pizze"]]))).toBeNull();
  });

  test("a product's name: its whole map with the language merged, on the version shown; its groups not sent", () => {
    const drafts = new Map([[rowKey("product", margherita.id, "name"), "Pizza Margherita"]]);
    expect(productPatch(margherita, "it", drafts)).toEqual({
      version: margherita.version,
      translations: { it: { name: "Pizza Margherita" }, de: { name: "Margherita" } },
    });
  });

  test("an option's name: every group sent as stored (ids, choices, prices, other translations), the option's merged", () => {
    const large = margherita.optionGroups[0]!.options[1]!;
    const body = productPatch(margherita, "it", new Map([[rowKey("option", large.id, "name"), "Grande"]]));
    expect(body).not.toHaveProperty("translations");
    expect(body!.optionGroups).toEqual(
      margherita.optionGroups.map((g) => ({
        id: g.id,
        name: g.name,
        minChoices: g.minChoices,
        maxChoices: g.maxChoices,
        translations: {},
        options: g.options.map((o) => ({
          id: o.id,
          name: o.name,
          priceDeltaCents: o.priceDeltaCents,
          available: o.available,
          translations: o.id === large.id ? { it: { name: "Grande" } } : (o.translations ?? {}),
        })),
      })),
    );
  });

  test("a category's name and description merged into its map; an emptied one removed", () => {
    const drafts = new Map([
      [rowKey("category", pizzas.id, "name"), ""],
      [rowKey("category", pizzas.id, "description"), "Dal forno a legna"],
    ]);
    expect(categoryPatch(pizzas, "it", drafts)).toEqual({ translations: { it: { description: "Dal forno a legna" } } });
  });
});

describe("changedRows, showsMissing and ownersOf", () => {
  test("the rows to save, and whose PATCH carries each", () => {
    const sections = translationSections([pizzas, drinks], [margherita, lemonade], "it");
    const basil = margherita.optionGroups[1]!.options[2]!;
    const drafts = new Map([
      [rowKey("option", basil.id, "name"), "Basilico"],
      [rowKey("category", drinks.id, "name"), "Bevande"],
      [rowKey("product", lemonade.id, "name"), ""],
    ]);
    const changed = changedRows(sections, drafts);
    expect(changed.map((r) => r.own)).toEqual(["Basil", "Drinks"]);
    expect(ownersOf(changed)).toEqual({ productIds: [margherita.id], categoryIds: [drinks.id] });
    const rows = sections.flatMap((s) => s.rows);
    expect(showsMissing(rows.find((r) => r.own === "Basil")!, drafts)).toBe(false);
    expect(showsMissing(rows.find((r) => r.own === "Lemonade")!, drafts)).toBe(true);
    expect(showsMissing(rows.find((r) => r.own === "Pizza")!, new Map([[rowKey("category", pizzas.id, "name"), " "]]))).toBe(true);
  });
});
