import { expectAccessible } from "../support/axe.js";
import { expect, test } from "../support/fixtures.js";
import { orderOnPhone } from "../support/session.js";
import { joinUrlFromPanel, openSession, showTable } from "../support/ui.js";

// Issue 32, item 5: split the bill by item. A Burrata (11.50) shared by two phones and a guest
// without one ("Person 3", added on the panel): 3.84 + 3.83 + 3.83. Each phone claims its own
// drink, sees its exact share live, asks for the bill (the panel sees that share), and the
// panel records one payment per payer: they add up to the bill to the cent, and it is settled.

test("a shared dish split across two phones and Person 3: each sees its exact share, three payments settle the bill", async ({
  panel: page,
  phones,
  api,
  venue,
}) => {
  // Three browsers, a share on each screen and three payments: more than one screen's worth.
  test.setTimeout(120_000);
  await openSession(page, "Table 51");
  const url = await joinUrlFromPanel(page, "Table 51");
  const ann = await phones.join(url, "Ann");
  const bea = await phones.join(url, "Bea");
  await orderOnPhone(ann.page, ["Burrata", "Lemonade"]);
  await orderOnPhone(bea.page, ["Espresso"]);
  const card = await showTable(page, "Table 51");
  await expect(card.getByText("Due €18.50")).toBeVisible();

  // The panel: the Burrata goes to Person 3, a guest without a phone.
  await card.getByRole("button", { name: "Split by item" }).click();
  const split = page.getByRole("dialog", { name: "Split by item — Table 51" });
  await split.getByRole("button", { name: "Add Person 3, a guest without a phone" }).click();
  await expect(split.getByText("Tap a line to give it to Person 3.")).toBeVisible();
  await split.getByRole("button", { name: /^1× Burrata/ }).click();
  await expect(split.getByTestId("split-sums")).toHaveText("Shares €11.50 + not claimed €7.00 = €18.50");

  // Ann's phone shares it with everyone at the table: Ann, Bea and Person 3, a third each.
  await ann.page.getByRole("tab", { name: /^Bill/ }).click();
  const annSplit = ann.page.getByRole("region", { name: "Split by item" });
  await annSplit.getByRole("button", { name: "Share…: 1× Burrata" }).click();
  const sheet = annSplit.getByRole("group", { name: "Share Burrata with" });
  await expect(sheet.getByRole("checkbox")).toHaveCount(2);
  await expect(sheet.getByRole("checkbox", { name: "Person 3" })).toBeChecked();
  await ann.page.setViewportSize({ width: 390, height: 844 });
  await sheet.scrollIntoViewIfNeeded();
  await ann.page.screenshot({ path: test.info().outputPath("phone-share-sheet-390x844.png") });
  await sheet.getByRole("button", { name: "Split with everyone at the table" }).click();
  await expect(sheet).toBeHidden();
  await expect(split.locator(".split-panel-line").filter({ hasText: "Burrata" })).toContainText("Person 3 €3.84");

  // The phones: each claims its drink and sees its share of the Burrata, live.
  for (const [phone, drink] of [
    [ann, "Lemonade"],
    [bea, "Espresso"],
  ] as const) {
    await phone.page.getByRole("tab", { name: /^Bill/ }).click();
    const mine = phone.page.getByRole("region", { name: "Split by item" });
    await expect(mine.getByRole("list", { name: "Who pays Burrata" }).getByRole("listitem")).toContainText([
      "You · €3.83",
      "Person 3 · €3.84",
    ]);
    await mine.getByRole("button", { name: `Mine: 1× ${drink}` }).click();
    await expect(mine.getByRole("list", { name: `Who pays ${drink}` })).toContainText("You");
  }
  const beaSplit = bea.page.getByRole("region", { name: "Split by item" });
  await expect(annSplit.getByTestId("my-share")).toHaveText("€8.33");
  await expect(beaSplit.getByTestId("my-share")).toHaveText("€6.33");
  await expect(annSplit.getByTestId("unclaimed")).toHaveText("Every item has someone paying for it.");
  await expect(annSplit.getByRole("definition")).toContainText(["€8.33", "€6.33", "€3.84", "€18.50"]);
  await expect(split.getByTestId("split-sums")).toHaveText("Shares €18.50 + not claimed €0.00 = €18.50");

  // Ann's phone at 390×844, looked at as a guest would.
  await annSplit.getByRole("heading", { name: "Split by item" }).scrollIntoViewIfNeeded();
  await ann.page.screenshot({ path: test.info().outputPath("phone-split-390x844.png") });
  await expectAccessible(ann.page, test.info(), "phone split by item");
  await annSplit.screenshot({ path: test.info().outputPath("phone-split-whole-390.png") });

  // Ann asks for the bill: the panel shows her share with the request.
  await ann.page.getByRole("button", { name: "Ask for the bill" }).click();
  await split.getByRole("button", { name: "Done" }).click();
  await expect(card.getByText("Ann asks for the bill")).toBeVisible();
  await expect(card.locator(".seat-call").filter({ hasText: "Ann asks for the bill" })).toContainText("share €8.33");

  // The panel records each payer's share through the payment dialog, prefilled.
  await card.getByRole("button", { name: "Split by item" }).click();
  await page.setViewportSize({ width: 1024, height: 768 });
  await split.screenshot({ path: test.info().outputPath("panel-split-1024x768.png") });
  await expectAccessible(page, test.info(), "panel split by item");
  for (const [who, amount, method] of [
    ["Ann", "€8.33", "Cash"],
    ["Bea", "€6.33", "Card at the terminal"],
    ["Person 3", "€3.84", "Cash"],
  ] as const) {
    await split.getByRole("button", { name: `Pay ${amount} for ${who}` }).click();
    const pay = page.getByRole("dialog", { name: "Record payment — Table 51" });
    await expect(pay).toContainText(`For ${who}: ${amount} left of their share`);
    await expect(pay.getByLabel("Amount")).toHaveValue(amount.slice(1));
    await pay.getByRole("radio", { name: method }).check();
    await pay.getByRole("button", { name: "Record payment" }).click();
    await expect(pay).toBeHidden();
  }
  await expect(split.locator(".split-paid")).toHaveCount(3);
  await split.screenshot({ path: test.info().outputPath("panel-split-paid-1024x768.png") });
  await split.getByRole("button", { name: "Done" }).click();
  await expect(card.getByText("Due €0.00")).toBeVisible();
  await expect(ann.page.getByText("Paid in full. Thank you!")).toBeVisible();
  await expect(beaSplit.locator(".split-total.me")).toContainText("paid");

  const sessionId = (await api.listSessions(venue.staffToken, "OPEN")).find((s) => s.label === "Table 51")!.id;
  const stored = await api.getSession(venue.staffToken, sessionId);
  const annId = stored.customers.find((c) => c.displayName === "Ann")!.id;
  const beaId = stored.customers.find((c) => c.displayName === "Bea")!.id;
  expect(stored.payments.map((p) => [p.payer, p.amountCents])).toEqual([
    [`phone:${annId}`, 833],
    [`phone:${beaId}`, 633],
    ["person:3", 384],
  ]);
  expect(stored.payments.reduce((s, p) => s + p.amountCents, 0)).toBe(1850);
});
