// Tax rates (issue 33): the owner adds Standard 19 % and Reduced 7 % on the menu page, sells
// Drinks at the standard rate and Lemonade at the reduced one, and sets the receipts' legal
// identity and the time zone on the settings page; a reload shows them all; deleting a rate a
// category uses is refused with the server's message.
import type { LocationResponse, TaxRateListResponse } from "@ordered/contract";
import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures.js";
import { categoriesOf, categoryRow, openMenuPage, productNamed, productRow } from "../support/menu-admin.js";

const ratesPanel = (page: Page) => page.getByRole("region", { name: /^Tax rates/ });
const rateRow = (page: Page, name: string) => ratesPanel(page).getByRole("listitem", { name, exact: true });

test("tax rates: added, named by a category and a product; the receipts' identity and time zone set; a rate in use stays", async ({
  panel: page,
  api,
  venue,
}) => {
  const token = venue.staffToken;
  const ratesOnServer = async () =>
    (await api.call<TaxRateListResponse>("GET", "/api/tax-rates", { token })).taxRates.map((r) => `${r.name} ${r.rateBps}`);
  await openMenuPage(page);
  await expect(ratesPanel(page)).toContainText("No tax rates yet");

  // Two rates: "19" and "7" typed as percents. A bad percent is refused in place.
  const add = async (name: string, percent: string) => {
    await ratesPanel(page).getByLabel("New rate name").fill(name);
    await ratesPanel(page).getByLabel("Rate (%)").fill(percent);
    await ratesPanel(page).getByRole("button", { name: "Add rate" }).click();
  };
  await add("Standard", "19,5,");
  await expect(ratesPanel(page).getByRole("alert")).toContainText("Enter a percent from 0 to 100");
  await add("Standard", "19");
  await expect(rateRow(page, "Standard")).toContainText("19 %");
  await add("Reduced", "7");
  await expect(ratesPanel(page).locator(".station-name")).toHaveText(["Standard 19 %", "Reduced 7 %"]);
  await expect.poll(ratesOnServer).toEqual(["Standard 1900", "Reduced 700"]);

  // Drinks sold at the standard rate, through the category form.
  await categoryRow(page, "Drinks").getByRole("button", { name: "Edit category Drinks" }).click();
  const category = page.getByRole("dialog", { name: "Edit Drinks" });
  await expect(category.getByLabel("Tax rate")).toHaveValue(""); // none: untaxed
  await category.getByLabel("Tax rate").selectOption({ label: "Standard (19 %)" });
  await category.getByRole("button", { name: "Save" }).click();
  await expect(category).toBeHidden();
  await expect(categoryRow(page, "Drinks")).toContainText("tax 19 %");
  await expect(rateRow(page, "Standard")).toContainText("1 category");

  // Lemonade at the reduced rate, over its category's.
  await productRow(page, "Lemonade").getByRole("button", { name: "Edit Lemonade" }).click();
  const product = page.getByRole("dialog", { name: "Edit Lemonade" });
  const productRate = product.getByLabel("Tax rate");
  await expect(productRate.locator("option:checked")).toHaveText("Category's rate (19 %)");
  await productRate.selectOption({ label: "Reduced (7 %)" });
  await product.getByRole("button", { name: "Save" }).click();
  await expect(product).toBeHidden();
  await expect(rateRow(page, "Reduced")).toContainText("1 product");
  const reducedId = (await api.call<TaxRateListResponse>("GET", "/api/tax-rates", { token })).taxRates.find(
    (r) => r.name === "Reduced",
  )?.id;
  await expect.poll(async () => (await productNamed(api, token, "Lemonade")).taxRateId).toBe(reducedId);

  // Deleting a rate a category uses: refused, with the server's message naming who uses it.
  await rateRow(page, "Standard").getByRole("button", { name: "Delete tax rate Standard" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete tax rate" });
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(confirm.getByRole("alert")).toHaveText(
    'the tax rate "Standard" is in use by categories Drinks: give them another rate first',
  );
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(rateRow(page, "Standard")).toBeVisible();
  await expect.poll(ratesOnServer).toEqual(["Standard 1900", "Reduced 700"]);
  await page.screenshot({ path: test.info().outputPath("tax-rates-panel.png"), fullPage: true });

  // The settings page: who issues the receipts, and the time zone.
  await page.getByRole("navigation", { name: "Staff navigation" }).getByRole("link", { name: "Settings" }).click();
  const receipts = page.getByRole("region", { name: "Receipts" });
  await receipts.getByLabel("Legal name").fill("Trattoria Roma GmbH");
  await receipts.getByLabel("Address").fill("Hauptstraße 1\n\n  10115 Berlin  \nGermany");
  await receipts.getByLabel("Tax id").fill("DE123456789");
  await receipts.getByRole("button", { name: "Save receipt details" }).click();
  await expect(receipts.getByRole("status")).toHaveText("Saved");
  await expect(receipts.getByLabel("Address")).toHaveValue("Hauptstraße 1\n10115 Berlin\nGermany");

  const zone = page.getByRole("region", { name: "Time zone" });
  await zone.getByLabel("Find a time zone").fill("lisbon");
  await expect(zone.getByRole("combobox")).toHaveValue("Europe/Lisbon");
  await zone.getByRole("button", { name: "Save time zone" }).click();
  await expect(zone.getByRole("status")).toHaveText("Saved");
  await expect(zone.getByTestId("current-time-zone")).toHaveText("Now: Europe/Lisbon");
  const location = async () => (await api.call<LocationResponse>("GET", "/api/location", { token })).location;
  await expect
    .poll(async () => {
      const l = await location();
      return [l.legalName, l.address, l.taxId, l.timeZone];
    })
    .toEqual(["Trattoria Roma GmbH", "Hauptstraße 1\n10115 Berlin\nGermany", "DE123456789", "Europe/Lisbon"]);
  await page.screenshot({ path: test.info().outputPath("settings-page.png"), fullPage: true });

  // The whole panel takes the new zone at once, without a reload: a category's serving hours are in it.
  await page.getByRole("navigation", { name: "Staff navigation" }).getByRole("link", { name: "Products" }).click();
  await categoryRow(page, "Drinks").getByRole("button", { name: "Edit category Drinks" }).click();
  const drinks = page.getByRole("dialog", { name: "Edit Drinks" });
  await expect(drinks).toContainText("Times are in Europe/Lisbon");
  await drinks.getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("navigation", { name: "Staff navigation" }).getByRole("link", { name: "Settings" }).click();

  // A reload shows everything as saved.
  await page.reload();
  await expect(receipts.getByLabel("Legal name")).toHaveValue("Trattoria Roma GmbH");
  await expect(receipts.getByLabel("Address")).toHaveValue("Hauptstraße 1\n10115 Berlin\nGermany");
  await expect(receipts.getByLabel("Tax id")).toHaveValue("DE123456789");
  await expect(zone.getByTestId("current-time-zone")).toHaveText("Now: Europe/Lisbon");
  await openMenuPage(page);
  await expect(ratesPanel(page).locator(".station-name")).toHaveText(["Standard 19 %", "Reduced 7 %"]);
  await expect(categoryRow(page, "Drinks")).toContainText("tax 19 %");
  expect((await categoriesOf(api, token)).find((c) => c.name === "Drinks")?.taxRateId).toBeDefined();
  await productRow(page, "Lemonade").getByRole("button", { name: "Edit Lemonade" }).click();
  await expect(page.getByRole("dialog", { name: "Edit Lemonade" }).getByLabel("Tax rate").locator("option:checked")).toHaveText(
    "Reduced (7 %)",
  );
});
