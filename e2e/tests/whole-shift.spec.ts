// A whole shift at one table, in the browser, as a venue runs it: the card sheet is printed,
// phones scan a card from the page's pixels, order, call and ask for the bill; staff split
// the bill with a tip and close; every phone gets its receipt. Then the next party: a phone
// from the previous session and a phone staff removed cannot order, and closing with an
// unfinished order is refused until staff say what to do with it.
import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures.js";
import { typePin } from "../support/phone-side.js";
import { connectPhone, phoneToken, screenshotsAt } from "../support/session.js";
import { decodeQr, type Phone, sessionCard, showTable, viewOrder } from "../support/ui.js";

const tile = (page: Page, name: string) => page.getByRole("region", { name: "Floor" }).getByRole("article", { name, exact: true });

/** Scans the card; with `pin` (read off the panel, as the waiter says it) the guest then types it and may order. */
async function joinThroughCard(phone: Phone, cardUrl: string, name: string, pin?: string): Promise<void> {
  await phone.page.goto(cardUrl);
  await phone.page.getByLabel("Your name (optional)").fill(name);
  await phone.page.getByRole("button", { name: "See the menu" }).click();
  await expect(phone.page.getByRole("status")).toHaveText("Live");
  if (pin !== undefined) await typePin(phone.page, pin);
}

/** The session's PIN as the panel's session card shows it to staff. */
async function pinOnPanel(page: Page, label: string): Promise<string> {
  const pin = (await (await showTable(page, label)).locator(".session-pin").textContent()) ?? "";
  expect(pin).toMatch(/^\d{4}$/);
  return pin;
}

async function orderOnPhone(page: Page, names: string[]): Promise<void> {
  for (const name of names) await page.getByRole("button", { name: `Add ${name}` }).click();
  await viewOrder(page);
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByText(/^Order \d+ sent ✓$/)).toBeVisible();
}

test("a whole shift at a table, from the printed card to the receipt on every phone", async ({ panel: page, phones, api, venue }) => {
  test.setTimeout(120_000);
  const token = venue.staffToken;

  // The owner sets up the floor and prints the cards.
  await page.getByRole("link", { name: "Tables", exact: true }).click();
  const form = page.getByRole("form", { name: "Add a table" });
  for (const name of ["Window", "Corner"]) {
    await form.getByLabel("Name").fill(name);
    await form.getByRole("button", { name: "Add table" }).click();
    await expect(form.getByLabel("Name")).toHaveValue("");
  }
  await page.getByRole("link", { name: "Print table cards" }).click();
  const card = page.getByRole("figure", { name: "Card for Window" });
  await expect(card).toContainText(venue.name);
  const cardUrl = await decodeQr(card.getByRole("img", { name: "QR code for Window" }));
  expect(cardUrl).toMatch(/\/t\/[A-Za-z0-9_-]{24}$/);

  // A party arrives: staff seat the table from the floor.
  await page.goto("/panel");
  await tile(page, "Window").getByRole("button", { name: "Seat Window" }).click();
  await expect(sessionCard(page, "Window")).toBeVisible();

  // Two phones scan the card and order.
  const ann = await phones.open();
  const bea = await phones.open();
  const pin = await pinOnPanel(page, "Window");
  await joinThroughCard(ann, cardUrl, "Ann", pin);
  await joinThroughCard(bea, cardUrl, "Bea", pin);
  await orderOnPhone(ann.page, ["Diavola"]); // €12.50
  await orderOnPhone(bea.page, ["Lemonade", "Lemonade"]); // €9.00
  await page.getByRole("button", { name: "Back to the floor" }).click();
  await expect(tile(page, "Window")).toContainText("2 phones");
  await expect(tile(page, "Window")).toContainText("€21.50");
  const windowCard = await showTable(page, "Window");
  const phoneList = windowCard.getByRole("region", { name: "Phones at Window" });
  await expect(phoneList.getByRole("listitem", { name: "Ann" })).toContainText("via card");

  // Ann calls a waiter, Bea asks for the bill: the panel flags the table, staff acknowledge,
  // and each phone sees it was seen.
  await ann.page.getByRole("button", { name: "Call a waiter", exact: true }).click();
  await bea.page.getByRole("button", { name: "Ask for the bill", exact: true }).click();
  await page.getByRole("button", { name: "Back to the floor" }).click();
  await expect(tile(page, "Window")).toContainText("Waiter called");
  await expect(tile(page, "Window")).toContainText("Bill requested");
  await screenshotsAt(page, test.info(), "shift-floor-with-calls");
  await showTable(page, "Window");
  const strip = page.getByRole("region", { name: "Calls", exact: true });
  await strip.getByRole("button", { name: "Acknowledge the waiter call from Ann at Window" }).click();
  await strip.getByRole("button", { name: "Acknowledge the bill request from Bea at Window" }).click();
  await expect(ann.page.getByText(`Seen by ${venue.owner.displayName} ✓`)).toBeVisible();
  await expect(bea.page.getByText(`Seen by ${venue.owner.displayName} ✓`)).toBeVisible();

  // The bill, split in two with a tip on the first share, cash then card.
  await expect(windowCard.getByText("Due €21.50")).toBeVisible();
  await windowCard.getByRole("button", { name: "Record payment" }).click();
  const pay = page.getByRole("dialog", { name: "Record payment — Window" });
  await pay.getByRole("radio", { name: "Equal split" }).check();
  await pay.getByRole("radio", { name: "Cash" }).check();
  await pay.getByLabel("Tip").fill("2.00");
  await pay.getByRole("button", { name: "Record share 1 of 2" }).click();
  await expect(pay.getByRole("list", { name: "Shares" }).getByRole("listitem").first()).toContainText("Recorded · cash · tip €2.00");
  await pay.getByRole("radio", { name: "Card at the terminal" }).check();
  await pay.getByRole("button", { name: "Record share 2 of 2" }).click();
  await pay.getByRole("button", { name: "Done" }).click();
  await expect(windowCard.getByText("Due €0.00")).toBeVisible();

  const annToken = await phoneToken(ann.page);

  // Closing: the orders are still in the kitchen, so staff deliver them as they close.
  await windowCard.getByRole("button", { name: "Close session" }).click();
  const close = page.getByRole("dialog", { name: "Close session" });
  await close.getByRole("radio", { name: "Deliver them" }).check();
  await close.getByRole("button", { name: "Close session" }).click();
  await expect(close).toBeHidden();

  // Both phones show the receipt: lines, total, the tip.
  for (const phone of [ann, bea]) {
    const receipt = phone.page.getByRole("region", { name: "Receipt" });
    await expect(receipt).toContainText("Window");
    await expect(receipt).toContainText("Diavola");
    await expect(receipt).toContainText("€21.50");
    await expect(receipt).toContainText("€2.00");
  }
  await screenshotsAt(ann.page, test.info(), "shift-phone-receipt");

  // The next party at the same table: its sheet opens as it is seated.
  await tile(page, "Window").getByRole("button", { name: "Seat Window" }).click();
  const next = sessionCard(page, "Window");
  await expect(next).toBeVisible();

  // Yesterday's phone (Ann, reopening the card link) keeps its receipt and sees nothing of
  // the new session; its old token cannot order there.
  await ann.page.reload();
  await expect(ann.page.getByRole("region", { name: "Receipt" })).toContainText("Diavola");
  await expect(ann.page.getByRole("heading", { name: "Menu", exact: true })).toHaveCount(0);
  await expect(connectPhone(annToken)).rejects.toMatchObject({ code: "SESSION_CLOSED" });

  // A phone staff remove cannot order.
  const stranger = await phones.open();
  await joinThroughCard(stranger, cardUrl, "Photo of the card");
  const strangerToken = await phoneToken(stranger.page);
  const nextPhones = next.getByRole("region", { name: "Phones at Window" });
  await nextPhones.getByRole("button", { name: "Remove Photo of the card" }).click();
  await page.getByRole("dialog", { name: "Remove Photo of the card?" }).getByRole("button", { name: "Remove" }).click();
  await expect(stranger.page.getByText(/removed from this table/)).toBeVisible();
  await expect(stranger.page.getByRole("button", { name: "Place order" })).toHaveCount(0);
  await expect(connectPhone(strangerToken)).rejects.toMatchObject({ code: "CUSTOMER_REMOVED" });

  // Closing with an unfinished order is refused, naming it; then staff cancel it as they close.
  const cy = await phones.open();
  // Removing the stranger gave the session a new PIN: the waiter tells Cy the one on the panel now.
  await joinThroughCard(cy, cardUrl, "Cy", await pinOnPanel(page, "Window"));
  await orderOnPhone(cy.page, ["Margherita"]);
  await expect(next).toContainText("1× Margherita");
  await next.getByRole("button", { name: "Close session" }).click();
  const closeNext = page.getByRole("dialog", { name: "Close session" });
  await closeNext.getByRole("button", { name: "Close session" }).click();
  await expect(closeNext.getByRole("alert")).toContainText("Cy: 1× Margherita");
  await expect(next).toBeVisible();
  await closeNext.getByRole("radio", { name: "Cancel them" }).check();
  await closeNext.getByRole("button", { name: "Close session" }).click();
  await expect(closeNext).toBeHidden();
  await expect(cy.page.getByRole("region", { name: "Receipt" })).toBeVisible();

  // What the server kept: two sessions of one table, the first paid in full with its tip.
  const closed = await api.listSessions(token, "CLOSED");
  const window = closed.filter((s) => s.label === "Window");
  expect(window).toHaveLength(2);
  const first = await api.getSession(token, window.at(-1)!.id);
  expect(first.receipt?.bill).toMatchObject({ totalCents: 2150, paidCents: 2150, tipCents: 200, dueCents: 0 });
  expect(first.customers.map((c) => [c.displayName, c.via])).toEqual([
    ["Ann", "CARD"],
    ["Bea", "CARD"],
  ]);
  const second = await api.getSession(token, window[0]!.id);
  expect(second.orders.map((o) => o.status)).toEqual(["CANCELLED"]);
  expect(second.customers.find((c) => c.displayName === "Photo of the card")?.removedAt).not.toBeNull();
});
