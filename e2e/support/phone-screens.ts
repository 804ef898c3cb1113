// Helpers for the phone specs of issue 15 (the phone at product grade): the two phone sizes
// the guest side is judged at, screenshots at both, and a session opened over the REST API.
import { expect, type Locator, type Page, type TestInfo } from "@playwright/test";
import type { ApiClient } from "../../server/dist/tools/api-client.js";
import type { Phone } from "./ui.js";

export const PHONE = { width: 390, height: 844 } as const;
export const SMALL_PHONE = { width: 320, height: 568 } as const;

/** Opens a session as staff would (no panel needed); returns its id and the URL its QR encodes. */
export async function openSessionWithLink(api: ApiClient, staffToken: string, label: string): Promise<{ id: string; joinUrl: string }> {
  const { session } = await api.openSession(staffToken, label);
  return { id: session.id, joinUrl: session.joinUrl };
}

/** Joins on the first screen with one tap (no name), at the given size; waits for the live menu. */
export async function joinWithoutName(phone: Phone, url: string, size: { width: number; height: number } = PHONE): Promise<Page> {
  const { page } = phone;
  await page.setViewportSize(size);
  await page.goto(url);
  await page.getByRole("button", { name: "See the menu" }).click();
  await expect(page.getByRole("heading", { name: "Menu", exact: true })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
  return page;
}

/** The screen as the guest sees it at 390×844 and at 320×568 (`before` runs at each size, e.g. to scroll). */
export async function phoneShots(page: Page, info: TestInfo, name: string, before?: () => Promise<void>): Promise<void> {
  const original = page.viewportSize();
  for (const size of [PHONE, SMALL_PHONE]) {
    await page.setViewportSize(size);
    await before?.();
    await page.screenshot({ path: info.outputPath(`${name}-${size.width}x${size.height}.png`) });
  }
  if (original) await page.setViewportSize(original);
}

/** Whether two elements' boxes overlap on screen (both must be rendered). */
export async function overlap(a: Locator, b: Locator): Promise<boolean> {
  const [x, y] = await Promise.all([a.boundingBox(), b.boundingBox()]);
  if (!x || !y) return false;
  return x.x < y.x + y.width && y.x < x.x + x.width && x.y < y.y + y.height && y.y < x.y + x.height;
}

/** The phone's cart (the "Your order" section). */
export const cartOf = (page: Page): Locator => page.getByRole("region", { name: "Your order" });
