// Issue 35, item 2: honest waiting times. A phone's order says about how long it will take; when
// the grill works one dish at a time, the next guest is told the honest longer time before
// ordering; when the kitchen falls behind, the phone says so and the panel flags the table.
import { expect, test } from "../support/fixtures.js";
import { createTable, staffSocket } from "../support/phone-side.js";
import { menuItem, viewOrder } from "../support/ui.js";

test("a slow grill makes the phone's estimate honest and the panel flag the table", async ({ api, venue, phones, panel, prisma }) => {
  const token = venue.staffToken;
  const kitchen = venue.stations.find((s) => s.name === "Kitchen")!;
  // The manager sets the grill's pace on the menu page: one dish at a time.
  const nav = panel.getByRole("navigation", { name: "Staff navigation" });
  await nav.getByRole("link", { name: "Products" }).click();
  await panel.getByLabel("Items at once at Kitchen (empty: no limit)").fill("1");
  await panel.getByRole("button", { name: "Set Kitchen's items at once" }).click();
  await expect
    .poll(async () => (await api.route("GET /api/stations", { token })).stations.find((s) => s.id === kitchen.id)?.capacity)
    .toBe(1);
  await nav.getByRole("link", { name: "Floor" }).click();
  const table = await createTable(api, token, "Table 14");
  const { session } = await api.seatTable(token, table.id);
  const phone = await phones.join(session.joinUrl, "Noa");
  const page = phone.page;

  // Margherita for the grill, Lemonade for the bar: about ten minutes (no history yet: the default).
  await menuItem(page, "Margherita")
    .getByRole("button", { name: /Add Margherita/ })
    .click();
  await menuItem(page, "Lemonade")
    .getByRole("button", { name: /Add Lemonade/ })
    .click();
  await viewOrder(page);
  await expect(page.locator(".cart-estimate")).toHaveText("Ready in about 10 min if you order now");
  await page.getByRole("button", { name: "Place order" }).click();
  const card = page.getByRole("listitem", { name: "Order 1" });
  await expect(card.locator("[data-estimate]")).toHaveText("About 10 min");

  // The grill starts it; with room for one dish, the next guest's Margherita waits for it.
  const staff = await staffSocket(token);
  const order = (await api.route("GET /api/sessions/:id", { token, params: { id: session.id } })).orders[0]!;
  const grill = order.tickets.find((t) => t.stationId === kitchen.id)!;
  const bar = order.tickets.find((t) => t.stationId !== kitchen.id)!;
  expect(await staff.emitWithAck("ticket:bump", { ticketId: grill.id, to: "PREPARING" })).toHaveProperty("data");
  await menuItem(page, "Margherita")
    .getByRole("button", { name: /Add Margherita/ })
    .click();
  await viewOrder(page);
  await expect(page.locator(".cart-estimate")).toHaveText("Ready in about 20 min if you order now");

  // The grill falls behind: 25 minutes on a ten-minute dish. The next change the phone hears
  // (the bar starts the lemonade) brings the honest word, and the floor flags the table.
  await prisma.ticket.update({ where: { id: grill.id }, data: { startedAt: new Date(Date.now() - 25 * 60_000) } });
  expect(await staff.emitWithAck("ticket:bump", { ticketId: bar.id, to: "PREPARING" })).toHaveProperty("data");
  await expect(card.locator("[data-estimate]")).toHaveText(/^Taking longer than usual: about \d+ min more$/);
  await expect(card.locator("[data-late]")).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath("phone-late.png") });
  const tile = panel.getByRole("region", { name: "Floor" }).getByRole("article", { name: "Table 14", exact: true });
  await expect(tile.locator("[data-late]")).toHaveText("Food late", { timeout: 40_000 });
  await panel.screenshot({ path: test.info().outputPath("panel-late.png") });
  staff.close();
});
