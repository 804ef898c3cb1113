// The guest's phone page at the sizes phones come in (issue 35, item 4): every control a 44 × 44
// px touch target at 390 and 320 px, no sideways scroll at 320 px, the Order/Bill tabs' German
// label whole at 320 px, and the connection pill clear of a landscape phone's notch.
import type { Locator, Page } from "@playwright/test";
import { orderFromSocket } from "../support/axe.js";
import { expect, test } from "../support/fixtures.js";
import { createCategory, createProduct, SIZE_GROUP } from "../support/menu.js";
import { cartOf, joinWithoutName, openSessionWithLink, overlap, PHONE, SMALL_PHONE } from "../support/phone-screens.js";
import { waitForAccepted } from "../support/phone-side.js";
import { MIN_TARGET, smallTargets } from "../support/touch.js";
import { viewOrder } from "../support/ui.js";

/** Keeps a screenshot of what the phone shows (to look at: test-results/…). */
const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`) });

/** A control's box on screen, at least 44 × 44 px. */
async function expectTarget(control: Locator, what: string): Promise<void> {
  await control.scrollIntoViewIfNeeded();
  const box = await control.boundingBox();
  expect(box, `${what} is on screen`).not.toBeNull();
  expect.soft(box!.height, `${what}'s height`).toBeGreaterThanOrEqual(MIN_TARGET);
  expect.soft(box!.width, `${what}'s width`).toBeGreaterThanOrEqual(MIN_TARGET);
}

/** The page scrolls no further sideways than the screen is wide; else names what sticks out. */
async function expectNoSidewaysScroll(page: Page, screen: string): Promise<void> {
  const found = await page.evaluate(() => {
    const { scrollWidth, clientWidth } = document.documentElement;
    // What reaches past the screen's edge outside a scrolling row of its own (the category chips).
    const outside = Array.from(document.querySelectorAll<HTMLElement>("body *"))
      .filter((el) => el.getBoundingClientRect().right > clientWidth + 0.5 && !el.closest(".category-chips"))
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} right=${Math.round(el.getBoundingClientRect().right)}`);
    return { scrollWidth, clientWidth, outside };
  });
  expect.soft(found.scrollWidth, `sideways scroll on ${screen}: ${found.outside.join(", ")}`).toBeLessThanOrEqual(found.clientWidth);
  expect.soft(found.outside, `elements past the edge on ${screen}`).toEqual([]);
}

test("every control on the phone's menu, cart, options sheet and bill is at least 44 × 44 px, at 390 and at 320 px", async ({
  api,
  venue,
  phones,
}) => {
  const pizzas = await createCategory(api, venue.staffToken, { name: "Wood-fired" });
  await createProduct(api, venue.staffToken, { name: "Ortolana", categoryId: pizzas.id, priceCents: 900, optionGroups: [SIZE_GROUP] });
  const { joinUrl } = await openSessionWithLink(api, venue.staffToken, "Table 4");
  const page = await joinWithoutName(await phones.open(), joinUrl, PHONE);
  await page.getByRole("button", { name: "Add Margherita" }).click();

  for (const size of [PHONE, SMALL_PHONE]) {
    await page.setViewportSize(size);
    await page.evaluate(() => window.scrollTo(0, 0));
    const chips = page.getByRole("navigation", { name: "Categories" }).getByRole("link");
    await expectTarget(chips.first(), `a category chip at ${size.width} px`);
    await expectTarget(page.getByRole("button", { name: "Vegetarian" }), `a filter chip at ${size.width} px`);
    await expectTarget(page.getByRole("button", { name: /^Add Margherita/ }), `Add at ${size.width} px`);
    await shot(page, `menu-${size.width}`);
    // A filter on: its "Clear filters" link too.
    await page.getByRole("button", { name: "Vegetarian" }).click();
    await expectTarget(page.getByRole("button", { name: "Clear filters" }), `Clear filters at ${size.width} px`);
    expect.soft(await smallTargets(page.locator("body")), `small targets on the filtered menu at ${size.width} px`).toEqual([]);
    await page.getByRole("button", { name: "Clear filters" }).click();
    expect.soft(await smallTargets(page.locator("body")), `small targets on the menu at ${size.width} px`).toEqual([]);

    await page.getByRole("button", { name: "Add Ortolana" }).click();
    const sheet = page.getByRole("dialog", { name: "Ortolana" });
    await expect(sheet).toBeVisible();
    expect.soft(await smallTargets(sheet), `small targets on the options sheet at ${size.width} px`).toEqual([]);
    await shot(page, `options-sheet-${size.width}`);
    await sheet.getByRole("button", { name: "Close", exact: true }).click();

    await viewOrder(page);
    const cart = cartOf(page);
    await expectTarget(cart.getByRole("button", { name: "Remove Margherita" }), `the cart's − at ${size.width} px`);
    await expectTarget(cart.getByRole("button", { name: "One more Margherita" }), `the cart's + at ${size.width} px`);
    expect.soft(await smallTargets(page.locator("body")), `small targets with the cart at ${size.width} px`).toEqual([]);
    await shot(page, `cart-${size.width}`);

    await page.getByRole("tab", { name: /^Bill/ }).click();
    expect.soft(await smallTargets(page.locator("body")), `small targets on the bill at ${size.width} px`).toEqual([]);
    await page.getByRole("tab", { name: "Order" }).click();
  }
});

test("at 320 px the menu, the cart, the orders and the bill do not scroll sideways", async ({ api, venue, phones }) => {
  const session = await openSessionWithLink(api, venue.staffToken, "Table 5");
  await orderFromSocket(api, venue, session.joinUrl, ["Margherita", "Tiramisù"]);
  const page = await joinWithoutName(await phones.open(), session.joinUrl, SMALL_PHONE);
  await waitForAccepted(api, venue.staffToken, session.id, 1);
  await page.getByRole("button", { name: "Add Margherita" }).click();
  await page.getByRole("button", { name: "Add Espresso" }).click();

  await page.evaluate(() => window.scrollTo(0, 0));
  await expectNoSidewaysScroll(page, "the menu");
  await shot(page, "menu-320");
  await page.getByRole("listitem", { name: "Order 1" }).scrollIntoViewIfNeeded();
  await expectNoSidewaysScroll(page, "the orders");
  await shot(page, "orders-320");
  await viewOrder(page);
  await expectNoSidewaysScroll(page, "the cart");
  await shot(page, "cart-320");
  await page.getByRole("tab", { name: /^Bill/ }).click();
  await expect(page.getByRole("heading", { name: "Your table's bill" })).toBeVisible();
  await expectNoSidewaysScroll(page, "the bill");
  await shot(page, "bill-320");
});

test("a German phone at 320 px shows the bill tab's whole label with its amount", async ({ api, venue, phones }) => {
  const session = await openSessionWithLink(api, venue.staffToken, "Terrasse 12");
  // 12 × 9,50 € = 114,00 €: a label as long as a table's bill gets.
  await orderFromSocket(api, venue, session.joinUrl, Array(12).fill("Margherita"));
  await waitForAccepted(api, venue.staffToken, session.id, 1);
  const { page } = await phones.open({ locale: "de-DE" });
  await page.setViewportSize(SMALL_PHONE);
  await page.goto(session.joinUrl);
  await page.getByRole("button", { name: "Zur Speisekarte" }).click();
  const tab = page.getByRole("tab", { name: "Rechnung · 114,00 €" });
  await expect(tab).toBeVisible();
  await expect(tab).toHaveText("Rechnung · 114,00 €");
  await shot(page, "tabs-de-320");
  const fit = await tab.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(el);
    const text = range.getBoundingClientRect();
    return {
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
      scrollHeight: el.scrollHeight,
      clientHeight: el.clientHeight,
      inside: text.left >= box.left - 0.5 && text.right <= box.right + 0.5 && text.top >= box.top - 0.5 && text.bottom <= box.bottom + 0.5,
      ellipsis: getComputedStyle(el).textOverflow,
    };
  });
  expect(fit.scrollWidth).toBeLessThanOrEqual(fit.clientWidth);
  expect(fit.scrollHeight).toBeLessThanOrEqual(fit.clientHeight);
  expect(fit.inside, "the label's text lies inside the tab").toBe(true);
  expect(fit.ellipsis).not.toBe("ellipsis");
  // And the other tab, and the tabs as a whole, still fit the screen.
  await expect(page.getByRole("tab", { name: "Bestellung" })).toBeVisible();
  await expectNoSidewaysScroll(page, "the German menu");
});

test("a phone on its side (740 × 360, a notch on either side) shows the whole connection pill, clear of the other controls", async ({
  api,
  venue,
  phones,
}) => {
  const { joinUrl } = await openSessionWithLink(api, venue.staffToken, "Garden table 14, by the fountain");
  const phone = await phones.open();
  const page = await joinWithoutName(phone, joinUrl, PHONE);
  // What a notched phone reports in landscape (viewport-fit=cover: the page draws under the notch).
  const insets = { top: 0, left: 47, right: 47, bottom: 21 };
  const cdp = await phone.context.newCDPSession(page);
  await cdp.send("Emulation.setSafeAreaInsetsOverride", { insets });
  await page.setViewportSize({ width: 740, height: 360 });
  await page.evaluate(() => window.scrollTo(0, 0));
  const pill = page.getByRole("status").filter({ hasText: "Live" });
  await expect(pill).toBeVisible();
  await shot(page, "landscape-740x360");
  const box = (await pill.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(insets.left);
  expect(box.x + box.width).toBeLessThanOrEqual(740 - insets.right);
  expect(box.y).toBeGreaterThanOrEqual(insets.top);
  expect(box.y + box.height).toBeLessThanOrEqual(360);
  // Its text is not cut (no ellipsis, nothing hidden inside it), and nothing lies on it.
  expect(await pill.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  expect(await overlap(pill, page.getByLabel("Language"))).toBe(false);
  expect(await overlap(pill, page.getByRole("heading", { level: 1 }))).toBe(false);
  const onTop = await pill.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && el.contains(hit);
  });
  expect(onTop, "the pill is the topmost thing where it is").toBe(true);
  // The menu's controls keep out of the notch too.
  const add = (await page.getByRole("button", { name: /^Add / }).first().boundingBox())!;
  expect(add.x + add.width).toBeLessThanOrEqual(740 - insets.right);
});
