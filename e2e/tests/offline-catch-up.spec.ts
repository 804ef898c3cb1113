import { ordersOf } from "../support/api.js";
import { expect, test } from "../support/fixtures.js";
import { floorTile, joinUrlFromPanel, openSession, sessionCard, viewOrder } from "../support/ui.js";

test("an order placed offline shows as sending, then is sent once when the phone is back", async ({ panel, phones, api, venue }) => {
  await openSession(panel, "Table 12");
  const phone = await phones.join(await joinUrlFromPanel(panel, "Table 12"));
  await phone.page.getByRole("button", { name: "Add Arancini" }).click();
  await viewOrder(phone.page);

  await phone.context.setOffline(true);
  await expect(phone.page.getByRole("status")).toHaveText("Offline");
  // The app drops its socket when the browser goes offline: wait until it is really closed,
  // so that nothing placed from now on can reach the server before the phone is back.
  expect(phone.websockets.length).toBeGreaterThan(0);
  await expect.poll(() => phone.websockets.every((ws) => ws.isClosed())).toBe(true);
  await phone.page.getByRole("button", { name: "Place order" }).click();
  const pending = phone.page.getByRole("listitem", { name: "Sending…" });
  await expect(pending).toContainText("Arancini");
  await expect(pending).toContainText("Not confirmed yet");
  await phone.page.screenshot({ path: test.info().outputPath("phone-offline-sending.png") });
  expect(await ordersOf(api, venue.staffToken, "Table 12")).toHaveLength(0);

  const backOnline = Date.now();
  await phone.context.setOffline(false);
  await expect(phone.page.getByRole("status")).toHaveText("Live");
  await expect(phone.page.getByRole("listitem", { name: "Order 1" })).toContainText("Arancini");
  await expect(pending).toHaveCount(0);
  await expect(sessionCard(panel, "Table 12")).toContainText("1× Arancini");
  const stored = await ordersOf(api, venue.staffToken, "Table 12");
  expect(stored).toHaveLength(1);
  // Stored once, and only after the phone was back (same machine, same clock).
  expect(Date.parse(stored[0]!.placedAt)).toBeGreaterThanOrEqual(backOnline);
});

test("the staff panel catches up on what happened while it was offline", async ({ panel, phones, api, venue }) => {
  await openSession(panel, "Table 13");
  const phone = await phones.join(await joinUrlFromPanel(panel, "Table 13"));

  await panel.context().setOffline(true);
  await expect(panel.getByRole("status")).toHaveText("Offline");
  await phone.page.getByRole("button", { name: "Add Bruschetta" }).click();
  await viewOrder(phone.page);
  await phone.page.getByRole("button", { name: "Place order" }).click();
  await expect(phone.page.getByRole("listitem", { name: "Order 1" })).toBeVisible();
  // Another staff member opens a table meanwhile.
  const res = await api.request("POST", "/api/sessions", { token: venue.staffToken, body: { label: "Terrace 1" } });
  expect(res.status).toBe(201);
  await expect(sessionCard(panel, "Table 13")).toContainText("No orders yet.");

  await panel.context().setOffline(false);
  await expect(panel.getByRole("status")).toHaveText("Live");
  await expect(sessionCard(panel, "Table 13")).toContainText("1× Bruschetta");
  await panel.getByRole("button", { name: "Back to the floor" }).click();
  await expect(floorTile(panel, "Terrace 1")).toBeVisible();
  await expect(panel.getByRole("complementary", { name: /^Needs action/ })).toContainText("Table 13");
});

test("a phone that was offline while its table closed sees the closed screen when back", async ({ panel, phones }) => {
  await openSession(panel, "Table 14");
  const phone = await phones.join(await joinUrlFromPanel(panel, "Table 14"));

  await phone.context.setOffline(true);
  await expect(phone.page.getByRole("status")).toHaveText("Offline");
  await sessionCard(panel, "Table 14").getByRole("button", { name: "Close session" }).click();
  await panel.getByRole("dialog", { name: "Close session" }).getByRole("button", { name: "Close session" }).click();
  await expect(sessionCard(panel, "Table 14")).toHaveCount(0);

  await phone.context.setOffline(false);
  await expect(phone.page.getByRole("heading", { name: "This table's session is closed" })).toBeVisible();
});
