import { randomUUID } from "node:crypto";
import { expect, test } from "../support/fixtures.js";
import { connectPhone, orderOnPhone, placeOrder, screenshotsAt } from "../support/session.js";
import { joinUrlFromPanel, markReadyForKitchen, openSession, showTable } from "../support/ui.js";

test("a split payment with a tip, then closing: refused for an unfinished order until staff deliver it", async ({
  panel: page,
  phones,
  api,
  venue,
}) => {
  await openSession(page, "Table 33");
  const sam = await phones.join(await joinUrlFromPanel(page, "Table 33"), "Sam");
  await orderOnPhone(sam.page, ["Margherita"]);
  await orderOnPhone(sam.page, ["Lemonade"]);
  const card = await showTable(page, "Table 33");
  // The first order reaches the table; the second stays in the kitchen.
  await markReadyForKitchen(page, "Table 33 #1");
  await page.getByRole("button", { name: "Mark order Table 33 #1 delivered" }).click();
  await expect(card.getByRole("button", { name: "Mark order Table 33 #2 ready" })).toBeVisible();
  await expect(card.getByText("Due €14.00")).toBeVisible();

  await card.getByRole("button", { name: "Record payment" }).click();
  const pay = page.getByRole("dialog", { name: "Record payment — Table 33" });
  await expect(pay).toContainText("Due now: €14.00");
  await expect(pay.getByLabel("Amount")).toHaveValue("14.00");

  // What the dialog refuses itself, and what the server refuses.
  await pay.getByRole("button", { name: "Record payment" }).click();
  await expect(pay.getByRole("alert")).toHaveText("Choose how it was paid.");
  await pay.getByRole("radio", { name: "Cash" }).check();
  await pay.getByLabel("Amount").fill("12.345");
  await pay.getByRole("button", { name: "Record payment" }).click();
  await expect(pay.getByRole("alert")).toHaveText("Use at most 2 decimals.");
  await pay.getByLabel("Amount").fill("100");
  await pay.getByRole("button", { name: "Record payment" }).click();
  await expect(pay.getByRole("alert")).toContainText("only 14.00 EUR is due");

  // An equal split in two, each share its own payment; the first with a tip, the second by card.
  await pay.getByRole("radio", { name: "Equal split" }).check();
  await expect(pay.getByLabel("Number of shares")).toHaveValue("2");
  const shares = pay.getByRole("list", { name: "Shares" });
  await expect(shares.getByRole("listitem")).toHaveText([/Share 1 of 2\s*€7\.00/, /Share 2 of 2\s*€7\.00/]);
  await pay.getByLabel("Tip").fill("1.50");
  await pay.getByRole("button", { name: "Record share 1 of 2" }).click();
  await expect(shares.getByRole("listitem").first()).toContainText("Recorded · cash · tip €1.50");
  await expect(pay.getByLabel("Tip")).toHaveValue("");
  await screenshotsAt(page, test.info(), "payment-dialog");
  await pay.getByRole("radio", { name: "Card at the terminal" }).check();
  await pay.getByRole("button", { name: "Record share 2 of 2" }).click();
  await expect(shares.getByRole("listitem").last()).toContainText("Recorded · card");
  await pay.getByRole("button", { name: "Done" }).click();
  await expect(pay).toBeHidden();

  const bill = card.getByRole("region", { name: "Bill for Table 33" });
  await expect(bill.locator(".receipt-totals > div").filter({ hasText: "Tips" })).toContainText("€1.50");
  await expect(card.getByText("Due €0.00")).toBeVisible();
  const sessionId = (await api.listSessions(venue.staffToken, "OPEN")).find((s) => s.label === "Table 33")!.id;
  const stored = (await api.getSession(venue.staffToken, sessionId)).payments;
  expect(stored.map((p) => [p.method, p.amountCents, p.tipCents, p.note])).toEqual([
    ["CASH", 700, 150, "Split 1 of 2"],
    ["CARD", 700, 0, "Split 2 of 2"],
  ]);

  // Closing: the unfinished order is named; closing without a choice is refused by the server.
  await card.getByRole("button", { name: "Close session" }).click();
  const close = page.getByRole("dialog", { name: "Close session" });
  await expect(close).toContainText("1 order is not finished");
  await expect(close.getByRole("listitem")).toContainText(["Table 33 #2"]);
  await expect(close.getByRole("listitem")).toContainText(["1× Lemonade"]);
  await screenshotsAt(page, test.info(), "close-dialog");
  await close.getByRole("button", { name: "Close session" }).click();
  await expect(close.getByRole("alert")).toContainText("an unfinished order: Sam: 1× Lemonade");
  await expect(card).toBeVisible();

  await close.getByRole("radio", { name: "Deliver them" }).check();
  await close.getByRole("button", { name: "Close session" }).click();
  await expect(close).toBeHidden();
  await expect(card).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Closed sessions" }).getByRole("article", { name: "Table 33" })).toBeVisible();
  const closed = await api.getSession(venue.staffToken, sessionId);
  expect(closed.orders.map((o) => o.status)).toEqual(["DELIVERED", "DELIVERED"]);
  expect(closed.receipt?.bill).toMatchObject({ totalCents: 1400, paidCents: 1400, tipCents: 150, dueCents: 0, waivedCents: 0 });
});

test("closing with money still due asks for payment or a reason to waive it", async ({ panel: page, phones }) => {
  await openSession(page, "Table 35");
  const sam = await phones.join(await joinUrlFromPanel(page, "Table 35"), "Sam");
  await orderOnPhone(sam.page, ["Espresso"]);
  const card = await showTable(page, "Table 35");
  await markReadyForKitchen(page, "Table 35 #1");
  await page.getByRole("button", { name: "Mark order Table 35 #1 delivered" }).click();

  await card.getByRole("button", { name: "Close session" }).click();
  const close = page.getByRole("dialog", { name: "Close session" });
  await expect(close).toContainText("€2.50 is still due");
  await close.getByRole("button", { name: "Close session" }).click();
  await expect(close.getByRole("alert")).toContainText("still owes 2.50 EUR");
  await close.getByLabel("Waive the rest").check();
  await close.getByRole("button", { name: "Close session" }).click();
  await expect(close.getByRole("alert")).toHaveText("Say why the rest is waived, or record a payment first.");
  await close.getByLabel("Why is the rest not paid?").fill("Regular, on the house");
  await close.getByRole("button", { name: "Close session" }).click();
  await expect(close).toBeHidden();
  await expect(page.getByRole("region", { name: "Closed sessions" }).getByRole("article", { name: "Table 35" })).toBeVisible();
});

test("a closed session's record shows its receipt and its orders as they ended", async ({ panel: page, api, venue }) => {
  const { session } = await api.openSession(venue.staffToken, "Table 34");
  const products = new Map(venue.products.map((p) => [p.name, p.id]));
  const sam = await api.joinSession(session.joinCode, "Sam");
  const guest = await api.joinSession(session.joinCode);
  const samSocket = await connectPhone(sam.token);
  const guestSocket = await connectPhone(guest.token);
  try {
    await placeOrder(samSocket, [products.get("Margherita")!, products.get("House Red")!]); // 15.50
    await placeOrder(guestSocket, [products.get("Tiramisù")!]); // 7.00
  } finally {
    samSocket.close();
    guestSocket.close();
  }
  await expect
    .poll(async () => (await api.getSession(venue.staffToken, session.id)).orders.map((o) => o.status), { timeout: 15_000 })
    .toEqual(["ACCEPTED", "ACCEPTED"]);
  await api.recordPayment(venue.staffToken, session.id, {
    clientPaymentId: randomUUID(),
    method: "CARD",
    amountCents: 1550,
    tipCents: 200,
    customerId: sam.customer.id,
  });
  await api.closeSession(venue.staffToken, session.id, { unfinished: "finish", waiveReason: "Birthday, dessert on the house" });

  const closedCard = page.getByRole("region", { name: "Closed sessions" }).getByRole("article", { name: "Table 34" });
  await closedCard.getByRole("button", { name: "View Table 34" }).click();
  const record = page.getByRole("dialog", { name: "Table 34 — record" });
  await expect(record.getByRole("heading", { name: venue.name })).toBeVisible();
  await expect(record).toContainText(`Closed`);
  await expect(record).toContainText(`by ${venue.owner.displayName}`);
  const items = record.getByRole("region", { name: "Items" });
  await expect(items.getByRole("row")).toHaveCount(4); // header + 3 lines
  await expect(items).toContainText("Margherita");
  await expect(items).toContainText("Tiramisù");
  const totals = record.locator(".receipt-totals");
  await expect(totals).toContainText("Total€22.50");
  await expect(totals).toContainText("Paid€15.50");
  await expect(totals).toContainText("Tips€2.00");
  await expect(totals).toContainText("Waived€7.00");
  await expect(totals).toContainText("Reason: Birthday, dessert on the house");
  await expect(totals).toContainText("Due€0.00");
  const byPhone = record.getByRole("region", { name: "By phone" });
  await expect(byPhone.getByRole("row", { name: /Sam/ })).toContainText("€15.50");
  await expect(byPhone.getByRole("row", { name: /Guest 1/ })).toContainText("€7.00");
  await expect(record.getByRole("region", { name: "Payments" })).toContainText("€15.50 card · tip €2.00 · for Sam");
  const orders = record.getByRole("region", { name: "Orders" });
  await expect(orders.getByRole("listitem").filter({ hasText: "Table 34 #1" })).toContainText("Delivered");
  await expect(orders.getByRole("listitem").filter({ hasText: "Table 34 #2" })).toContainText("Delivered");
  await screenshotsAt(page, test.info(), "closed-record");
  // Printed, only the record shows, without its buttons.
  await page.emulateMedia({ media: "print" });
  await expect(record.getByRole("button", { name: "Print" })).toBeHidden();
  await page.screenshot({ path: test.info().outputPath("closed-record-print.png"), fullPage: true });
  await page.emulateMedia({ media: "screen" });
  await record.getByRole("button", { name: "Close" }).click();
  await expect(record).toBeHidden();
});

test("a payment whose answer is lost is sent again with the same id, and a double tap records it once", async ({
  panel: page,
  api,
  venue,
}) => {
  const { session } = await api.openSession(venue.staffToken, "Table 36");
  const sam = await api.joinSession(session.joinCode, "Sam");
  const socket = await connectPhone(sam.token);
  try {
    await placeOrder(socket, [venue.products.find((p) => p.name === "Diavola")!.id]);
  } finally {
    socket.close();
  }
  const card = await showTable(page, "Table 36");
  await expect(card.getByText("Due €12.50")).toBeVisible({ timeout: 15_000 });

  // The first answer is lost on the way back: the server has recorded the payment, the panel
  // sees a network failure.
  const sent: { clientPaymentId: string }[] = [];
  let lose = true;
  await page.route("**/api/sessions/*/payments", async (route) => {
    sent.push(route.request().postDataJSON());
    if (!lose) return route.continue();
    lose = false;
    await route.fetch();
    await route.abort("connectionreset");
  });

  await card.getByRole("button", { name: "Record payment" }).click();
  const pay = page.getByRole("dialog", { name: "Record payment — Table 36" });
  await pay.getByRole("radio", { name: "Card at the terminal" }).check();
  // Two taps within one frame, before React can disable the button.
  await pay.getByRole("button", { name: "Record payment" }).evaluate((button: HTMLButtonElement) => {
    button.click();
    button.click();
  });
  await expect(pay).toBeHidden();
  await expect(card.getByText("Due €0.00")).toBeVisible();

  expect(sent).toHaveLength(2);
  expect(new Set(sent.map((b) => b.clientPaymentId)).size).toBe(1);
  const stored = (await api.getSession(venue.staffToken, session.id)).payments;
  expect(stored.map((p) => [p.method, p.amountCents, p.clientPaymentId])).toEqual([["CARD", 1250, sent[0]!.clientPaymentId]]);
});
