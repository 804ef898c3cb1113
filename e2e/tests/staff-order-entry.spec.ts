import { randomUUID } from "node:crypto";
import { expect, test } from "../support/fixtures.js";
import { showTable } from "../support/ui.js";

// Issue 32, item 1: a waiter's order (order:enter, here through its REST twin as the order
// pad will send it) reaches the table's phones marked as taken by staff, and the panel.

test("a waiter's order shows on the table's phone as taken by staff, and on the panel", async ({ panel, phones, api, venue }) => {
  const { session } = await api.openSession(venue.staffToken, "Table 8");
  const phone = await phones.join(session.joinUrl, "Sam");
  const espresso = venue.products.find((p) => p.name === "Espresso")!;

  await api.route("POST /api/sessions/:id/orders", {
    params: { id: session.id },
    token: venue.staffToken,
    body: { clientOrderId: randomUUID(), items: [{ productId: espresso.id, quantity: 2 }] },
  });

  const order = phone.page.getByRole("listitem", { name: "Order 1" });
  await expect(order).toContainText(`taken by ${venue.owner.displayName}`);
  await expect(order).toContainText("Espresso");
  await expect(order).not.toContainText("yours");
  const card = await showTable(panel, "Table 8");
  await expect(card).toContainText("2× Espresso");
  await expect(card).toContainText(`taken by ${venue.owner.displayName}`);
});
