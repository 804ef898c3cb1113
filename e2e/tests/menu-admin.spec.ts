// The staff side of the menu (issue 13): a category with a service window, a product in it
// with option groups, allergens, a diet tag and a photo; hiding and archiving products.

import { ordersOf } from "../support/api.js";
import { expect, test } from "../support/fixtures.js";
import { categoriesOf, categoryRow, openMenuPage, platePng, productNamed, productRow } from "../support/menu-admin.js";
import { screenshotsAt } from "../support/session.js";
import { baseUrl, joinUrlFromPanel, menuItem, openSession, showTable, viewOrder } from "../support/ui.js";

test("staff add a breakfast category with a window and pancakes in it with sizes, extras, allergens, a tag and a photo; a guest orders them", async ({
  panel: page,
  api,
  venue,
  phones,
}) => {
  const token = venue.staffToken;
  await api.route("PATCH /api/location", { token, body: { timeZone: "Europe/Rome" } });
  await page.reload(); // the panel reads the location (and its time zone) again
  await openMenuPage(page);

  // The category, with its window in the venue's time zone.
  await page.getByRole("button", { name: "Add category" }).click();
  let dialog = page.getByRole("dialog", { name: "New category" });
  await expect(dialog).toContainText("Times are in Europe/Rome, the venue's time zone.");
  await dialog.getByLabel("Name").fill("Breakfast");
  await dialog.getByLabel("Description").fill("Until late morning");
  await dialog.getByLabel("From").fill("07:00");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Give both times, or leave both empty.");
  await dialog.getByLabel("Until").fill("11:30");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(categoryRow(page, "Breakfast")).toContainText("Served 07:00–11:30");
  const breakfast = page.getByRole("region", { name: /^Breakfast/ });
  await expect(breakfast).toContainText("No products in this category yet.");

  // The product, from its category's own "Add".
  await breakfast.getByRole("button", { name: "Add a product to Breakfast" }).click();
  dialog = page.getByRole("dialog", { name: "New product" });
  await expect(dialog.getByLabel("Category").locator("option:checked")).toHaveText("Breakfast");
  await dialog.getByLabel("Name", { exact: true }).fill("Pancakes");
  await dialog.getByLabel("Description").fill("Three fluffy pancakes");
  await dialog.getByRole("textbox", { name: /^Price/ }).fill("8.50");
  await expect(dialog.getByRole("status")).toHaveText("Costs €8.50");
  for (const allergen of ["Gluten (cereals)", "Eggs", "Milk"]) await dialog.getByRole("checkbox", { name: allergen }).check();
  await dialog.getByRole("checkbox", { name: "Vegetarian" }).check();

  await dialog.getByRole("button", { name: "Add option group" }).click();
  const size = dialog.getByRole("group", { name: "Option group 1" });
  await size.getByLabel("Group name").fill("Size");
  await size.getByLabel("Option 1 name").fill("Small");
  await size.getByLabel("Option 1 price change").fill("0");
  await size.getByLabel("Option 2 name").fill("Large");
  await size.getByLabel("Option 2 price change").fill("2.00");
  await expect(size.getByRole("button", { name: "Choose exactly 1" })).toHaveAttribute("aria-pressed", "true");
  await expect(size).toContainText("Guests choose exactly 1.");

  await dialog.getByRole("button", { name: "Add option group" }).click();
  const extras = dialog.getByRole("group", { name: "Option group 2" });
  await extras.getByLabel("Group name").fill("Extras");
  await extras.getByLabel("Option 1 name").fill("Maple syrup");
  await extras.getByLabel("Option 1 price change").fill("1.00");
  await extras.getByLabel("Option 2 name").fill("Berries");
  await extras.getByLabel("Option 2 price change").fill("1.50");
  await extras.getByRole("button", { name: "Add option" }).click();
  await extras.getByLabel("Option 3 name").fill("Cream");
  await extras.getByLabel("Option 3 price change").fill("0.80");
  await extras.getByRole("button", { name: "Choose up to 3" }).click();
  await expect(extras.getByLabel("At least")).toHaveValue("0");
  await expect(extras.getByLabel("At most")).toHaveValue("3");
  await expect(extras).toContainText("Optional: guests may choose up to 3.");
  // Small and nothing else, up to Large with every extra.
  await expect(dialog.getByRole("status")).toHaveText("Costs €8.50 to €13.80 with options");

  // A form mistake is caught before the server: "at most" above the options there are.
  await extras.getByLabel("At most").fill("4");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByRole("alert")).toHaveText('Extras: "at most" cannot be more than its 3 options.');
  await expect(extras.getByLabel("At most")).toBeFocused();
  await extras.getByLabel("At most").fill("3");

  await dialog.getByLabel("Choose a photo").setInputFiles({ name: "pancakes.png", mimeType: "image/png", buffer: platePng() });
  await expect(dialog.getByRole("img", { name: "The chosen photo" })).toBeVisible();
  await expect(dialog).toContainText("New photo: uploaded when you save.");
  await extras.getByLabel("Option 1 name").scrollIntoViewIfNeeded();
  await screenshotsAt(page, test.info(), "product-form-groups", dialog);
  await dialog.evaluate((d) => d.scrollTo(0, 0));
  await screenshotsAt(page, test.info(), "product-form-top", dialog);

  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  const row = productRow(page, "Pancakes");
  await expect(row).toContainText("€8.50–€13.80");
  await expect(row).toContainText("3 allergens");
  await expect(row).toContainText("Vegetarian");
  await expect(row).toContainText("2 option groups");
  await expect(row.locator("img.product-thumb")).toHaveAttribute("src", /\/media\/products\//);

  // What the server stored.
  const category = (await categoriesOf(api, token)).find((c) => c.name === "Breakfast")!;
  expect(category).toMatchObject({ description: "Until late morning", availableFrom: "07:00", availableUntil: "11:30", hidden: false });
  const pancakes = await productNamed(api, token, "Pancakes");
  expect(pancakes).toMatchObject({
    categoryId: category.id,
    description: "Three fluffy pancakes",
    priceCents: 850,
    stock: null,
    hidden: false,
    archived: false,
    tags: ["VEGETARIAN"],
  });
  expect([...pancakes.allergens].sort()).toEqual(["EGGS", "GLUTEN", "MILK"]);
  expect(
    pancakes.optionGroups.map((g) => [g.name, g.minChoices, g.maxChoices, g.options.map((o) => [o.name, o.priceDeltaCents, o.available])]),
  ).toEqual([
    [
      "Size",
      1,
      1,
      [
        ["Small", 0, true],
        ["Large", 200, true],
      ],
    ],
    [
      "Extras",
      0,
      3,
      [
        ["Maple syrup", 100, true],
        ["Berries", 150, true],
        ["Cream", 80, true],
      ],
    ],
  ]);
  expect(pancakes.photo).not.toBeNull();
  const photo = await page.request.get(`${baseUrl(0)}${pancakes.photo!.small}`);
  expect(photo.status()).toBe(200);
  expect(photo.headers()["content-type"]).toBe("image/webp");

  await screenshotsAt(page, test.info(), "products-page");

  // Editing shows it all again; a file that is not an image is refused by the server, and nothing is lost.
  await row.getByRole("button", { name: "Edit Pancakes" }).click();
  dialog = page.getByRole("dialog", { name: "Edit Pancakes" });
  await expect(dialog.getByRole("img", { name: "Photo of Pancakes" })).toBeVisible();
  await expect(dialog.getByRole("checkbox", { name: "Eggs" })).toBeChecked();
  await expect(dialog.getByRole("group", { name: "Option group 2" }).getByLabel("Option 3 name")).toHaveValue("Cream");
  await dialog
    .getByLabel("Replace photo")
    .setInputFiles({ name: "menu.png", mimeType: "image/png", buffer: Buffer.from("not really a png") });
  await dialog.getByRole("textbox", { name: /^Price/ }).fill("8.90");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByRole("alert")).toContainText("The product is saved, but the photo is not:");
  expect((await productNamed(api, token, "Pancakes")).priceCents).toBe(890);
  expect((await productNamed(api, token, "Pancakes")).photo).toEqual(pancakes.photo);
  // Removing the photo.
  await dialog.getByRole("button", { name: "Keep the current photo" }).click();
  await dialog.getByRole("button", { name: "Remove photo" }).click();
  await expect(dialog).toContainText("The photo is removed when you save.");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByRole("img", { name: "No photo" })).toBeVisible();
  expect((await productNamed(api, token, "Pancakes")).photo).toBeNull();

  // A guest orders what staff just made: served all day now, vegetarian, a Large with two
  // extras and a note. The phone's total is the server's, and the kitchen's ticket shows it all.
  await api.route("PATCH /api/categories/:id", { token, params: { id: category.id }, body: { availableFrom: null, availableUntil: null } });
  await page.getByRole("link", { name: "Floor" }).click();
  await openSession(page, "Table 7");
  const guest = await phones.join(await joinUrlFromPanel(page, "Table 7"), "Robin");
  await guest.page.getByRole("list", { name: "Filter the menu" }).getByRole("button", { name: "Vegetarian" }).click();
  await expect(menuItem(guest.page, "Diavola")).toBeHidden();
  await guest.page.getByRole("button", { name: "Add Pancakes" }).click();
  const sheet = guest.page.getByRole("dialog", { name: "Pancakes" });
  await sheet.getByRole("radio", { name: /Large/ }).check();
  await sheet.getByRole("checkbox", { name: /Maple syrup/ }).check();
  await sheet.getByRole("checkbox", { name: /Berries/ }).check();
  await sheet.getByLabel("Note for the kitchen (optional)").fill("no butter");
  await expect(sheet.getByRole("button", { name: /^Add · / })).toHaveText("Add · €13.40");
  await sheet.getByRole("button", { name: /^Add · / }).click();
  await viewOrder(guest.page);
  await expect(guest.page.locator(".cart-total strong")).toHaveText("€13.40");
  await guest.page.getByRole("button", { name: "Place order" }).click();
  await expect(guest.page.getByText(/^Order \d+ sent ✓$/)).toBeVisible();
  const [order] = await ordersOf(api, token, "Table 7");
  expect(order?.totalCents).toBe(1340);
  expect(order?.items[0]).toMatchObject({
    productName: "Pancakes",
    unitPriceCents: 1340,
    note: "no butter",
    options: [
      { group: "Size", name: "Large", priceDeltaCents: 200 },
      { group: "Extras", name: "Maple syrup", priceDeltaCents: 100 },
      { group: "Extras", name: "Berries", priceDeltaCents: 150 },
    ],
  });
  const ticket = await showTable(page, "Table 7");
  await expect(ticket).toContainText("Large · Maple syrup · Berries");
  await expect(ticket).toContainText("no butter");
  await expect(ticket).toContainText(/Allergens:.*milk/i);
});

test("staff hide a product and archive another; archived ones are listed on request and restored", async ({ panel: page, api, venue }) => {
  const token = venue.staffToken;
  await openMenuPage(page);

  // Hide: off the guests' menu, still here with a badge.
  await productRow(page, "Olives").getByRole("button", { name: "Hide Olives" }).click();
  await expect(productRow(page, "Olives")).toContainText("Hidden");
  await expect.poll(async () => (await productNamed(api, token, "Olives")).hidden).toBe(true);
  await productRow(page, "Olives").getByRole("button", { name: "Unhide Olives" }).click();
  await expect(productRow(page, "Olives")).not.toContainText("Hidden");
  await expect.poll(async () => (await productNamed(api, token, "Olives")).hidden).toBe(false);
  await productRow(page, "Olives").getByRole("button", { name: "Hide Olives" }).click();
  await expect(productRow(page, "Olives")).toContainText("Hidden");

  // Archive, after a confirmation: it leaves the list.
  await productRow(page, "Burrata").getByRole("button", { name: "Archive Burrata" }).click();
  const confirm = page.getByRole("dialog", { name: "Archive product" });
  await expect(confirm).toContainText("Archive Burrata?");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(productRow(page, "Burrata")).toBeVisible();
  await productRow(page, "Burrata").getByRole("button", { name: "Archive Burrata" }).click();
  await confirm.getByRole("button", { name: "Archive" }).click();
  await expect(confirm).toBeHidden();
  await expect(productRow(page, "Burrata")).toHaveCount(0);
  expect((await productNamed(api, token, "Burrata")).archived).toBe(true);
  expect((await api.listProducts(token)).map((p) => p.name)).not.toContain("Burrata");

  // Listed on request, with Restore.
  await page.getByRole("checkbox", { name: "Show archived" }).check();
  const burrata = productRow(page, "Burrata");
  await expect(burrata).toContainText("Archived");
  await expect(burrata.getByRole("checkbox", { name: "Burrata sold out" })).toHaveCount(0);
  await screenshotsAt(page, test.info(), "products-archived");
  await burrata.getByRole("button", { name: "Restore Burrata" }).click();
  await expect(burrata).not.toContainText("Archived");
  await page.getByRole("checkbox", { name: "Show archived" }).uncheck();
  await expect(productRow(page, "Burrata")).toBeVisible();
  expect((await productNamed(api, token, "Burrata")).archived).toBe(false);
  await page.reload();
  await expect(productRow(page, "Olives")).toContainText("Hidden");
  await expect(productRow(page, "Burrata")).toBeVisible();
});
