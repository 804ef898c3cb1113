// Issue 15, item 3, on the smallest phone (320×568): the "View order" bar never covers the
// cart, prices stay in their card, the contract's limits show, a sold-out line is held back
// clearly, the chips follow the section in view, and search ignores accents.
import { LIMITS } from "@ordered/contract";
import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures.js";
import { cartOf, joinWithoutName, openSessionWithLink, overlap, phoneShots, SMALL_PHONE } from "../support/phone-screens.js";
import { menuItem, viewOrder } from "../support/ui.js";

const productId = (venue: { products: { id: string; name: string }[] }, name: string) => venue.products.find((p) => p.name === name)!.id;

/** Scroll positions of the page a third of a screen apart, top to bottom, ending at the very bottom. */
async function eachScroll(page: Page, check: (y: number) => Promise<void>): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
  const positions: number[] = [];
  for (let y = 0; y < height; y += Math.round(SMALL_PHONE.height / 3)) positions.push(y);
  for (const y of [...positions, height]) {
    await page.evaluate((top) => window.scrollTo({ top, behavior: "instant" }), y);
    await check(y);
  }
}

test("the View order bar never covers Place order or the cart's messages, and never shows over the cart", async ({
  api,
  venue,
  phones,
}) => {
  const { joinUrl } = await openSessionWithLink(api, venue.staffToken, "Table 3");
  const page = await joinWithoutName(await phones.open(), joinUrl, SMALL_PHONE);
  for (const name of ["Margherita", "Espresso", "Tiramisù"]) await page.getByRole("button", { name: `Add ${name}` }).click();
  // One line the guest must remove: its message sits right above Place order.
  await api.setAvailability(venue.staffToken, productId(venue, "Espresso"), false);
  const bar = page.getByRole("button", { name: /^View order/ });
  const place = page.getByRole("button", { name: "Place order" });
  const blocked = page.getByText("Remove the item that is no longer available to place your order.");
  await expect(bar).toBeVisible();

  await eachScroll(page, async () => {
    const cartShows = await cartOf(page).evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < window.innerHeight;
    });
    if (cartShows) await expect(bar).toHaveCount(0);
    if ((await bar.count()) > 0) {
      expect(await overlap(bar, place)).toBe(false);
      expect(await overlap(bar, blocked)).toBe(false);
    }
  });
  // At the very end: the cart, its message and Place order, nothing over them.
  await expect(bar).toHaveCount(0);
  await expect(place).toBeInViewport({ ratio: 1 });
  await expect(blocked).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: test.info().outputPath("cart-end-320x568.png") });
});

test("prices stay in the card, + stops at the contract's limit with a reason, a sold-out line is held back", async ({
  api,
  venue,
  phones,
}) => {
  const { maxQuantity } = LIMITS.order;
  const { joinUrl } = await openSessionWithLink(api, venue.staffToken, "Table 4");
  const page = await joinWithoutName(await phones.open(), joinUrl, SMALL_PHONE);
  await page.getByRole("button", { name: "Add Quattro Formaggi" }).click();
  await page.getByRole("button", { name: "Add Espresso" }).click();
  await viewOrder(page);

  const more = page.getByRole("button", { name: "One more Quattro Formaggi" });
  for (let n = 1; n < maxQuantity; n++) await more.click();
  const quantity = cartOf(page).getByRole("group", { name: "Quantity of Quattro Formaggi" });
  await expect(quantity).toContainText(String(maxQuantity));
  await expect(more).toBeDisabled();
  await expect(cartOf(page).getByText(`At most ${maxQuantity} per line.`)).toBeVisible();

  // The line's price (the widest it gets) stays inside its line and the card.
  const line = cartOf(page).locator(".cart-line").filter({ hasText: "Quattro Formaggi" });
  const price = line.locator(".cart-price");
  const [lineBox, priceBox] = await Promise.all([line.boundingBox(), price.boundingBox()]);
  expect(priceBox!.x + priceBox!.width).toBeLessThanOrEqual(lineBox!.x + lineBox!.width + 0.5);
  expect(await price.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  const total = cartOf(page).locator(".cart-total strong");
  const withEspresso = await total.textContent();

  // Espresso sells out while it is in the cart: marked, left out of the total, the order held back until removed.
  await api.setAvailability(venue.staffToken, productId(venue, "Espresso"), false);
  const espresso = cartOf(page).locator(".cart-line").filter({ hasText: "Espresso" });
  await expect(espresso).toContainText("Not counted in the total — please remove it.");
  await expect(total).not.toHaveText(withEspresso!);
  await expect(page.getByRole("button", { name: "Place order" })).toBeDisabled();
  await expect(page.getByText("Remove the item that is no longer available to place your order.")).toBeVisible();
  await phoneShots(page, test.info(), "cart-limits", () => espresso.scrollIntoViewIfNeeded());

  await espresso.getByRole("button", { name: "Remove Espresso" }).click();
  await expect(espresso).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Place order" })).toBeEnabled();
});

test("the chips follow the section in view, a tap scrolls without a history step; search ignores accents", async ({
  api,
  venue,
  phones,
}) => {
  const { joinUrl } = await openSessionWithLink(api, venue.staffToken, "Table 7");
  const page = await joinWithoutName(await phones.open(), joinUrl, SMALL_PHONE);
  const chips = page.getByRole("navigation", { name: "Categories" });
  const chip = (name: string) => chips.getByRole("link", { name, exact: true });
  await expect(chip("Starters")).toHaveAttribute("aria-current", "true");

  const before = await page.evaluate(() => ({ length: history.length, url: location.href }));
  await chip("Desserts").click();
  await expect(chip("Desserts")).toHaveAttribute("aria-current", "true");
  await expect(page.getByRole("heading", { name: "Desserts" })).toBeInViewport();
  expect(await page.evaluate(() => ({ length: history.length, url: location.href }))).toEqual(before);

  // Scrolling by hand: the chip of the section being read lights up.
  await page.waitForTimeout(1000); // past the tap's own smooth scroll
  await page.getByRole("region", { name: "Pizza" }).evaluate((section) => {
    // The section's top just under the sticky bars, as a guest's thumb would leave it.
    window.scrollTo({ top: window.scrollY + section.getBoundingClientRect().top - 130, behavior: "instant" });
  });
  await expect(chip("Pizza")).toHaveAttribute("aria-current", "true");
  await expect(chip("Desserts")).not.toHaveAttribute("aria-current", "true");
  await page.screenshot({ path: test.info().outputPath("chips-pizza-320x568.png") });

  const search = page.getByRole("searchbox", { name: "Search the menu" });
  for (const typed of ["tiramisu", "TIRAMISU", "tiramisù"]) {
    await search.fill(typed);
    await expect(menuItem(page, "Tiramisù")).toBeVisible();
    await expect(menuItem(page, "Margherita")).toBeHidden();
  }
  await phoneShots(page, test.info(), "search-accents");
});
