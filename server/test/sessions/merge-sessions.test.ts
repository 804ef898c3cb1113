import { randomUUID } from "node:crypto";
import { billOf, type SessionReceivedData } from "@ordered/contract";
import { it } from "../staff/staff-kit.js";
import { describe, expect } from "../support/kit.js";
import { dataOf, recorderOf, send } from "../support/sockets.js";
import { acceptedOrder, billAt, cardCodeOf, createTable, joinAtTable, seatedTable } from "./session-kit.js";

// Issue 32, item 4: two parties merge (the bar's party joins its table). The target keeps its
// table and code; the source's orders (renumbered after the target's), phones, payments and
// open calls move; the source closes with nothing on it; both logs say so; the source's
// phones follow to the target with a token for it. Two instances: staff on A, phones on B.

const errorOf = (r: { status: number; body: unknown }) => [r.status, (r.body as { error: { code: string } }).error?.code];

describe("merging two sessions", () => {
  it("moves orders, phones, payments and calls into the target, closes the source, and the source's phone follows", async ({
    cluster: [a, b],
    worker,
    crew,
    socket,
    prisma,
  }) => {
    void worker;
    const owner = crew.tokens.OWNER;
    const bar = await seatedTable(a, owner, `Bar ${randomUUID().slice(0, 4)}`);
    const table = await seatedTable(a, owner, `Table ${randomUUID().slice(0, 4)}`);
    const ann = await joinAtTable(b.api, bar.cardCode, bar.session.pin, "Ann");
    const bea = await joinAtTable(b.api, table.cardCode, table.session.pin, "Bea");
    const annSocket = await socket(b, { token: ann.token, lastSeq: 0 });
    const beaSocket = await socket(b, { token: bea.token, lastSeq: 0 });
    const annHears = recorderOf(annSocket);
    const beaHears = recorderOf(beaSocket);
    const kitchen = recorderOf(await socket(b, { token: crew.tokens.KITCHEN }));
    await kitchen.waitFor("sync:done");
    const lemonade = crew.products[2]!.id;
    const atTable = await acceptedOrder(prisma, beaSocket, [{ productId: lemonade, quantity: 1 }]);
    const atBar1 = await acceptedOrder(prisma, annSocket, [{ productId: lemonade, quantity: 2 }]);
    const atBar2 = await acceptedOrder(prisma, annSocket, [{ productId: crew.products[1]!.id, quantity: 1 }]);
    await a.api.recordPayment(owner, bar.session.id, { clientPaymentId: randomUUID(), method: "CASH", amountCents: 500, tipCents: 0 });
    dataOf(await send(annSocket, "alert:raise", { kind: "WAITER" }));
    const before = [await billAt(a, owner, bar.session.id), await billAt(a, owner, table.session.id)];

    const clientMergeId = randomUUID();
    const merge = (id = clientMergeId) =>
      a.api.request("POST", `/api/sessions/${bar.session.id}/merge`, {
        token: crew.tokens.SERVER,
        body: { clientMergeId: id, intoSessionId: table.session.id },
      });
    const merged = await merge();
    expect(merged.status).toBe(200);
    const answer = merged.body as { session: { id: string; status: string }; merged: { id: string; status: string } };
    expect([answer.session.id, answer.session.status, answer.merged.id, answer.merged.status]).toEqual([
      table.session.id,
      "OPEN",
      bar.session.id,
      "CLOSED",
    ]);

    // Orders renumbered after the target's #1, each naming where it came from.
    const stored = await prisma.order.findMany({ where: { id: { in: [atTable.id, atBar1.id, atBar2.id] } }, orderBy: { number: "asc" } });
    expect(stored.map((o) => [o.id, o.sessionId, o.number, o.movedFrom])).toEqual([
      [atTable.id, table.session.id, 1, null],
      [atBar1.id, table.session.id, 2, `${bar.table.name} #1`],
      [atBar2.id, table.session.id, 3, `${bar.table.name} #2`],
    ]);
    // Sums to the cent: the target's bill is both bills; nothing is left on the source.
    const after = [await billAt(a, owner, bar.session.id), await billAt(a, owner, table.session.id)];
    expect(after[1]!.bill.totalCents).toBe(before[0]!.bill.totalCents + before[1]!.bill.totalCents);
    expect(after[1]!.bill.paidCents).toBe(before[0]!.bill.paidCents + before[1]!.bill.paidCents);
    expect([after[0]!.bill.totalCents, after[0]!.bill.paidCents, after[0]!.detail.orders.length]).toEqual([0, 0, 0]);
    expect(after[1]!.detail.customers.map((c) => c.displayName).sort()).toEqual(["Ann", "Bea"]);
    expect(after[1]!.detail.alerts.map((x) => x.customerName)).toEqual(["Ann"]);

    // Both logs; the kitchen reads the tickets' new home.
    const mergedEvent = await annHears.waitFor("session:merged");
    expect(mergedEvent.data).toMatchObject({
      intoSessionId: table.session.id,
      intoLabel: table.table.name,
      orderIds: [atBar1.id, atBar2.id],
      customerIds: [ann.customer.id],
    });
    const received = (await beaHears.waitFor("session:received")) as { data: SessionReceivedData };
    expect(received.data).toMatchObject({ kind: "MERGE", fromSessionId: bar.session.id, fromLabel: bar.table.name });
    expect(received.data.orders.map((o) => [o.number, o.movedFrom])).toEqual([
      [2, `${bar.table.name} #1`],
      [3, `${bar.table.name} #2`],
    ]);
    expect(received.data.payments.map((p) => p.amountCents)).toEqual([500]);
    expect((await kitchen.waitFor("session:merged")).data).toEqual({
      intoSessionId: table.session.id,
      intoLabel: table.table.name,
      closedAt: expect.any(String),
      orderIds: [atBar1.id, atBar2.id],
    });
    const kitchenReceived = await kitchen.waitFor("session:received");
    expect(Object.keys(kitchenReceived.data).sort()).toEqual(["fromLabel", "kind", "orders"]);

    // Ann's token named the bar: refused as moved; she follows to the table, and only she can.
    const old = await b.api.request("GET", "/api/sessions/current", { token: ann.token });
    expect(errorOf(old)).toEqual([409, "SESSION_MOVED"]);
    const { token } = await b.api.route("POST /api/sessions/follow", { body: { token: ann.token } });
    const now = await b.api.route("GET /api/sessions/current", { token });
    expect(now.session.id).toBe(table.session.id);
    expect(now.orders.length).toBe(3);
    expect(errorOf(await b.api.request("POST", "/api/sessions/follow", { body: { token: bea.token } }))).toEqual([409, "CONFLICT"]);
    expect(errorOf(await b.api.request("POST", "/api/sessions/follow", { body: { token: "forged" } }))).toEqual([401, "UNAUTHENTICATED"]);
    // She orders onto the merged bill from her new token.
    const annAgain = await socket(b, { token });
    const more = dataOf(
      await send(annAgain, "order:place", { clientOrderId: randomUUID(), items: [{ productId: lemonade, quantity: 1 }] }),
    );
    expect([more.order.sessionId, more.order.number]).toEqual([table.session.id, 4]);

    // The bar's table is free (its card answers so); its session's code is dead.
    const tables = (await a.api.route("GET /api/tables", { token: owner })).tables;
    expect(tables.find((t) => t.id === bar.table.id)!.openSessionId).toBeNull();
    const atCard = await b.api.request("POST", "/api/sessions/join", { body: { cardCode: cardCodeOf(bar.table), displayName: "Cem" } });
    expect(errorOf(atCard)).toEqual([409, "TABLE_FREE"]);
    const atCode = await b.api.request("POST", "/api/sessions/join", { body: { joinCode: bar.session.joinCode } });
    expect(errorOf(atCode)).toEqual([410, "SESSION_CLOSED"]);

    // A retry answers the same; merging it again under a new id names where it went.
    const retried = await merge();
    expect([retried.status, (retried.body as typeof answer).session.id]).toEqual([200, table.session.id]);
    const again = await merge(randomUUID());
    expect(errorOf(again)).toEqual([409, "CONFLICT"]);
    expect((again.body as { error: { message: string } }).error.message).toContain(`merged into ${table.table.name}`);
    expect(await prisma.sessionEvent.count({ where: { sessionId: bar.session.id, type: "session.merged" } })).toBe(1);
    expect(await prisma.sessionEvent.count({ where: { sessionId: table.session.id, type: "session.received" } })).toBe(1);
  });

  it("refuses itself, another venue's session, a closed one, and a used id with other content, changing nothing", async ({
    cluster: [a],
    crew,
    otherVenue,
    prisma,
  }) => {
    const owner = crew.tokens.OWNER;
    const one = await seatedTable(a, owner, `One ${randomUUID().slice(0, 4)}`);
    const two = await seatedTable(a, owner, `Two ${randomUUID().slice(0, 4)}`);
    const three = await seatedTable(a, owner, `Three ${randomUUID().slice(0, 4)}`);
    const merge = (from: string, into: string, id = randomUUID(), token = owner) =>
      a.api.request("POST", `/api/sessions/${from}/merge`, { token, body: { clientMergeId: id, intoSessionId: into } });

    expect(errorOf(await merge(one.session.id, one.session.id))).toEqual([400, "VALIDATION_FAILED"]);
    const theirs = (await a.api.route("POST /api/sessions", { token: otherVenue.staffToken, body: { label: "Theirs" } })).session;
    expect(errorOf(await merge(one.session.id, theirs.id))).toEqual([404, "NOT_FOUND"]);
    expect(errorOf(await merge(theirs.id, one.session.id))).toEqual([404, "NOT_FOUND"]);
    expect((await merge(one.session.id, two.session.id, randomUUID(), crew.tokens.KITCHEN)).status).toBe(403);
    await a.api.closeSession(owner, three.session.id);
    expect(errorOf(await merge(one.session.id, three.session.id))).toEqual([410, "SESSION_CLOSED"]);
    expect(errorOf(await merge(three.session.id, one.session.id))).toEqual([410, "SESSION_CLOSED"]);

    const id = randomUUID();
    expect((await merge(one.session.id, two.session.id, id)).status).toBe(200);
    // The same id for another merge: CONFLICT, not the first one's answer.
    const four = await seatedTable(a, owner, `Four ${randomUUID().slice(0, 4)}`);
    expect(errorOf(await merge(four.session.id, two.session.id, id))).toEqual([409, "CONFLICT"]);
    expect((await prisma.orderSession.findUniqueOrThrow({ where: { id: four.session.id } })).status).toBe("OPEN");
    // Into a session merged away: CONFLICT naming where it went.
    const into = await merge(four.session.id, one.session.id);
    expect(errorOf(into)).toEqual([409, "CONFLICT"]);
    expect((into.body as { error: { message: string } }).error.message).toContain(two.table.name);
  });

  it("split-by-item claims follow their orders; a claim of a phone that stays behind is dropped at a split-off", async ({
    cluster: [a, b],
    worker,
    crew,
    socket,
    prisma,
  }) => {
    void worker;
    const owner = crew.tokens.OWNER;
    const bar = await seatedTable(a, owner, `Bar ${randomUUID().slice(0, 4)}`);
    const table = await seatedTable(a, owner, `Table ${randomUUID().slice(0, 4)}`);
    const free = await createTable(a, owner, `Patio ${randomUUID().slice(0, 4)}`);
    const ann = await joinAtTable(b.api, bar.cardCode, bar.session.pin, "Ann");
    const bea = await joinAtTable(b.api, table.cardCode, table.session.pin, "Bea");
    const platter = await acceptedOrder(prisma, await socket(b, { token: ann.token }), [{ productId: crew.products[2]!.id, quantity: 3 }]);
    const claim = (sessionId: string, claims: { payer: string; weight: number }[]) =>
      a.api.route("POST /api/sessions/:id/claims", {
        token: owner,
        params: { id: sessionId },
        body: { orderId: platter.id, position: 0, claims },
      });
    await claim(bar.session.id, [
      { payer: `phone:${ann.customer.id}`, weight: 1 },
      { payer: "person:2", weight: 1 },
    ]);

    await a.api.route("POST /api/sessions/:id/merge", {
      token: owner,
      params: { id: bar.session.id },
      body: { clientMergeId: randomUUID(), intoSessionId: table.session.id },
    });
    const merged = await billAt(a, owner, table.session.id);
    expect(merged.detail.claims.map((c) => c.payer).sort()).toEqual([`phone:${ann.customer.id}`, "person:2"].sort());
    expect((await billAt(a, owner, bar.session.id)).detail.claims).toEqual([]);

    // Bea shares the platter too; then Ann and her order go to the patio: Bea stays, so her claim goes.
    await claim(table.session.id, [{ payer: `phone:${bea.customer.id}`, weight: 1 }]);
    const split = await a.api.route("POST /api/sessions/:id/split", {
      token: owner,
      params: { id: table.session.id },
      body: { clientSplitId: randomUUID(), tableId: free.id, customerIds: [ann.customer.id] },
    });
    const patio = await billAt(a, owner, split.split.id);
    expect(patio.detail.claims.map((c) => c.payer).sort()).toEqual([`phone:${ann.customer.id}`, "person:2"].sort());
    expect((await billAt(a, owner, table.session.id)).detail.claims).toEqual([]);
  });

  it("a merge moves the source's bill discounts with its payments; a corrected line does not move to another bill", async ({
    cluster: [a, b],
    worker,
    crew,
    socket,
    prisma,
  }) => {
    void worker;
    const owner = crew.tokens.OWNER;
    const bar = await seatedTable(a, owner, `Bar ${randomUUID().slice(0, 4)}`);
    const table = await seatedTable(a, owner, `Table ${randomUUID().slice(0, 4)}`);
    const ann = await joinAtTable(b.api, bar.cardCode, bar.session.pin, "Ann");
    const drinks = await acceptedOrder(prisma, await socket(b, { token: ann.token }), [
      { productId: crew.products[2]!.id, quantity: 2 },
      { productId: crew.products[1]!.id, quantity: 1 },
    ]);
    const correct = (body: Record<string, unknown>) =>
      a.api.route("POST /api/sessions/:id/corrections", {
        token: owner,
        params: { id: bar.session.id },
        body: { clientCorrectionId: randomUUID(), kind: "DISCOUNT", reason: "regulars", ...body },
      });
    await correct({ amountCents: 100 });
    await correct({ kind: "COMP", orderId: drinks.id, position: 1, reason: "on the house" });
    const before = await a.api.route("GET /api/sessions/:id", { token: owner, params: { id: bar.session.id } });
    const barBill = billOf({ currency: "EUR", orders: before.orders, payments: before.payments, corrections: before.discounts });
    expect(barBill.billDiscountCents).toBe(100);

    // The comped line stays where its comp is.
    const moved = await a.api.request("POST", `/api/sessions/${bar.session.id}/move-lines`, {
      token: owner,
      body: { clientMoveId: randomUUID(), orderId: drinks.id, positions: [1], toSessionId: table.session.id },
    });
    expect(errorOf(moved)).toEqual([409, "CONFLICT"]);
    expect((moved.body as { error: { message: string } }).error.message).toContain("corrected");

    await a.api.route("POST /api/sessions/:id/merge", {
      token: owner,
      params: { id: bar.session.id },
      body: { clientMergeId: randomUUID(), intoSessionId: table.session.id },
    });
    const after = await a.api.route("GET /api/sessions/:id", { token: owner, params: { id: table.session.id } });
    expect(after.discounts.map((d) => d.offCents)).toEqual([100]);
    const merged = billOf({ currency: "EUR", orders: after.orders, payments: after.payments, corrections: after.discounts });
    // The table had nothing: its bill is now the bar's, discount and comp included, to the cent.
    expect([merged.totalCents, merged.billDiscountCents]).toEqual([barBill.totalCents, 100]);
  });
});
