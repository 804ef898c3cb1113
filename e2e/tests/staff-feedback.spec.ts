// Staff feedback (issue 15): the panel says when its QR codes point at this computer (no
// PUBLIC_URL; the e2e servers run with http://127.0.0.1:<port>, so the note shows here), keeps
// focus where staff work, and announces what their actions did.
import { orderFromSocket } from "../support/axe.js";
import { expect, test } from "../support/fixtures.js";
import { createTable } from "../support/phone-side.js";
import { TABLET } from "../support/touch.js";
import { joinUrlFromPanel, openSession, showTable } from "../support/ui.js";

const NOTE = "Phones cannot open these QR codes yet";

test("the tables page, card sheet and QR dialog say plainly that the QR codes point at this computer, and printing still works", async ({
  panel,
  api,
  venue,
}) => {
  const page = panel;
  await page.setViewportSize(TABLET);
  await createTable(api, venue.staffToken, "Table 1");

  await page.getByRole("navigation", { name: "Staff navigation" }).getByRole("link", { name: "Tables" }).click();
  const note = page.getByRole("note", { name: NOTE });
  await expect(note).toBeVisible();
  await expect(note).toContainText("They point to 127.0.0.1, an address only this computer can reach");
  await expect(note).toContainText(
    "set PUBLIC_URL to an address phones on your network can reach, e.g. PUBLIC_URL=http://192.168.1.20:3000",
  );
  await expect(note).toContainText("restart the server");
  await page.screenshot({ path: test.info().outputPath("tables-local-url-1024.png") });

  // The card sheet: the note above the cards, Print still there; the printout leaves it out.
  await page.getByRole("link", { name: "Print table cards" }).click();
  await expect(page.getByRole("figure", { name: "Card for Table 1" })).toBeVisible();
  await expect(page.getByRole("note", { name: NOTE })).toBeVisible();
  await expect(page.getByRole("button", { name: "Print" })).toBeEnabled();
  await page.screenshot({ path: test.info().outputPath("cards-local-url-1024.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath("cards-local-url-390.png") });
  await page.setViewportSize(TABLET);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("note", { name: NOTE })).toBeHidden();
  await expect(page.getByRole("figure", { name: "Card for Table 1" })).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  // The QR dialog of a new session.
  await page.goto("/panel");
  await page.getByLabel("Table or label").fill("Bar 2");
  await page.getByRole("button", { name: "New session" }).click();
  const qr = page.getByRole("dialog", { name: "QR code for Bar 2" });
  await expect(qr.getByRole("note", { name: NOTE })).toBeVisible();
  await expect(qr.getByRole("button", { name: "Print" })).toBeEnabled();
  await page.screenshot({ path: test.info().outputPath("qr-local-url-1024.png") });
});

test("focus stays where staff work, and their actions are announced", async ({ panel, api, venue }) => {
  const page = panel;
  await page.setViewportSize(TABLET);
  const announcer = page.getByTestId("announcer");
  await openSession(page, "Patio 5");
  await orderFromSocket(api, venue, await joinUrlFromPanel(page, "Patio 5"), ["Margherita"]);
  const card = await showTable(page, "Patio 5");
  const ready = card.getByRole("button", { name: "Mark order Patio 5 #1 ready" });
  await expect(ready).toBeVisible();

  // Closing a dialog gives focus back to the button that opened it.
  const recordPayment = card.getByRole("button", { name: "Record payment" });
  await recordPayment.click();
  const pay = page.getByRole("dialog", { name: "Record payment — Patio 5" });
  await expect(pay).toBeVisible();
  await pay.getByRole("button", { name: "Close", exact: true }).click();
  await expect(pay).toBeHidden();
  await expect(recordPayment).toBeFocused();

  // Advancing an order (from the keyboard): focus stays on its card, on the next step, and it is announced.
  await ready.focus();
  await page.keyboard.press("Enter");
  // No station has started it: the panel asks before taking it from the kitchen.
  const ask = page.getByRole("dialog", { name: "Mark ready for the kitchen?" });
  await ask.getByRole("button", { name: "Mark ready", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(announcer).toHaveText("Order Patio 5 #1 marked ready");
  const delivered = card.getByRole("button", { name: "Mark order Patio 5 #1 delivered" });
  await expect(delivered).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(announcer).toHaveText("Order Patio 5 #1 marked delivered");
  await expect(page.locator(".order-card").filter({ hasText: "Patio 5 #1" })).toBeFocused();

  // A payment, then closing the session.
  await recordPayment.click();
  await pay.getByRole("radio", { name: "Cash" }).check();
  await pay.getByRole("button", { name: "Record payment" }).click();
  await expect(pay).toBeHidden();
  await expect(announcer).toHaveText("Payment recorded for Patio 5");
  await expect(recordPayment).toBeFocused();
  await card.getByRole("button", { name: "Close session" }).click();
  const close = page.getByRole("dialog", { name: "Close session" });
  await close.getByRole("button", { name: "Close session" }).click();
  await expect(close).toBeHidden();
  await expect(announcer).toHaveText("Patio 5 closed");
  // Its card is gone: focus is on the page's main area, not lost to the top of the document.
  await expect(page.locator("main")).toBeFocused();
});
