// Issue 30: a photo of a table's card (or yesterday's phone) must not put food on the table's
// bill. A phone that joined through the card proves it is at the table before its first order:
// the session's PIN, which staff read off their panel, or staff accepting it there.
import { expect, test } from "../support/fixtures.js";
import { createTable, expectLive, screenshots, seat } from "../support/phone-side.js";
import { showTable, viewOrder } from "../support/ui.js";

test("a guest who joined by the card is asked for the table's PIN, reads it off the staff panel, and orders", async ({
  api,
  venue,
  panel,
  phones,
}) => {
  const table = await createTable(api, venue.staffToken, "Table 14");
  await seat(api, venue.staffToken, table);
  const card = await showTable(panel, "Table 14");
  await expect(card).toBeVisible();
  const pin = (await card.locator(".session-pin").textContent()) ?? "";
  expect(pin).toMatch(/^\d{4}$/);

  const phone = await phones.open();
  const { page } = phone;
  await page.goto(table.cardUrl);
  await page.getByLabel("Your name (optional)").fill("Alex");
  await page.getByRole("button", { name: "See the menu" }).click();
  await expectLive(page);
  await expect(page.getByRole("heading", { name: "Type the table's PIN" })).toBeVisible();
  // Staff see the phone waiting.
  const phoneRow = card.getByRole("region", { name: "Phones at Table 14" }).getByRole("listitem", { name: "Alex" });
  await expect(phoneRow).toContainText("waiting to be accepted");
  await card.screenshot({ path: test.info().outputPath("panel-session-pin.png") });

  await page.getByRole("button", { name: "Add Margherita" }).click();
  await viewOrder(page);
  await screenshots(page, test.info(), "card-pin-asked");
  await page.getByRole("button", { name: "Place order" }).click();
  // Refused until the PIN is typed; the cart is kept and the PIN field is where the guest is.
  await expect(page.getByLabel("Table PIN")).toBeFocused();
  await expect(page.getByRole("button", { name: "Place order" })).toBeEnabled();

  await page.getByLabel("Table PIN").fill(pin);
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText("You can order now.")).toBeVisible();
  await expect(phoneRow).not.toContainText("waiting to be accepted");
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByText(/^Order 1 sent ✓$/)).toBeVisible();
  await expect(card.getByText("Margherita").first()).toBeVisible();
});

test("with staff approval, the phone says it is waiting until staff tap Accept on the panel, then orders", async ({
  api,
  venue,
  panel,
  phones,
}) => {
  await api.route("PATCH /api/location", { token: venue.staffToken, body: { cardJoinCheck: "STAFF_APPROVAL" } });
  const table = await createTable(api, venue.staffToken, "Table 15");
  await seat(api, venue.staffToken, table);
  const phone = await phones.open();
  const { page } = phone;
  await page.goto(table.cardUrl);
  await page.getByLabel("Your name (optional)").fill("Kim");
  await page.getByRole("button", { name: "See the menu" }).click();
  await expectLive(page);
  await expect(page.getByRole("heading", { name: "Waiting for staff to accept this phone" })).toBeVisible();
  await expect(page.getByLabel("Table PIN")).toHaveCount(0);

  // Staff hear of it in the feed, wherever the session's card is on the panel.
  const feedItem = panel.getByRole("listitem", { name: "Phone waiting to be accepted: Table 15" });
  await expect(feedItem).toContainText("Kim");
  const card = await showTable(panel, "Table 15");
  await card.getByRole("button", { name: "Accept Kim: it may order" }).click();
  await expect(page.getByText("You can order now.")).toBeVisible();
  await expect(feedItem).toHaveCount(0);
  await expect(card.getByRole("listitem", { name: "Kim" })).toContainText("accepted by");

  await page.getByRole("button", { name: "Add Espresso" }).click();
  await viewOrder(page);
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByText(/^Order 1 sent ✓$/)).toBeVisible();
});
