// Issue 35, item 3: a reason the server gives a guest is a code with parameters, so the phone
// says it in its language (statusReasonCode); the English words stay for staff and older clients.
import { randomUUID } from "node:crypto";
import { eventually, openAndJoin } from "../support/harness.js";
import { describe, expect, it } from "../support/kit.js";
import { dataOf, send } from "../support/sockets.js";

describe("an order's reason", () => {
  it("is a code with the product and the count when processing refuses it, and staff's words when they cancel it", async ({
    server,
    worker,
    venue,
    socket,
    prisma,
  }) => {
    expect(worker).toBeDefined();
    const table = await openAndJoin(server, venue.staffToken, `Table ${randomUUID().slice(0, 4)}`);
    const phone = await socket(server, { token: table.customerToken });
    const margherita = venue.products[0]!; // stock 2
    const { order } = dataOf(
      await send(phone, "order:place", { clientOrderId: randomUUID(), items: [{ productId: margherita.id, quantity: 3 }] }),
    );
    const rejected = await eventually(async () => {
      const row = await prisma.order.findUniqueOrThrow({ where: { id: order.id } });
      return row.status === "REJECTED" ? row : null;
    });
    expect(rejected.statusReason).toBe("only 2 Margherita left");
    const read = await server.api.route("GET /api/orders/:id", { token: venue.staffToken, params: { id: order.id } });
    expect(read.order.statusReasonCode).toEqual({ code: "ONLY_LEFT", productId: margherita.id, product: "Margherita", left: 2 });

    // Sold out meanwhile: the stock is gone when processing reads it.
    await prisma.product.update({ where: { id: margherita.id }, data: { stock: 0 } });
    // (Placement takes it: stock is counted by processing, which refuses it.)
    const { order: late } = dataOf(
      await send(phone, "order:place", { clientOrderId: randomUUID(), items: [{ productId: margherita.id, quantity: 1 }] }),
    );
    const soldOut = await eventually(async () => {
      const r = await server.api.route("GET /api/orders/:id", { token: venue.staffToken, params: { id: late.id } });
      return r.order.status === "REJECTED" ? r.order : null;
    });
    expect(soldOut.statusReasonCode).toEqual({ code: "SOLD_OUT", productId: margherita.id, product: "Margherita" });

    // Staff cancel with their own words: the code says who, the note keeps the words.
    const lemonade = venue.products[2]!;
    const { order: drink } = dataOf(
      await send(phone, "order:place", { clientOrderId: randomUUID(), items: [{ productId: lemonade.id, quantity: 1 }] }),
    );
    await eventually(async () => (await prisma.order.findUniqueOrThrow({ where: { id: drink.id } })).status === "ACCEPTED");
    const staff = await socket(server, { token: venue.staffToken });
    const { order: cancelled } = dataOf(
      await send(staff, "order:cancel", { orderId: drink.id, seen: "NEW", reason: "the bar ran out of lemons" }),
    );
    expect(cancelled.statusReasonCode).toEqual({ code: "CANCELLED", note: "the bar ran out of lemons" });
  });
});
