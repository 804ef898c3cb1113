// Issue 30, item 10: a guest is never charged a price they did not see. The phone sends the
// prices it showed; the server refuses another with PRICE_CHANGED; the phone reads the menu
// again, shows the new prices and lets the guest decide.
import { expect, test } from "../support/fixtures.js";
import { cartOf, joinWithoutName, openSessionWithLink, PHONE } from "../support/phone-screens.js";
import { viewOrder } from "../support/ui.js";

test("a price changed while the phone slept is shown and asked again, never charged unseen", async ({ api, venue, phones, prisma }) => {
  const { joinUrl } = await openSessionWithLink(api, venue.staffToken, "Table 30");
  const page = await joinWithoutName(await phones.open(), joinUrl, PHONE);
  await page.getByRole("button", { name: "Add Espresso" }).click();
  await viewOrder(page);
  const cart = cartOf(page);
  await expect(cart).toContainText("€2.50");

  // The owner's new price reaches the database but not this phone (asleep, its update missed).
  const espresso = await prisma.product.findFirstOrThrow({ where: { locationId: venue.locationId, name: "Espresso" } });
  await prisma.product.update({ where: { id: espresso.id }, data: { priceCents: 390, version: { increment: 1 } } });

  await page.getByRole("button", { name: "Place order" }).click();
  await expect(cart.getByRole("alert")).toHaveText(
    "The order was not placed: Prices changed since you opened the menu: check your order and place it again.",
  );
  await expect(cart).toContainText("€3.90");
  expect(await prisma.order.count({ where: { locationId: venue.locationId } })).toBe(0);

  await page.getByRole("button", { name: "Place order" }).click();
  await expect(cart.locator(".placed-confirmation")).toContainText("Order 1 sent ✓");
  const [order] = await prisma.order.findMany({ where: { locationId: venue.locationId }, include: { items: true } });
  expect([order!.totalCents, order!.items[0]!.unitPriceCents]).toEqual([390, 390]);
});
