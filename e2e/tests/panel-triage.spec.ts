import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures.js";
import { smallTargets, TABLET } from "../support/touch.js";
import { joinUrlFromPanel, markReadyForKitchen, openSession, type Phone, showTable, viewOrder } from "../support/ui.js";

const LAPTOP = { width: 1280, height: 800 };

/** Places an order of one product from a phone that joined the session. */
async function order(phone: Phone, product: string): Promise<void> {
  await phone.page.getByRole("button", { name: `Add ${product}` }).click();
  await viewOrder(phone.page);
  await phone.page.getByRole("button", { name: "Place order" }).click();
  await expect(phone.page.getByRole("listitem", { name: "Order 1" })).toBeVisible();
}

/** A session's tile on the floor (these sessions have no table: they sit under "Without a table"). */
const tile = (page: Page, label: string) => page.getByRole("list", { name: "Without a table" }).getByRole("article", { name: label });

test("the panel triages: the floor says what each table waits for and how long, a feed of what needs action with its actions, an offline banner", async ({
  panel,
  phones,
  prisma,
  venue,
}) => {
  await panel.setViewportSize(LAPTOP);
  // Opened in this order; the one without orders stays idle.
  for (const label of ["Patio 1", "Patio 2", "Patio 3"]) await openSession(panel, label);
  const two = await phones.join(await joinUrlFromPanel(panel, "Patio 2"), "Robin");
  const three = await phones.join(await joinUrlFromPanel(panel, "Patio 3"), "Sam");
  await order(two, "Margherita");
  await order(three, "Lemonade");
  await expect(await showTable(panel, "Patio 2")).toContainText("1× Margherita");
  await expect(await showTable(panel, "Patio 3")).toContainText("1× Lemonade");

  // Age the orders as if placed 25 and 12 minutes ago (the location turns amber at 10, red at 20).
  const sessions = await prisma.orderSession.findMany({
    where: { locationId: venue.locationId, label: { in: ["Patio 2", "Patio 3"] } },
    select: { id: true, label: true },
  });
  for (const s of sessions) {
    const minutes = s.label === "Patio 2" ? 25 : 12;
    await prisma.order.updateMany({ where: { sessionId: s.id }, data: { placedAt: new Date(Date.now() - minutes * 60_000) } });
  }
  await panel.goto("/panel");
  // The floor: each tile says how long its food has been in the kitchen, red and amber; the idle one nothing.
  await expect(tile(panel, "Patio 2").locator(".flag-waiting")).toHaveText("Kitchen 25 min");
  await expect(tile(panel, "Patio 2").locator(".flag-waiting")).toHaveAttribute("data-urgency", "red");
  await expect(tile(panel, "Patio 3").locator(".flag-waiting")).toHaveText("Kitchen 12 min");
  await expect(tile(panel, "Patio 3").locator(".flag-waiting")).toHaveAttribute("data-urgency", "amber");
  await expect(tile(panel, "Patio 1").locator(".flag")).toHaveCount(0);
  const patio2 = await showTable(panel, "Patio 2");
  await expect(patio2.locator(".order-card .age-pill")).toHaveText("Waiting 25 min · Late");
  await expect(patio2.locator(".order-card .age-pill")).toHaveAttribute("data-urgency", "red");
  await expect(patio2.locator(".session-header")).toContainText("Waiting 25 min");
  const patio3 = await showTable(panel, "Patio 3");
  await expect(patio3.locator(".order-card .age-pill")).toHaveText("Waiting 12 min · Getting late");
  await expect(patio3.locator(".order-card .age-pill")).toHaveAttribute("data-urgency", "amber");
  await expect((await showTable(panel, "Patio 1")).locator(".age-pill")).toHaveCount(0);

  // The feed: both orders need seeing to, nothing else.
  const feed = panel.getByRole("complementary", { name: /Needs action/ });
  const entries = feed.getByRole("list").first().locator(":scope > li");
  await expect(entries).toHaveCount(2);
  await expect(feed.getByRole("listitem", { name: "New order: Patio 3 #1" })).toContainText("1× Lemonade");
  await expect(feed.getByRole("listitem", { name: "New order: Patio 2 #1" })).toContainText("1× Margherita");

  // Screenshots without the arrival flash, as the panel looks a moment later.
  await panel.emulateMedia({ reducedMotion: "reduce" });
  await panel.getByRole("button", { name: "Back to the floor" }).click();
  for (const viewport of [TABLET, LAPTOP]) {
    await panel.setViewportSize(viewport);
    await panel.evaluate(() => window.scrollTo(0, 0));
    await panel.screenshot({ path: test.info().outputPath(`panel-triage-${viewport.width}.png`) });
  }

  // An item opens its table's sheet.
  await feed.getByRole("button", { name: "Open Patio 3" }).click();
  await expect(patio3).toBeVisible();
  // Patio 3's order goes out: ready brings it back as something to deliver, with Delivered right there.
  await markReadyForKitchen(panel, "Patio 3 #1");
  const ready = feed.getByRole("listitem", { name: "Ready to deliver: Patio 3 #1" });
  await expect(ready).toBeVisible();
  await expect(feed.getByRole("listitem", { name: "New order: Patio 3 #1" })).toHaveCount(0);
  await ready.getByRole("button", { name: "Delivered: Patio 3 #1, from Needs action" }).click();
  await expect(entries).toHaveCount(1);
  await expect(patio3.locator(".order-card .age-pill")).toHaveCount(0);
  await expect(patio3).toContainText("Delivered");

  // Seen takes Patio 2's order off this device's feed, and a reload keeps it off.
  await feed.getByRole("button", { name: "Seen: New order, Patio 2 #1" }).click();
  await expect(entries).toHaveCount(0);
  await expect(feed).toContainText("Nothing needs action");
  await panel.reload();
  await expect(await showTable(panel, "Patio 2")).toContainText("1× Margherita");
  await expect(entries).toHaveCount(0);
  // It needs action again once it is ready to deliver.
  await markReadyForKitchen(panel, "Patio 2 #1");
  await expect(feed.getByRole("listitem", { name: "Ready to deliver: Patio 2 #1" })).toBeVisible();

  // Offline: a banner nobody misses, gone when the connection is back.
  const banner = panel.getByRole("alert").filter({ hasText: "Offline — changes will show when the connection is back" });
  await expect(banner).toHaveCount(0);
  await panel.context().setOffline(true);
  await expect(banner).toBeVisible();
  await panel.screenshot({ path: test.info().outputPath("panel-offline-1280.png") });
  await panel.context().setOffline(false);
  await expect(panel.getByRole("status")).toHaveText("Live");
  await expect(banner).toHaveCount(0);
});

test("every touch target on the panel is at least 44 × 44 px on a 1024 × 768 tablet", async ({ panel, phones }) => {
  await panel.setViewportSize(TABLET);
  await openSession(panel, "Patio 4");
  const phone = await phones.join(await joinUrlFromPanel(panel, "Patio 4"), "Kim");
  await order(phone, "Margherita");
  await phone.page.getByRole("button", { name: "Call a waiter" }).click();
  const card = await showTable(panel, "Patio 4");
  await expect(card.getByRole("button", { name: "Mark order Patio 4 #1 ready" })).toBeVisible();
  await expect(panel.getByRole("button", { name: /^Acknowledge the waiter call/ }).first()).toBeVisible();

  expect(await smallTargets(panel.locator("body"))).toEqual([]);

  // Its dialogs too: recording a payment and closing the session.
  await card.getByRole("button", { name: "Record payment" }).click();
  const pay = panel.getByRole("dialog");
  await expect(pay).toBeVisible();
  expect(await smallTargets(pay)).toEqual([]);
  await pay.getByRole("button", { name: "Close", exact: true }).click();
  await card.getByRole("button", { name: "Close session" }).click();
  const close = panel.getByRole("dialog", { name: "Close session" });
  await expect(close).toBeVisible();
  expect(await smallTargets(close)).toEqual([]);
});
