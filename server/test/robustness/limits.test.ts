import { randomUUID } from "node:crypto";
import { LIMITS } from "@ordered/contract";
import { eventually, openAndJoin } from "../support/harness.js";
import { describe, expect, it } from "../support/kit.js";
import { dataOf, send } from "../support/sockets.js";

describe("limits that agree with the database", () => {
  it("accept the largest order the contract allows, and total it exactly", async ({ server, worker, venue, socket, prisma }) => {
    const token = venue.staffToken;
    const { product } = await server.api.route("POST /api/products", {
      token,
      body: { name: "Vintage magnum", categoryId: venue.categories[0]!.id, priceCents: LIMITS.product.maxPriceCents },
    });
    const { customerToken } = await openAndJoin(server, token);
    const phone = await socket(server, { token: customerToken });
    const items = Array.from({ length: LIMITS.order.maxLines }, () => ({ productId: product.id, quantity: LIMITS.order.maxQuantity }));
    const { order } = dataOf(await send(phone, "order:place", { clientOrderId: randomUUID(), items }));
    const total = LIMITS.product.maxPriceCents * LIMITS.order.maxQuantity * LIMITS.order.maxLines;
    expect(order.totalCents).toBe(total);
    const accepted = await eventually(async () => {
      const o = await prisma.order.findUniqueOrThrow({ where: { id: order.id } });
      return o.status === "ACCEPTED" ? o : null;
    });
    expect(accepted.totalCents).toBe(total);
    expect(worker).toBeDefined();
  });

  it("refuse a price beyond the contract's bound, naming it", async ({ server, venue }) => {
    const res = await server.api.request("POST", "/api/products", {
      token: venue.staffToken,
      body: { name: "Too dear", categoryId: venue.categories[0]!.id, priceCents: LIMITS.product.maxPriceCents + 1 },
    });
    expect([res.status, res.body.error]).toEqual([
      400,
      { code: "VALIDATION_FAILED", message: `body.priceCents: must be at most ${LIMITS.product.maxPriceCents} cents` },
    ]);
  });
});

describe("ids in any case", () => {
  it("accept an upper-case product id in an order and an upper-case order id in a route", async ({ server, venue, socket }) => {
    const { customerToken } = await openAndJoin(server, venue.staffToken);
    const phone = await socket(server, { token: customerToken });
    const productId = venue.products[1]!.id.toUpperCase();
    const { order } = dataOf(await send(phone, "order:place", { clientOrderId: randomUUID(), items: [{ productId, quantity: 1 }] }));
    expect(order.items[0]!.productId).toBe(venue.products[1]!.id);
    const res = await server.api.request("GET", `/api/orders/${order.id.toUpperCase()}`, { token: venue.staffToken });
    expect([res.status, res.body.order?.id]).toEqual([200, order.id]);
  });
});
