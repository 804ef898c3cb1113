import type { Page } from "@playwright/test";
import { ordersOf } from "../support/api.js";
import { expect, test } from "../support/fixtures.js";
import { joinUrlFromPanel, openSession } from "../support/ui.js";

// Issue 15 (6): a phone that lost Wi-Fi and reloads gets the app from its service worker
// (web/offline/service-worker.js), not the browser's error page, and the app shows what it
// kept: the table's orders and the one not confirmed yet, with the offline state.
test("a phone that reloads offline still shows its orders and what is not confirmed yet", async ({ panel, phones, api, venue }) => {
  await openSession(panel, "Table 21");
  const phone = await phones.join(await joinUrlFromPanel(panel, "Table 21"));
  const { page, context } = phone;
  // Online and in sync first: what this test checks begins when the phone loses Wi-Fi.
  await expect(page.getByRole("status")).toHaveText("Live");
  await page.getByRole("button", { name: "Add Arancini" }).click();
  // Placed from the keyboard: a tap right after the cart appeared was lost about one run in
  // six (the page settling under it; followed up in issue 32's notes). Tapping to order is
  // phone-cart's and double-tap's subject; this test's is what a reload offline shows.
  await placeWithKeyboard(page);
  await expect(page.getByRole("listitem", { name: "Order 1" })).toContainText("Arancini");
  // The worker is in charge of the page once it has installed (it claims open pages).
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await context.setOffline(true);
  await expect(page.getByRole("status")).toHaveText("Offline");
  await expect.poll(() => phone.websockets.every((ws) => ws.isClosed())).toBe(true);
  await page.getByRole("button", { name: "Add Bruschetta" }).click();
  await placeWithKeyboard(page);
  await expect(page.getByRole("listitem", { name: "Sending…" })).toContainText("Not confirmed yet");

  await page.reload();
  await expect(page.getByRole("status")).toHaveText("Offline");
  await expect(page.getByRole("listitem", { name: "Order 1" })).toContainText("Arancini");
  const pending = page.getByRole("listitem", { name: "Sending…" });
  await expect(pending).toContainText("Bruschetta");
  await expect(pending).toContainText("Not confirmed yet");
  await page.screenshot({ path: test.info().outputPath("phone-reloaded-offline.png"), fullPage: true });
  // Also a page this phone never opened (another client route) gets the app, not an error.
  const other = await context.newPage();
  await other.goto(`${new URL(page.url()).origin}/s/never-seen`);
  await expect(other.locator("#root")).not.toBeEmpty();
  await other.close();

  await context.setOffline(false);
  await expect(page.getByRole("status")).toHaveText("Live");
  await expect(page.getByRole("listitem", { name: "Order 2" })).toContainText("Bruschetta");
  await expect(pending).toHaveCount(0);
  // Sent once, after the reload: the cart kept it, with its id, across the reload.
  expect((await ordersOf(api, venue.staffToken, "Table 21")).map((o) => o.items.map((i) => i.productName))).toEqual([
    ["Arancini"],
    ["Bruschetta"],
  ]);
});

async function placeWithKeyboard(page: Page): Promise<void> {
  const place = page.getByRole("button", { name: "Place order" });
  await place.focus();
  await place.press("Enter");
}
