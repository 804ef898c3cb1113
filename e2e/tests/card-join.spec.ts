import { expect, test } from "../support/fixtures.js";
import {
  createTable,
  expectLive,
  joinByCard,
  order,
  payAndClose,
  pinOf,
  screenshots,
  seat,
  sessionDetail,
  typePin,
  waitForAccepted,
} from "../support/phone-side.js";
import { viewOrder } from "../support/ui.js";

test("a phone scans the card of a seated table, is greeted with the table and venue, and orders", async ({ api, venue, phones }) => {
  const table = await createTable(api, venue.staffToken, "Table 4");
  const sessionId = await seat(api, venue.staffToken, table);
  expect(table.cardUrl).toMatch(/\/t\/[A-Za-z0-9_-]+$/);

  const phone = await phones.open();
  await phone.page.goto(table.cardUrl);
  const greeting = phone.page.getByRole("heading", { name: `Table 4 · ${venue.name}` });
  await expect(greeting).toBeVisible();
  await screenshots(phone.page, test.info(), "card-greeting");
  await phone.page.getByLabel("Your name (optional)").fill("Alex");
  await phone.page.getByRole("button", { name: "See the menu" }).click();
  await expectLive(phone.page);
  await expect(phone.page.getByText("Table 4", { exact: true })).toBeVisible();
  // The card is on the table for ever: before its first order the phone shows it is there.
  await typePin(phone.page, await pinOf(api, venue.staffToken, sessionId));

  await order(phone.page, ["Margherita"]);
  await expect(phone.page.getByRole("listitem", { name: "Order 1" })).toBeVisible();
  const stored = await sessionDetail(api, venue.staffToken, sessionId);
  expect(stored.customers).toEqual([expect.objectContaining({ displayName: "Alex", via: "CARD" })]);
  expect(stored.orders).toHaveLength(1);

  // A reload resumes the session with the token kept for this card.
  await phone.page.reload();
  await expectLive(phone.page);
  await expect(phone.page.getByRole("listitem", { name: "Order 1" })).toBeVisible();
});

test("a free table's card says so politely, and joins the moment staff seat the table (the server's push, not the page's retry)", async ({
  api,
  venue,
  phones,
}) => {
  const table = await createTable(api, venue.staffToken, "Table 9");
  const phone = await phones.open();
  // The page's clock is Playwright's, so its timers can be stopped below.
  await phone.page.clock.install();
  await phone.page.goto(table.cardUrl);
  await expect(phone.page.getByRole("heading", { name: `Table 9 · ${venue.name}` })).toBeVisible();
  await phone.page.getByLabel("Your name (optional)").fill("Kim");
  await phone.page.getByRole("button", { name: "See the menu" }).click();

  await expect(phone.page.getByRole("heading", { name: "This table is free right now" })).toBeVisible();
  await expect(phone.page.getByText("A member of staff will seat you; this page will try again.")).toBeVisible();
  await screenshots(phone.page, test.info(), "card-free-table");
  // Trying again while still free keeps the polite screen, and says when it checked.
  await phone.page.getByRole("button", { name: "Try again" }).click();
  await expect(phone.page.getByText(/^Still free at /)).toBeVisible();
  await expect(phone.page.getByRole("heading", { name: "This table is free right now" })).toBeVisible();

  // From here no timer of the page runs (its retry every 10 s is the fallback): only the server's
  // answer to the phone's wait (GET /api/cards/:cardCode/seated) can move it on.
  await phone.page.clock.pauseAt(new Date(Date.now() + 1000));
  const sessionId = await seat(api, venue.staffToken, table);
  // No tap: the phone joins the new session within moments of seating.
  await expect(phone.page.getByRole("heading", { name: "Menu", exact: true })).toBeVisible({ timeout: 1500 });
  await phone.page.clock.resume();
  await expect(phone.page.getByRole("status")).toHaveText("Live");
  const stored = await sessionDetail(api, venue.staffToken, sessionId);
  expect(stored.customers).toEqual([expect.objectContaining({ displayName: "Kim", via: "CARD" })]);
});

test("a card that is not one shows a clear message", async ({ phones }) => {
  const phone = await phones.open();
  await phone.page.goto("/t/not-a-real-card-0000000000");
  await expect(phone.page.getByRole("heading", { name: "Not a valid table card" })).toBeVisible();
  await screenshots(phone.page, test.info(), "card-invalid");
});

test("a phone from yesterday's session of the table sees nothing of today's, and cannot order onto it without today's PIN", async ({
  api,
  venue,
  phones,
}) => {
  const table = await createTable(api, venue.staffToken, "Table 12");
  const yesterday = await seat(api, venue.staffToken, table);
  const old = await phones.open();
  await joinByCard(old, table.cardUrl, "Yesterday", `Table 12 · ${venue.name}`, await pinOf(api, venue.staffToken, yesterday));
  await order(old.page, ["Tiramisù"]);
  await waitForAccepted(api, venue.staffToken, yesterday, 1);
  // The phone is put away with its token; the session closes without it watching.
  await old.page.goto("about:blank");
  await payAndClose(api, venue.staffToken, yesterday);

  const today = await seat(api, venue.staffToken, table);
  const guest = await phones.open();
  await joinByCard(guest, table.cardUrl, "Today", `Table 12 · ${venue.name}`, await pinOf(api, venue.staffToken, today));
  await order(guest.page, ["Diavola"]);

  await old.page.goto(table.cardUrl);
  // Its old token reaches only yesterday's session, now closed: its receipt, not today's table.
  await expect(old.page.getByRole("heading", { name: "This table's session is closed" })).toBeVisible();
  const receipt = old.page.getByRole("region", { name: "Receipt" });
  await expect(receipt).toContainText("Tiramisù");
  await expect(receipt).not.toContainText("Diavola");
  await expect(old.page.getByRole("heading", { name: "Menu", exact: true })).toHaveCount(0);
  expect(await old.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("ordered.customer.")))).toEqual([]);

  // Joining today's session is a new, explicit join: a new phone of today's session, which
  // cannot order until it types today's PIN (shown to the guests at the table, not at home).
  await old.page.getByRole("button", { name: "Join this table again" }).click();
  await old.page.getByLabel("Your name (optional)").fill("Yesterday");
  await old.page.getByRole("button", { name: "See the menu" }).click();
  await expectLive(old.page);
  await expect(old.page.getByRole("heading", { name: "Type the table's PIN" })).toBeVisible();
  await old.page.getByRole("button", { name: "Add Espresso" }).click();
  await viewOrder(old.page);
  await old.page.getByRole("button", { name: "Place order" }).click();
  // Refused: the cart is kept, and the PIN is asked for.
  await expect(old.page.getByLabel("Table PIN")).toBeFocused();
  await expect(old.page.getByRole("region", { name: "Your order" }).getByText("Espresso", { exact: true })).toBeVisible();
  const todayPin = await pinOf(api, venue.staffToken, today);
  await old.page.getByLabel("Table PIN").fill(String((Number(todayPin) + 1) % 10_000).padStart(4, "0"));
  await old.page.getByRole("button", { name: "Confirm" }).click();
  await expect(old.page.getByRole("alert").filter({ hasText: "That is not this table's PIN." })).toBeVisible();
  const stored = await sessionDetail(api, venue.staffToken, today);
  expect(stored.customers.map((c) => [c.displayName, c.verifiedAt !== null]).sort()).toEqual([
    ["Today", true],
    ["Yesterday", false],
  ]);
  expect(stored.orders.map((o) => o.customerName)).toEqual(["Today"]);
});
