import { randomUUID } from "node:crypto";
import { billSplit } from "@ordered/contract";
import { sqlOn } from "../../src/db/sql.js";
import { loadBill } from "../../src/sessions/session-extras.sql.js";
import { it } from "../staff/staff-kit.js";
import { describe, expect } from "../support/kit.js";
import { dataOf, recorderOf, send } from "../support/sockets.js";
import { acceptedOrder, joinAtTable, seatedTable } from "./session-kit.js";

// Issue 32, item 5: split by item. Phones claim their own lines (and share lines they claim),
// staff set any payer's claims; every change is a set operation, logged as bill.claimed and
// heard live by every phone and staff screen, on every instance. Payments name their payer.

const errorOf = (ack: { error?: { code: string; message: string } }) => ack.error;

describe("claims on bill lines (split by item)", () => {
  it("a phone claims and shares a dish; the other phone hears it on the other instance; a repeat changes nothing; a phone never claims for another", async ({
    cluster: [a, b],
    crew,
    socket,
    prisma,
    worker,
  }) => {
    void worker;
    const { session, cardCode } = await seatedTable(a, crew.tokens.OWNER, `Split ${randomUUID().slice(0, 4)}`);
    const ann = await joinAtTable(a.api, cardCode, session.pin, "Ann");
    const bea = await joinAtTable(b.api, cardCode, session.pin, "Bea");
    const annSocket = await socket(a, { token: ann.token, lastSeq: 0 });
    const beaSocket = await socket(b, { token: bea.token, lastSeq: 0 });
    const beaHears = recorderOf(beaSocket);
    const floor = recorderOf(await socket(b, { token: crew.tokens.SERVER }));
    await floor.waitFor("sync:done");
    const order = await acceptedOrder(prisma, annSocket, [{ productId: crew.products[2]!.id, quantity: 3 }]);
    const ANN = `phone:${ann.customer.id}`;
    const BEA = `phone:${bea.customer.id}`;
    const line = { orderId: order.id, position: 0 };

    const shareThree = {
      ...line,
      claims: [
        { payer: ANN, weight: 1 },
        { payer: BEA, weight: 1 },
        { payer: "person:3", weight: 1 },
      ],
    };
    const first = dataOf(await send(annSocket, "bill:claim", shareThree));
    expect(first.changed).toBe(true);
    // A line's claims come as they were stored (claimed_at, then payer): one command's claims
    // may share an instant, so they are compared as a set.
    const byPayer = (rows: (string | number)[][]) => [...rows].sort(([a], [b]) => String(a).localeCompare(String(b)));
    expect(byPayer(first.claims.map((c) => [c.payer, c.weight, c.claimedBy]))).toEqual(
      byPayer([
        [ANN, 1, "Ann"],
        [BEA, 1, "Ann"],
        ["person:3", 1, "Ann"],
      ]),
    );
    const heard = await beaHears.waitFor("bill:claimed");
    expect(heard.data).toMatchObject({ line: `${order.id}:0`, orderId: order.id, position: 0, by: "Ann" });
    expect(heard.data.claims).toHaveLength(3);
    expect((await floor.waitFor("bill:claimed")).data.claims).toHaveLength(3);

    // The same set again: nothing stored, nothing logged.
    const events = await prisma.sessionEvent.count({ where: { sessionId: session.id } });
    const again = dataOf(await send(annSocket, "bill:claim", shareThree));
    expect(again.changed).toBe(false);
    expect(again.claims).toEqual(first.claims);
    expect(await prisma.sessionEvent.count({ where: { sessionId: session.id } })).toBe(events);

    // Ann cannot take Bea's part away, put the line on Bea alone, change Bea's weight, or replace the line's claims.
    for (const refused of [
      { ...line, claims: [{ payer: BEA, weight: 0 }] },
      { ...line, claims: [{ payer: BEA, weight: 1 }] },
      {
        ...line,
        claims: [
          { payer: ANN, weight: 1 },
          { payer: BEA, weight: 2 },
        ],
      },
      { ...line, claims: [{ payer: ANN, weight: 1 }], replace: true },
    ]) {
      const error = errorOf(await send(annSocket, "bill:claim", refused));
      expect(error?.code).toBe("FORBIDDEN");
    }
    expect(await prisma.billClaim.count({ where: { sessionId: session.id } })).toBe(3);

    // Bea lets her part go from her own phone; Ann takes two parts of three.
    dataOf(await send(beaSocket, "bill:claim", { ...line, claims: [{ payer: BEA, weight: 0 }] }));
    const now = dataOf(await send(annSocket, "bill:claim", { ...line, claims: [{ payer: ANN, weight: 2 }] }));
    expect(new Map(now.claims.map((c) => [c.payer, c.weight]))).toEqual(
      new Map([
        [ANN, 2],
        ["person:3", 1],
      ]),
    );
    // Every screen splits it the same: two thirds and one third of the line, to the cent.
    const current = await b.api.route("GET /api/sessions/current", { token: bea.token });
    const lineCents = order.totalCents;
    const bill = { lines: [{ key: `${order.id}:0`, lineCents }], totalCents: lineCents } as Parameters<typeof billSplit>[0];
    const split = billSplit(bill, current.claims);
    expect(split.payers.map((p) => p.payer).sort()).toEqual([ANN, "person:3"].sort());
    expect(split.payers.reduce((s, p) => s + p.totalCents, 0)).toBe(lineCents);
    expect(Math.abs(split.payers.find((p) => p.payer === ANN)!.totalCents - (lineCents * 2) / 3)).toBeLessThan(1);
  });

  it("refuses what is not a line of the bill or not a payer of the table, naming the problem", async ({
    cluster: [a],
    crew,
    socket,
    prisma,
    worker,
  }) => {
    void worker;
    const { session, cardCode } = await seatedTable(a, crew.tokens.OWNER, `Split ${randomUUID().slice(0, 4)}`);
    const other = await seatedTable(a, crew.tokens.OWNER, `Other ${randomUUID().slice(0, 4)}`);
    const ann = await joinAtTable(a.api, cardCode, session.pin, "Ann");
    const stranger = await joinAtTable(a.api, other.cardCode, other.session.pin, "Zed");
    const phone = await socket(a, { token: ann.token, lastSeq: 0 });
    const order = await acceptedOrder(prisma, phone, [{ productId: crew.products[2]!.id, quantity: 1 }]);
    const me = `phone:${ann.customer.id}`;
    const claim = async (payload: object) => errorOf(await send(phone, "bill:claim", payload as never));

    const noLine = await claim({ orderId: order.id, position: 5, claims: [{ payer: me, weight: 1 }] });
    expect(noLine).toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining("is not on") });
    const tooHeavy = await claim({ orderId: order.id, position: 0, claims: [{ payer: me, weight: 10 }] });
    expect(tooHeavy).toMatchObject({ code: "VALIDATION_FAILED", message: expect.stringContaining("weight") });
    const noPayer = await claim({ orderId: order.id, position: 0, claims: [{ payer: "table:1", weight: 1 }] });
    expect(noPayer).toMatchObject({ code: "VALIDATION_FAILED", message: expect.stringContaining("payer") });
    const twice = await claim({
      orderId: order.id,
      position: 0,
      claims: [
        { payer: me, weight: 1 },
        { payer: me, weight: 2 },
      ],
    });
    expect(twice).toMatchObject({ code: "VALIDATION_FAILED", message: expect.stringContaining("once") });
    const notHere = await claim({
      orderId: order.id,
      position: 0,
      claims: [
        { payer: me, weight: 1 },
        { payer: `phone:${stranger.customer.id}`, weight: 1 },
      ],
    });
    expect(notHere).toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining("is not a phone of") });
    // Staff of the venue, through REST: the same checks, and a line of another table is not this bill's.
    const staffTry = await a.api.request("POST", `/api/sessions/${other.session.id}/claims`, {
      token: crew.tokens.SERVER,
      body: { orderId: order.id, position: 0, claims: [{ payer: "person:1", weight: 1 }] },
    });
    expect(staffTry.status).toBe(404);
    expect(await prisma.billClaim.count({ where: { sessionId: session.id } })).toBe(0);

    // A claimed line that leaves the bill (its order cancelled) stops counting, and cannot be claimed again.
    dataOf(await send(phone, "bill:claim", { orderId: order.id, position: 0, claims: [{ payer: me, weight: 1 }] }));
    await a.api.route("POST /api/orders/:id/cancel", { token: crew.tokens.SERVER, params: { id: order.id }, body: { seen: "NEW" } });
    const gone = await claim({ orderId: order.id, position: 0, claims: [{ payer: me, weight: 2 }] });
    expect(gone).toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining("is not on") });
    const now = await a.api.route("GET /api/sessions/current", { token: ann.token });
    const { bill } = await loadBill(sqlOn(prisma), session.id);
    expect(billSplit(bill, now.claims).payers).toEqual([]);
  });

  it("staff assign any payer, replace a line's claims, and record a payment against a seat payer that shows as paid", async ({
    cluster: [a, b],
    crew,
    socket,
    prisma,
    worker,
  }) => {
    void worker;
    const { session, cardCode } = await seatedTable(a, crew.tokens.OWNER, `Split ${randomUUID().slice(0, 4)}`);
    const ann = await joinAtTable(a.api, cardCode, session.pin, "Ann");
    const phone = await socket(a, { token: ann.token, lastSeq: 0 });
    const phoneHears = recorderOf(await socket(b, { token: ann.token, lastSeq: 0 }));
    const order = await acceptedOrder(prisma, phone, [
      { productId: crew.products[2]!.id, quantity: 1 },
      { productId: crew.products[1]!.id, quantity: 1 },
    ]);
    const waiter = await socket(b, { token: crew.tokens.SERVER });
    const ANN = `phone:${ann.customer.id}`;

    // The waiter puts the Diavola on Ann and seat 2, then on seat 2 alone.
    dataOf(
      await send(waiter, "bill:assign", {
        sessionId: session.id,
        orderId: order.id,
        position: 1,
        claims: [
          { payer: ANN, weight: 1 },
          { payer: "seat:2", weight: 1 },
        ],
      }),
    );
    const alone = dataOf(
      await send(waiter, "bill:assign", {
        sessionId: session.id,
        orderId: order.id,
        position: 1,
        claims: [{ payer: "seat:2", weight: 1 }],
        replace: true,
      }),
    );
    expect(alone.claims.map((c) => [c.payer, c.claimedBy])).toEqual([["seat:2", expect.any(String)]]);
    await phoneHears.waitFor("bill:claimed", (e) => e.data.claims.length === 1);

    const detail = await a.api.route("GET /api/sessions/:id", { token: crew.tokens.SERVER, params: { id: session.id } });
    const diavola = order.items[1]!.unitPriceCents;
    const pay = (body: object) => a.api.request("POST", `/api/sessions/${session.id}/payments`, { token: crew.tokens.SERVER, body });
    const clientPaymentId = randomUUID();
    const paid = await pay({ clientPaymentId, method: "CARD", amountCents: diavola, payer: "seat:2" });
    expect(paid.status).toBe(201);
    expect((paid.body as { payment: { payer: string; customerId: null } }).payment).toMatchObject({ payer: "seat:2", customerId: null });
    // The same id for another payer is a CONFLICT; a payment for two payers at once is refused.
    expect((await pay({ clientPaymentId, method: "CARD", amountCents: diavola, payer: "seat:3" })).status).toBe(409);
    const both = await pay({ clientPaymentId: randomUUID(), method: "CARD", amountCents: 1, payer: "seat:3", customerId: ann.customer.id });
    expect(both.status).toBe(400);
    // A phone's payment names its payer too.
    const annPaid = await pay({ clientPaymentId: randomUUID(), method: "CASH", amountCents: 1, payer: ANN });
    expect((annPaid.body as { payment: { payer: string; customerId: string } }).payment).toMatchObject({
      payer: ANN,
      customerId: ann.customer.id,
    });

    // The phone hears the seat's payment and computes the same split: seat 2 settled.
    await phoneHears.waitFor("payment:recorded", (e) => e.data.payer === "seat:2");
    const after = await a.api.route("GET /api/sessions/:id", { token: crew.tokens.SERVER, params: { id: session.id } });
    const { bill } = await loadBill(sqlOn(prisma), session.id);
    const split = billSplit(bill, after.claims, after.payments);
    expect(split.payers.find((p) => p.payer === "seat:2")).toMatchObject({ totalCents: diavola, paidCents: diavola, dueCents: 0 });
    expect(split.payers.reduce((s, p) => s + p.totalCents, 0) + split.unclaimedCents).toBe(bill.totalCents);
    expect(detail.claims).toHaveLength(1);
  });
});
