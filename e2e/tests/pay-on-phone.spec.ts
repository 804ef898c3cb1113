// Issue 33, item 2, as guests and a manager live it: two phones split a bill with a shared
// Burrata; Ann pays her share with a 10 % tip on Stripe's page (the stand-in the servers'
// Stripe SDK talks to, started by global-setup.ts, which signs its webhooks as Stripe does);
// Bea pays cash to the waiter; a manager refunds Ann's flat lemonade through Stripe; the
// receipt shows the taxes per rate, the split, the online payment and the refund.
import { E2E_PORTS, E2E_STRIPE_URL } from "../support/env.js";
import { expect, test } from "../support/fixtures.js";
import { waitForAccepted } from "../support/phone-side.js";
import { orderOnPhone } from "../support/session.js";
import { joinUrlFromPanel, openSession, showTable } from "../support/ui.js";

test("a shared dish split on two phones: one pays its share with a tip on Stripe's page, the other cash; a line refunded through Stripe; the receipt adds up", async ({
  api,
  venue,
  phones,
  prisma,
  panel: page,
}) => {
  test.setTimeout(150_000);
  const token = venue.staffToken;
  const rate = (name: string, rateBps: number, position: number) =>
    prisma.taxRate.create({ data: { locationId: venue.locationId, name, rateBps, position } });
  const [standard, reduced] = [await rate("A", 1900, 0), await rate("B", 700, 1)];
  for (const c of venue.categories) {
    await prisma.category.update({ where: { id: c.id }, data: { taxRateId: c.name === "Drinks" ? reduced.id : standard.id } });
  }
  // The venue's Stripe account (its keys, and its webhook pointing at instance 1).
  const made = await fetch(`${E2E_STRIPE_URL}/_standin/accounts`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ webhookUrl: `http://127.0.0.1:${E2E_PORTS[0]}/api/payments/webhook/stripe/${venue.locationId}` }),
  });
  const stripe = (await made.json()) as { secretKey: string; webhookSecret: string };
  await api.route("PUT /api/payments/account", {
    token,
    body: { provider: "STRIPE", secretKey: stripe.secretKey, webhookSecret: stripe.webhookSecret },
  });

  await openSession(page, "Table 61");
  const url = await joinUrlFromPanel(page, "Table 61");
  const ann = await phones.join(url, "Ann");
  const bea = await phones.join(url, "Bea");
  await orderOnPhone(ann.page, ["Burrata", "Lemonade"]);
  await orderOnPhone(bea.page, ["Espresso"]);
  const sessionId = (await api.listSessions(token, "OPEN")).find((s) => s.label === "Table 61")!.id;
  await waitForAccepted(api, token, sessionId, 2);

  // Ann shares the Burrata with Bea; each claims its drink: 5.75 + 4.50 and 5.75 + 2.50.
  await ann.page.getByRole("tab", { name: /^Bill/ }).click();
  const annSplit = ann.page.getByRole("region", { name: "Split by item" });
  await annSplit.getByRole("button", { name: "Share…: 1× Burrata" }).click();
  await annSplit
    .getByRole("group", { name: "Share Burrata with" })
    .getByRole("button", { name: "Split with everyone at the table" })
    .click();
  for (const [phone, drink] of [
    [ann, "Lemonade"],
    [bea, "Espresso"],
  ] as const) {
    await phone.page.getByRole("tab", { name: /^Bill/ }).click();
    await phone.page
      .getByRole("region", { name: "Split by item" })
      .getByRole("button", { name: `Mine: 1× ${drink}` })
      .click();
  }
  await expect(annSplit.getByTestId("my-share")).toHaveText("€10.25");

  // Ann pays her share and 10 % on top on Stripe's page, and comes back to her table.
  const pay = ann.page.getByRole("region", { name: "Pay on your phone" });
  await expect(pay.getByRole("radio", { name: "Your share: €10.25" })).toBeChecked();
  await pay.getByRole("radio", { name: "10 %" }).check();
  await pay.getByRole("button", { name: "Pay €11.28" }).click();
  await expect(ann.page.getByRole("heading", { name: "Stripe test checkout" })).toBeVisible();
  await expect(ann.page.getByTestId("total")).toHaveText("11.28 EUR");
  await ann.page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await ann.page.getByRole("button", { name: "Pay 11.28 EUR" }).click();
  await expect(ann.page.getByRole("status").filter({ hasText: "Paid €11.28. Thank you!" })).toBeVisible();
  expect(new URL(ann.page.url()).search).toBe("");

  // The waiter sees it live, and takes Bea's 8.25 in cash through the split.
  const card = await showTable(page, "Table 61");
  await expect(card.getByText("Due €8.25")).toBeVisible();
  await card.getByRole("button", { name: "Split by item" }).click();
  const split = page.getByRole("dialog", { name: "Split by item — Table 61" });
  await split.getByRole("button", { name: "Pay €8.25 for Bea" }).click();
  const record = page.getByRole("dialog", { name: "Record payment — Table 61" });
  await record.getByRole("radio", { name: "Cash" }).check();
  await record.getByRole("button", { name: "Record payment" }).click();
  await expect(record).toBeHidden();
  await split.getByRole("button", { name: "Done" }).click();
  await expect(card.getByText("Due €0.00")).toBeVisible();
  await expect(bea.page.getByText("Paid in full. Thank you!")).toBeVisible();

  // The lemonade was flat: the manager refunds it from Ann's payment, through Stripe.
  await card.getByText("2 payments").click();
  await card.getByRole("button", { name: "Refund from the payment of €10.25 by Ann" }).click();
  const refund = page.getByRole("dialog", { name: "Refund — Table 61" });
  await expect(refund).toContainText("the money goes back to the guest's card through Stripe");
  await refund.getByLabel("For a line (optional)").selectOption({ label: "1× Lemonade — €4.50" });
  await expect(refund.getByLabel("Amount to refund")).toHaveValue("4.50");
  await refund.getByLabel("Reason").fill("1× Lemonade: flat");
  await refund.getByRole("button", { name: "Refund", exact: true }).click();
  await expect(refund).toBeHidden();
  await expect(card.getByText("Due €0.00")).toBeVisible();
  const stored = await api.getSession(token, sessionId);
  const back = stored.payments.find((p) => p.kind === "REFUND")!;
  expect(back).toMatchObject({ method: "ONLINE", amountCents: 450, note: "1× Lemonade: flat" });
  expect(back.providerRef).toMatch(/^re_test_/);

  // Closed: Ann's receipt shows the taxes per rate, the split, the online payment and the refund.
  await api.closeSession(token, sessionId, { unfinished: "finish" });
  const receipt = ann.page.getByRole("region", { name: "Receipt" });
  await expect(receipt).toContainText("paid online");
  await expect(receipt).toContainText("Refunded");
  await expect(receipt).toContainText("-€4.50");
  await expect(receipt.getByText("Refunded")).toHaveCount(1);
  // The split by item: Ann's share is her half of the Burrata (the lemonade was given back), Bea's hers and her espresso.
  const shares = receipt.getByRole("region", { name: "Split by item" });
  await expect(shares.getByRole("row", { name: /Ann/ })).toContainText(/€5\.75\s*€5\.75/);
  await expect(shares.getByRole("row", { name: /Bea/ })).toContainText(/€8\.25\s*€8\.25/);
  await expect(ann.page.locator(".phone-receipt-share")).toContainText("€5.75");
  const taxes = receipt.getByRole("region", { name: "Taxes" });
  // Burrata 11.50 at 19 %; drinks 7.00 at 7 % less the refund (spread over the rates): gross 14.00.
  await expect(taxes.locator("tfoot")).toContainText("€14.00");
  await ann.page.screenshot({ path: test.info().outputPath("receipt-paid-online-390.png"), fullPage: true });

  // The manager's Z report of the day agrees: one receipt of €14.00, €10.25 taken online less the
  // €4.50 given back, Bea's €8.25 in cash, Ann's €1.03 tip.
  await page.getByRole("navigation", { name: "Staff navigation" }).getByRole("link", { name: "Reports" }).click();
  const z = page.getByTestId("z-report");
  await expect(z.getByTestId("total-receipts")).toContainText("1");
  await expect(z.getByTestId("total-gross")).toHaveText("€14.00");
  await expect(z.getByTestId("total-tips")).toHaveText("€1.03");
  const methods = z.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Refunds" }) });
  await expect(methods.getByRole("row", { name: /^Online/ })).toContainText(/€10\.25\s*€4\.50\s*€5\.75\s*€1\.03/);
  await expect(methods.getByRole("row", { name: /^Cash/ })).toContainText("€8.25");
});
