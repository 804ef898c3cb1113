import { randomUUID } from "node:crypto";
import type { OrderDto } from "@ordered/contract";
import { it } from "../staff/staff-kit.js";
import type { TestServer } from "../support/harness.js";
import { eventually } from "../support/harness.js";
import { describe, expect } from "../support/kit.js";
import type { ClientSocket } from "../support/sockets.js";
import { send } from "../support/sockets.js";
import { acceptedOrder, billAt, createTable, joinAtTable, seatedTable } from "./session-kit.js";

// Issue 32, item 4 (D): merges, split-offs and line moves race placements and payments on two
// instances. Nothing is lost or doubled: every placement and payment that was answered with
// data is stored once, every refusal stored nothing; the bills of the sessions involved sum
// to the cent before and after; order numbers stay 1..n per session and the logs gap-free.

/** The refusals a phone may meet when its session was merged or split away under it. */
const MOVED_AWAY = ["SESSION_MOVED", "UNAUTHENTICATED", "SESSION_CLOSED"];

function placements(phone: ClientSocket, productId: string, n: number) {
  return Array.from({ length: n }, () => send(phone, "order:place", { clientOrderId: randomUUID(), items: [{ productId, quantity: 1 }] }));
}

function payments(server: TestServer, token: string, sessionId: string, n: number) {
  return Array.from({ length: n }, () =>
    server.api.request("POST", `/api/sessions/${sessionId}/payments`, {
      token,
      body: { clientPaymentId: randomUUID(), method: "CASH", amountCents: 100, tipCents: 10 },
    }),
  );
}

describe("transfers racing placements and payments", () => {
  it("merge, move-lines and split-off lose and double nothing, and the bills sum to the cent", async ({
    cluster: [a, b],
    worker,
    crew,
    socket,
    prisma,
  }) => {
    void worker;
    const owner = crew.tokens.OWNER;
    const lemonade = crew.products[2]!.id;
    const [bar, table, patio] = await Promise.all(
      ["Bar", "Table", "Patio"].map((name) => seatedTable(a, owner, `${name} ${randomUUID().slice(0, 4)}`)),
    );
    const free = await createTable(a, owner, `Free ${randomUUID().slice(0, 4)}`);
    const ann = await joinAtTable(b.api, bar!.cardCode, bar!.session.pin, "Ann");
    const bea = await joinAtTable(b.api, table!.cardCode, table!.session.pin, "Bea");
    const annSocket = await socket(b, { token: ann.token });
    const beaSocket = await socket(b, { token: bea.token });
    await acceptedOrder(prisma, annSocket, [{ productId: lemonade, quantity: 2 }]);
    const twoLines = await acceptedOrder(prisma, beaSocket, [
      { productId: lemonade, quantity: 1 },
      { productId: crew.products[1]!.id, quantity: 1 },
    ]);
    await acceptedOrder(prisma, beaSocket, [{ productId: lemonade, quantity: 3 }]);
    const ids = [bar!.session.id, table!.session.id, patio!.session.id];
    const sums = async (sessionIds: string[]) => {
      const bills = await Promise.all(sessionIds.map((id) => billAt(a, owner, id)));
      return {
        total: bills.reduce((s, x) => s + x.bill.totalCents + x.bill.pendingCents, 0),
        paid: bills.reduce((s, x) => s + x.bill.paidCents, 0),
      };
    };
    const before = await sums(ids);

    // Round 1: the bar merges into the table (sent twice, once per instance), a line of the
    // table's order moves to the patio (twice), while both phones order and both bills take payments.
    const mergeBody = { clientMergeId: randomUUID(), intoSessionId: table!.session.id };
    const moveBody = { clientMoveId: randomUUID(), orderId: twoLines.id, positions: [0], toSessionId: patio!.session.id };
    const [placed, paid, merges, moves] = await Promise.all([
      Promise.all([...placements(annSocket, lemonade, 6), ...placements(beaSocket, lemonade, 6)]),
      Promise.all([...payments(a, owner, bar!.session.id, 3), ...payments(b, owner, table!.session.id, 3)]),
      Promise.all([a, b].map((s) => s.api.request("POST", `/api/sessions/${bar!.session.id}/merge`, { token: owner, body: mergeBody }))),
      Promise.all(
        [b, a].map((s) => s.api.request("POST", `/api/sessions/${table!.session.id}/move-lines`, { token: owner, body: moveBody })),
      ),
    ]);
    expect(merges.map((r) => r.status)).toEqual([200, 200]);
    expect(moves.map((r) => r.status)).toEqual([200, 200]);
    const storedOrders = placed.flatMap((p) => (p.data ? [p.data.order as OrderDto] : []));
    for (const p of placed) if (!p.data) expect(MOVED_AWAY).toContain(p.error!.code);
    const storedPayments = paid.filter((r) => r.status === 201).length;
    for (const r of paid) if (r.status !== 201) expect((r.body as { error: { code: string } }).error.code).toBe("SESSION_CLOSED");
    // Each order answered is stored once, wherever it is now.
    const clientIds = storedOrders.map((o) => o.clientOrderId);
    expect(await prisma.order.count({ where: { clientOrderId: { in: clientIds } } })).toBe(clientIds.length);
    expect(await prisma.payment.count({ where: { sessionId: { in: ids } } })).toBe(storedPayments);
    expect(await prisma.order.count({ where: { sessionId: bar!.session.id } })).toBe(0);
    await eventually(async () => (await prisma.order.count({ where: { sessionId: { in: ids }, status: "PLACED" } })) === 0);
    const round1 = await sums(ids);
    const placedCents = storedOrders.reduce((s, o) => s + o.totalCents, 0);
    expect(round1.total).toBe(before.total + placedCents);
    expect(round1.paid).toBe(before.paid + storedPayments * 100);

    // Round 2: Bea and her orders split off to the free table while she orders and the table pays.
    const splitBody = { clientSplitId: randomUUID(), tableId: free.id, customerIds: [bea.customer.id] };
    const [placed2, paid2, splits] = await Promise.all([
      Promise.all(placements(beaSocket, lemonade, 6)),
      Promise.all(payments(a, owner, table!.session.id, 2)),
      Promise.all([a, b].map((s) => s.api.request("POST", `/api/sessions/${table!.session.id}/split`, { token: owner, body: splitBody }))),
    ]);
    expect(splits.map((r) => r.status).sort()).toEqual([200, 201]);
    const splitId = (splits[0]!.body as { split: { id: string } }).split.id;
    const stored2 = placed2.flatMap((p) => (p.data ? [p.data.order as OrderDto] : []));
    for (const p of placed2) if (!p.data) expect(MOVED_AWAY).toContain(p.error!.code);
    expect(paid2.every((r) => r.status === 201)).toBe(true);
    const all = [...ids, splitId];
    await eventually(async () => (await prisma.order.count({ where: { sessionId: { in: all }, status: "PLACED" } })) === 0);
    const round2 = await sums(all);
    expect(round2.total).toBe(round1.total + stored2.reduce((s, o) => s + o.totalCents, 0));
    expect(round2.paid).toBe(round1.paid + 200);
    // Every order of Bea's is in the new session; none stayed behind or doubled.
    const beas = await prisma.order.findMany({ where: { customerId: bea.customer.id } });
    expect(new Set(beas.map((o) => o.sessionId))).toEqual(new Set([splitId]));

    // Numbers 1..n per session (the split's source keeps its numbers: the holes are the orders
    // that left, named in its session.split), logs without gaps.
    const split = await prisma.sessionEvent.findFirstOrThrow({ where: { sessionId: table!.session.id, type: "session.split" } });
    const left = new Set((split.payload as { orderIds: string[] }).orderIds);
    expect(beas.every((o) => left.has(o.id))).toBe(true);
    for (const id of all) {
      const numbers = (await prisma.order.findMany({ where: { sessionId: id }, orderBy: { number: "asc" } })).map((o) => o.number);
      const { ordersPlaced } = await prisma.orderSession.findUniqueOrThrow({ where: { id } });
      if (id === table!.session.id) {
        expect(numbers.length + left.size).toBe(ordersPlaced);
        expect(new Set(numbers).size).toBe(numbers.length);
        expect(Math.max(...numbers)).toBeLessThanOrEqual(ordersPlaced);
      } else if (id === bar!.session.id) {
        expect(numbers).toEqual([]); // merged: everything is the table's
      } else {
        expect(numbers).toEqual(Array.from({ length: ordersPlaced }, (_, i) => i + 1));
      }
      const seqs = (await prisma.sessionEvent.findMany({ where: { sessionId: id }, orderBy: { seq: "asc" } })).map((e) => e.seq);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    }
    expect(await prisma.sessionEvent.count({ where: { sessionId: bar!.session.id, type: "session.merged" } })).toBe(1);
    expect(await prisma.sessionEvent.count({ where: { sessionId: table!.session.id, type: "session.split" } })).toBe(1);
    expect(await prisma.sessionEvent.count({ where: { sessionId: patio!.session.id, type: "order.placed" } })).toBe(1);
  });
});
