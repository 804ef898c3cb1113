import { randomUUID } from "node:crypto";
import type { SessionReceivedData } from "@ordered/contract";
import { it } from "../staff/staff-kit.js";
import { describe, expect } from "../support/kit.js";
import { recorderOf } from "../support/sockets.js";
import { acceptedOrder, billAt, createTable, joinAtTable, seatedTable } from "./session-kit.js";

// Issue 32, item 4: some phones of a party and their orders go to a new session on a free
// table; payments and the staff's own orders stay; the phones that went follow.

const errorOf = (r: { status: number; body: unknown }) => [r.status, (r.body as { error: { code: string } }).error?.code];

describe("splitting a session off", () => {
  it("takes the chosen phones and their orders to a new session on a free table; payments stay; the phone follows", async ({
    cluster: [a, b],
    worker,
    crew,
    socket,
    prisma,
  }) => {
    void worker;
    const owner = crew.tokens.OWNER;
    const seated = await seatedTable(a, owner, `Long ${randomUUID().slice(0, 4)}`);
    const free = await createTable(a, owner, `Window ${randomUUID().slice(0, 4)}`);
    const ann = await joinAtTable(b.api, seated.cardCode, seated.session.pin, "Ann");
    const bob = await joinAtTable(b.api, seated.cardCode, seated.session.pin, "Bob");
    const annSocket = await socket(b, { token: ann.token, lastSeq: 0 });
    const bobSocket = await socket(b, { token: bob.token, lastSeq: 0 });
    const bobHears = recorderOf(bobSocket);
    const annHears = recorderOf(annSocket);
    const lemonade = crew.products[2]!.id;
    const annOrder = await acceptedOrder(prisma, annSocket, [{ productId: lemonade, quantity: 1 }]);
    const bobOrder1 = await acceptedOrder(prisma, bobSocket, [{ productId: lemonade, quantity: 2 }]);
    const staffOrder = await a.api.route("POST /api/sessions/:id/orders", {
      token: owner,
      params: { id: seated.session.id },
      body: { clientOrderId: randomUUID(), items: [{ productId: crew.products[1]!.id, quantity: 1 }] },
    });
    const bobOrder2 = await acceptedOrder(prisma, bobSocket, [{ productId: lemonade, quantity: 1 }]);
    await a.api.recordPayment(owner, seated.session.id, { clientPaymentId: randomUUID(), method: "CARD", amountCents: 400, tipCents: 0 });
    const before = await billAt(a, owner, seated.session.id);

    const body = { clientSplitId: randomUUID(), tableId: free.id, customerIds: [bob.customer.id] };
    const split = (b2 = body) => a.api.request("POST", `/api/sessions/${seated.session.id}/split`, { token: crew.tokens.SERVER, body: b2 });
    const first = await split();
    expect(first.status).toBe(201);
    const answer = first.body as { session: { id: string }; split: { id: string; tableId: string; label: string; status: string } };
    expect(answer.split).toMatchObject({ tableId: free.id, label: free.name, status: "OPEN" });
    const newId = answer.split.id;

    // Bob's two orders are the new session's #1 and #2; Ann's and the staff's stay, and the payment.
    const stored = await prisma.order.findMany({ where: { id: { in: [annOrder.id, bobOrder1.id, bobOrder2.id, staffOrder.order.id] } } });
    const byId = new Map(stored.map((o) => [o.id, [o.sessionId, o.number, o.movedFrom]]));
    expect(byId.get(bobOrder1.id)).toEqual([newId, 1, `${seated.table.name} #2`]);
    expect(byId.get(bobOrder2.id)).toEqual([newId, 2, `${seated.table.name} #4`]);
    expect(byId.get(annOrder.id)).toEqual([seated.session.id, 1, null]);
    expect(byId.get(staffOrder.order.id)).toEqual([seated.session.id, 3, null]);
    const left = await billAt(a, owner, seated.session.id);
    const went = await billAt(a, owner, newId);
    expect(left.bill.totalCents + went.bill.totalCents).toBe(before.bill.totalCents);
    expect([left.bill.paidCents, went.bill.paidCents]).toEqual([400, 0]);
    expect(went.detail.customers.map((c) => c.displayName)).toEqual(["Bob"]);

    // Logged on both sides; Bob hears he went, Ann hears who left; Bob follows.
    expect((await bobHears.waitFor("session:split")).data).toMatchObject({ toSessionId: newId, customerIds: [bob.customer.id] });
    expect((await annHears.waitFor("session:split")).data).toMatchObject({ orderIds: [bobOrder1.id, bobOrder2.id] });
    const log = await prisma.sessionEvent.findMany({ where: { sessionId: newId }, orderBy: { seq: "asc" } });
    expect(log.map((e) => e.type)).toEqual(["session.opened", "session.received"]);
    expect((log[1]!.payload as SessionReceivedData).orders.map((o) => o.number)).toEqual([1, 2]);
    expect(errorOf(await b.api.request("GET", "/api/sessions/current", { token: bob.token }))).toEqual([409, "SESSION_MOVED"]);
    const { token } = await b.api.route("POST /api/sessions/follow", { body: { token: bob.token } });
    expect((await b.api.route("GET /api/sessions/current", { token })).orders.map((o) => o.id).sort()).toEqual(
      [bobOrder1.id, bobOrder2.id].sort(),
    );
    // Ann stays where she was.
    expect((await b.api.route("GET /api/sessions/current", { token: ann.token })).session.id).toBe(seated.session.id);

    // A retry answers the same (200); a seated table, a phone not at this table, a retired table are refused.
    const retried = await split();
    expect([retried.status, (retried.body as typeof answer).split.id]).toEqual([200, newId]);
    const seatedElsewhere = await seatedTable(a, owner, `Taken ${randomUUID().slice(0, 4)}`);
    const cases = [
      { tableId: seatedElsewhere.table.id, customerIds: [ann.customer.id] },
      { tableId: free.id, customerIds: [bob.customer.id] },
    ];
    expect(errorOf(await split({ clientSplitId: randomUUID(), ...cases[0]! }))).toEqual([409, "CONFLICT"]);
    expect(errorOf(await split({ clientSplitId: randomUUID(), ...cases[1]! }))).toEqual([404, "NOT_FOUND"]);
    expect(errorOf(await split({ ...body, customerIds: [ann.customer.id] }))).toEqual([409, "CONFLICT"]);
    expect(await prisma.orderSession.count({ where: { tableId: seatedElsewhere.table.id } })).toBe(1);
  });
});
