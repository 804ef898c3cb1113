// The phone's menu (issue 13): diet filter, options sheet, cart lines per choice, the kitchen's
// ticket, live menu changes, service windows and photos. The menu is built over the REST API.
import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures.js";
import {
  clockIn,
  createCategory,
  createProduct,
  menuScreenshots,
  pizzaPng,
  SIZE_GROUP,
  timeZoneOf,
  updateProduct,
  uploadPhoto,
} from "../support/menu.js";
import { createTable, joinByCard, pinOf, seat, sessionDetail } from "../support/phone-side.js";
import { menuItem, showTable, viewOrder } from "../support/ui.js";

/** Scrolls the menu's heading (search, filters) to just under the sticky bars. */
async function scrollToMenu(page: Page): Promise<void> {
  await page.evaluate(() => {
    const heading = document.getElementById("menu-title");
    if (heading) window.scrollTo({ top: window.scrollY + heading.getBoundingClientRect().top - 130, behavior: "instant" });
  });
}

const extras = {
  name: "Extras",
  minChoices: 0,
  maxChoices: 2,
  options: [
    { name: "Bacon", priceDeltaCents: 150 },
    { name: "Extra cheese", priceDeltaCents: 100 },
    { name: "Olives", priceDeltaCents: 50 },
  ],
};

test("a phone filters, chooses a pizza's options, orders two lines; the total is the server's and the kitchen sees the choices", async ({
  api,
  venue,
  panel,
  phones,
}) => {
  const token = venue.staffToken;
  const pizzas = await createCategory(api, token, { name: "Wood-fired", description: "Baked at 450 °C in our oak oven" });
  const ortolana = await createProduct(api, token, {
    name: "Ortolana",
    description: "Grilled courgette, aubergine, peppers, fior di latte",
    categoryId: pizzas.id,
    priceCents: 900,
    allergens: ["GLUTEN", "MILK"],
    tags: ["VEGETARIAN"],
    optionGroups: [SIZE_GROUP, extras],
  });
  await uploadPhoto(token, ortolana.id, pizzaPng());
  const salsiccia = await createProduct(api, token, {
    name: "Salsiccia",
    description: "Fennel sausage, friarielli, smoked provola",
    categoryId: pizzas.id,
    priceCents: 1200,
    allergens: ["GLUTEN", "MILK", "MUSTARD"],
    tags: ["SPICY"],
    optionGroups: [SIZE_GROUP],
  });
  await uploadPhoto(token, salsiccia.id, pizzaPng(480, 480));
  await createProduct(api, token, {
    name: "Garden salad",
    description: "Leaves, radish, toasted seeds",
    categoryId: pizzas.id,
    priceCents: 700,
    allergens: ["SESAME"],
    tags: ["VEGAN"],
  });

  const table = await createTable(api, token, "Table 21");
  const sessionId = await seat(api, token, table);
  const phone = await phones.open();
  await joinByCard(phone, table.cardUrl, "Alex", `Table 21 · ${venue.name}`, await pinOf(api, token, sessionId));
  const { page } = phone;

  // The new category is a section with its description; its dishes show their diet and allergens.
  const section = page.getByRole("region", { name: "Wood-fired" });
  await expect(section).toContainText("Baked at 450 °C in our oak oven");
  await expect(menuItem(page, "Ortolana")).toContainText("Vegetarian");
  await expect(menuItem(page, "Ortolana").getByRole("list", { name: "Contains" })).toHaveText(/Gluten.*Milk/);
  await expect(menuItem(page, "Ortolana")).toContainText("from €9.00");

  // Vegetarian: the sausage pizza goes, the vegan salad stays (vegan is vegetarian too).
  const vegetarian = page.getByRole("list", { name: "Filter the menu" }).getByRole("button", { name: "Vegetarian" });
  await vegetarian.click();
  await expect(vegetarian).toHaveAttribute("aria-pressed", "true");
  await expect(menuItem(page, "Salsiccia")).toBeHidden();
  await expect(menuItem(page, "Ortolana")).toBeVisible();
  await expect(menuItem(page, "Garden salad")).toBeVisible();
  await menuScreenshots(page, test.info(), "menu-top", () => scrollToMenu(page));

  // The other allergens are under More.
  await page.getByRole("button", { name: "More", exact: true }).click();
  const more = page.getByRole("dialog", { name: "More filters" });
  await more.getByRole("checkbox", { name: "No sesame" }).check();
  await menuScreenshots(page, test.info(), "filter-more");
  await more.getByRole("button", { name: "Done" }).click();
  await expect(menuItem(page, "Garden salad")).toBeHidden();
  await expect(page.getByRole("button", { name: "More · 1" })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "More · 1" }).click();
  await more.getByRole("checkbox", { name: "No sesame" }).uncheck();
  await more.getByRole("button", { name: "Done" }).click();
  await expect(menuItem(page, "Garden salad")).toBeVisible();

  // The filter stays while browsing: to the bill and back.
  await page.getByRole("tab", { name: /^Bill/ }).click();
  await page.getByRole("tab", { name: "Order" }).click();
  await expect(vegetarian).toHaveAttribute("aria-pressed", "true");
  await expect(menuItem(page, "Salsiccia")).toBeHidden();
  await section.scrollIntoViewIfNeeded();
  await menuScreenshots(page, test.info(), "menu-filtered", () => section.scrollIntoViewIfNeeded());

  // The options sheet: a size must be chosen before Add.
  await page.getByRole("button", { name: "Add Ortolana" }).click();
  const sheet = page.getByRole("dialog", { name: "Ortolana" });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole("group", { name: "Size" })).toContainText("Choose 1");
  await expect(sheet.getByRole("group", { name: "Extras" })).toContainText("Choose up to 2");
  const add = sheet.getByRole("button", { name: /^Add · / });
  await expect(add).toBeDisabled();
  await expect(sheet.getByRole("status")).toHaveText("Ortolana: choose a size");
  await expect(add).toHaveText("Add · €9.00");
  await menuScreenshots(page, test.info(), "options-sheet");

  await sheet.getByRole("radio", { name: /Large/ }).check();
  await expect(add).toBeEnabled();
  await expect(add).toHaveText("Add · €12.00");
  await sheet.getByRole("checkbox", { name: /Bacon/ }).check();
  await sheet.getByRole("checkbox", { name: /Extra cheese/ }).check();
  // Two extras at most: the third is out of reach.
  await expect(sheet.getByRole("checkbox", { name: /Olives/ })).toBeDisabled();
  await sheet.getByLabel("Note for the kitchen (optional)").fill("well done");
  await expect(add).toHaveText("Add · €14.50");
  await menuScreenshots(page, test.info(), "options-sheet-chosen");
  await add.click();
  await expect(sheet).toBeHidden();

  // The same pizza, just small: another line.
  await page.getByRole("button", { name: "Add Ortolana" }).click();
  await sheet.getByRole("radio", { name: /Small/ }).check();
  await sheet.getByRole("button", { name: "Add · €9.00" }).click();
  await expect(sheet).toBeHidden();
  await expect(page.getByRole("button", { name: "Add Ortolana" })).toContainText("2");

  await viewOrder(page);
  const cart = page.getByRole("region", { name: "Your order" });
  const lines = cart.locator(".cart-line");
  await expect(lines).toHaveCount(2);
  await expect(cart.getByRole("group", { name: "Quantity of Ortolana (Large, Bacon, Extra cheese)" })).toContainText("1");
  await expect(cart.getByRole("group", { name: "Quantity of Ortolana (Small)" })).toContainText("1");
  await expect(lines.first().getByRole("list", { name: "Choices" })).toHaveText(/Large \+€3\.00.*Bacon \+€1\.50.*Extra cheese \+€1\.00/);
  await expect(cart.getByLabel("Note for Ortolana (Large, Bacon, Extra cheese)")).toHaveValue("well done");
  const cartTotal = (await cart.locator(".cart-total strong").textContent())?.trim();
  expect(cartTotal).toBe("€23.50");
  await menuScreenshots(page, test.info(), "cart", async () => {
    await cart.scrollIntoViewIfNeeded();
  });

  await cart.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByText(/^Order \d+ sent ✓$/)).toBeVisible();

  // The server priced it the same, and kept each line's choices, note and allergens.
  const [order] = (await sessionDetail(api, token, sessionId)).orders;
  expect(`€${(order!.totalCents / 100).toFixed(2)}`).toBe(cartTotal);
  expect(order!.items).toEqual([
    expect.objectContaining({
      productName: "Ortolana",
      unitPriceCents: 1450,
      quantity: 1,
      note: "well done",
      allergens: ["GLUTEN", "MILK"],
      options: [
        { group: "Size", name: "Large", priceDeltaCents: 300 },
        { group: "Extras", name: "Bacon", priceDeltaCents: 150 },
        { group: "Extras", name: "Extra cheese", priceDeltaCents: 100 },
      ],
    }),
    expect.objectContaining({ productName: "Ortolana", unitPriceCents: 900, quantity: 1, note: null }),
  ]);
  const myOrder = page.getByRole("listitem", { name: "Order 1" });
  await expect(myOrder).toContainText("€23.50");
  await expect(myOrder).toContainText("Large · Bacon · Extra cheese");

  // The kitchen's ticket on the panel: the choices, the note and the allergens.
  const card = await showTable(panel, "Table 21");
  await expect(card).toContainText("Large · Bacon · Extra cheese");
  await expect(card).toContainText("Note: well done");
  await expect(card).toContainText("Allergens: gluten (cereals), milk");
  await card.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: test.info().outputPath("panel-ticket-1280.png") });
});

test("hiding a product takes it off an open phone live; a new category appears live", async ({ api, venue, phones }) => {
  const token = venue.staffToken;
  const specials = await createCategory(api, token, { name: "Specials" });
  const soup = await createProduct(api, token, { name: "Daily soup", categoryId: specials.id, priceCents: 800 });
  const table = await createTable(api, token, "Table 22");
  await seat(api, token, table);
  const phone = await phones.open();
  await joinByCard(phone, table.cardUrl, "Sam", `Table 22 · ${venue.name}`);
  const { page } = phone;

  await expect(menuItem(page, "Daily soup")).toBeVisible();
  await updateProduct(api, token, soup.id, { version: soup.version, hidden: true });
  await expect(menuItem(page, "Daily soup")).toBeHidden();

  const late = await createCategory(api, token, { name: "Late bites", description: "After ten" });
  const lateSection = page.getByRole("region", { name: "Late bites" });
  await expect(lateSection).toContainText("After ten");
  await expect(page.getByRole("navigation", { name: "Categories" }).getByRole("link", { name: "Late bites" })).toBeVisible();
  await createProduct(api, token, { name: "Fries", categoryId: late.id, priceCents: 450 });
  await expect(lateSection.getByRole("listitem", { name: "Fries" })).toBeVisible();

  // Tapping a chip scrolls to its section and marks the chip.
  const chip = page.getByRole("navigation", { name: "Categories" }).getByRole("link", { name: "Late bites" });
  await chip.click();
  await expect(chip).toHaveAttribute("aria-current", "true");
  await expect(lateSection.getByRole("heading", { name: "Late bites" })).toBeInViewport();
  await page.getByRole("navigation", { name: "Categories" }).getByRole("link", { name: "Starters" }).click();
  await expect(page.getByRole("heading", { name: "Starters" })).toBeInViewport();
  await expect(chip).not.toHaveAttribute("aria-current", "true");
});

test("a category outside its service hours says when it is served, and its dishes cannot be added", async ({ api, venue, phones }) => {
  const token = venue.staffToken;
  const zone = await timeZoneOf(api, token);
  const [from, until] = [clockIn(zone, 120), clockIn(zone, 180)];
  const breakfast = await createCategory(api, token, { name: "Breakfast", availableFrom: from, availableUntil: until });
  await createProduct(api, token, { name: "Cornetto", categoryId: breakfast.id, priceCents: 150 });
  const now = await createCategory(api, token, { name: "Aperitivo", availableFrom: clockIn(zone, -60), availableUntil: clockIn(zone, 60) });
  await createProduct(api, token, { name: "Spritz", categoryId: now.id, priceCents: 700 });
  const table = await createTable(api, token, "Table 23");
  await seat(api, token, table);
  const phone = await phones.open();
  await joinByCard(phone, table.cardUrl, "Kim", `Table 23 · ${venue.name}`);
  const { page } = phone;

  const section = page.getByRole("region", { name: "Breakfast" });
  await expect(section).toContainText(`Served ${from}–${until}`);
  await expect(section.getByRole("button", { name: "Add Cornetto" })).toBeDisabled();
  // A category in its hours says them too, and takes orders.
  await expect(page.getByRole("region", { name: "Aperitivo" })).toContainText("Served");
  await page.getByRole("button", { name: "Add Spritz" }).click();
  await expect(page.getByRole("group", { name: "Quantity of Spritz" })).toContainText("1");
  await section.scrollIntoViewIfNeeded();
  await menuScreenshots(page, test.info(), "menu-window", () => section.scrollIntoViewIfNeeded());
});

test("a product with a photo shows it (lazy, sized); one without shows its initial on a tile", async ({ api, venue, phones }) => {
  const token = venue.staffToken;
  const mains = await createCategory(api, token, { name: "From the oven" });
  const withPhoto = await createProduct(api, token, { name: "Capricciosa", categoryId: mains.id, priceCents: 1100 });
  await uploadPhoto(token, withPhoto.id, pizzaPng());
  await createProduct(api, token, { name: "Calzone", categoryId: mains.id, priceCents: 1050 });
  const table = await createTable(api, token, "Table 24");
  await seat(api, token, table);
  const phone = await phones.open();
  await joinByCard(phone, table.cardUrl, "Lee", `Table 24 · ${venue.name}`);
  const { page } = phone;

  const photo = menuItem(page, "Capricciosa").locator("img");
  await photo.scrollIntoViewIfNeeded();
  await expect(photo).toBeVisible();
  await expect(photo).toHaveAttribute("loading", "lazy");
  await expect(photo).toHaveAttribute("decoding", "async");
  await expect(photo).toHaveAttribute("width", /\d+/);
  await expect(photo).toHaveAttribute("height", /\d+/);
  await expect(photo).toHaveAttribute("src", /^\/media\/products\/.+-small\.webp$/);
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

  const fallback = menuItem(page, "Calzone").locator(".photo-fallback");
  await expect(fallback).toBeVisible();
  await expect(fallback).toHaveText("C");
  await expect(menuItem(page, "Calzone").locator("img")).toHaveCount(0);
  await menuScreenshots(page, test.info(), "menu-photos", () => menuItem(page, "Capricciosa").scrollIntoViewIfNeeded());
});
