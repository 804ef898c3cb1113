// The kitchen display's e2e kit (issue 14): station screens in their own browser contexts
// (a wall screen at 1280×800, a tablet at 1024×768), a KITCHEN account made the way an owner
// makes one, the phone's side of a mixed order, and a way to look at a screen nobody has touched.
import { writeFile } from "node:fs/promises";
import { type Browser, type BrowserContext, expect, type Locator, type Page } from "@playwright/test";
import type { ApiClient } from "../../server/dist/tools/api-client.js";
import { baseUrl, viewOrder } from "./ui.js";

/** Chromium as the config launches it, plus sound without a user gesture (the display's repeating cue). */
export const launchWithSound = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--autoplay-policy=no-user-gesture-required",
  ],
};

export const WALL_SCREEN = { width: 1280, height: 800 } as const;
export const TABLET = { width: 1024, height: 768 } as const;

export interface Display {
  context: BrowserContext;
  page: Page;
  /** The display's root: `data-cue` and `data-beeps`. */
  root: Locator;
}

/** A station's display in a fresh context (on server instance 1 or 2), logged in through its own form; waits until it is live. */
export async function openDisplay(
  browser: Browser,
  stationId: string,
  account: { email: string; password: string },
  viewport: { width: number; height: number } = WALL_SCREEN,
  instance: 0 | 1 = 0,
): Promise<Display> {
  const context = await browser.newContext({ viewport, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${baseUrl(instance)}/kitchen/${stationId}`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("status")).toHaveText("Live");
  return { context, page, root: page.locator(".kitchen") };
}

/** A column of a display: "New", "Preparing" or "Ready". */
export const column = (page: Page, name: "New" | "Preparing" | "Ready"): Locator => page.getByRole("region", { name, exact: true });

/** A ticket ("Table 4 #1") wherever it is on a display. */
export const ticketOn = (page: Page, name: string): Locator => page.getByRole("article", { name, exact: true });

/** How many beeps the display's cue has sounded. */
export async function beeps(display: Display): Promise<number> {
  return Number(await display.root.getAttribute("data-beeps"));
}

/** A staff account made by the owner over the API, its password set through its one-time link (as the new member would). */
export async function createAccount(
  api: ApiClient,
  ownerToken: string,
  role: "MANAGER" | "SERVER" | "KITCHEN",
  email: string,
): Promise<{ email: string; password: string; token: string }> {
  const created = await api.route("POST /api/staff", {
    token: ownerToken,
    body: { email, displayName: `${role.toLowerCase()} ${email.split("@")[0]}`, role },
  });
  const setupToken = new URL(created.setupLink!.url).hash.slice(1);
  const password = "kitchen-password-1";
  const login = await api.route("POST /api/auth/setup", { body: { token: setupToken, password } });
  expect(login.staff.role).toBe(role);
  return { email, password, token: login.token };
}

/** The phone adds products (a note on one of them) and places the order from its cart. */
export async function placeOrder(phone: Page, names: string[], note?: { product: string; text: string }): Promise<void> {
  for (const name of names) await phone.getByRole("button", { name: `Add ${name}` }).click();
  await viewOrder(phone);
  if (note) await phone.getByLabel(`Note for ${note.product}`).fill(note.text);
  await phone.getByRole("button", { name: "Place order" }).click();
  await expect(phone.getByText(/^Order \d+ sent ✓$/)).toBeVisible();
}

/**
 * Looks at a page without activating it. Playwright runs every query, expectation and
 * evaluate in the page with a user gesture (CDP `Runtime.callFunctionOn` with `userGesture:
 * true`), and Chromium counts that as the user's activation of the page: from then on it lets
 * sound play. So does a trace that records DOM snapshots: its recorder reads each new
 * document's title that way as it loads (hence `snapshots: false` where it matters). This reads
 * the page straight from Chromium (`Runtime.evaluate`, no gesture), as a screen nobody has
 * touched. Chromium only.
 */
export async function untouchedView(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  return {
    /**
     * Polls `fn` in the page until it returns something (not null, undefined or false); gives
     * that, or fails after `timeout` ms with `message`.
     */
    async waitFor<T>(fn: () => T | null | undefined | false, message: string, timeout = 10_000): Promise<T> {
      const deadline = Date.now() + timeout;
      for (;;) {
        const { result, exceptionDetails } = await cdp.send("Runtime.evaluate", { expression: `(${fn})()`, returnByValue: true });
        if (exceptionDetails) throw new Error(`in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
        if (result.value !== undefined && result.value !== null && result.value !== false) return result.value as T;
        if (Date.now() > deadline) throw new Error(message);
        await new Promise((r) => setTimeout(r, 100)); // polling interval
      }
    },
    /** A screenshot of the page (`page.screenshot` would run script in it). */
    async screenshot(path: string): Promise<void> {
      const { data } = await cdp.send("Page.captureScreenshot", { format: "png" });
      await writeFile(path, Buffer.from(data, "base64"));
    },
  };
}
