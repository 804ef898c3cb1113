import { randomUUID } from "node:crypto";
import { billOf, type RecordPaymentBody } from "@ordered/contract";
import { describe, expect, it } from "../support/kit.js";
import { recorderOf } from "../support/sockets.js";
import { acceptedOrder, joinAtTable, seatedTable } from "./session-kit.js";

const pay = (amountCents: number, extra: Partial<RecordPaymentBody> = {}): RecordPaymentBody => ({
  clientPaymentId: randomUUID(),
  method: "CASH",
  amountCents,
  ...extra,
});

describe("the bill", () => {
  it("is split per phone and paid in parts with a tip; overpaying is refused; the close leaves every phone a receipt", async ({
    cluster: [a, b],
    worker,
    venue,
    socket,
    prisma,
  }) => {
    const token = venue.staffToken;
    const [, diavola, lemonade] = venue.products;
    const staff = await socket(a, { token });
    await recorderOf(staff).waitFor("sync:done");
    const { session, cardCode } = await seatedTable(a, token, "Table 12");
    const ann = await joinAtTable(b.api, cardCode, session.pin, "Ann");
    const bea = await joinAtTable(b.api, cardCode, session.pin, "Bea");
    const annPhone = await socket(b, { token: ann.token });
    const beaPhone = await socket(a, { token: bea.token });
    await acceptedOrder(prisma, annPhone, [{ productId: diavola!.id, quantity: 1 }]); // 12.50
    await acceptedOrder(prisma, beaPhone, [{ productId: lemonade!.id, quantity: 2 }]); // 9.00

    const detail = await a.api.getSession(token, session.id);
    const bill = billOf({ currency: "EUR", orders: detail.orders, payments: detail.payments, customers: detail.customers });
    expect([bill.totalCents, bill.dueCents]).toEqual([2150, 2150]);
    expect(bill.shares.map((s) => [s.displayName, s.subtotalCents])).toEqual([
      ["Ann", 1250],
      ["Bea", 900],
    ]);

    // Overpaying, paying nothing, negative amounts, another session's phone: refused, nothing stored.
    const over = await a.api.request("POST", `/api/sessions/${session.id}/payments`, { token, body: pay(2151) });
    expect([over.status, over.body.error]).toEqual([
      409,
      { code: "OVERPAYMENT", message: "only 21.50 EUR is due at Table 12: record at most that, and any tip apart" },
    ]);
    for (const [body, message] of [
      [pay(0), "body.amountCents: must pay something (amountCents or tipCents)"],
      [pay(-100), "body.amountCents: must not be negative"],
      [pay(10.5), "body.amountCents: must be a whole number of cents"],
      [{ ...pay(100), method: "IOU" }, "body.method: must be CASH, CARD or OTHER"],
      [{ ...pay(100), clientPaymentId: "short" }, "body.clientPaymentId: must be at least 8 characters"],
    ] as const) {
      const res = await a.api.request("POST", `/api/sessions/${session.id}/payments`, { token, body });
      expect([res.status, res.body.error.message]).toEqual([400, message]);
    }
    const otherSession = await seatedTable(a, token, "Table 13");
    const stranger = await a.api.joinByCard(otherSession.cardCode);
    const foreignPhone = await a.api.request("POST", `/api/sessions/${session.id}/payments`, {
      token,
      body: pay(100, { customerId: stranger.customer.id }),
    });
    expect([foreignPhone.status, foreignPhone.body.error.message]).toEqual([404, "phone not found"]);
    expect(await prisma.payment.count({ where: { sessionId: session.id } })).toBe(0);

    // Ann pays her share by card; the same payment sent twice at once, on two instances, is one.
    const annShare = pay(1250, { method: "CARD", customerId: ann.customer.id, tipCents: 150 });
    const [r1, r2] = await Promise.all([
      a.api.request("POST", `/api/sessions/${session.id}/payments`, { token, body: annShare }),
      b.api.request("POST", `/api/sessions/${session.id}/payments`, { token, body: annShare }),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([200, 201]);
    expect(r1.body.payment).toEqual(r2.body.payment);
    expect(r1.body.payment).toMatchObject({ amountCents: 1250, tipCents: 150, method: "CARD", recordedBy: venue.owner.displayName });
    // The rest as an equal split of 9.00 in two, plus a tip on the second.
    await a.api.recordPayment(token, session.id, pay(450, { note: "Split 1 of 2" }));
    await a.api.recordPayment(token, session.id, pay(450, { tipCents: 50, note: "Split 2 of 2" }));
    expect(await prisma.payment.count({ where: { sessionId: session.id } })).toBe(3);
    // Every phone and staff device heard each payment once.
    for (const s of [staff, annPhone, beaPhone]) {
      await recorderOf(s).waitFor("payment:recorded", (e) => e.data.note === "Split 2 of 2");
      expect(recorderOf(s).named("payment:recorded")).toHaveLength(3);
    }
    const nothingLeft = await a.api.request("POST", `/api/sessions/${session.id}/payments`, { token, body: pay(1) });
    expect(nothingLeft.body.error.code).toBe("OVERPAYMENT");

    // Closing: the orders are accepted, not delivered, so staff say what to do with them.
    const refused = await a.api.request("POST", `/api/sessions/${session.id}/close`, { token, body: {} });
    expect([refused.status, refused.body.error.code]).toEqual([409, "UNFINISHED_ORDERS"]);
    expect(refused.body.error.message).toBe(
      "Table 12 has 2 unfinished orders: Ann: 1× Diavola (being prepared); Bea: 2× Lemonade (being prepared). " +
        "Deliver or cancel them first, or choose to do so as you close",
    );
    expect((await prisma.orderSession.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("OPEN");
    const closed = await a.api.route("POST /api/sessions/:id/close", { token, body: { unfinished: "finish" }, params: { id: session.id } });
    expect(closed.session.status).toBe("CLOSED");
    const { receipt } = closed;
    expect(receipt).toMatchObject({
      sessionId: session.id,
      label: "Table 12",
      closedBy: venue.owner.displayName,
      openedBy: venue.owner.displayName,
      waiveReason: null,
      bill: { totalCents: 2150, paidCents: 2150, tipCents: 200, waivedCents: 0, dueCents: 0, pendingCents: 0 },
    });
    expect(receipt.bill.lines.map((l: { productName: string; lineCents: number }) => [l.productName, l.lineCents])).toEqual([
      ["Diavola", 1250],
      ["Lemonade", 900],
    ]);
    // What was paid for no phone in particular shows as the table's (displayName null), not as nothing.
    expect(receipt.bill.shares.map((s) => [s.displayName, s.paidCents])).toEqual([
      ["Ann", 1250],
      ["Bea", 0],
      [null, 900],
    ]);
    expect(receipt.payments).toHaveLength(3);
    const orders = await prisma.order.findMany({ where: { sessionId: session.id }, include: { shipment: true } });
    expect(orders.map((o) => [o.status, o.shipment?.status])).toEqual([
      ["DELIVERED", "DELIVERED"],
      ["DELIVERED", "DELIVERED"],
    ]);
    // Both phones get the receipt with the close, and can read it again afterwards.
    for (const s of [annPhone, beaPhone]) expect((await recorderOf(s).waitFor("session:closed")).data.receipt).toEqual(receipt);
    expect((await b.api.route("GET /api/sessions/receipt", { token: bea.token })).receipt).toEqual(receipt);
    // Staff reopen the record: read-only, complete.
    const record = await b.api.getSession(token, session.id);
    expect(record.receipt).toEqual(receipt);
    expect(record.payments).toHaveLength(3);
    // A closed session takes no payment; a repeat of a recorded one still answers with it.
    const late = await a.api.request("POST", `/api/sessions/${session.id}/payments`, { token, body: pay(100) });
    expect([late.status, late.body.error.code]).toEqual([410, "SESSION_CLOSED"]);
    expect((await a.api.request("POST", `/api/sessions/${session.id}/payments`, { token, body: annShare })).status).toBe(200);
  });

  it("must be paid before closing, unless staff waive the rest with a reason; a refusal changes nothing", async ({
    server,
    worker,
    venue,
    socket,
    prisma,
  }) => {
    const token = venue.staffToken;
    const { session, cardCode } = await seatedTable(server, token, "Table 14");
    const phone = await joinAtTable(server.api, cardCode, session.pin, "Cy");
    const s = await socket(server, { token: phone.token });
    const order = await acceptedOrder(prisma, s, [{ productId: venue.products[1]!.id, quantity: 2 }]); // 25.00
    await server.api.recordPayment(token, session.id, pay(1000));
    const before = await prisma.sessionEvent.count({ where: { sessionId: session.id } });
    const unpaid = await server.api.request("POST", `/api/sessions/${session.id}/close`, { token, body: { unfinished: "finish" } });
    expect([unpaid.status, unpaid.body.error]).toEqual([
      409,
      { code: "BILL_UNPAID", message: "Table 14 still owes 15.00 EUR: record the payments, or waive the rest with a reason" },
    ]);
    // The refused close delivered nothing: it was all rolled back.
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("ACCEPTED");
    expect(await prisma.sessionEvent.count({ where: { sessionId: session.id } })).toBe(before);
    const bad = await server.api.request("POST", `/api/sessions/${session.id}/close`, { token, body: { unfinished: "later" } });
    expect([bad.status, bad.body.error.message]).toEqual([400, "body.unfinished: must be finish or cancel"]);

    const closed = await server.api.route("POST /api/sessions/:id/close", {
      token,
      body: { unfinished: "finish", waiveReason: "Birthday: on the house" },
      params: { id: session.id },
    });
    expect(closed.receipt.bill).toMatchObject({ totalCents: 2500, paidCents: 1000, waivedCents: 1500, dueCents: 0 });
    expect(closed.receipt.waiveReason).toBe("Birthday: on the house");
    const stored = await prisma.orderSession.findUniqueOrThrow({ where: { id: session.id } });
    expect([stored.waivedCents, stored.waiveReason]).toEqual([1500n, "Birthday: on the house"]);
    // Closing again changes nothing and answers the same receipt.
    const again = await server.api.route("POST /api/sessions/:id/close", { token, body: {}, params: { id: session.id } });
    expect(again.receipt).toEqual(closed.receipt);
  });

  it("lets staff cancel unfinished orders when closing; cancelled orders cost nothing and their stock comes back", async ({
    server,
    worker,
    venue,
    socket,
    prisma,
  }) => {
    const token = venue.staffToken;
    const margherita = venue.products[0]!; // stock 2
    const { session, cardCode } = await seatedTable(server, token, "Table 15");
    const phone = await joinAtTable(server.api, cardCode, session.pin);
    const s = await socket(server, { token: phone.token });
    const order = await acceptedOrder(prisma, s, [{ productId: margherita.id, quantity: 2 }]);
    expect((await prisma.product.findUniqueOrThrow({ where: { id: margherita.id } })).stock).toBe(0);
    const closed = await server.api.route("POST /api/sessions/:id/close", {
      token,
      body: { unfinished: "cancel" },
      params: { id: session.id },
    });
    expect(closed.receipt.bill).toMatchObject({ totalCents: 0, dueCents: 0 });
    const stored = await prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    expect([stored.status, stored.statusReason]).toEqual(["CANCELLED", "cancelled when the table closed"]);
    expect((await prisma.product.findUniqueOrThrow({ where: { id: margherita.id } })).stock).toBe(2);
    const types = await prisma.sessionEvent.findMany({ where: { sessionId: session.id }, orderBy: { seq: "asc" } });
    expect(types.map((e) => e.type).slice(-2)).toEqual(["order.updated", "session.closed"]);
  });

  it("belongs to its location: another location's staff cannot pay or close it, phones cannot pay", async ({
    server,
    venue,
    otherVenue,
  }) => {
    const { session, cardCode } = await seatedTable(server, venue.staffToken, "Table 16");
    const phone = await joinAtTable(server.api, cardCode, session.pin);
    const foreign = await server.api.request("POST", `/api/sessions/${session.id}/payments`, {
      token: otherVenue.staffToken,
      body: pay(0, { tipCents: 100 }),
    });
    expect(foreign.status).toBe(404);
    expect((await server.api.request("POST", `/api/sessions/${session.id}/close`, { token: otherVenue.staffToken, body: {} })).status).toBe(
      404,
    );
    expect(
      (await server.api.request("POST", `/api/sessions/${session.id}/payments`, { token: phone.token, body: pay(0, { tipCents: 100 }) }))
        .status,
    ).toBe(401);
    const open = await server.api.request("GET", "/api/sessions/receipt", { token: phone.token });
    expect([open.status, open.body.error.code]).toEqual([409, "CONFLICT"]);
    // A tip alone on an empty bill is fine.
    const tip = await server.api.recordPayment(venue.staffToken, session.id, pay(0, { tipCents: 100 }));
    expect([tip.amountCents, tip.tipCents]).toEqual([0, 100]);
  });
});
