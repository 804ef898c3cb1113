// Every staff screen on a 1024 × 768 tablet (issue 15): each touch target at least 44 × 44 px
// and body text at least 16 px, on the tables page, the card sheet, the menu and its product
// form, the staff accounts and their form, the kitchen display and the panel's dialogs. The
// panel itself is measured in panel-triage.spec.ts. The menu also works on a phone.
import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures.js";
import { openDisplay } from "../support/kitchen.js";
import { openMenuPage, productRow } from "../support/menu-admin.js";
import { createTable } from "../support/phone-side.js";
import { openStaffPage } from "../support/staff-accounts.js";
import { baseFontSize, MIN_BASE_FONT, smallTargets, TABLET } from "../support/touch.js";

const PHONE = { width: 390, height: 844 };

/** Measures a screen (or its open dialog) and keeps a screenshot of it. */
async function measure(page: Page, name: string, scope = page.locator("body")): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}-${page.viewportSize()!.width}.png`) });
  expect.soft(await smallTargets(scope), `small targets on ${name}`).toEqual([]);
  expect.soft(await baseFontSize(page.locator("main").first()), `base font on ${name}`).toBeGreaterThanOrEqual(MIN_BASE_FONT);
}

test("every staff page and dialog has 44 × 44 px targets and 16 px text on a 1024 × 768 tablet", async ({ browser, panel, api, venue }) => {
  const page = panel;
  await page.setViewportSize(TABLET);
  await page.emulateMedia({ reducedMotion: "reduce" });
  const nav = page.getByRole("navigation", { name: "Staff navigation" });
  await createTable(api, venue.staffToken, "Table 1");

  await nav.getByRole("link", { name: "Tables" }).click();
  await expect(page.getByRole("listitem", { name: "Table 1" })).toBeVisible();
  await measure(page, "tables");
  await page.getByRole("button", { name: `Edit ${"Table 1"}` }).click();
  const tableForm = page.getByRole("dialog");
  await expect(tableForm).toBeVisible();
  await measure(page, "table-form", tableForm);
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: `Retire ${"Table 1"}` }).click();
  const retire = page.getByRole("dialog");
  await expect(retire).toBeVisible();
  await measure(page, "retire-confirm", retire);
  await page.keyboard.press("Escape");

  await page.getByRole("link", { name: "Print table cards" }).click();
  await expect(page.getByRole("figure").first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("card-sheet-1024.png") });
  expect.soft(await smallTargets(page.locator("body")), "small targets on the card sheet").toEqual([]);
  await page.goBack();

  await openMenuPage(page);
  await expect(productRow(page, "Margherita")).toBeVisible();
  await measure(page, "menu");
  await productRow(page, "Margherita").getByRole("button", { name: "Edit Margherita" }).click();
  const productForm = page.getByRole("dialog", { name: "Edit Margherita" });
  await expect(productForm).toBeVisible();
  await measure(page, "product-form", productForm);
  await page.keyboard.press("Escape");

  await openStaffPage(page);
  await measure(page, "staff-accounts");
  await page.getByRole("button", { name: "Add account" }).click();
  const accountForm = page.getByRole("dialog", { name: "New staff account" });
  await expect(accountForm).toBeVisible();
  await measure(page, "new-account", accountForm);
  await page.keyboard.press("Escape");

  // The panel's QR dialog, as a new session shows it.
  await nav.getByRole("link", { name: "Floor" }).click();
  await page.getByLabel("Table or label").fill("Window");
  await page.getByRole("button", { name: "New session" }).click();
  const qr = page.getByRole("dialog", { name: "QR code for Window" });
  await expect(qr.getByRole("img", { name: "QR code for Window" })).toBeVisible();
  await measure(page, "qr-dialog", qr);
  await qr.getByRole("button", { name: "Close" }).click();

  // The kitchen display on the same tablet.
  const display = await openDisplay(browser, venue.stations[0]!.id, venue.owner, TABLET);
  try {
    await measure(display.page, "kitchen");
  } finally {
    await display.context.close();
  }
});

test("the menu page works on a phone: every product's Sold out, Hide, Archive and Edit in reach", async ({ panel }) => {
  await panel.setViewportSize(PHONE);
  await openMenuPage(panel);
  const row = productRow(panel, "Margherita");
  await expect(row).toBeVisible();
  await panel.screenshot({ path: test.info().outputPath("menu-390.png") });
  await panel.screenshot({ path: test.info().outputPath("menu-390-full.png"), fullPage: true });
  // Nothing sticks out sideways: the page does not scroll horizontally.
  expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  for (const control of [
    row.getByRole("checkbox", { name: /sold out/ }),
    row.getByRole("button", { name: "Hide Margherita" }),
    row.getByRole("button", { name: "Archive Margherita" }),
    row.getByRole("button", { name: "Edit Margherita" }),
  ]) {
    await control.scrollIntoViewIfNeeded();
    const box = (await control.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  }
  await row.getByRole("checkbox", { name: /sold out/ }).check();
  await expect(row).toContainText("Sold out");
  await row.getByRole("button", { name: "Edit Margherita" }).click();
  const form = panel.getByRole("dialog", { name: "Edit Margherita" });
  await expect(form).toBeVisible();
  await panel.screenshot({ path: test.info().outputPath("product-form-390.png") });
  await form.getByRole("button", { name: "Close", exact: true }).click();
  await expect(row.getByRole("button", { name: "Edit Margherita" })).toBeFocused();
});
