import { expect, test } from "../support/fixtures.js";
import {
  createTable,
  customerId,
  joinByCard,
  order,
  payAndClose,
  pinOf,
  screenshots,
  seat,
  sessionDetail,
  waitForAccepted,
} from "../support/phone-side.js";
import { joinOnPhone } from "../support/ui.js";

test("closing a session shows every phone its receipt, printable, and kept on the phone after a reload", async ({ api, venue, phones }) => {
  const table = await createTable(api, venue.staffToken, "Table 6");
  const sessionId = await seat(api, venue.staffToken, table);
  const alex = await phones.open();
  await joinByCard(alex, table.cardUrl, "Alex", `Table 6 · ${venue.name}`, await pinOf(api, venue.staffToken, sessionId));
  // A second phone joins with the session's own code (the QR staff show), not the card.
  const { session } = await sessionDetail(api, venue.staffToken, sessionId);
  const kim = await joinOnPhone(await phones.open(), session.joinUrl, "Kim");
  await order(alex.page, ["Margherita", "Diavola"]);
  await order(kim.page, ["Lemonade"]);
  await waitForAccepted(api, venue.staffToken, sessionId, 2);

  await payAndClose(api, venue.staffToken, sessionId, 300);

  for (const [phone, share] of [
    [alex, "€22.00"],
    [kim, "€4.50"],
  ] as const) {
    const { page } = phone;
    await expect(page.getByRole("heading", { name: "This table's session is closed" })).toBeVisible();
    const receipt = page.getByRole("region", { name: "Receipt" });
    await expect(receipt).toContainText(venue.name);
    await expect(receipt).toContainText("Table 6");
    for (const item of ["Margherita", "Diavola", "Lemonade"]) await expect(receipt).toContainText(item);
    await expect(receipt.getByText("Your share")).toBeVisible();
    await expect(receipt.locator(".phone-receipt-share")).toContainText(share);
    await expect(receipt).toContainText("€26.50"); // the total
    await expect(receipt).toContainText("€3.00"); // the tip, apart from the bill
    await expect(page.getByRole("button", { name: "Print / save" })).toBeVisible();
  }
  await screenshots(alex.page, test.info(), "phone-receipt", { fullPage: true });

  // Printing shows the receipt alone, without the buttons.
  await alex.page.emulateMedia({ media: "print" });
  await expect(alex.page.getByRole("button", { name: "Print / save" })).toBeHidden();
  await expect(alex.page.getByRole("region", { name: "Receipt" })).toBeVisible();
  await alex.page.screenshot({ path: test.info().outputPath("phone-receipt-print.png"), fullPage: true });
  await alex.page.emulateMedia({ media: "screen" });

  // Reopening the link shows the receipt kept on the phone; the card also offers the table's next session.
  for (const phone of [alex, kim]) {
    await phone.page.reload();
    await expect(phone.page.getByRole("region", { name: "Receipt" })).toContainText("Lemonade");
  }
  await expect(alex.page.getByRole("button", { name: "Join this table again" })).toBeVisible();
  await expect(kim.page.getByRole("button", { name: "Join this table again" })).toHaveCount(0);
});

test("a phone staff remove cannot order any more and says so, also after a reload", async ({ api, venue, phones }) => {
  const table = await createTable(api, venue.staffToken, "Table 7");
  const sessionId = await seat(api, venue.staffToken, table);
  const { session } = await sessionDetail(api, venue.staffToken, sessionId);
  const phone = await joinOnPhone(await phones.open(), session.joinUrl, "Prankster");
  const stays = await phones.open();
  await joinByCard(stays, table.cardUrl, "Robin", `Table 7 · ${venue.name}`, session.pin);
  // Something in the cart, ready to go, when the removal comes.
  await phone.page.getByRole("button", { name: "Add Espresso" }).click();

  await api.route("POST /api/sessions/:id/customers/:customerId/remove", {
    token: venue.staffToken,
    params: { id: sessionId, customerId: await customerId(api, venue.staffToken, sessionId, "Prankster") },
  });

  const removed = phone.page.getByRole("heading", { name: "This phone can no longer order here" });
  await expect(removed).toBeVisible();
  await expect(
    phone.page.getByText("You were removed from this table by staff. Ask a member of staff if this is a mistake."),
  ).toBeVisible();
  await expect(phone.page.getByRole("button", { name: "Place order" })).toHaveCount(0);
  await screenshots(phone.page, test.info(), "phone-removed");

  // Reopened, the link still says so (the server refuses the token everywhere) and nothing was ordered.
  await phone.page.reload();
  await expect(removed).toBeVisible();
  await expect(phone.page.getByRole("heading", { name: "Menu", exact: true })).toHaveCount(0);
  const stored = await sessionDetail(api, venue.staffToken, sessionId);
  expect(stored.orders).toEqual([]);
  expect(stored.customers.find((c) => c.displayName === "Prankster")?.removedAt).not.toBeNull();
  // The other phone at the table carries on.
  await order(stays.page, ["Espresso"]);
  await expect(stays.page.getByRole("status")).toHaveText("Live");
});
