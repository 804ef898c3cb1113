import type { TableDto } from "@ordered/contract";
import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures.js";
import { createTable } from "../support/tables.js";
import { joinUrlFromPanel, loginStaff, markReadyForKitchen, sessionCard, viewOrder } from "../support/ui.js";

/** The floor's tile of a table. */
const tile = (page: Page, name: string) => page.getByRole("region", { name: "Floor" }).getByRole("article", { name, exact: true });

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
];

test("the floor seats a table and shows its phones, its running total and that it waits", async ({ page, api, venue, phones }) => {
  await createTable(api, venue.staffToken, { name: "Table 4", area: "Inside", seats: 4 });
  await createTable(api, venue.staffToken, { name: "Table 5", area: "Inside", seats: 2 });
  await createTable(api, venue.staffToken, { name: "Terrace 1", area: "Terrace", seats: 6 });
  await loginStaff(page, venue);

  // Grouped by area, in floor order, every table free.
  const floor = page.getByRole("region", { name: "Floor" });
  await expect(floor.getByRole("heading", { name: "Inside" })).toBeVisible();
  await expect(floor.getByRole("list", { name: "Inside" }).getByRole("article")).toHaveText([/Table 4/, /Table 5/]);
  await expect(floor.getByRole("list", { name: "Terrace" }).getByRole("article")).toHaveText([/Terrace 1/]);
  await expect(tile(page, "Table 4")).toContainText("Free");
  await expect(floor).toContainText("0 of 3 seated");

  // Seat Table 4: a session on it, labelled with its name; its sheet opens, Back shows the floor.
  await tile(page, "Table 4").getByRole("button", { name: "Seat Table 4" }).click();
  await expect(sessionCard(page, "Table 4")).toBeVisible();
  await page.getByRole("button", { name: "Back to the floor" }).click();
  await expect(tile(page, "Table 4")).toContainText("Seated");
  await expect(tile(page, "Table 4")).toContainText("0 phones");
  await expect(tile(page, "Table 4")).toContainText("€0.00");
  await expect(floor).toContainText("1 of 3 seated");

  // Two phones join; one orders. The pipeline accepts the order: it counts, and the table waits.
  const joinUrl = await joinUrlFromPanel(page, "Table 4");
  await page.getByRole("button", { name: "Back to the floor" }).click();
  const robin = await phones.join(joinUrl, "Robin");
  await phones.join(joinUrl, "Sam");
  await expect(tile(page, "Table 4")).toContainText("2 phones");
  await robin.page.getByRole("button", { name: "Add Margherita" }).click();
  await robin.page.getByRole("button", { name: "Add Lemonade" }).click();
  await viewOrder(robin.page);
  await robin.page.getByRole("button", { name: "Place order" }).click();
  await expect(robin.page.getByRole("listitem", { name: "Order 1" })).toBeVisible();
  await expect(tile(page, "Table 4")).toContainText("€14.00");
  await expect(tile(page, "Table 4")).toContainText(/In the kitchen|Kitchen \d+ min/);
  await expect(tile(page, "Table 5")).toContainText("Free");

  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: test.info().outputPath(`floor-${viewport.width}.png`) });
  }
  await page.setViewportSize(VIEWPORTS[0]!);

  // The tile opens the table's sheet, which takes the focus; the URL names it, so Back (the
  // tablet's, or the browser's) returns to the floor with the focus on the tile.
  await tile(page, "Table 4").getByRole("button").click();
  await expect(sessionCard(page, "Table 4")).toBeFocused();
  await expect(page).toHaveURL(/\/panel\?table=/);
  await page.goBack();
  await expect(tile(page, "Table 4").getByRole("button")).toBeFocused();
  await page.goForward();
  await expect(sessionCard(page, "Table 4")).toBeVisible();

  // Escape in one of the sheet's dialogs closes the dialog only; on the sheet it goes back to the floor.
  await sessionCard(page, "Table 4").getByRole("button", { name: "Record payment" }).click();
  const pay = page.getByRole("dialog", { name: "Record payment — Table 4" });
  await expect(pay).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(pay).toBeHidden();
  await expect(sessionCard(page, "Table 4")).toBeVisible();

  // Ready: the floor says the food is at the pass, not that the table waits; Delivered clears it.
  await markReadyForKitchen(page, "Table 4 #1");
  await page.keyboard.press("Escape");
  await expect(tile(page, "Table 4")).toContainText("Food ready");
  await expect(tile(page, "Table 4")).not.toContainText("Kitchen");
  await tile(page, "Table 4").getByRole("button").click();
  await page.getByRole("button", { name: "Mark order Table 4 #1 delivered" }).click();
  await page.getByRole("button", { name: "Back to the floor" }).click();
  await expect(tile(page, "Table 4")).not.toContainText("Food ready");
  await expect(tile(page, "Table 4")).toContainText("€14.00");
});

test("a table seated elsewhere shows on the floor live, and a reload keeps phones and total", async ({
  panel: page,
  api,
  venue,
  phones,
}) => {
  const table = await createTable(api, venue.staffToken, { name: "Table 9", area: null, seats: null });
  await page.reload();
  await expect(tile(page, "Table 9")).toContainText("Free");
  // No areas in use: no area headings.
  await expect(page.getByRole("region", { name: "Floor" }).getByRole("heading", { level: 3 })).toHaveCount(0);

  // Another device seats the table: the session:opened event refreshes the floor.
  await api.route("POST /api/sessions", { token: venue.staffToken, body: { tableId: table.id } });
  await expect(tile(page, "Table 9")).toContainText("Seated");
  const phone = await phones.join(await joinUrlFromPanel(page, "Table 9"), "Alex");
  await page.getByRole("button", { name: "Back to the floor" }).click();
  await phone.page.getByRole("button", { name: "Add Espresso" }).click();
  await viewOrder(phone.page);
  await phone.page.getByRole("button", { name: "Place order" }).click();
  await expect(tile(page, "Table 9")).toContainText("€2.50");

  // A reload seeds the phones and orders from the session detail.
  await page.reload();
  await expect(tile(page, "Table 9")).toContainText("1 phone");
  await expect(tile(page, "Table 9")).toContainText("€2.50");

  // Closed elsewhere: the table is free again.
  const open = (await api.listSessions(venue.staffToken, "OPEN")).find((s) => s.label === "Table 9");
  await api.route("POST /api/sessions/:id/close", {
    token: venue.staffToken,
    params: { id: open!.id },
    body: { unfinished: "cancel", waiveReason: "test" },
  });
  await expect(tile(page, "Table 9")).toContainText("Free");
});

test("a waiter call and a bill request from phones flag their tables on the floor", async ({ panel: page, api, venue, phones }) => {
  const tables: TableDto[] = [];
  for (const [name, area] of [
    ["Table 1", "Inside"],
    ["Table 2", "Inside"],
    ["Table 3", "Inside"],
    ["Table 4", "Inside"],
    ["Terrace 1", "Terrace"],
  ] as const) {
    tables.push(await createTable(api, venue.staffToken, { name, area, seats: 4 }));
  }
  const seat = async (i: number) =>
    (await api.route("POST /api/sessions", { token: venue.staffToken, body: { tableId: tables[i]!.id } })).session.joinUrl;
  const [calling, paying, waiting] = [await seat(0), await seat(1), await seat(2)];
  await page.reload();
  await expect(page.getByRole("region", { name: "Floor" })).toContainText("3 of 5 seated");

  const one = await phones.join(calling, "Robin");
  await one.page.getByRole("button", { name: "Call a waiter" }).click();
  await expect(tile(page, "Table 1")).toContainText("Waiter called");

  const two = await phones.join(paying, "Sam");
  await two.page.getByRole("button", { name: "Ask for the bill" }).click();
  await expect(tile(page, "Table 2")).toContainText("Bill requested");
  await expect(tile(page, "Table 2")).not.toContainText("Waiter called");

  const three = await phones.join(waiting, "Alex");
  await three.page.getByRole("button", { name: "Add Tiramisù" }).click();
  await viewOrder(three.page);
  await three.page.getByRole("button", { name: "Place order" }).click();
  await expect(tile(page, "Table 3")).toContainText(/In the kitchen|Kitchen \d+ min/);
  await expect(tile(page, "Table 4")).toContainText("Free");

  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: test.info().outputPath(`floor-calls-${viewport.width}.png`) });
  }
});
