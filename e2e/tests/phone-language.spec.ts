// Issue 15, item 5: the phone speaks the guest's language (the phone's own, or the one the
// guest picks, kept on the phone), with money and times written the way that language does;
// English for a language we do not speak. Staff screens stay English.
import { readFileSync } from "node:fs";
import { expectAccessible } from "../support/axe.js";
import { expect, test } from "../support/fixtures.js";
import { openSessionWithLink, PHONE, phoneShots } from "../support/phone-screens.js";
import { menuItem } from "../support/ui.js";

const catalog = (language: string): Record<string, string> =>
  JSON.parse(readFileSync(new URL(`../../web/src/locales/${language}.json`, import.meta.url), "utf8"));
const de = catalog("de");
const fr = catalog("fr");

test("a German phone gets German from the first screen, German money; a guest's switch to French is kept on reload", async ({
  api,
  venue,
  phones,
}) => {
  const { joinUrl } = await openSessionWithLink(api, venue.staffToken, "Table 2");
  const { page } = await phones.open({ locale: "de-DE" });
  await page.setViewportSize(PHONE);
  await page.goto(joinUrl);

  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByLabel(de["customer.nameLabel"]!)).toBeVisible();
  await expect(page.getByLabel(de["language.label"]!)).toHaveValue("de");
  await expectAccessible(page, test.info(), "first screen in German");
  await page.getByRole("button", { name: de["customer.join"] }).click();

  await expect(page.getByRole("heading", { name: de["customer.menu"], exact: true })).toBeVisible();
  // 6.50 in the venue's currency, written the German way: "6,50 €".
  await expect(menuItem(page, "Bruschetta")).toContainText("6,50");
  await expect(page.getByRole("tab", { name: /^Rechnung · 0,00/ })).toBeVisible();
  await phoneShots(page, test.info(), "menu-de");

  await page.getByLabel(de["language.label"]!).selectOption("fr");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { name: fr["customer.menu"], exact: true })).toBeVisible();
  await expect(page.getByRole("tab", { name: /^Addition · 0,00/ })).toBeVisible();
  await expect(page.getByLabel(fr["language.label"]!)).toHaveValue("fr");

  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { name: fr["customer.menu"], exact: true })).toBeVisible();
  await expectAccessible(page, test.info(), "menu in French");
  await phoneShots(page, test.info(), "menu-fr");
});

test("a phone in a language we do not speak gets English; the staff panel stays English on a German computer", async ({
  api,
  venue,
  phones,
  browser,
}) => {
  const { joinUrl } = await openSessionWithLink(api, venue.staffToken, "Table 3");
  const { page } = await phones.open({ locale: "ja-JP" });
  await page.goto(joinUrl);
  await expect(page.getByRole("button", { name: "See the menu" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  const staff = await browser.newContext({ locale: "de-DE" });
  try {
    const panel = await staff.newPage();
    await panel.goto("/panel");
    await expect(panel.getByRole("button", { name: "Log in" })).toBeVisible();
    await expect(panel.locator("html")).toHaveAttribute("lang", "en");
  } finally {
    await staff.close();
  }
});
