import { expect, test } from "../support/fixtures.js";
import { connectPhone, orderOnPhone, phoneToken, screenshotsAt } from "../support/session.js";
import { joinUrlFromPanel, openSession, showTable } from "../support/ui.js";

test("staff see every phone of a session with its share of the bill, and remove one", async ({ panel: page, phones, api }) => {
  await openSession(page, "Table 31");
  const joinUrl = await joinUrlFromPanel(page, "Table 31");
  const sam = await phones.join(joinUrl, "Sam");
  const robin = await phones.join(joinUrl, "Robin");
  await orderOnPhone(sam.page, ["Margherita", "Espresso"]); // 9.50 + 2.50
  await orderOnPhone(robin.page, ["Lemonade"]); // 4.50

  const card = await showTable(page, "Table 31");
  const phoneList = card.getByRole("region", { name: "Phones at Table 31" });
  await expect(phoneList.getByRole("listitem")).toHaveCount(2);
  await expect(phoneList.getByRole("listitem", { name: "Sam" })).toContainText(/joined (just now|1 min ago) via code/);
  await expect(phoneList.getByRole("listitem", { name: "Robin" })).toBeVisible();

  // The running bill, live: each phone's share once the kitchen accepted its order.
  const bill = card.getByRole("region", { name: "Bill for Table 31" });
  await expect(bill.getByRole("row", { name: "Sam" })).toContainText("€12.00");
  await expect(bill.getByRole("row", { name: "Robin" })).toContainText("€4.50");
  await expect(bill.locator(".receipt-totals > div").filter({ hasText: "Total" })).toContainText("€16.50");
  await expect(card.getByText("Due €16.50")).toBeVisible();
  await screenshotsAt(page, test.info(), "session-card", card);

  // Remove Robin: a confirmation first, then the phone is struck through and its token dies.
  const robinToken = await phoneToken(robin.page);
  await phoneList.getByRole("button", { name: "Remove Robin" }).click();
  const confirm = page.getByRole("dialog", { name: "Remove Robin?" });
  await expect(confirm).toContainText("Remove Robin from Table 31?");
  await confirm.getByRole("button", { name: "Remove" }).click();
  await expect(confirm).toBeHidden();

  const removed = phoneList.getByRole("listitem", { name: "Robin" });
  await expect(removed).toContainText("removed just now");
  await expect(removed.locator(".seat-phone-name")).toHaveCSS("text-decoration-line", "line-through");
  await expect(removed.getByRole("button", { name: "Remove Robin" })).toHaveCount(0);
  await expect(phoneList.getByRole("heading")).toHaveText(/Phones\s*1$/); // phones still at the table
  // What Robin ordered stays on the bill.
  await expect(bill.getByRole("row", { name: "Robin" })).toContainText("€4.50");
  await screenshotsAt(page, test.info(), "session-card-removed", card);

  // Robin's phone learns at once; its next order cannot get through.
  // (The wording of that screen is the phone's spec; here it only has to say so.)
  await expect(robin.page.getByText(/removed from this table/i)).toBeVisible();
  await expect(connectPhone(robinToken)).rejects.toMatchObject({ code: "CUSTOMER_REMOVED" });
  const current = await api.request("GET", "/api/sessions/current", { token: robinToken });
  expect(current.status).toBe(401);
  expect(current.body.error.code).toBe("CUSTOMER_REMOVED");

  // Sam is unaffected and still orders.
  await orderOnPhone(sam.page, ["Olives"]);
  await expect(bill.getByRole("row", { name: "Sam" })).toContainText("€16.00");
});
