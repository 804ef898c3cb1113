// axe-core on every screen (issue 15): staff's panel, its pages and dialogs, the kitchen
// display, and the phone from the first screen to the receipt. Each test scans its screens one
// after another (soft assertions), so one run lists every violation of every screen; the rule
// ids and elements are in the failure and in the test's attachments.
import type { StaffAccountResponse } from "@ordered/contract";
import { expectAccessible, orderFromSocket } from "../support/axe.js";
import { expect, test } from "../support/fixtures.js";
import { openDisplay, TABLET } from "../support/kitchen.js";
import { createCategory, createProduct, SIZE_GROUP } from "../support/menu.js";
import { openMenuPage } from "../support/menu-admin.js";
import { createTable, payAndClose, pinOf, seat, sessionDetail, typePin, waitForAccepted } from "../support/phone-side.js";
import { openStaffPage } from "../support/staff-accounts.js";
import { joinOnPhone, joinUrlFromPanel, openSession, showTable, viewOrder } from "../support/ui.js";

const TABLET_SIZE = { width: 1024, height: 768 };
/** The phone's screens fail on every axe violation, moderate ones too (issue 35: content outside a landmark). */
const ALL = { all: true } as const;

test("staff screens: login, setup, panel with a session and its dialogs, tables, card sheet, menu and its tax rates, translations, settings, staff accounts, a closed session's record", async ({
  browser,
  page,
  api,
  venue,
}) => {
  const info = test.info();
  await page.setViewportSize(TABLET_SIZE);

  // Login, before anyone is signed in.
  await page.goto("/panel");
  await expect(page.getByRole("button", { name: "Log in" })).toBeVisible();
  await expectAccessible(page, info, "staff login");

  // A new member's setup page, in a browser of its own.
  const created = await api.call<StaffAccountResponse>("POST", "/api/staff", {
    token: venue.staffToken,
    body: { email: `axe-${Date.now()}@e2e.ordered`, displayName: "Axe Waiter", role: "SERVER" },
  });
  const setup = await browser.newContext({ viewport: TABLET_SIZE });
  try {
    const setupPage = await setup.newPage();
    await setupPage.goto(created.setupLink!.url);
    await expect(setupPage.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(setupPage, info, "setup page");
  } finally {
    await setup.close();
  }

  // The panel with a session that has an order.
  await page.getByLabel("Email").fill(venue.owner.email);
  await page.getByLabel("Password").fill(venue.owner.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
  await openSession(page, "Patio 1");
  await orderFromSocket(api, venue, await joinUrlFromPanel(page, "Patio 1"), ["Margherita"]);
  const card = await showTable(page, "Patio 1");
  await expect(card).toContainText("1× Margherita");
  await expectAccessible(page, info, "panel with a session and an order");

  await card.getByRole("button", { name: "Patio 1", exact: true }).click();
  const qr = page.getByRole("dialog", { name: "QR code for Patio 1" });
  await expect(qr.getByRole("img")).toBeVisible();
  await expectAccessible(page, info, "QR dialog");
  await qr.getByRole("button", { name: "Close" }).click();

  await card.getByRole("button", { name: "Record payment" }).click();
  const pay = page.getByRole("dialog");
  await expect(pay).toBeVisible();
  await expectAccessible(page, info, "record payment dialog");
  await pay.getByRole("button", { name: "Close", exact: true }).click();

  await card.getByRole("button", { name: "Close session" }).click();
  const close = page.getByRole("dialog", { name: "Close session" });
  await expect(close).toBeVisible();
  await expectAccessible(page, info, "close session dialog");
  await close.getByRole("button", { name: "Close", exact: true }).click();

  // The table's allergies (issue 35): the form staff record a seat's with, a seat refused.
  await card.getByRole("button", { name: "Record allergies at Patio 1" }).click();
  const allergyForm = page.getByRole("dialog", { name: "Allergies at Patio 1" });
  await allergyForm.getByRole("checkbox", { name: "Sesame" }).check();
  await allergyForm.getByRole("button", { name: "Save" }).click();
  await expect(allergyForm.getByRole("alert")).toBeVisible();
  await expectAccessible(page, info, "allergy form");
  await allergyForm.getByRole("button", { name: "Cancel" }).click();

  // Tables, and the card sheet.
  await createTable(api, venue.staffToken, "Table 1");
  await page.getByRole("navigation", { name: "Staff navigation" }).getByRole("link", { name: "Tables" }).click();
  await expect(page.getByRole("heading", { name: "Tables", level: 1 })).toBeVisible();
  await expect(page.getByRole("listitem", { name: "Table 1" })).toBeVisible();
  await expectAccessible(page, info, "tables page");
  await page.getByRole("button", { name: `Edit ${"Table 1"}` }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectAccessible(page, info, "table form dialog");
  await page.keyboard.press("Escape");

  await page.getByRole("link", { name: "Print table cards" }).click();
  await expect(page.getByRole("figure").first()).toBeVisible();
  await expectAccessible(page, info, "card sheet");
  await page.goBack();

  // The menu, with a product's form open.
  await openMenuPage(page);
  await expectAccessible(page, info, "products page");
  await page.getByRole("button", { name: "Edit Margherita" }).click();
  await expect(page.getByRole("dialog", { name: "Edit Margherita" })).toBeVisible();
  await expectAccessible(page, info, "product form");
  await page.keyboard.press("Escape");

  // The menu's tax rates editor (issue 33): a rate, and a refused percent's message.
  await api.route("POST /api/tax-rates", { token: venue.staffToken, body: { name: "Standard", rateBps: 1900 } });
  await page.reload();
  const rates = page.getByRole("region", { name: /^Tax rates/ });
  await expect(rates.getByRole("listitem", { name: "Standard", exact: true })).toContainText("19 %");
  await rates.getByLabel("New rate name").fill("Reduced");
  await rates.getByLabel("Rate (%)").fill("7,5,");
  await rates.getByRole("button", { name: "Add rate" }).click();
  await expect(rates.getByRole("alert")).toBeVisible();
  await expectAccessible(page, info, "menu's tax rates editor");

  // The menu's translations (issue 35): the side-by-side editor, a text typed, missing ones marked.
  await page.getByRole("navigation", { name: "Staff navigation" }).getByRole("link", { name: "Translations" }).click();
  await expect(page.getByRole("heading", { name: "Translations", level: 1 })).toBeVisible();
  await page.getByRole("radio", { name: /^Italian:/ }).check();
  await page.getByLabel("Name in Italian for Margherita", { exact: true }).fill("Pizza Margherita");
  await expect(page.getByRole("button", { name: "Save 1 change" })).toBeVisible();
  await expectAccessible(page, info, "menu translations page");

  // Settings (issue 33): the receipts' identity, prices and tax (a change shows its warning), the time zone.
  await page.getByRole("navigation", { name: "Staff navigation" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  const prices = page.getByRole("region", { name: "Prices and tax" });
  await prices.getByRole("radio", { name: /Tax is added to prices/ }).check();
  await expect(prices).toContainText("This changes how future orders are billed");
  await expectAccessible(page, info, "settings page");

  // Staff accounts, with the new-account form open.
  await openStaffPage(page);
  await expectAccessible(page, info, "staff accounts page");
  await page.getByRole("button", { name: "Add account" }).click();
  await expect(page.getByRole("dialog", { name: "New staff account" })).toBeVisible();
  await expectAccessible(page, info, "new staff account dialog");
  await page.keyboard.press("Escape");

  // A closed session's record, with its receipt and the form that mails it (issue 33).
  const patio = (await api.route("GET /api/sessions", { token: venue.staffToken, query: { status: "OPEN" } })).sessions.find(
    (s) => s.label === "Patio 1",
  )!;
  await payAndClose(api, venue.staffToken, patio.id);
  await page.getByRole("navigation", { name: "Staff navigation" }).getByRole("link", { name: "Floor" }).click();
  await page
    .getByRole("region", { name: "Closed sessions" })
    .getByRole("article", { name: "Patio 1" })
    .getByRole("button", { name: "View Patio 1" })
    .click();
  const record = page.getByRole("dialog", { name: "Patio 1 — record" });
  await expect(record.getByRole("form", { name: "E-mail the receipt" })).toBeVisible();
  await expectAccessible(page, info, "closed session's record with its mail form");
});

test("the kitchen display", async ({ browser, api, venue }) => {
  const table = await createTable(api, venue.staffToken, "Table 2");
  const sessionId = await seat(api, venue.staffToken, table);
  const kitchen = venue.stations[0]!;
  const display = await openDisplay(browser, kitchen.id, venue.owner, TABLET);
  try {
    const { session } = await sessionDetail(api, venue.staffToken, sessionId);
    expect(session.id).toBe(sessionId);
    await expectAccessible(display.page, test.info(), "kitchen display (empty)");
    await orderFromSocket(api, venue, session.joinUrl, ["Margherita"]);
    await expect(display.page.getByRole("article").first()).toBeVisible();
    await expectAccessible(display.page, test.info(), "kitchen display with a ticket");
  } finally {
    await display.context.close();
  }
});

test("phone screens, with no violation of any impact (landmarks too): first screen, menu, options sheet, cart, orders, bill, receipt, free table, invalid card", async ({
  api,
  venue,
  phones,
}) => {
  const info = test.info();
  const pizzas = await createCategory(api, venue.staffToken, { name: "Wood-fired" });
  await createProduct(api, venue.staffToken, {
    name: "Ortolana",
    categoryId: pizzas.id,
    priceCents: 900,
    optionGroups: [SIZE_GROUP],
  });
  const table = await createTable(api, venue.staffToken, "Table 7");
  const sessionId = await seat(api, venue.staffToken, table);
  const phone = await phones.open();
  const { page } = phone;

  await page.goto(table.cardUrl);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page, info, "phone first screen", ALL);

  await joinOnPhone(phone, table.cardUrl, "Alex");
  await expectAccessible(page, info, "phone menu, asking for the table's PIN", ALL);
  await typePin(page, await pinOf(api, venue.staffToken, sessionId));

  await page.getByRole("button", { name: "Add Ortolana" }).click();
  const sheet = page.getByRole("dialog", { name: "Ortolana" });
  await expect(sheet).toBeVisible();
  await expectAccessible(page, info, "phone options sheet", ALL);
  await sheet.getByRole("radio", { name: /Large/ }).check();
  await sheet.getByRole("button", { name: /^Add · / }).click();
  await expect(sheet).toBeHidden();

  await page.getByRole("button", { name: "Add Margherita" }).click();
  await viewOrder(page);
  await expect(page.getByRole("button", { name: "Place order" })).toBeVisible();
  await expectAccessible(page, info, "phone cart", ALL);

  await page.getByRole("button", { name: "Place order" }).click();
  await waitForAccepted(api, venue.staffToken, sessionId, 1);
  await expect(page.getByRole("listitem", { name: "Order 1" })).toBeVisible();
  await page.getByRole("listitem", { name: "Order 1" }).scrollIntoViewIfNeeded();
  await expectAccessible(page, info, "phone orders and timeline", ALL);

  await page.getByRole("tab", { name: /^Bill/ }).click();
  await expectAccessible(page, info, "phone bill", ALL);

  await payAndClose(api, venue.staffToken, sessionId);
  await expect(page.getByRole("region", { name: "Receipt" })).toBeVisible();
  await expect(page.getByRole("form", { name: "E-mail the receipt" })).toBeVisible();
  await expectAccessible(page, info, "phone receipt with its mail form", ALL);

  // The table is free now: its card says so.
  const other = await phones.open();
  await other.page.goto(table.cardUrl);
  await other.page.getByRole("button", { name: "See the menu" }).click();
  await expect(other.page.getByRole("heading", { name: "This table is free right now" })).toBeVisible();
  await expectAccessible(other.page, info, "phone free table", ALL);

  await other.page.goto("/t/not-a-real-card-0000000000");
  await expect(other.page.getByRole("heading", { name: "Not a valid table card" })).toBeVisible();
  await expectAccessible(other.page, info, "phone invalid card", ALL);
});
