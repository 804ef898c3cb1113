import { type Browser, type BrowserContext, devices, expect, type Locator, type Page, type WebSocket } from "@playwright/test";
import jsQRModule from "jsqr";
import { PNG } from "pngjs";
import type { SeededVenue } from "../../server/dist/demo/seed-venue.js";
import { E2E_PORTS } from "./env.js";

// jsqr is CommonJS with `exports.default`; under NodeNext the default import is the module object.
type Decode = typeof jsQRModule.default;
const jsQR: Decode = (jsQRModule as unknown as { default?: Decode }).default ?? (jsQRModule as unknown as Decode);

export const baseUrl = (instance: 0 | 1 = 0) => `http://127.0.0.1:${E2E_PORTS[instance]}`;

/** Logs a staff member in through the panel's form. */
export async function loginStaff(page: Page, venue: Pick<SeededVenue, "owner">, instance: 0 | 1 = 0): Promise<void> {
  await page.goto(`${baseUrl(instance)}/panel`);
  await page.getByLabel("Email").fill(venue.owner.email);
  await page.getByLabel("Password").fill(venue.owner.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("status")).toHaveText("Live");
}

/**
 * Opens a table session from the panel's floor (going back to it from a table's sheet first);
 * the panel shows its QR dialog, which this closes, over the new session's sheet.
 */
export async function openSession(page: Page, label: string): Promise<void> {
  await backToFloor(page);
  await page.getByLabel("Table or label").fill(label);
  await page.getByRole("button", { name: "New session" }).click();
  const dialog = page.getByRole("dialog", { name: `QR code for ${label}` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
}

/** An open session's sheet in the panel (the one table shown: `showTable` opens it). */
export const sessionCard = (page: Page, label: string): Locator =>
  page.locator("article.table-sheet").and(page.getByRole("article", { name: label, exact: true }));

/** A table's tile on the floor (a table's name, or the label of a session without a table). */
export const floorTile = (page: Page, label: string): Locator =>
  page.getByRole("region", { name: "Floor" }).getByRole("article", { name: label, exact: true });

/** From a table's sheet back to the floor; nothing when the floor shows. */
export async function backToFloor(page: Page): Promise<void> {
  const back = page.getByRole("button", { name: "Back to the floor" });
  const floor = page.getByRole("region", { name: "Floor" });
  // Just after a (re)load the panel shows neither until its live state is in.
  await expect(back.or(floor).first()).toBeVisible();
  if (await back.isVisible()) await back.click();
  await expect(floor).toBeVisible();
}

/** Shows an open session's sheet, as a waiter does: back to the floor, then its tile. */
export async function showTable(page: Page, label: string): Promise<Locator> {
  const sheet = sessionCard(page, label);
  if (!(await sheet.isVisible())) {
    await backToFloor(page);
    await floorTile(page, label).locator("button.tile-open").click();
  }
  await expect(sheet).toBeVisible();
  return sheet;
}

/** Screenshots the QR image and decodes it like a phone camera would. */
export async function decodeQr(img: Locator): Promise<string> {
  await expect(img).toBeVisible();
  const png = PNG.sync.read(await img.screenshot());
  const code = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), png.width, png.height);
  if (!code) throw new Error("no QR code found in the image");
  return code.data;
}

/** Opens the staff panel's QR dialog for a session and returns the join URL it encodes. */
export async function joinUrlFromPanel(page: Page, label: string): Promise<string> {
  const sheet = await showTable(page, label);
  await sheet.getByRole("button", { name: label, exact: true }).click();
  const dialog = page.getByRole("dialog", { name: `QR code for ${label}` });
  const url = await decodeQr(dialog.getByRole("img", { name: `QR code for ${label}` }));
  await dialog.getByRole("button", { name: "Close" }).click();
  return url;
}

export interface Phone {
  context: BrowserContext;
  page: Page;
  /** Every WebSocket the phone's page opened, in order (the app's socket; reconnects add more). */
  websockets: WebSocket[];
}

/**
 * A fresh phone (Pixel 7 emulation with touch) in the same browser, set to `locale` (its
 * languages and Accept-Language) if given, else to the test's (`test.use({ locale })`, en-US
 * by default). Close its context when done (the `phones` fixture does).
 */
export async function newPhone(browser: Browser, { locale }: { locale?: string } = {}): Promise<Phone> {
  const { defaultBrowserType: _ignored, ...pixel } = devices["Pixel 7"];
  const context = await browser.newContext({ ...pixel, isMobile: true, hasTouch: true, ...(locale ? { locale } : {}) });
  const page = await context.newPage();
  const websockets: WebSocket[] = [];
  page.on("websocket", (ws) => websockets.push(ws));
  return { context, page, websockets };
}

/** Opens a join URL on a phone, joins with a name and waits for the live menu. */
export async function joinOnPhone(phone: Phone, url: string, name = "Alex"): Promise<Phone> {
  await phone.page.goto(url);
  await phone.page.getByLabel("Your name (optional)").fill(name);
  await phone.page.getByRole("button", { name: "See the menu" }).click();
  await expect(phone.page.getByRole("heading", { name: "Menu" })).toBeVisible();
  await expect(phone.page.getByRole("status")).toHaveText("Live");
  return phone;
}

/** Moves a join URL to another server instance (same path, other port). */
export function onInstance(url: string, instance: 0 | 1): string {
  const u = new URL(url);
  return `${baseUrl(instance)}${u.pathname}`;
}

/** A menu item on the phone, by product name. */
export const menuItem = (page: Page, name: string): Locator => page.getByRole("listitem", { name, exact: true });

/**
 * Brings the phone's cart into view as a guest would: through the sticky "View order" bar,
 * which moves the focus to the cart, or, when the cart already shows (the bar never covers
 * it, so it is gone then), by scrolling to it.
 */
export async function viewOrder(page: Page): Promise<void> {
  // The bar follows an IntersectionObserver: let a frame or two pass after the last tap's scroll.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const bar = page.getByRole("button", { name: /^View order/ });
  const cart = page.getByRole("heading", { name: "Your order", exact: true });
  if (await bar.isVisible()) {
    await bar.click();
    await expect(cart).toBeFocused();
  } else {
    await cart.scrollIntoViewIfNeeded();
  }
  await expect(page.getByRole("button", { name: "Place order" })).toBeVisible();
}

/**
 * The floor's Ready on an order no station has finished: the panel asks "Mark ready for the
 * kitchen?" first (the kitchen owns it: docs/architecture.md), and this confirms it.
 */
export async function markReadyForKitchen(page: Page, label: string): Promise<void> {
  await page.getByRole("button", { name: `Mark order ${label} ready` }).click();
  const ask = page.getByRole("dialog", { name: "Mark ready for the kitchen?" });
  await ask.getByRole("button", { name: "Mark ready", exact: true }).click();
  await expect(ask).toBeHidden();
}
