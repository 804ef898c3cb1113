import { E2E_PORTS } from "../support/env.js";
import { expect, test } from "../support/fixtures.js";
import { joinUrlFromPanel, menuItem, onInstance, openSession, sessionCard, showTable, viewOrder } from "../support/ui.js";

test("staff on one server instance and a phone on the other see each other live", async ({ panel: page, phones }) => {
  await openSession(page, "Table 20");
  const joinUrl = onInstance(await joinUrlFromPanel(page, "Table 20"), 1);
  expect(joinUrl).toContain(`:${E2E_PORTS[1]}/`);
  const phone = await phones.join(joinUrl);

  // Phone (instance 2) → staff (instance 1).
  await phone.page.getByRole("button", { name: "Add Diavola" }).click();
  await viewOrder(phone.page);
  await phone.page.getByRole("button", { name: "Place order" }).click();
  await expect(phone.page.getByRole("listitem", { name: "Order 1" })).toBeVisible();
  await expect(sessionCard(page, "Table 20")).toContainText("1× Diavola");

  // Staff (instance 1) → phone (instance 2): a product sells out.
  await page.getByRole("link", { name: "Products" }).click();
  await page.getByRole("checkbox", { name: "Diavola sold out" }).click();
  await expect(menuItem(phone.page, "Diavola")).toContainText("Sold out");

  // ...and the table closes, its order still in the kitchen: staff deliver it as they close,
  // and waive the bill.
  await page.getByRole("link", { name: "Floor" }).click();
  await (await showTable(page, "Table 20")).getByRole("button", { name: "Close session" }).click();
  const close = page.getByRole("dialog", { name: "Close session" });
  await close.getByRole("radio", { name: "Deliver them" }).check();
  await close.getByRole("checkbox", { name: "Waive the rest" }).check();
  await close.getByLabel("Why is the rest not paid?").fill("Staff meal");
  await close.getByRole("button", { name: "Close session" }).click();
  await expect(phone.page.getByRole("heading", { name: "This table's session is closed" })).toBeVisible();
});
