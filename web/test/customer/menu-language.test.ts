import { localizeMenu, translated } from "@ordered/contract";
import { describe, expect, test } from "vitest";
import { reasonText } from "../../src/customer/order-reason";
import { category, id, menu, pizza, product } from "../support/fixtures";

describe("the menu in the phone's language", () => {
  const pasta = category(1, { name: "Pasta", description: "Fresh every day", translations: { it: { name: "Primi" } } });
  const garlic = product(1, {
    name: "Garlic bread",
    description: "With butter",
    categoryId: pasta.id,
    category: "Pasta",
    translations: { it: { name: "Pane all'aglio", description: "Con burro" }, de: { name: "Knoblauchbrot" } },
  });
  const margherita = pizza(2, {
    categoryId: pasta.id,
    optionGroups: [
      {
        id: id(1010),
        name: "Size",
        minChoices: 1,
        maxChoices: 1,
        translations: { it: { name: "Misura" } },
        options: [{ id: id(1020), name: "Large", priceDeltaCents: 200, available: true, translations: { it: { name: "Grande" } } }],
      },
    ],
  });
  const whole = menu([pasta], [garlic, margherita]);

  test("reads each text in the phone's language, else English, else the venue's own words; options and categories too", () => {
    const it = localizeMenu(whole, "it");
    expect(it.categories[0]).toMatchObject({ name: "Primi", description: "Fresh every day" });
    expect(it.products[0]).toMatchObject({ name: "Pane all'aglio", description: "Con burro", category: "Primi" });
    expect(it.products[1]!.optionGroups[0]).toMatchObject({ name: "Misura", options: [expect.objectContaining({ name: "Grande" })] });
    // Spanish is missing: the venue's own words (English here).
    expect(localizeMenu(whole, "es").products[0]).toMatchObject({ name: "Garlic bread", description: "With butter" });
    // A venue writing in German: an Italian phone without Italian reads English before German.
    expect(translated("Knoblauchbrot", { en: { name: "Garlic bread" } }, "name", "it", "de")).toBe("Garlic bread");
    expect(translated("Knoblauchbrot", { en: { name: "Garlic bread" } }, "name", "de", "de")).toBe("Knoblauchbrot");
    expect(translated("Pane", { it: { name: "  " } }, "name", "it", "en")).toBe("Pane");
    // The venue's own language: nothing changes, the very same menu.
    expect(localizeMenu(whole, "en")).toBe(whole);
  });

  test("a refusal names the product as the phone's menu does, with the count; older orders keep their words", () => {
    const products = new Map([[garlic.id, { name: "Pane all'aglio" }]]);
    expect(
      reasonText(
        { statusReason: "Garlic bread is sold out", statusReasonCode: { code: "SOLD_OUT", productId: garlic.id, product: "Garlic bread" } },
        products,
      ),
    ).toBe("Pane all'aglio is sold out");
    expect(
      reasonText(
        { statusReason: "x", statusReasonCode: { code: "ONLY_LEFT", productId: id(9999), product: "Tiramisù", left: 2 } },
        products,
      ),
    ).toBe("Only 2 Tiramisù left");
    expect(reasonText({ statusReason: "no basil", statusReasonCode: { code: "CANCELLED", note: "no basil" } }, products)).toBe("no basil");
    expect(reasonText({ statusReason: null, statusReasonCode: { code: "CANCELLED" } }, products)).toBe("Cancelled by staff");
    expect(reasonText({ statusReason: "Pizza is sold out", statusReasonCode: null }, products)).toBe("Pizza is sold out");
    expect(reasonText({ statusReason: null }, products)).toBeNull();
  });
});
