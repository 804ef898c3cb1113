import { randomUUID } from "node:crypto";
import type { OrderDto } from "@ordered/contract";
import { openAndJoin } from "../support/harness.js";
import { describe, expect, it } from "../support/kit.js";
import { dataOf, send } from "../support/sockets.js";

// An order's number is the server's: given by the placement statement under the session
// row's lock, so placements racing in on two instances number 1, 2, 3… without a gap or a
// repeat, a resent order keeps its number, a refused one takes none, and every later copy of
// the order (events, REST, the kitchen's snapshot) carries the same number.
describe("order numbers", () => {
  it("are gap-free and stable per session under concurrent placements on two instances", async ({ cluster, venue, socket, prisma }) => {
    const [a, b] = cluster;
    const token = venue.staffToken;
    const [margherita] = venue.products;
    const table = await openAndJoin(a, token, "Table 5");
    const other = await openAndJoin(b, token, "Table 6");
    // Four phones of one session, two on each instance; another session counts on its own.
    const tokens = [table.customerToken];
    for (let i = 0; i < 3; i++) tokens.push((await a.api.joinSession(table.session.joinCode)).token);
    const phones = await Promise.all(tokens.map((t, i) => socket(i % 2 === 0 ? a : b, { token: t })));
    const otherPhone = await socket(a, { token: other.customerToken });

    const place = (phone: (typeof phones)[number], clientOrderId = randomUUID()) =>
      send(phone, "order:place", { clientOrderId, items: [{ productId: margherita!.id, quantity: 1 }] });
    // Each phone sends 4 orders at once, and each of those twice (once more from another phone of
    // the table on the other instance: a retry after a lost ack), while the other session orders too.
    const ids = phones.map(() => Array.from({ length: 4 }, () => randomUUID()));
    const acks = await Promise.all([
      ...phones.flatMap((phone, p) => ids[p]!.map((id) => place(phone, id))),
      ...phones.flatMap((_, p) => ids[p]!.map((id) => place(phones[(p + 1) % phones.length]!, id))),
      ...Array.from({ length: 3 }, () => place(otherPhone)),
      // Refused (no such product): it must not take a number.
      send(phones[0]!, "order:place", { clientOrderId: randomUUID(), items: [{ productId: randomUUID(), quantity: 1 }] }),
    ]);
    expect(acks.at(-1)!.error?.code).toBe("PRODUCT_UNAVAILABLE");
    const orders = acks.slice(0, 32).map((ack) => dataOf(ack).order);

    // 16 distinct orders, numbered 1..16; each resend answered with its order's number.
    const byId = new Map<string, OrderDto>();
    for (const o of orders) {
      const first = byId.get(o.id);
      if (first) expect(o.number).toBe(first.number);
      else byId.set(o.id, o);
    }
    expect([...byId.values()].map((o) => o.number).sort((x, y) => x - y)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    // The other session's orders count from 1 on their own.
    expect(
      acks
        .slice(32, 35)
        .map((ack) => dataOf(ack).order.number)
        .sort(),
    ).toEqual([1, 2, 3]);

    // A later order continues the count; stored, REST and the log's events all say the same.
    const next = dataOf(await place(phones[1]!, randomUUID())).order;
    expect(next.number).toBe(17);
    const stored = await prisma.order.findMany({ where: { sessionId: table.session.id }, orderBy: { number: "asc" } });
    expect(stored.map((o) => o.number)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    const session = await prisma.orderSession.findUniqueOrThrow({ where: { id: table.session.id } });
    expect(session.ordersPlaced).toBe(17);
    const viaRest = (await b.api.route("GET /api/orders/:id", { token, params: { id: next.id } })).order;
    expect(viaRest.number).toBe(17);
    const logged = await prisma.sessionEvent.findMany({ where: { sessionId: table.session.id, type: "order.placed" } });
    expect(logged).toHaveLength(17);
    for (const e of logged) {
      const payload = e.payload as { id: string; number: number };
      expect(payload.number).toBe(stored.find((o) => o.id === payload.id)!.number);
    }
  });
});
