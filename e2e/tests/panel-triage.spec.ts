import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures.js";
import { smallTargets, TABLET } from "../support/touch.js";
import { joinUrlFromPanel, markReadyForKitchen, openSession, type Phone, sessionCard, viewOrder } from "../support/ui.js";

const LAPTOP = { width: 1280, height: 800 };

/** Places an order of one product from a phone that joined the session. */
async function order(phone: Phone, product: string): Promise<void> {
  await phone.page.getByRole("button", { name: `Add ${product}` }).click();
  await viewOrder(phone.page);
  await phone.page.getByRole("button", { name: "Place order" }).click();
  await expect(phone.page.getByRole("listitem", { name: "Order 1" })).toBeVisible();
}

/** The open sessions' labels, top to bottom. */
const openLabels = (page: Page) =>
  page
    .getByRole("region", { name: "Open sessions" })
    .locator("article.session")
    .evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));

test("the panel triages: longest wait first, live ages, a feed of what needs action with Seen, an offline banner", async ({
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
  await expect(sessionCard(panel, "Patio 2")).toContainText("1× Margherita");
  await expect(sessionCard(panel, "Patio 3")).toContainText("1× Lemonade");

  // Patio 2 ordered first, then Patio 3; Patio 1 (opened first) waits for nothing.
  await expect.poll(() => openLabels(panel)).toEqual(["Patio 2", "Patio 3", "Patio 1"]);

  // Age the orders as if placed 25 and 12 minutes ago (the location turns amber at 10, red at 20).
  const sessions = await prisma.orderSession.findMany({
    where: { locationId: venue.locationId, label: { in: ["Patio 2", "Patio 3"] } },
    select: { id: true, label: true },
  });
  for (const s of sessions) {
    const minutes = s.label === "Patio 2" ? 25 : 12;
    await prisma.order.updateMany({ where: { sessionId: s.id }, data: { placedAt: new Date(Date.now() - minutes * 60_000) } });
  }
  await panel.reload();
  const patio2 = sessionCard(panel, "Patio 2");
  const patio3 = sessionCard(panel, "Patio 3");
  await expect(patio2.locator(".order-card .age-pill")).toHaveText("Waiting 25 min · Late");
  await expect(patio2.locator(".order-card .age-pill")).toHaveAttribute("data-urgency", "red");
  await expect(patio3.locator(".order-card .age-pill")).toHaveText("Waiting 12 min · Getting late");
  await expect(patio3.locator(".order-card .age-pill")).toHaveAttribute("data-urgency", "amber");
  await expect(patio2.locator(".session-header")).toContainText("Waiting 25 min");
  await expect(sessionCard(panel, "Patio 1").locator(".age-pill")).toHaveCount(0);
  expect(await openLabels(panel)).toEqual(["Patio 2", "Patio 3", "Patio 1"]);

  // The feed: both orders need seeing to, nothing else.
  const feed = panel.getByRole("complementary", { name: /Needs action/ });
  const entries = feed.getByRole("list").first().locator(":scope > li");
  await expect(entries).toHaveCount(2);
  await expect(feed.getByRole("listitem", { name: "New order: Patio 3 #1" })).toContainText("1× Lemonade");
  await expect(feed.getByRole("listitem", { name: "New order: Patio 2 #1" })).toContainText("1× Margherita");

  // Screenshots without the arrival flash, as the panel looks a moment later.
  await panel.emulateMedia({ reducedMotion: "reduce" });
  for (const viewport of [TABLET, LAPTOP]) {
    await panel.setViewportSize(viewport);
    await panel.evaluate(() => window.scrollTo(0, 0));
    await panel.screenshot({ path: test.info().outputPath(`panel-triage-${viewport.width}.png`) });
  }

  // Patio 3's order goes out: ready brings it back as something to deliver; delivered, it leaves.
  await markReadyForKitchen(panel, "Patio 3 #1");
  await expect(feed.getByRole("listitem", { name: "Ready to deliver: Patio 3 #1" })).toBeVisible();
  await expect(feed.getByRole("listitem", { name: "New order: Patio 3 #1" })).toHaveCount(0);
  await panel.getByRole("button", { name: "Mark order Patio 3 #1 delivered" }).click();
  await expect(entries).toHaveCount(1);
  await expect(patio3.locator(".order-card .age-pill")).toHaveCount(0);
  // Nothing waits at Patio 3 any more: it goes after Patio 2, among the idle tables by opening.
  await expect.poll(() => openLabels(panel)).toEqual(["Patio 2", "Patio 1", "Patio 3"]);

  // Seen takes Patio 2's order off this device's feed, and a reload keeps it off.
  await feed.getByRole("button", { name: "Seen: New order, Patio 2 #1" }).click();
  await expect(entries).toHaveCount(0);
  await expect(feed).toContainText("Nothing needs action");
  await panel.reload();
  await expect(sessionCard(panel, "Patio 2")).toContainText("1× Margherita");
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
  const card = sessionCard(panel, "Patio 4");
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
