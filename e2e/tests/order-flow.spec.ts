import type { Page } from "@playwright/test";
import { ordersOf } from "../support/api.js";
import { expect, test } from "../support/fixtures.js";
import {
  joinUrlFromPanel,
  loginStaff,
  markReadyForKitchen,
  menuItem,
  openSession,
  sessionCard,
  showTable,
  viewOrder,
} from "../support/ui.js";

/** Adds products on the phone (one tap each) and opens the cart. */
async function fillCart(phone: Page, names: string[]): Promise<void> {
  for (const name of names) await phone.getByRole("button", { name: `Add ${name}` }).click();
  await viewOrder(phone);
}

test("a customer orders with a note; the staff panel shows it live in the session and the feed", async ({ page, phones, api, venue }) => {
  const errors: Error[] = [];
  page.on("pageerror", (e) => errors.push(e)); // from the login on, so not the `panel` fixture
  await loginStaff(page, venue);
  await openSession(page, "Table 5");
  const phone = await phones.join(await joinUrlFromPanel(page, "Table 5"), "Sam");

  await fillCart(phone.page, ["Margherita", "Margherita", "Espresso"]);
  await expect(phone.page.getByRole("group", { name: "Quantity of Margherita" })).toContainText("2");
  await phone.page.getByLabel("Note for Margherita").fill("extra basil");
  await expect(phone.page.getByText("€21.50").first()).toBeVisible();
  await phone.page.getByRole("button", { name: "Place order" }).click();

  const order = phone.page.getByRole("listitem", { name: "Order 1" });
  await expect(order).toBeVisible();
  await expect(order).toContainText("Margherita");
  await expect(order).toContainText("extra basil");
  await expect(order.locator('[aria-current="step"]')).toHaveText(/^(Placed|Accepted)\b/);
  await expect(phone.page.getByText("Order 1 sent ✓")).toBeVisible();

  const card = await showTable(page, "Table 5");
  await expect(card).toContainText("2× Margherita");
  await expect(card).toContainText("extra basil");
  await expect(card).toContainText("from Sam");
  const feed = page.getByRole("complementary", { name: /^Needs action/ });
  await expect(feed.getByRole("listitem").first()).toContainText("Table 5");
  await page.screenshot({ path: test.info().outputPath("staff-new-order.png") });
  await phone.page.screenshot({ path: test.info().outputPath("phone-order-placed.png"), fullPage: true });

  const stored = await ordersOf(api, venue.staffToken, "Table 5");
  expect(stored).toHaveLength(1);
  expect(stored[0]!.items).toEqual([
    expect.objectContaining({ productName: "Margherita", quantity: 2, note: "extra basil" }),
    expect.objectContaining({ productName: "Espresso", quantity: 1, note: null }),
  ]);
  expect(errors).toEqual([]); // the sound cue must not break the page when audio is blocked
});

test("staff moves an order to ready and delivered; the phone's timeline follows live", async ({ panel: page, phones }) => {
  await openSession(page, "Table 6");
  const phone = await phones.join(await joinUrlFromPanel(page, "Table 6"));
  await fillCart(phone.page, ["Diavola"]);
  await phone.page.getByRole("button", { name: "Place order" }).click();

  const order = phone.page.getByRole("listitem", { name: "Order 1" });
  // The pipeline accepts the order; it is "Preparing" only once a station starts on it.
  await expect(order.locator('[aria-current="step"]')).toHaveText(/^Accepted\b/);
  await markReadyForKitchen(page, "Table 6 #1");
  await expect(order.locator('[aria-current="step"]')).toHaveText(/^Ready\b/);
  await page.getByRole("button", { name: "Mark order Table 6 #1 delivered" }).click();
  await expect(order.locator(".step").last()).toHaveText(/^Delivered\b/);
  await expect(order.locator('[aria-current="step"]')).toHaveCount(0);
  await expect(sessionCard(page, "Table 6")).toContainText("Delivered");
  await phone.page.screenshot({ path: test.info().outputPath("phone-delivered.png"), fullPage: true });
});

test("staff cancels an order; the phone shows it cancelled with the reason", async ({ panel: page, phones }) => {
  await openSession(page, "Table 7");
  const phone = await phones.join(await joinUrlFromPanel(page, "Table 7"));
  await fillCart(phone.page, ["Funghi"]);
  await phone.page.getByRole("button", { name: "Place order" }).click();
  await expect(phone.page.getByRole("listitem", { name: "Order 1" })).toBeVisible();

  await page.getByRole("button", { name: "Cancel order Table 7 #1" }).click();
  const confirm = page.getByRole("dialog", { name: "Cancel order Table 7 #1" });
  await confirm.getByRole("button", { name: "Cancel order" }).click();
  await expect(sessionCard(page, "Table 7")).toContainText("Cancelled");
  const order = phone.page.getByRole("listitem", { name: "Order 1" });
  await expect(order.locator(".step.failed")).toHaveText(/^Cancelled\b/);
  await expect(order).toContainText("Reason: Cancelled by staff");
});

test("a cancel dialog follows the order live: made ready elsewhere, it says so and asks why before cancelling", async ({
  panel: page,
  phones,
  api,
  venue,
}) => {
  await openSession(page, "Table 17");
  const phone = await phones.join(await joinUrlFromPanel(page, "Table 17"));
  await fillCart(phone.page, ["Funghi"]);
  await phone.page.getByRole("button", { name: "Place order" }).click();
  const card = await showTable(page, "Table 17");
  await expect(card.getByRole("button", { name: "Mark order Table 17 #1 ready" })).toBeVisible();

  await page.getByRole("button", { name: "Cancel order Table 17 #1" }).click();
  const dialog = page.getByRole("dialog", { name: "Cancel order Table 17 #1" });
  await expect(dialog).toContainText("It is New.");
  // Another device makes it ready while this dialog is open.
  const [stored] = await ordersOf(api, venue.staffToken, "Table 17");
  await api.route("POST /api/orders/:id/advance", {
    token: venue.staffToken,
    params: { id: stored!.id },
    body: { to: "READY", overrideKitchen: true },
  });
  await expect(dialog.getByRole("alert")).toHaveText("This order changed from New to Ready while this was open: look at it again.");
  await expect(dialog.getByRole("button", { name: "Cancel order" })).toHaveCount(0);
  await dialog.screenshot({ path: test.info().outputPath("cancel-dialog-moved.png") });
  await dialog.getByRole("button", { name: "Understood: it is Ready now" }).click();
  // Ready food was cooked: cancelling it needs a reason (the owner may).
  await dialog.getByRole("button", { name: "Cancel order" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Say why the food is cancelled.");
  await dialog.getByLabel(/Why is it cancelled/).fill("sent back: cold");
  await dialog.getByRole("button", { name: "Cancel order" }).click();
  await expect(dialog).toBeHidden();
  await expect(phone.page.getByRole("listitem", { name: "Order 1" })).toContainText("Reason: sent back: cold");
  const [after] = await ordersOf(api, venue.staffToken, "Table 17");
  expect(after).toMatchObject({ status: "CANCELLED", statusReason: "sent back: cold", cancelledBy: expect.any(String) });
});

test("an order the kitchen cannot make is rejected with a readable reason", async ({ panel: page, phones }) => {
  await openSession(page, "Table 8");
  const phone = await phones.join(await joinUrlFromPanel(page, "Table 8"));
  // Burrata has 8 in stock: nine cannot be served.
  await fillCart(phone.page, Array(9).fill("Burrata"));
  await phone.page.getByRole("button", { name: "Place order" }).click();
  const order = phone.page.getByRole("listitem", { name: "Order 1" });
  await expect(order.locator(".step.failed")).toHaveText(/^Rejected\b/);
  await expect(order).toContainText(/Reason: .*Burrata/);
  await expect(menuItem(phone.page, "Burrata")).toBeVisible();
});
