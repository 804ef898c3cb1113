import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures.js";
import { createTable, order, sessionDetail, waitForAccepted } from "../support/phone-side.js";
import { sessionCard, showTable } from "../support/ui.js";

// Issue 32, item 4: staff merge two tables, split phones off to a free table, and move a line
// onto another table's bill, from the panel's dialogs (screenshots at 1024×768); the phones
// follow live: the bar's phone moves to the merged table and sees the whole bill.

const euros = (cents: number) => (cents / 100).toFixed(2);

async function dialogShot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}-1024x768.png`) });
}

test("two tables merged: the bar's phone follows to the table and both phones see one bill", async ({ panel, phones, api, venue }) => {
  await panel.setViewportSize({ width: 1024, height: 768 });
  const token = venue.staffToken;
  const espresso = venue.products.find((p) => p.name === "Espresso")!;
  const [bar, table] = [await createTable(api, token, "Bar 1"), await createTable(api, token, "Table 5")];
  const barSession = (await api.seatTable(token, bar.id)).session;
  const tableSession = (await api.seatTable(token, table.id)).session;
  const atBar = await phones.join(barSession.joinUrl, "Ann");
  const atTable = await phones.join(tableSession.joinUrl, "Bea");
  for (const [id, quantity] of [
    [barSession.id, 2],
    [tableSession.id, 1],
  ] as const) {
    await api.route("POST /api/sessions/:id/orders", {
      token,
      params: { id },
      body: { clientOrderId: randomUUID(), items: [{ productId: espresso.id, quantity }] },
    });
    await waitForAccepted(api, token, id, 1);
  }

  const barSheet = await showTable(panel, "Bar 1");
  await barSheet.getByText("Move…").click();
  await barSheet.getByRole("button", { name: "Merge with…" }).click();
  const dialog = panel.getByRole("dialog", { name: "Merge Bar 1 with…" });
  await dialog.getByLabel("Table 5").check();
  await dialogShot(panel, "merge-dialog");
  await dialog.getByRole("button", { name: "Merge into Table 5" }).click();
  await expect(dialog).toBeHidden();

  // The panel: the bar's sheet gone with its session, back on the floor; the table's sheet has
  // the bar's order, renumbered after the table's and saying where it came from.
  await expect(sessionCard(panel, "Bar 1")).toHaveCount(0);
  await expect(panel.getByRole("region", { name: "Floor" }).getByRole("article", { name: "Bar 1" })).toContainText("Free");
  await expect(await showTable(panel, "Table 5")).toContainText("from Bar 1 #1");
  await dialogShot(panel, "merged-panel");
  const total = (await sessionDetail(api, token, tableSession.id)).orders.reduce((s, o) => s + o.totalCents, 0);
  expect(total).toBe(3 * 250);
  // The bar's phone follows: the table's name on top, told why, the whole bill; the table's phone too.
  await expect(atBar.page.getByText("Staff moved you to Table 5", { exact: false })).toBeVisible();
  await expect(atBar.page.getByText("Table 5", { exact: true }).first()).toBeVisible();
  for (const phone of [atBar, atTable]) {
    await expect(phone.page.getByRole("tab", { name: new RegExp(`Bill · .*${euros(total)}`) })).toBeVisible();
    await expect(phone.page.getByRole("listitem", { name: "Order 2" })).toContainText("from Bar 1 #1");
  }
  await atBar.page.screenshot({ path: test.info().outputPath("merged-phone.png") });
  // It orders on, onto the merged bill.
  await order(atBar.page, ["Espresso"]);
  await expect(atTable.page.getByRole("listitem", { name: "Order 3" })).toBeVisible();
});

test("a table split off: the chosen phone and its order go to a free table; the other phone stays", async ({
  panel,
  phones,
  api,
  venue,
}) => {
  await panel.setViewportSize({ width: 1024, height: 768 });
  const token = venue.staffToken;
  const long = await createTable(api, token, "Long 7");
  await createTable(api, token, "Window 2");
  const session = (await api.seatTable(token, long.id)).session;
  const ann = await phones.join(session.joinUrl, "Ann");
  const bob = await phones.join(session.joinUrl, "Bob");
  await order(bob.page, ["Espresso"]);
  await waitForAccepted(api, token, session.id, 1);

  const longSheet = await showTable(panel, "Long 7");
  await longSheet.getByText("Move…").click();
  await longSheet.getByRole("button", { name: "Split off…" }).click();
  const dialog = panel.getByRole("dialog", { name: "Split off from Long 7" });
  await dialog.getByLabel("Bob").check();
  await dialog.getByLabel("Window 2").check();
  await expect(dialog).toContainText("Payments already recorded stay on Long 7's bill");
  await dialogShot(panel, "split-dialog");
  await dialog.getByRole("button", { name: "Split off" }).click();
  await expect(dialog).toBeHidden();

  await expect(await showTable(panel, "Window 2")).toContainText("from Long 7 #1");
  await expect(bob.page.getByText("Staff moved you to Window 2", { exact: false })).toBeVisible();
  await expect(bob.page.getByRole("listitem", { name: "Order 1" })).toContainText("from Long 7 #1");
  // Ann stays at the long table, whose bill no longer has Bob's espresso.
  await expect(ann.page.getByText("Long 7", { exact: true }).first()).toBeVisible();
  await expect(ann.page.getByRole("listitem", { name: "Order 1" })).toHaveCount(0);
});

test("a line moved to another table's bill: the kitchen keeps it on its order, the bills follow", async ({ panel, phones, api, venue }) => {
  await panel.setViewportSize({ width: 1024, height: 768 });
  const token = venue.staffToken;
  const [espresso, olives] = ["Espresso", "Olives"].map((n) => venue.products.find((p) => p.name === n)!);
  const bar = (await api.seatTable(token, (await createTable(api, token, "Bar 2")).id)).session;
  const table = (await api.seatTable(token, (await createTable(api, token, "Table 6")).id)).session;
  const guest = await phones.join(table.joinUrl, "Cem");
  await api.route("POST /api/sessions/:id/orders", {
    token,
    params: { id: bar.id },
    body: {
      clientOrderId: randomUUID(),
      items: [
        { productId: olives!.id, quantity: 1 },
        { productId: espresso!.id, quantity: 1 },
      ],
    },
  });
  await waitForAccepted(api, token, bar.id, 1);

  await (await showTable(panel, "Bar 2")).getByRole("button", { name: "Move to… (lines of Bar 2 #1)" }).click();
  const dialog = panel.getByRole("dialog", { name: "Move lines of Bar 2 #1" });
  await dialog.getByLabel("1× Espresso").check();
  await dialog.getByLabel("Table 6").check();
  await dialogShot(panel, "move-lines-dialog");
  await dialog.getByRole("button", { name: "Move lines" }).click();
  await expect(dialog).toBeHidden();

  await expect(sessionCard(panel, "Bar 2")).toContainText("on Table 6 #1's bill");
  await expect(await showTable(panel, "Table 6")).toContainText("from Bar 2 #1");
  await showTable(panel, "Bar 2");
  await dialogShot(panel, "moved-line-panel");
  await expect(guest.page.getByRole("listitem", { name: "Order 1" })).toContainText("from Bar 2 #1");
  await expect(guest.page.getByRole("tab", { name: new RegExp(`Bill · .*${euros(250)}`) })).toBeVisible();
  const [fromBar, toTable] = [await sessionDetail(api, token, bar.id), await sessionDetail(api, token, table.id)];
  expect([fromBar.orders[0]!.totalCents, toTable.orders[0]!.totalCents]).toEqual([400, 250]);
});
