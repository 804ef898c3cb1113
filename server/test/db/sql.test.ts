import { randomBytes, randomUUID } from "node:crypto";
import type { CustomerPrincipal } from "../../src/auth/tokens.js";
import { poolOf } from "../../src/db/prisma.js";
import { namedStatementCount } from "../../src/db/sql.js";
import { seedVenue } from "../../src/demo/seed-venue.js";
import { placeOrder } from "../../src/orders/place-order.js";
import { PlacementMenus } from "../../src/orders/placement-menus.js";
import { processOrder } from "../../src/orders/process-order.js";
import { shipOrder } from "../../src/orders/ship-order.js";
import { describe, expect, it, TEST_MENU } from "../support/kit.js";

describe("hot-path statements", () => {
  it("are prepared once per connection, and their number does not grow with orders", async ({ prismaClient }) => {
    // One connection, so everything below runs on it and pg_prepared_statements shows it all.
    const prisma = prismaClient(1);
    const loc = await seedVenue(prisma, { products: TEST_MENU, emailDomain: "test.ordered" });
    const session = await prisma.orderSession.create({
      data: { locationId: loc.locationId, label: "Table 1", joinCode: randomBytes(18).toString("base64url"), pin: "0000" },
    });
    const customer = await prisma.customer.create({
      data: { sessionId: session.id, displayName: "Ann", verifiedAt: new Date(), verifiedHow: "CODE" },
    });
    const principal: CustomerPrincipal = { kind: "customer", customerId: customer.id, sessionId: session.id, locationId: loc.locationId };
    const menus = new PlacementMenus();
    const throughThePipeline = async (items: { productId: string; quantity: number }[]) => {
      const { order } = await placeOrder(prisma, menus, principal, { clientOrderId: randomUUID(), items }, { perMinute: 1000 });
      const accepted = await processOrder(prisma, order.id);
      const shipped = await shipOrder(prisma, order.id); // a repeat: processing shipped it
      expect(shipped?.event).toBeNull();
      return { accepted: accepted!.order, shipped: shipped!.order };
    };

    // Every shape the hot path has: one line, several lines with a stock-tracked product,
    // a rejection (sold out), a repeated clientOrderId. Twice: the second round must not
    // need a single new statement text.
    const round = async () => {
      await prisma.product.update({ where: { id: loc.products[0]!.id }, data: { stock: 1 } });
      const single = await throughThePipeline([{ productId: loc.products[1]!.id, quantity: 1 }]);
      const several = await throughThePipeline([
        { productId: loc.products[1]!.id, quantity: 2 },
        { productId: loc.products[0]!.id, quantity: 1 },
        { productId: loc.products[2]!.id, quantity: 1 },
      ]);
      const soldOut = await throughThePipeline([{ productId: loc.products[0]!.id, quantity: 1 }]);
      const repeat = await placeOrder(
        prisma,
        menus,
        principal,
        { clientOrderId: single.shipped.clientOrderId, items: [{ productId: loc.products[1]!.id, quantity: 1 }] },
        { perMinute: 1000 },
      );
      expect([single.shipped.shipment?.status, several.shipped.shipment?.status, soldOut.accepted.status]).toEqual([
        "PREPARING",
        "PREPARING",
        "REJECTED",
      ]);
      expect(repeat.order.id).toBe(single.shipped.id);
    };
    await round();
    const named = namedStatementCount();
    // Placing 2, processing 1 (accepts and ships, or rejects), shipping 1, and the DTO read
    // of a stage that changed nothing (shipping after processing already shipped) 1.
    expect(named).toBeGreaterThanOrEqual(5);
    await round();
    expect(namedStatementCount()).toBe(named);

    const { rows } = await poolOf(prisma).query<{ name: string }>("SELECT name FROM pg_prepared_statements WHERE name LIKE 'ordered\\_%'");
    expect(rows).toHaveLength(named);
  });
});
