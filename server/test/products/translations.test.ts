import type { MenuResponse, ProductDto } from "@ordered/contract";
import { openAndJoin } from "../support/harness.js";
import { describe, expect, it } from "../support/kit.js";

/** The menu's translations as the panel enters them (issue 35): the whole map each time, empty texts dropped. */
describe("menu translations (REST)", () => {
  it("saves a product's, its options' and its category's translations, drops empty ones and keeps them through other edits", async ({
    server,
    venue,
  }) => {
    const token = venue.staffToken;
    const created = (
      await server.api.route("POST /api/products", {
        token,
        body: {
          name: "Garlic bread",
          description: "With parsley",
          categoryId: venue.categories[0]!.id,
          priceCents: 500,
          translations: { it: { name: "Pane all'aglio", description: "  " }, de: { name: "" } },
          optionGroups: [
            {
              name: "Size",
              translations: { it: { name: "Misura" } },
              minChoices: 1,
              maxChoices: 1,
              options: [
                { name: "Small", priceDeltaCents: 0, translations: { it: { name: "Piccolo" } } },
                { name: "Large", priceDeltaCents: 200 },
              ],
            },
          ],
        },
      })
    ).product;
    // The empty description and the empty German name are no translations: left out.
    expect(created.translations).toEqual({ it: { name: "Pane all'aglio" } });
    expect(created.optionGroups[0]!.translations).toEqual({ it: { name: "Misura" } });
    expect(created.optionGroups[0]!.options.map((o) => o.translations)).toEqual([{ it: { name: "Piccolo" } }, {}]);

    // Another field changes: the translations stay.
    const priced = (
      await server.api.route("PATCH /api/products/:id", {
        token,
        params: { id: created.id },
        body: { version: created.version, priceCents: 550 },
      })
    ).product;
    expect(priced.translations).toEqual({ it: { name: "Pane all'aglio" } });
    expect(priced.optionGroups[0]!.options[0]!.translations).toEqual({ it: { name: "Piccolo" } });

    // The whole map replaces the stored one (a language merged in by the panel), trimmed.
    const translated = (
      await server.api.route("PATCH /api/products/:id", {
        token,
        params: { id: created.id },
        body: {
          version: priced.version,
          translations: { it: { name: "Pane all'aglio" }, de: { name: " Knoblauchbrot ", description: "Mit Petersilie" } },
        },
      })
    ).product;
    expect(translated.translations).toEqual({
      it: { name: "Pane all'aglio" },
      de: { name: "Knoblauchbrot", description: "Mit Petersilie" },
    });
    expect(translated.version).toBeGreaterThan(priced.version);

    // An edit on an older version is refused, translations or not.
    const stale = await server.api.request("PATCH", `/api/products/${created.id}`, {
      token,
      body: { version: priced.version, translations: { it: { name: "Bruschetta" } } },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("CONFLICT");

    const category = venue.categories[0]!;
    const named = (
      await server.api.route("PATCH /api/categories/:id", {
        token,
        params: { id: category.id },
        body: { translations: { it: { name: "Pizze", description: "" } } },
      })
    ).category;
    expect(named.translations).toEqual({ it: { name: "Pizze" } });
    const renamed = (await server.api.route("PATCH /api/categories/:id", { token, params: { id: category.id }, body: { hidden: false } }))
      .category;
    expect(renamed.translations).toEqual({ it: { name: "Pizze" } });
  });

  it("names a language it does not know in its error", async ({ server, venue }) => {
    const token = venue.staffToken;
    const product = venue.products[0]!;
    const res = await server.api.request("PATCH", `/api/products/${product.id}`, {
      token,
      body: { version: 0, translations: { xx: { name: "?" } } },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/translations.*"xx"/);
    const cat = await server.api.request("PATCH", `/api/categories/${venue.categories[0]!.id}`, {
      token,
      body: { translations: { klingon: { name: "?" } } },
    });
    expect(cat.status).toBe(400);
    expect(cat.body.error.message).toMatch(/translations.*"klingon"/);
  });

  it("gives a phone the menu with its translations and the menu's own language", async ({ server, venue }) => {
    const token = venue.staffToken;
    await server.api.route("PATCH /api/location", { token, body: { menuLanguage: "de" } });
    const margherita = venue.products.find((p) => p.name === "Margherita")!;
    const current: ProductDto = (await server.api.route("GET /api/products/:id", { token, params: { id: margherita.id } })).product;
    await server.api.route("PATCH /api/products/:id", {
      token,
      params: { id: margherita.id },
      body: { version: current.version, translations: { it: { name: "Pizza Margherita" } } },
    });
    const category = venue.categories.find((c) => c.id === current.categoryId)!;
    await server.api.route("PATCH /api/categories/:id", {
      token,
      params: { id: category.id },
      body: { translations: { it: { name: "Pizze" } } },
    });

    const { customerToken } = await openAndJoin(server, token);
    const res = await server.api.request("GET", "/api/menu", { token: customerToken });
    expect(res.status).toBe(200);
    const menu = res.body as MenuResponse;
    expect(menu.menuLanguage).toBe("de");
    expect(menu.products.find((p) => p.id === margherita.id)!.translations).toEqual({ it: { name: "Pizza Margherita" } });
    expect(menu.categories.find((c) => c.id === category.id)!.translations).toEqual({ it: { name: "Pizze" } });
  });
});
