import { expect, test } from "@playwright/test";
import { ordersOf, staffToken } from "../support/api.js";
import { seedVenue } from "../support/seed.js";
import { baseUrl, joinOnPhone, joinUrlFromPanel, loginStaff, openSession, sessionCard } from "../support/ui.js";

test("an order placed offline shows as sending, then is sent once when the phone is back", async ({ page, browser }) => {
  const venue = await seedVenue();
  await loginStaff(page, venue);
  await openSession(page, "Table 12");
  const phone = await joinOnPhone(browser, await joinUrlFromPanel(page, "Table 12"));
  await phone.page.getByRole("button", { name: "Add Arancini" }).click();
  await phone.page.getByRole("button", { name: /^View order/ }).click();

  await phone.context.setOffline(true);
  await expect(phone.page.getByRole("status")).toHaveText("Offline");
  await phone.page.getByRole("button", { name: "Place order" }).click();
  const pending = phone.page.getByRole("listitem", { name: "Sending…" });
  await expect(pending).toContainText("Arancini");
  await expect(pending).toContainText("Not confirmed yet");
  await phone.page.screenshot({ path: test.info().outputPath("phone-offline-sending.png") });
  await phone.page.waitForTimeout(1000);
  expect(await ordersOf(await staffToken(venue), "Table 12")).toHaveLength(0);

  await phone.context.setOffline(false);
  await expect(phone.page.getByRole("status")).toHaveText("Live");
  await expect(phone.page.getByRole("listitem", { name: "Order 1" })).toContainText("Arancini");
  await expect(pending).toHaveCount(0);
  await expect(sessionCard(page, "Table 12")).toContainText("1× Arancini");
  expect(await ordersOf(await staffToken(venue), "Table 12")).toHaveLength(1);
  await phone.context.close();
});

test("the staff panel catches up on what happened while it was offline", async ({ page, browser, context }) => {
  const venue = await seedVenue();
  await loginStaff(page, venue);
  await openSession(page, "Table 13");
  const phone = await joinOnPhone(browser, await joinUrlFromPanel(page, "Table 13"));

  await context.setOffline(true);
  await expect(page.getByRole("status")).toHaveText("Offline");
  await phone.page.getByRole("button", { name: "Add Bruschetta" }).click();
  await phone.page.getByRole("button", { name: /^View order/ }).click();
  await phone.page.getByRole("button", { name: "Place order" }).click();
  await expect(phone.page.getByRole("listitem", { name: "Order 1" })).toBeVisible();
  // Another staff member opens a table meanwhile.
  const token = await staffToken(venue);
  const res = await fetch(`${baseUrl()}/api/sessions`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ label: "Terrace 1" }),
  });
  expect(res.status).toBe(201);
  await expect(sessionCard(page, "Table 13")).toContainText("No orders yet.");

  await context.setOffline(false);
  await expect(page.getByRole("status")).toHaveText("Live");
  await expect(sessionCard(page, "Table 13")).toContainText("1× Bruschetta");
  await expect(sessionCard(page, "Terrace 1")).toBeVisible();
  await expect(page.getByRole("complementary", { name: "New orders" })).toContainText("Table 13");
  await phone.context.close();
});

test("a phone that was offline while its table closed sees the closed screen when back", async ({ page, browser }) => {
  const venue = await seedVenue();
  await loginStaff(page, venue);
  await openSession(page, "Table 14");
  const phone = await joinOnPhone(browser, await joinUrlFromPanel(page, "Table 14"));

  await phone.context.setOffline(true);
  await expect(phone.page.getByRole("status")).toHaveText("Offline");
  await sessionCard(page, "Table 14").getByRole("button", { name: "Close session" }).click();
  await page.getByRole("dialog", { name: "Close session" }).getByRole("button", { name: "Close session" }).click();
  await expect(sessionCard(page, "Table 14")).toHaveCount(0);

  await phone.context.setOffline(false);
  await expect(phone.page.getByRole("heading", { name: "This table's session is closed" })).toBeVisible();
  await phone.context.close();
});
