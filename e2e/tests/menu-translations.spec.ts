// The menu's translations on the staff panel (issue 35): the menu's own language set in
// Settings, then the translations page: each text beside its translation, missing ones
// counted per language and marked, typed in place and saved (a product's name, one of its
// options, its category), kept over a reload; and a phone's menu carries them.
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "../support/fixtures.js";
import { productNamed } from "../support/menu-admin.js";

const nav = (page: Page) => page.getByRole("navigation", { name: "Staff navigation" });

/** The language's choice on the translations page, e.g. "Italian: 12 missing". */
const languageChoice = (page: Page, language: string): Locator =>
  page.getByRole("group", { name: "Translate into" }).getByRole("radio", { name: new RegExp(`^${language}:`) });

/** The number in the language's "N missing" (0 when all are translated). */
async function missingOf(page: Page, language: string): Promise<number> {
  const label = await languageChoice(page, language).evaluate((radio) => radio.closest("label")?.textContent ?? "");
  const n = /(\d+) missing/.exec(label);
  return n ? Number(n[1]) : 0;
}

test("translations: the menu's language in Settings, Italian names entered side by side, kept over a reload, on the phone's menu", async ({
  panel: page,
  api,
  venue,
  prisma,
}) => {
  const token = venue.staffToken;
  // Margherita comes in two sizes (the seeded menu has no options).
  const seeded = await productNamed(api, token, "Margherita");
  await api.route("PATCH /api/products/:id", {
    token,
    params: { id: seeded.id },
    body: {
      version: seeded.version,
      optionGroups: [
        {
          name: "Size",
          minChoices: 1,
          maxChoices: 1,
          options: [
            { name: "Regular", priceDeltaCents: 0 },
            { name: "Large", priceDeltaCents: 300 },
          ],
        },
      ],
    },
  });

  // Settings: the menu is written in German (say); the phones' other languages read translations.
  await nav(page).getByRole("link", { name: "Settings" }).click();
  const setting = page.getByRole("region", { name: "Menu language" });
  await expect(setting.getByLabel("Language the menu is written in")).toHaveValue("en");
  await setting.getByLabel("Language the menu is written in").selectOption("de");
  await setting.getByRole("button", { name: "Save menu language" }).click();
  await expect(setting.getByRole("status")).toHaveText("Saved");
  await expect.poll(async () => (await api.route("GET /api/location", { token })).location.menuLanguage).toBe("de");

  // The translations page: German is the menu's own, so not offered; every other language counts what it lacks.
  await nav(page).getByRole("link", { name: "Translations" }).click();
  await expect(page.getByRole("heading", { name: "Translations", level: 1 })).toBeVisible();
  await expect(page.getByText("Your menu is written in German.")).toBeVisible();
  const group = page.getByRole("group", { name: "Translate into" });
  await expect(group.getByRole("radio")).toHaveCount(4);
  await expect(languageChoice(page, "German")).toHaveCount(0);
  await languageChoice(page, "Italian").check();
  const before = await missingOf(page, "Italian");
  expect(before).toBeGreaterThan(20); // the demo menu: 4 categories, 14 products, their descriptions and options
  await expect(group).toContainText(`Italian: ${before} missing`);

  const pizzaName = page.getByLabel("Name in Italian for the category Pizza", { exact: true });
  const margherita = page.getByLabel("Name in Italian for Margherita", { exact: true });
  const large = page.getByLabel("Name in Italian for the option Large (Size, Margherita)", { exact: true });
  await expect(margherita).toHaveValue("");
  await expect(margherita).toHaveAccessibleDescription("missing");
  await expect(page.getByRole("row", { name: /Margherita/ }).first()).toContainText("missing");
  await page.screenshot({ path: test.info().outputPath("translations-before.png"), fullPage: false });

  await pizzaName.fill("Pizze");
  await margherita.fill("Pizza Margherita");
  await large.fill("Grande");
  await expect(margherita).not.toHaveAccessibleDescription("missing");
  await expect(page.getByRole("button", { name: "Save 3 changes" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("translations-typed.png"), fullPage: false });
  // Enter in a field saves, as in any form.
  await large.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Saved 3 changes." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save", exact: true })).toBeVisible();

  // Over a reload: kept, and the count is 3 lower.
  await page.reload();
  await languageChoice(page, "Italian").check();
  await expect(margherita).toHaveValue("Pizza Margherita");
  await expect(large).toHaveValue("Grande");
  await expect(pizzaName).toHaveValue("Pizze");
  await expect(group).toContainText(`Italian: ${before - 3} missing`);
  // The other languages kept their counts, and the product's other texts are still theirs.
  await languageChoice(page, "English").check();
  await expect(page.getByLabel("Name in English for Margherita", { exact: true })).toHaveValue("");

  // Only the missing ones: Margherita's Italian name is no longer listed, its description is.
  await languageChoice(page, "Italian").check();
  await page.getByRole("checkbox", { name: "Show only missing" }).check();
  await expect(margherita).toHaveCount(0);
  await expect(page.getByLabel("Description in Italian for Margherita", { exact: true })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("translations-only-missing.png"), fullPage: false });

  // A concurrent edit: Diavola was saved on another screen (a new description), not yet heard here.
  // The save is refused on its old version; the page shows the newer one with the typed name kept.
  const diavola = await productNamed(api, token, "Diavola");
  await prisma.product.update({ where: { id: diavola.id }, data: { version: { increment: 1 }, description: "Tomato, 'nduja" } });
  const diavolaName = page.getByLabel("Name in Italian for Diavola", { exact: true });
  await diavolaName.fill("Diavola piccante");
  await page.getByRole("button", { name: "Save 1 change" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Diavola changed on another screen while you typed" })).toBeVisible();
  await expect(diavolaName).toHaveValue("Diavola piccante");
  await expect(page.getByRole("rowheader", { name: "Description Tomato, 'nduja" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("translations-conflict.png"), fullPage: false });
  await page.getByRole("button", { name: "Save 1 change" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved 1 change." })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Diavola" })).toHaveCount(0);
  const saved = await productNamed(api, token, "Diavola");
  expect(saved.translations).toEqual({ it: { name: "Diavola piccante" } });
  expect(saved.description).toBe("Tomato, 'nduja");

  // A phone's menu (through the API): the Italian texts and the menu's own language.
  const opened = await api.openSession(token, "Table 4");
  const joined = await api.joinSession(opened.session.joinCode, "Ann");
  const menu = await api.route("GET /api/menu", { token: joined.token });
  expect(menu.menuLanguage).toBe("de");
  const product = menu.products.find((p) => p.name === "Margherita")!;
  expect(product.translations).toEqual({ it: { name: "Pizza Margherita" } });
  const size = product.optionGroups.find((g) => g.name === "Size")!;
  expect(size.options.find((o) => o.name === "Large")!.translations).toEqual({ it: { name: "Grande" } });
  expect(size.options.find((o) => o.name === "Regular")!.translations).toEqual({});
  expect(menu.categories.find((c) => c.name === "Pizza")!.translations).toEqual({ it: { name: "Pizze" } });
});
