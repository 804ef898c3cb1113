import { expect, test } from "../support/fixtures.js";
import { joinUrlFromPanel, menuItem, openSession, viewOrder } from "../support/ui.js";

test("marking a product sold out greys it out on phones live; the cart holds the order back clearly", async ({ panel: page, phones }) => {
  await openSession(page, "Table 3");
  const phone = await phones.join(await joinUrlFromPanel(page, "Table 3"));
  await phone.page.getByRole("button", { name: "Add Margherita" }).click();

  await page.getByRole("link", { name: "Products" }).click();
  await expect(page.getByRole("heading", { name: "Menu" })).toBeVisible();
  await page.getByRole("checkbox", { name: "Margherita sold out" }).check();
  await expect(page.getByRole("checkbox", { name: "Margherita sold out" })).toBeChecked();
  await page.screenshot({ path: test.info().outputPath("staff-products.png"), fullPage: true });

  const margherita = menuItem(phone.page, "Margherita");
  await expect(margherita).toContainText("Sold out");
  await expect(margherita.getByRole("button")).toHaveCount(0);
  await phone.page.screenshot({ path: test.info().outputPath("phone-sold-out.png") });

  // It was already in the cart: the line says so, is not counted, and the order waits until it is removed (or back).
  await viewOrder(phone.page);
  await expect(phone.page.getByText("Not counted in the total — please remove it.")).toBeVisible();
  await expect(phone.page.getByRole("button", { name: "Place order" })).toBeDisabled();
  await expect(phone.page.getByText("Remove the item that is no longer available to place your order.")).toBeVisible();

  await page.getByRole("checkbox", { name: "Margherita sold out" }).uncheck();
  await expect(margherita.getByRole("button", { name: "Add Margherita" })).toBeVisible();
  await phone.page.getByRole("button", { name: "Place order" }).click();
  await expect(phone.page.getByRole("listitem", { name: "Order 1" })).toBeVisible();
});

test("staff edits a product's name, price and stock", async ({ panel: page }) => {
  await page.getByRole("link", { name: "Products" }).click();
  await page.getByRole("button", { name: "Edit Olives" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit Olives" });
  await dialog.getByLabel("Name").fill("Green Olives");
  await dialog.getByLabel("Price").fill("4.80");
  await dialog.getByLabel("Stock").fill("12");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole("listitem", { name: "Green Olives", exact: true });
  await expect(row).toContainText("€4.80");
  await expect(row).toContainText("12");
  await page.reload();
  await expect(page.getByRole("listitem", { name: "Green Olives", exact: true })).toContainText("€4.80");
});
