import { randomUUID } from "node:crypto";
import { expect, test } from "../support/fixtures.js";
import { createAccount, launchWithSound, openDisplay, ticketOn } from "../support/kitchen.js";
import { createTable, sessionDetail, staffSocket, waitForAccepted } from "../support/phone-side.js";
import { loginStaff, showTable } from "../support/ui.js";

// Issue 32, item 2: a waiter corrects a table's bill from the panel. The kitchen has started
// the pizzas: voiding one needs a manager, who approves on the waiter's tablet; the espressos
// are comped (a manager again); the bill gets 10 % off within the waiter's own limit; the
// venue's 10 % service charge is its own line. The kitchen strikes the voided line at once;
// the phone's bill tab and its receipt follow every correction, to the cent.

test.use({ launchOptions: launchWithSound });

test("void after the kitchen started (manager's approval), comp, bill discount, service charge: kitchen, phone and receipt agree", async ({
  browser,
  page,
  api,
  venue,
  phones,
}) => {
  test.setTimeout(120_000);
  const owner = venue.staffToken;
  await api.request("PATCH", "/api/location", { token: owner, body: { serviceChargeBps: 1000 } });
  const suffix = randomUUID().slice(0, 8);
  const waiter = await createAccount(api, owner, "SERVER", `waiter-${suffix}@e2e.ordered`);
  const manager = await createAccount(api, owner, "MANAGER", `manager-${suffix}@e2e.ordered`);
  const kitchenId = venue.stations.find((s) => s.name === "Kitchen")!.id;
  const kitchen = await openDisplay(browser, kitchenId, venue.owner);

  const table = await createTable(api, owner, "Table 7");
  const { session } = await api.seatTable(owner, table.id);
  expect(session.serviceChargeBps).toBe(1000);
  const phone = await phones.join(session.joinUrl, "Sam");
  const product = (name: string) => venue.products.find((p) => p.name === name)!.id;
  await api.route("POST /api/sessions/:id/orders", {
    params: { id: session.id },
    token: owner,
    body: {
      clientOrderId: randomUUID(),
      items: [
        { productId: product("Margherita"), quantity: 1 },
        { productId: product("Diavola"), quantity: 1 },
        { productId: product("Espresso"), quantity: 2 },
      ],
    },
  });
  await waitForAccepted(api, owner, session.id, 1);
  // The kitchen starts the pizzas.
  const order = (await sessionDetail(api, owner, session.id)).orders[0]!;
  const pizzas = order.tickets.find((t) => t.stationId === kitchenId)!;
  const socket = await staffSocket(owner);
  await socket.emitWithAck("ticket:bump", { ticketId: pizzas.id, to: "PREPARING" });
  socket.close();
  const ticket = ticketOn(kitchen.page, "Table 7 #1");
  await expect(ticket).toHaveAttribute("data-status", "PREPARING");

  // The waiter's tablet.
  await page.setViewportSize({ width: 1024, height: 768 });
  // loginStaff reads the account's email and password only.
  await loginStaff(page, { owner: { ...waiter, id: "", displayName: "" } });
  const card = await showTable(page, "Table 7");
  await expect(card).toContainText("1× Margherita");

  // Void the Margherita: started, so a reason and the manager's approval on this device.
  await card.getByRole("button", { name: "Correct 1× Margherita of order Table 7 #1" }).click();
  let dialog = page.getByRole("dialog", { name: /^Correct 1× Margherita/ });
  await dialog.getByRole("radio", { name: /^Void/ }).check();
  await expect(dialog).toContainText("The kitchen has started this line.");
  await dialog.getByLabel(/^Reason/).fill("sent back: burnt");
  await dialog.getByLabel("Manager's email").fill(manager.email);
  await dialog.getByLabel("Manager's password").fill("not-the-password");
  await page.screenshot({ path: test.info().outputPath("void-dialog-1024x768.png") });
  await dialog.getByRole("button", { name: "Void line" }).click();
  await expect(dialog.getByRole("alert")).toContainText("approver's email or password is wrong");
  await dialog.getByLabel("Manager's password").fill(manager.password);
  await dialog.getByRole("button", { name: "Void line" }).click();
  await expect(dialog).toBeHidden();
  await expect(card.locator("li.item.voided")).toContainText("Margherita");
  await expect(card).toContainText(`Voided · sent back: burnt — server waiter-${suffix}, approved by manager manager-${suffix}`);

  // The kitchen strikes it at once; the Diavola stays to cook.
  await expect(ticket.locator("[data-voided]")).toContainText("Margherita");
  await expect(ticket.locator("[data-voided]")).toContainText("VOID");
  await expect(ticket.locator(".kt-line:not([data-voided])")).toContainText("Diavola");
  await expect(kitchen.root).toHaveAttribute("data-cue", "ringing");
  await kitchen.page.screenshot({ path: test.info().outputPath("kitchen-void.png") });

  // Comp the espressos (a manager's right: approved the same way).
  await card.getByRole("button", { name: "Correct 2× Espresso of order Table 7 #1" }).click();
  dialog = page.getByRole("dialog", { name: /^Correct 2× Espresso/ });
  await dialog.getByRole("radio", { name: /^Comp/ }).check();
  await dialog.getByLabel(/^Reason/).fill("birthday");
  await dialog.getByLabel("Manager's email").fill(manager.email);
  await dialog.getByLabel("Manager's password").fill(manager.password);
  await dialog.getByRole("button", { name: "Comp line" }).click();
  await expect(dialog).toBeHidden();
  await expect(card).toContainText("On the house · birthday");

  // 10 % off the bill: within a waiter's own limit, no approval asked.
  await card.getByRole("button", { name: "Discount bill…" }).click();
  dialog = page.getByRole("dialog", { name: "Discount the bill of Table 7" });
  await dialog.getByLabel("Percent off").fill("10");
  await expect(dialog.getByLabel("Manager's email")).toHaveCount(0);
  await dialog.getByLabel(/^Reason/).fill("regulars");
  await dialog.getByRole("button", { name: "Give discount" }).click();
  await expect(dialog).toBeHidden();
  // 12.50 − 1.25 = 11.25; service 10 % = 1.13 (1.125 rounds half up); due 12.38.
  await expect(card).toContainText("€12.38");

  // The phone's bill tab: the void struck, the comp, the discount and the service charge as lines.
  await phone.page.getByRole("tab", { name: /^Bill/ }).click();
  const bill = phone.page.locator(".phone-bill");
  await expect(bill.locator(".bill-line.voided")).toContainText("Margherita");
  await expect(bill).toContainText("On the house");
  await expect(bill.locator("[data-sum=discount]")).toContainText("€1.25");
  await expect(bill.locator("[data-sum=service-charge]")).toContainText("Service charge 10%");
  await expect(bill.locator("[data-sum=service-charge]")).toContainText("€1.13");
  await expect(bill.locator(".bill-sum.total")).toContainText("€12.38");
  await phone.page.screenshot({ path: test.info().outputPath("phone-bill.png"), fullPage: true });
  await card.screenshot({ path: test.info().outputPath("panel-card.png") });

  // Paid and closed: the receipt lists every correction with its reason, and the service charge.
  await api.recordPayment(owner, session.id, { clientPaymentId: randomUUID(), method: "CARD", amountCents: 1238, tipCents: 0 });
  await api.closeSession(owner, session.id, { unfinished: "finish" });
  const receipt = phone.page.locator(".receipt");
  await expect(receipt).toBeVisible();
  const corrections = receipt.getByRole("region", { name: "Corrections" });
  await expect(corrections).toContainText("sent back: burnt");
  await expect(corrections).toContainText("birthday");
  await expect(corrections).toContainText("regulars");
  await expect(corrections).toContainText(`approved by manager manager-${suffix}`);
  await expect(receipt.locator("[data-sum=service-charge]")).toContainText("€1.13");
  await phone.page.screenshot({ path: test.info().outputPath("phone-receipt.png"), fullPage: true });
  await kitchen.context.close();
});
