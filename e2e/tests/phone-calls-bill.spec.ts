import { randomUUID } from "node:crypto";
import { expect, test } from "../support/fixtures.js";
import {
  acknowledgeCall,
  createTable,
  joinByCard,
  order,
  pinOf,
  screenshots,
  seat,
  sessionDetail,
  staffSocket,
  waitForAccepted,
} from "../support/phone-side.js";

test("call a waiter: sent once however often tapped, waiting, then 'seen' once staff acknowledge", async ({ api, venue, phones }) => {
  const table = await createTable(api, venue.staffToken, "Table 3");
  const sessionId = await seat(api, venue.staffToken, table);
  const phone = await phones.open();
  await joinByCard(phone, table.cardUrl, "Alex", `Table 3 · ${venue.name}`);
  const { page } = phone;
  await screenshots(page, test.info(), "phone-menu-with-calls");

  const call = page.getByRole("button", { name: "Call a waiter", exact: true });
  // A double tap: the second lands on a disabled button or is dropped; the server holds one call.
  await call.dblclick();
  await expect(page.getByText("Waiter called — waiting")).toBeVisible();
  await expect(call).toBeDisabled();
  await screenshots(page, test.info(), "phone-call-waiting");
  const calls = (await sessionDetail(api, venue.staffToken, sessionId)).alerts;
  expect(calls).toEqual([expect.objectContaining({ kind: "WAITER", customerName: "Alex", acknowledgedAt: null })]);

  const staff = await staffSocket(venue.staffToken);
  try {
    await acknowledgeCall(api, venue.staffToken, sessionId, "WAITER", staff);
  } finally {
    staff.close();
  }
  await expect(page.getByText(`Seen by ${venue.owner.displayName} ✓`)).toBeVisible();
  await expect(call).toBeEnabled();
  await screenshots(page, test.info(), "phone-call-seen");

  // The state survives a reload (the phone's calls come with its snapshot).
  await page.reload();
  await expect(page.getByText(`Seen by ${venue.owner.displayName} ✓`)).toBeVisible();
});

test("ask for the bill: staff see a bill request from this phone, the phone sees it waiting", async ({ api, venue, phones }) => {
  const table = await createTable(api, venue.staffToken, "Table 5");
  const sessionId = await seat(api, venue.staffToken, table);
  const phone = await phones.open();
  await joinByCard(phone, table.cardUrl, "Sam", `Table 5 · ${venue.name}`);

  await phone.page.getByRole("button", { name: "Ask for the bill", exact: true }).click();
  await expect(phone.page.getByText("Bill requested — waiting")).toBeVisible();
  await expect(phone.page.getByRole("button", { name: "Ask for the bill", exact: true })).toBeDisabled();
  // A waiter call is separate from the bill request.
  await expect(phone.page.getByRole("button", { name: "Call a waiter", exact: true })).toBeEnabled();
  const calls = (await sessionDetail(api, venue.staffToken, sessionId)).alerts;
  expect(calls).toEqual([expect.objectContaining({ kind: "BILL", customerName: "Sam", acknowledgedAt: null })]);
});

test("the running bill follows live: accepted orders, this phone's share, payments", async ({ api, venue, phones }) => {
  const table = await createTable(api, venue.staffToken, "Table 8");
  const sessionId = await seat(api, venue.staffToken, table);
  const alex = await phones.open();
  const pin = await pinOf(api, venue.staffToken, sessionId);
  await joinByCard(alex, table.cardUrl, "Alex", `Table 8 · ${venue.name}`, pin);
  const kim = await phones.open();
  await joinByCard(kim, table.cardUrl, "Kim", `Table 8 · ${venue.name}`, pin);

  const billTab = alex.page.getByRole("tab", { name: /^Bill/ });
  await billTab.click();
  const bill = alex.page.getByRole("region", { name: "Your table's bill" });
  await expect(bill).toContainText("Nothing on the bill yet");
  await screenshots(alex.page, test.info(), "phone-bill-empty");

  // Alex orders from the order tab; Kim orders too. The bill counts them once accepted.
  await alex.page.getByRole("tab", { name: "Order" }).click();
  await order(alex.page, ["Margherita", "Margherita"]);
  await order(kim.page, ["Espresso"]);
  await waitForAccepted(api, venue.staffToken, sessionId, 2);
  await billTab.click();
  await expect(billTab).toHaveText("Bill · €21.50");
  await expect(bill.getByRole("listitem").filter({ hasText: "Margherita" })).toContainText("yours");
  await expect(bill.getByRole("listitem").filter({ hasText: "Espresso" })).not.toContainText("yours");
  const sum = (label: string) => bill.locator(".bill-sum").filter({ has: alex.page.getByRole("term").getByText(label, { exact: true }) });
  await expect(sum("Your share")).toContainText("€19.00");
  await expect(sum("Total")).toContainText("€21.50");
  await expect(sum("Paid")).toContainText("€0.00");
  await expect(sum("Still to pay")).toContainText("€21.50");

  // A payment staff record shows at once.
  await api.recordPayment(venue.staffToken, sessionId, { clientPaymentId: randomUUID(), method: "CASH", amountCents: 1000 });
  await expect(sum("Paid")).toContainText("€10.00");
  await expect(sum("Still to pay")).toContainText("€11.50");

  // An order waiting for the kitchen is shown as pending; it is added once accepted.
  await alex.page.getByRole("tab", { name: "Order" }).click();
  await order(alex.page, ["Tiramisù"]);
  await billTab.click();
  await waitForAccepted(api, venue.staffToken, sessionId, 3);
  await expect(sum("Total")).toContainText("€28.50");
  await expect(sum("Your share")).toContainText("€26.00");
  await screenshots(alex.page, test.info(), "phone-bill", { fullPage: true });
});
