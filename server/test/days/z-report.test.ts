// Issue 33, item 3: a business day's Z report is the sum of its receipts to the cent — each
// receipt's bill as billOf computes it (mixed tax rates, line and bill discounts, a comp, a
// voided line, a cancelled order and its refund, a service charge, tips, a waiver) — and it
// lists who voided, comped, discounted, waived and refunded what, and why.
import { randomUUID } from "node:crypto";
import type { ReceiptDto, ReportTotalsDto } from "@ordered/contract";
import { describe, expect, it } from "../support/kit.js";
import {
  closeSession,
  DIAVOLA,
  dueOf,
  enterOrder,
  LEMONADE,
  line,
  MARGHERITA,
  moveToDay,
  pay,
  payAndClose,
  tableWithOrder,
  twoRates,
} from "./days-kit.js";

const DAY = "2026-03-10";

describe("the Z report", () => {
  it("adds up to the sum of the day's receipts to the cent, and names every adjustment with who and why", async ({
    server,
    worker,
    venue,
    prisma,
  }) => {
    expect(worker).toBeDefined(); // the pipeline accepts the orders
    const token = venue.staffToken;
    await twoRates(prisma, venue);
    // 10 % service charge on every table seated from now on.
    await server.api.route("PATCH /api/location", { token, body: { serviceChargeBps: 1000 } });
    const correct = (sessionId: string, body: Record<string, unknown>) =>
      server.api.route("POST /api/sessions/:id/corrections", {
        token,
        params: { id: sessionId },
        body: { clientCorrectionId: randomUUID(), ...body } as never,
      });

    // 1: a Diavola with 10 % off and a lemonade, paid by card with a tip.
    const t1 = await tableWithOrder(server, venue, prisma, [
      [DIAVOLA, 1],
      [LEMONADE, 1],
    ]);
    await correct(t1.session.id, { kind: "DISCOUNT", ...line(t1.order, 0), percentBps: 1000, reason: "regular" });
    const r1 = await payAndClose(server, venue, t1.session.id, "CARD", 200);

    // 2: two Diavolas, three lemonades comped, 3.33 off the bill; paid half cash, half card.
    const t2 = await tableWithOrder(server, venue, prisma, [
      [DIAVOLA, 2],
      [LEMONADE, 3],
    ]);
    await correct(t2.session.id, { kind: "COMP", ...line(t2.order, 1), reason: "birthday" });
    await correct(t2.session.id, { kind: "DISCOUNT", amountCents: 333, reason: "waited long" });
    const due2 = await dueOf(server, venue, t2.session.id);
    await pay(server, venue, t2.session.id, 1000, "CASH");
    await pay(server, venue, t2.session.id, due2 - 1000, "CARD", 150);
    const r2 = await closeSession(server, venue, t2.session.id);

    // 3: a lemonade voided; a second order paid, then cancelled with its refund in cash.
    const t3 = await tableWithOrder(server, venue, prisma, [
      [MARGHERITA, 1],
      [LEMONADE, 1],
    ]);
    await correct(t3.session.id, { kind: "VOID", ...line(t3.order, 1), reason: "spilled" });
    const second = await enterOrder(server, venue, prisma, t3.session.id, [[DIAVOLA, 1]]);
    await pay(server, venue, t3.session.id, await dueOf(server, venue, t3.session.id), "CASH");
    await server.api.route("POST /api/orders/:id/cancel", {
      token,
      params: { id: second.id },
      body: { seen: "NEW", reason: "wrong table", refund: { clientPaymentId: randomUUID(), method: "CASH" } },
    });
    const r3 = await closeSession(server, venue, t3.session.id);

    // 4: two lemonades, never paid: waived.
    const t4 = await tableWithOrder(server, venue, prisma, [[LEMONADE, 2]]);
    const r4 = await closeSession(server, venue, t4.session.id, "walked out");

    // 5: nothing ordered: no receipt, nothing on the report.
    const { session: empty } = await server.api.openSession(token, "Nobody came");
    await closeSession(server, venue, empty.id);

    // 6: still open: warned about, not counted.
    const open = await tableWithOrder(server, venue, prisma, [[DIAVOLA, 1]]);

    // The close fixed each receipt's day from the clock; the test puts them on one day it names.
    const closed = [t1, t2, t3, t4].map((t) => t.session.id);
    await moveToDay(prisma, [...closed, empty.id], DAY);
    const { report } = await server.api.route("GET /api/reports/day", { token, query: { date: DAY } });
    const receipts: ReceiptDto[] = [r1, r2, r3, r4];

    // The receipts as each one reads (the same ones the close answered and the record shows).
    for (const r of receipts) {
      const detail = await server.api.route("GET /api/sessions/:id", { token, params: { id: r.sessionId } });
      expect(detail.receipt).toEqual(r);
    }
    const sum = (f: (r: ReceiptDto) => number) => receipts.reduce((s, r) => s + f(r), 0);
    const t = report.totals;
    expect(t).toMatchObject({
      currency: "EUR",
      receipts: 4,
      firstReceipt: Math.min(...receipts.map((r) => r.number!)),
      lastReceipt: Math.max(...receipts.map((r) => r.number!)),
      linesCents: sum((r) => r.bill.grossCents),
      subtotalCents: sum((r) => r.bill.subtotalCents),
      billDiscountCents: sum((r) => r.bill.billDiscountCents),
      serviceChargeCents: sum((r) => r.bill.serviceChargeCents),
      totalCents: sum((r) => r.bill.totalCents),
      paidCents: sum((r) => r.bill.paidCents),
      refundedCents: sum((r) => r.bill.refundedCents),
      tipCents: sum((r) => r.bill.tipCents),
      waivedCents: sum((r) => r.bill.waivedCents),
    } satisfies Partial<ReportTotalsDto>);
    // Known amounts, worked by hand: 17.33 + 23.84 + 10.45 + 9.90.
    expect([r1.bill.totalCents, r2.bill.totalCents, r3.bill.totalCents, r4.bill.totalCents]).toEqual([1733, 2384, 1045, 990]);
    expect(t.totalCents).toBe(6152);
    expect(t.tipCents).toBe(350);
    expect(t.refundedCents).toBe(1375);
    expect(t.waivedCents).toBe(990);
    // Each rate: the receipts' net, tax and gross at that rate, added up.
    const byRate = new Map<string, { netCents: number; taxCents: number; grossCents: number }>();
    for (const r of receipts)
      for (const x of r.bill.taxes) {
        const k = `${x.rateBps}/${x.name}`;
        const s = byRate.get(k) ?? { netCents: 0, taxCents: 0, grossCents: 0 };
        byRate.set(k, { netCents: s.netCents + x.netCents, taxCents: s.taxCents + x.taxCents, grossCents: s.grossCents + x.grossCents });
      }
    expect(
      Object.fromEntries(
        t.taxes.map((x) => [`${x.rateBps}/${x.name}`, { netCents: x.netCents, taxCents: x.taxCents, grossCents: x.grossCents }]),
      ),
    ).toEqual(Object.fromEntries(byRate));
    expect(t.taxes.map((x) => x.rateBps)).toEqual([1900, 700]);
    // The report's own identities.
    expect(t.netCents + t.taxCents).toBe(t.totalCents);
    expect(t.taxes.reduce((s, x) => s + x.grossCents, 0)).toBe(t.totalCents);
    expect(t.linesCents - t.lineCorrectionsCents).toBe(t.subtotalCents);
    expect(t.subtotalCents - t.billDiscountCents + t.serviceChargeCents).toBe(t.totalCents);
    expect(t.paidCents + t.waivedCents).toBe(t.totalCents);
    expect(t.payments.reduce((s, p) => s + p.netCents, 0)).toBe(t.paidCents);
    expect(t.payments.reduce((s, p) => s + p.tipCents, 0)).toBe(t.tipCents);
    // By method: whatever methods were used, each with its payments, refunds and tips.
    const cash = r2.payments.filter((p) => p.method === "CASH");
    expect(t.payments.find((p) => p.method === "CASH")).toMatchObject({
      refundsCents: 1375,
      paymentsCents:
        cash.reduce((s, p) => s + p.amountCents, 0) +
        r3.payments.filter((p) => p.kind === "PAYMENT").reduce((s, p) => s + p.amountCents, 0),
    });
    expect(t.payments.find((p) => p.method === "CARD")?.tipCents).toBe(350);
    // The product mix, the categories and the hours add up to the lines, the lines and the total.
    expect(report.products.reduce((s, p) => s + p.cents, 0)).toBe(t.subtotalCents);
    expect(report.categories.reduce((s, c) => s + c.cents, 0)).toBe(t.subtotalCents);
    expect(report.hours.reduce((s, h) => s + h.cents, 0)).toBe(t.totalCents);
    expect(report.hours.reduce((s, h) => s + h.receipts, 0)).toBe(4);
    expect(report.hours).toHaveLength(24);
    expect(report.hours[0]!.hour).toBe(4); // the day starts at its cut-off
    // A voided lemonade was not sold; three comped ones were (for nothing).
    expect(report.products.find((p) => p.productName === "Lemonade")).toMatchObject({ quantity: 1 + 3 + 2 });
    expect(report.staff).toEqual([
      expect.objectContaining({
        name: venue.owner.displayName,
        receipts: 4,
        salesCents: t.totalCents,
        paidCents: t.paidCents,
        tipCents: 350,
      }),
    ]);
    // Who took what off, and why.
    const adjustments = report.adjustments.map((a) => [a.kind, a.amountCents, a.reason, a.by, a.receiptNumber]);
    const by = venue.owner.displayName;
    expect(adjustments).toEqual(
      expect.arrayContaining([
        ["DISCOUNT", 125, "regular", by, r1.number],
        ["COMP", 1350, "birthday", by, r2.number],
        ["DISCOUNT", 333, "waited long", by, r2.number],
        ["VOID", 450, "spilled", by, r3.number],
        ["VOID", 1250, "wrong table", by, r3.number],
        ["REFUND", 1375, expect.any(String), by, r3.number],
        ["WAIVE", 990, "walked out", by, r4.number],
      ]),
    );
    expect(adjustments).toHaveLength(7);
    expect(t).toMatchObject({ voidedCents: 1700, compedCents: 1350, discountedCents: 458 });
    expect(report.receipts.map((r) => r.number)).toEqual(receipts.map((r) => r.number));
    expect(report.close).toBeNull();
    // The open table began after that day: today's report warns of it, with what it has billed so far.
    expect(report.openSessions).toEqual([]);
    const today = await server.api.route("GET /api/reports/day", { token });
    expect(today.report.openSessions).toEqual([expect.objectContaining({ sessionId: open.session.id, totalCents: 1375, paidCents: 0 })]);

    // A range over that day says the same, and so does its CSV's total row.
    const range = await server.api.route("GET /api/reports", { token, query: { from: "2026-03-09", to: "2026-03-11" } });
    expect(range.report.totals).toEqual(t);
    expect(range.report.days.map((d) => [d.businessDay, d.receipts, d.totalCents])).toEqual([
      ["2026-03-09", 0, 0],
      [DAY, 4, 6152],
      ["2026-03-11", 0, 0],
    ]);
    expect(range.report.products).toEqual(report.products);
  });
});
