// Dark mode (issue 15 item 7): the guest's phone, the staff panel and the kitchen display
// follow the system's colour scheme. Each screen is opened through the real pages and seen in
// the light scheme and then the dark one (Playwright's colorScheme emulation): the background
// a person sees is dark with light text in the dark scheme (and as before in the light one), and
// the whole axe check, color-contrast included, passes in the dark scheme (accessibility.spec.ts
// runs it on the same screens in the light one). Every pair of colour tokens the stylesheet uses
// is checked in both schemes, printing stays light and the printed table cards stay paper.
// A screenshot of each screen in the dark scheme goes to E2E_SHOTS_DIR when set (e.g.
// /tmp/dark-shots), else to the test's output folder.
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { StaffAccountResponse } from "@ordered/contract";
import type { Page, TestInfo } from "@playwright/test";
import { expectAccessible } from "../support/axe.js";
import {
  DARK_UI_PAIRS,
  expectContrast,
  expectScheme,
  luminance,
  type Scheme,
  seenColours,
  TEXT_PAIRS,
  tintContrast,
  tokenContrast,
} from "../support/contrast.js";
import { expect, test } from "../support/fixtures.js";
import { column, openDisplay, WALL_SCREEN } from "../support/kitchen.js";
import { createCategory, createProduct, SIZE_GROUP } from "../support/menu.js";
import { openMenuPage } from "../support/menu-admin.js";
import { PHONE } from "../support/phone-screens.js";
import { createTable, payAndClose, pinOf, seat, sessionDetail, typePin, waitForAccepted } from "../support/phone-side.js";
import { connectPhone, placeOrder, raiseAlert } from "../support/session.js";
import { openStaffPage } from "../support/staff-accounts.js";
import { decodeQr, joinOnPhone, loginStaff, sessionCard, showTable, viewOrder } from "../support/ui.js";

const SCHEMES = ["light", "dark"] as const satisfies readonly Scheme[];
const TABLET = { width: 1024, height: 768 } as const;
const MINUTE = 60_000;

/** A screenshot of what the screen shows, into E2E_SHOTS_DIR when set (to look at), else the test's output folder. */
async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  const dir = process.env.E2E_SHOTS_DIR;
  if (dir) mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: dir ? path.join(dir, `${name}.png`) : info.outputPath(`${name}.png`) });
}

/**
 * One screen in the light scheme and then the dark one: the colours a person sees behind
 * `selector` (the page by default) in both, and in the dark one a screenshot and one axe scan
 * (every serious rule, color-contrast with text to decide on included). Motion is reduced so a
 * flash is not caught halfway.
 */
async function inBothSchemes(page: Page, screen: string, name: string, selector = "body"): Promise<void> {
  const info = test.info();
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
    await expectScheme(page, scheme, screen, selector);
  }
  await shot(page, info, `${name}-dark`);
  await expectAccessible(page, info, `${screen} (dark)`, { contrast: true });
}

test("the colour tokens read in both schemes; the entry pages declare both; paper stays light", async ({ page }) => {
  await page.setViewportSize(TABLET);
  await page.goto("/panel");
  await expect(page.getByRole("button", { name: "Log in" })).toBeVisible();
  // The page says it has both schemes before its CSS loads (no white flash), and a bar colour for each.
  await expect(page.locator('meta[name="color-scheme"]')).toHaveAttribute("content", "light dark");
  await expect(page.locator('meta[name="theme-color"][media="(prefers-color-scheme: dark)"]')).toHaveCount(1);
  await expect(page.locator('meta[name="theme-color"][media="(prefers-color-scheme: light)"]')).toHaveCount(1);

  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    expect.soft(await tokenContrast(page, TEXT_PAIRS), `text on its background (${scheme})`).toEqual([]);
    expect.soft(await tintContrast(page), `a dish's initial on its tint (${scheme})`).toEqual([]);
    const declared = await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme);
    expect.soft(declared, "form controls and scrollbars follow the scheme").toBe("light dark");
  }
  await page.emulateMedia({ colorScheme: "dark" });
  expect.soft(await tokenContrast(page, DARK_UI_PAIRS), "fields' borders, focus ring and urgency marks (dark)").toEqual([]);

  await inBothSchemes(page, "staff login", "login");

  // Printed from a screen in the dark scheme: light paper, dark ink.
  await page.emulateMedia({ colorScheme: "dark", media: "print" });
  await expectScheme(page, "light", "login printed from the dark scheme");
});

test("the phone's menu, options sheet, cart, order and bill follow the system's dark setting", async ({ api, venue, phones }) => {
  test.setTimeout(180_000);
  const token = venue.staffToken;
  // A sold-out dish and one with choices and tags, so their looks are on screen too.
  const pizzas = await createCategory(api, token, { name: "Wood-fired" });
  await createProduct(api, token, {
    name: "Capricciosa",
    categoryId: pizzas.id,
    priceCents: 1100,
    available: false,
    allergens: ["GLUTEN", "MILK"],
  });
  await createProduct(api, token, {
    name: "Ortolana",
    description: "Grilled vegetables, tomato, no cheese",
    categoryId: pizzas.id,
    priceCents: 900,
    tags: ["VEGAN", "SPICY"],
    allergens: ["GLUTEN"],
    optionGroups: [SIZE_GROUP],
  });
  const table = await createTable(api, token, "Table 9");
  const sessionId = await seat(api, token, table);
  const phone = await phones.open();
  const { page } = phone;
  await page.setViewportSize(PHONE);
  await joinOnPhone(phone, table.cardUrl, "Alex");
  await typePin(page, await pinOf(api, token, sessionId));
  await inBothSchemes(page, "phone menu", "phone-menu");

  await page.getByRole("listitem", { name: "Capricciosa", exact: true }).scrollIntoViewIfNeeded();
  await inBothSchemes(page, "phone menu, a sold-out dish", "phone-menu-sold-out");

  await page.getByRole("button", { name: "Add Ortolana" }).click();
  const sheet = page.getByRole("dialog", { name: "Ortolana" });
  await expect(sheet).toBeVisible();
  await sheet.getByRole("radio", { name: /Large/ }).check();
  await inBothSchemes(page, "phone options sheet", "phone-options", ".modal[open]");
  await sheet.getByRole("button", { name: /^Add · / }).click();
  await expect(sheet).toBeHidden();

  await page.getByRole("button", { name: "Add Margherita" }).click();
  await page.getByRole("button", { name: "Add Bruschetta" }).click();
  await viewOrder(page);
  await page.getByLabel("Note for Margherita").fill("Well done, please");
  await inBothSchemes(page, "phone cart", "phone-cart");

  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByText(/^Order \d+ sent ✓$/)).toBeVisible();
  await waitForAccepted(api, token, sessionId, 1);
  await expect(page.getByRole("listitem", { name: "Order 1" })).toBeVisible();
  await inBothSchemes(page, "phone order placed", "phone-placed");

  const bill = page.getByRole("tab", { name: /^Bill/ });
  await bill.click();
  await expect(bill).toHaveAttribute("aria-selected", "true");
  await inBothSchemes(page, "phone bill", "phone-bill");

  await payAndClose(api, token, sessionId);
  await expect(page.getByRole("region", { name: "Receipt" })).toBeVisible();
  await inBothSchemes(page, "phone receipt", "phone-receipt");
});

test("the staff panel, its payment dialog and the card sheet follow the system's dark setting", async ({ page, api, venue, prisma }) => {
  test.setTimeout(180_000);
  const token = venue.staffToken;
  const product = (name: string) => venue.products.find((p) => p.name === name)!.id;
  // Table 1 has two orders waiting (late and getting late), Table 2 calls the waiter, Table 3 is free.
  const [one, two] = [await createTable(api, token, "Table 1"), await createTable(api, token, "Table 2")];
  await createTable(api, token, "Table 3");
  const sessions = [await seat(api, token, one), await seat(api, token, two)];
  const [first, second] = await Promise.all(sessions.map(async (id) => (await sessionDetail(api, token, id)).session));
  const robin = await connectPhone((await api.joinSession(first!.joinCode, "Robin")).token);
  const kim = await connectPhone((await api.joinSession(second!.joinCode, "Kim")).token);
  try {
    const late = await placeOrder(robin, [product("Margherita"), product("Espresso")]);
    const later = await placeOrder(robin, [product("Tiramisù")]);
    await waitForAccepted(api, token, sessions[0]!, 2);
    // As if placed 25 and 12 minutes ago: past the location's red (20) and amber (10) thresholds.
    await prisma.order.update({ where: { id: late.id }, data: { placedAt: new Date(Date.now() - 25 * MINUTE) } });
    await prisma.order.update({ where: { id: later.id }, data: { placedAt: new Date(Date.now() - 12 * MINUTE) } });
    await raiseAlert(kim, "WAITER");
  } finally {
    robin.close();
    kim.close();
  }

  await page.setViewportSize(TABLET);
  await loginStaff(page, venue);
  await expect(page.locator(".age-pill.urgency-red").first()).toBeVisible();
  await expect(page.locator(".age-pill.urgency-amber").first()).toBeVisible();
  await inBothSchemes(page, "staff panel", "panel");

  await showTable(page, "Table 1");
  await inBothSchemes(page, "staff panel, an open session", "panel-session");

  // The QR code on a dark dialog keeps a white quiet zone round it, and still scans.
  await sessionCard(page, "Table 1").getByRole("button", { name: "Table 1", exact: true }).click();
  const qr = page.getByRole("dialog", { name: "QR code for Table 1" });
  await expect(qr.getByRole("img")).toBeVisible();
  await inBothSchemes(page, "QR dialog", "panel-qr", ".modal[open]");
  expect(await decodeQr(qr.getByRole("img", { name: "QR code for Table 1" }))).toBe(first!.joinUrl);
  await qr.getByRole("button", { name: "Close" }).click();

  await sessionCard(page, "Table 1").getByRole("button", { name: "Record payment" }).click();
  const pay = page.getByRole("dialog");
  await expect(pay).toBeVisible();
  await inBothSchemes(page, "record payment dialog", "panel-payment", ".modal[open]");
  await pay.getByRole("button", { name: "Close", exact: true }).click();

  // The printable cards stay black on white paper in the dark scheme too.
  await page.getByRole("navigation", { name: "Staff navigation" }).getByRole("link", { name: "Tables" }).click();
  await page.getByRole("link", { name: "Print table cards" }).click();
  await expect(page.getByRole("figure").first()).toBeVisible();
  await page.emulateMedia({ colorScheme: "dark", reducedMotion: "reduce" });
  await expectScheme(page, "dark", "card sheet");
  const card = await seenColours(page, ".table-card-name");
  expect.soft(luminance(card.background), "a table card is white paper in the dark scheme").toBeGreaterThan(0.9);
  expect.soft(luminance(card.text), "with black ink").toBeLessThan(0.05);
  const venueName = await seenColours(page, ".table-card-venue");
  expect.soft(luminance(venueName.text), "its venue line stays dark grey").toBeLessThan(0.15);
  await shot(page, test.info(), "card-sheet-dark");
  await expectContrast(page, test.info(), "card sheet (dark)");
});

test("the kitchen display's tickets follow the system's dark setting; its frame stays dark", async ({ browser, api, venue, prisma }) => {
  test.setTimeout(180_000);
  const token = venue.staffToken;
  const kitchenId = venue.stations.find((s) => s.name === "Kitchen")!.id;
  const product = (name: string) => venue.products.find((p) => p.name === name)!.id;

  /** Seats a table and places one order from a phone's socket; `minutesAgo` moves its tickets back. */
  async function orderAt(tableName: string, names: string[], minutesAgo = 0, note?: string): Promise<void> {
    const table = await createTable(api, token, tableName);
    const sessionId = await seat(api, token, table);
    const { session } = await sessionDetail(api, token, sessionId);
    const socket = await connectPhone((await api.joinSession(session.joinCode, "Guest")).token);
    try {
      const ack = await socket.timeout(5000).emitWithAck("order:place", {
        clientOrderId: randomUUID(),
        items: names.map((n, i) => ({ productId: product(n), quantity: i === 0 ? 2 : 1, ...(i === 0 && note ? { note } : {}) })),
      });
      if (ack.error) throw new Error(`order:place refused: ${ack.error.code} ${ack.error.message}`);
      await waitForAccepted(api, token, sessionId, 1);
      if (minutesAgo > 0) {
        const at = new Date(Date.now() - minutesAgo * MINUTE);
        await prisma.order.update({ where: { id: ack.data.order.id }, data: { placedAt: at } });
        await prisma.ticket.updateMany({ where: { orderId: ack.data.order.id }, data: { createdAt: at, movedAt: at, firedAt: at } });
      }
    } finally {
      socket.close();
    }
  }

  // Red (25 min), amber (12 min) and fresh tickets, an allergy note, one started and one ready.
  await orderAt("Terrace 1", ["Margherita", "Bruschetta"], 25, "no basil");
  await orderAt("Table 7", ["Funghi", "Quattro Formaggi"], 12, "Nut allergy, please check");
  await orderAt("Window 2", ["Diavola"]);
  await orderAt("Bar stool 3", ["Panna Cotta"]);
  const display = await openDisplay(browser, kitchenId, venue.owner, WALL_SCREEN);
  try {
    const { page } = display;
    // Terrace 1's starter and pizza are two tickets (a ticket per course, issue 32).
    await expect(column(page, "New").getByRole("article")).toHaveCount(5);
    await page.getByRole("button", { name: "Start Window 2 #1" }).click();
    await page.getByRole("button", { name: "Start Bar stool 3 #1" }).click();
    await page.getByRole("button", { name: "Mark Bar stool 3 #1 ready" }).click();
    await expect(column(page, "Ready").getByRole("article")).toHaveCount(1);
    await expect(page.locator('.kt[data-urgency="red"]')).toHaveCount(2);
    await expect(page.locator('.kt[data-urgency="amber"]')).toHaveCount(1);

    // The tickets: white in the light scheme, dark in the dark one, their text readable either way.
    await inBothSchemes(page, "kitchen display", "kitchen", ".kt-lines");
    // The frame was dark before this change and stays so in either scheme.
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
      const frame = await seenColours(page, ".kitchen");
      expect.soft(luminance(frame.background), `the kitchen's frame is dark (${scheme})`).toBeLessThan(0.05);
    }
  } finally {
    await display.context.close();
  }
});

test("the staff's other pages follow the system's dark setting: tables, products and a product's form, staff accounts", async ({
  page,
  api,
  venue,
}) => {
  test.setTimeout(180_000);
  const token = venue.staffToken;
  await createTable(api, token, "Table 1");
  // A hidden dish with choices, and a cook's account still to be set up: their badges are on screen.
  const pizzas = await createCategory(api, token, { name: "Wood-fired" });
  await createProduct(api, token, {
    name: "Ortolana",
    categoryId: pizzas.id,
    priceCents: 900,
    hidden: true,
    tags: ["VEGAN"],
    allergens: ["GLUTEN"],
    optionGroups: [SIZE_GROUP],
  });
  await api.call<StaffAccountResponse>("POST", "/api/staff", {
    token,
    body: { email: `cook-${randomUUID().slice(0, 8)}@e2e.ordered`, displayName: "Cook", role: "KITCHEN" },
  });

  await page.setViewportSize(TABLET);
  await loginStaff(page, venue);
  await page.getByRole("navigation", { name: "Staff navigation" }).getByRole("link", { name: "Tables" }).click();
  await expect(page.getByRole("listitem", { name: "Table 1" })).toBeVisible();
  await inBothSchemes(page, "tables page", "tables");

  await openMenuPage(page);
  await page.getByRole("button", { name: "Edit Ortolana" }).scrollIntoViewIfNeeded();
  await inBothSchemes(page, "products page", "products");
  await page.getByRole("button", { name: "Edit Ortolana" }).click();
  await expect(page.getByRole("dialog", { name: "Edit Ortolana" })).toBeVisible();
  await inBothSchemes(page, "product form", "product-form", ".modal[open]");
  await page.keyboard.press("Escape");

  await openStaffPage(page);
  await inBothSchemes(page, "staff accounts page", "staff-accounts");
});
