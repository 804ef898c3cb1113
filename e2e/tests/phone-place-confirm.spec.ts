// Issue 15, item 1: after "Place order" the guest sees (and hears) that it worked, where they
// tapped; a later refusal is told wherever they are, and its lines go back into the cart in one tap.
import { expect, test } from "../support/fixtures.js";
import { cartOf, joinWithoutName, openSessionWithLink, PHONE, phoneShots, SMALL_PHONE } from "../support/phone-screens.js";
import { menuItem, viewOrder } from "../support/ui.js";

for (const size of [PHONE, SMALL_PHONE]) {
  test(`at ${size.width}×${size.height} the confirmation shows where the guest tapped, takes the focus and is announced`, async ({
    api,
    venue,
    phones,
  }) => {
    const { joinUrl } = await openSessionWithLink(api, venue.staffToken, "Table 5");
    const page = await joinWithoutName(await phones.open(), joinUrl, size);
    await page.getByRole("button", { name: "Add Margherita" }).click();
    await page.getByRole("button", { name: "Add Espresso" }).click();
    await viewOrder(page);
    const place = page.getByRole("button", { name: "Place order" });
    await expect(place).toBeInViewport();
    await place.click();

    const confirmation = cartOf(page).locator(".placed-confirmation");
    await expect(confirmation).toContainText("Order 1 sent ✓");
    await expect(confirmation).toBeFocused();
    await expect(confirmation).toBeInViewport({ ratio: 1 });
    // Inside a live region that was there before it appeared: screen readers announce it.
    await expect(cartOf(page).locator('[aria-live="polite"]')).toContainText("Order 1 sent ✓");
    await expect(page.getByText("Your order is empty")).toHaveCount(0);
    // It follows the order: the pipeline accepts it.
    await expect(confirmation).toContainText("The kitchen accepted it.");
    await page.screenshot({ path: test.info().outputPath(`placed-${size.width}x${size.height}.png`) });

    // "See the order" takes the guest to it; "Order more" back to the menu, the cart empty again.
    await confirmation.getByRole("button", { name: "See the order" }).click();
    await expect(page.getByRole("listitem", { name: "Order 1" })).toBeFocused();
    await confirmation.getByRole("button", { name: "Order more" }).click();
    await expect(page.getByText("Your order is empty")).toBeVisible();
  });
}

test("a refused order is told wherever the guest is, and its lines go back into the cart with one tap", async ({ api, venue, phones }) => {
  const { joinUrl } = await openSessionWithLink(api, venue.staffToken, "Table 8");
  const page = await joinWithoutName(await phones.open(), joinUrl);
  // Burrata has 8 in stock: the pipeline refuses nine after the order was placed.
  for (let i = 0; i < 9; i++) await page.getByRole("button", { name: "Add Burrata" }).click();
  await viewOrder(page);
  await page.getByRole("button", { name: "Place order" }).click();

  const notice = page.getByRole("alert").filter({ hasText: "Order 1 was not accepted" });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("Burrata");
  await expect(notice).toBeInViewport({ ratio: 1 });
  await expect(notice.getByRole("button", { name: "Put back in cart" })).toBeFocused();
  await expect(cartOf(page).locator(".placed-confirmation")).toHaveCount(0);
  await phoneShots(page, test.info(), "refused-order");

  // Still there after a reload, and on the bill tab too: wherever the guest looks.
  await page.reload();
  await page.getByRole("tab", { name: /^Bill/ }).click();
  await expect(notice).toBeInViewport({ ratio: 1 });
  await phoneShots(page, test.info(), "refused-order-bill-tab");

  await notice.getByRole("button", { name: "Put back in cart" }).click();
  await expect(notice).toHaveCount(0);
  await expect(page.getByRole("tab", { name: "Order", exact: true })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("heading", { name: "Your order" })).toBeFocused();
  await expect(cartOf(page).getByRole("group", { name: "Quantity of Burrata" })).toContainText("9");
  await expect(menuItem(page, "Burrata")).toBeVisible();
  // Dealt with: a reload does not bring the notice back.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Menu", exact: true })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "was not accepted" })).toHaveCount(0);
  await expect(cartOf(page).getByRole("group", { name: "Quantity of Burrata" })).toContainText("9");
  // The cart says why before the guest sends it again; one less and it goes through.
  await expect(cartOf(page).getByText("Only 8 left — the kitchen cannot take more.")).toBeVisible();
  await page.getByRole("button", { name: "One less Burrata" }).click();
  await expect(cartOf(page).getByText("Only 8 left — the kitchen cannot take more.")).toHaveCount(0);
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(cartOf(page).getByText("Order 2 sent ✓")).toBeVisible();
});
