// Issue 33, item 3: a manager closes a business day once — its Z report stored as it was, the
// same client id answering the same close (also from two instances at once) — and the day is
// locked: what happens after the close (a refund on a table still open) lands on the next day,
// and the closed day's report never changes.
import { randomUUID } from "node:crypto";
import { addDays, type DayReportDto } from "@ordered/contract";
import { createAccount } from "../staff/staff-kit.js";
import type { TestServer } from "../support/harness.js";
import { describe, expect, it, type Venue } from "../support/kit.js";
import { businessDayOf, closeSession, DIAVOLA, enterOrder, LEMONADE, pay, payAndClose, tableWithOrder } from "./days-kit.js";

const closeDay = (server: TestServer, venue: Venue, body: { clientCloseId: string; businessDay: string; acknowledgeOpen?: boolean }) =>
  server.api.request("POST", "/api/days/close", { token: venue.staffToken, body });

async function today(server: TestServer, venue: Venue): Promise<DayReportDto> {
  return (await server.api.route("GET /api/reports/day", { token: venue.staffToken })).report;
}

describe("closing a day", () => {
  it("stores its Z report once: a repeat answers the same close; another id, another day or a day not begun is refused; a waiter cannot", async ({
    server,
    worker,
    venue,
    prisma,
  }) => {
    expect(worker).toBeDefined();
    const paid = await tableWithOrder(server, venue, prisma, [[DIAVOLA, 1]]);
    const receipt = await payAndClose(server, venue, paid.session.id, "CARD");
    const open = await tableWithOrder(server, venue, prisma, [[LEMONADE, 1]]);
    const live = await today(server, venue);
    const day = live.businessDay;
    expect(await businessDayOf(prisma, paid.session.id)).toBe(day);

    // A waiter reads no report and closes no day.
    const waiter = await createAccount(server, venue.staffToken, "SERVER");
    for (const [method, path, body] of [
      ["POST", "/api/days/close", { clientCloseId: randomUUID(), businessDay: day }],
      ["GET", "/api/reports/day", undefined],
      ["GET", `/api/reports/days.csv?from=${day}&to=${day}`, undefined],
    ] as const) {
      const refused = await server.api.request(method, path, { token: waiter.token, body });
      expect([refused.status, refused.body.error.code], path).toEqual([403, "FORBIDDEN"]);
    }

    // A table still open: refused, naming it, unless the closer acknowledges it.
    const id = randomUUID();
    const warned = await closeDay(server, venue, { clientCloseId: id, businessDay: day });
    expect([warned.status, warned.body.error.code]).toEqual([409, "OPEN_SESSIONS"]);
    expect(warned.body.error.message).toContain(open.session.label);
    expect(await prisma.dayClose.count({ where: { locationId: venue.locationId } })).toBe(0);

    const first = await closeDay(server, venue, { clientCloseId: id, businessDay: day, acknowledgeOpen: true });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.close).toMatchObject({
      clientCloseId: id,
      businessDay: day,
      closedBy: venue.owner.displayName,
      firstReceipt: receipt.number,
      lastReceipt: receipt.number,
      openSessions: 1,
    });
    // The stored report is the live one as it was, with its close.
    expect(first.body.report).toEqual({ ...live, close: first.body.close });
    expect(first.body.report.openSessions.map((s: { label: string }) => s.label)).toEqual([open.session.label]);

    // The same id again (a retry after a lost answer): the same close, nothing new.
    const again = await closeDay(server, venue, { clientCloseId: id, businessDay: day, acknowledgeOpen: true });
    expect([again.status, again.body]).toEqual([200, first.body]);
    const otherDay = await closeDay(server, venue, { clientCloseId: id, businessDay: addDays(day, -1), acknowledgeOpen: true });
    expect([otherDay.status, otherDay.body.error.code]).toEqual([409, "CONFLICT"]);
    const otherId = await closeDay(server, venue, { clientCloseId: randomUUID(), businessDay: day, acknowledgeOpen: true });
    expect([otherId.status, otherId.body.error.message]).toEqual([
      409,
      `${day} was already closed by ${venue.owner.displayName} at ${first.body.close.closedAt}: its Z report is stored`,
    ]);
    const future = await closeDay(server, venue, { clientCloseId: randomUUID(), businessDay: addDays(day, 1), acknowledgeOpen: true });
    expect([future.status, future.body.error.code]).toEqual([409, "CONFLICT"]);
    expect(await prisma.dayClose.count({ where: { locationId: venue.locationId } })).toBe(1);

    // Read back: the stored report. Nothing rewrites it, not even straight in the database.
    const stored = await server.api.route("GET /api/reports/day", { token: venue.staffToken, query: { date: day } });
    expect(stored.report).toEqual(first.body.report);
    await expect(prisma.dayClose.update({ where: { id: first.body.close.id }, data: { report: { totals: {} } } })).rejects.toThrow(
      /a closed day is never changed/,
    );
  });

  it("closes once when two instances close the same day at the same moment", async ({ cluster: [a, b], worker, venue, prisma }) => {
    expect(worker).toBeDefined();
    const t = await tableWithOrder(a, venue, prisma, [[DIAVOLA, 1]]);
    await payAndClose(a, venue, t.session.id, "CASH");
    const day = (await today(a, venue)).businessDay;
    // One device's close sent four times (retries), alternating instances: one close, the same for all.
    const id = randomUUID();
    const same = await Promise.all([a, b, a, b].map((s) => closeDay(s, venue, { clientCloseId: id, businessDay: day })));
    expect(same.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
    expect(new Set(same.map((r) => r.body.close.id)).size).toBe(1);
    // Two managers closing it on two devices at once: one of them closes it.
    const other = await Promise.all(
      [a, b].map((s) => closeDay(s, venue, { clientCloseId: randomUUID(), businessDay: addDays(day, -1), acknowledgeOpen: true })),
    );
    expect(other.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await prisma.dayClose.count({ where: { locationId: venue.locationId } })).toBe(2);
  });

  it("takes turns with tables closing on another instance: each receipt is in the stored report or on the next day", async ({
    cluster: [a, b],
    worker,
    venue,
    prisma,
  }) => {
    expect(worker).toBeDefined();
    // Without the day's close locking the location's row this fails about one run in three
    // (tried): a receipt lands on the closed day but not in its stored report.
    const tables = [];
    for (let i = 0; i < 6; i++) {
      const t = await tableWithOrder(a, venue, prisma, [[LEMONADE, 1]]);
      await pay(a, venue, t.session.id, 450, "CARD");
      tables.push(t.session.id);
    }
    const day = (await today(a, venue)).businessDay;
    const [dayClose] = await Promise.all([
      closeDay(a, venue, { clientCloseId: randomUUID(), businessDay: day, acknowledgeOpen: true }),
      ...tables.map((id) => closeSession(b, venue, id)),
    ]);
    expect(dayClose.status).toBe(201);
    const stored = dayClose.body.report as DayReportDto;
    const inReport = new Set(stored.receipts.map((r) => r.sessionId));
    for (const id of tables) {
      const belongs = await businessDayOf(prisma, id);
      expect([id, belongs]).toEqual([id, inReport.has(id) ? day : addDays(day, 1)]);
    }
    // Whichever landed where, the two days hold all six, each once.
    const next = await a.api.route("GET /api/reports/day", { token: venue.staffToken, query: { date: addDays(day, 1) } });
    expect(stored.totals.receipts + next.report.totals.receipts).toBe(6);
    expect(stored.totals.totalCents + next.report.totals.totalCents).toBe(6 * 450);
  });

  it("locks the day: a refund after the close lands on the next day's report; the closed day's report stays as stored", async ({
    server,
    worker,
    venue,
    prisma,
  }) => {
    expect(worker).toBeDefined();
    const token = venue.staffToken;
    const early = await tableWithOrder(server, venue, prisma, [[DIAVOLA, 1]]);
    await payAndClose(server, venue, early.session.id, "CARD");
    // A table paid in full but still open when the manager closes the day.
    const late = await tableWithOrder(server, venue, prisma, [[LEMONADE, 1]]);
    const wrong = await enterOrder(server, venue, prisma, late.session.id, [[DIAVOLA, 1]]);
    await pay(server, venue, late.session.id, 450 + 1250, "CASH");
    const day = (await today(server, venue)).businessDay;
    const closed = await closeDay(server, venue, { clientCloseId: randomUUID(), businessDay: day, acknowledgeOpen: true });
    expect(closed.status).toBe(201);
    const snapshot = closed.body.report as DayReportDto;
    expect(snapshot.totals).toMatchObject({ receipts: 1, totalCents: 1250, refundedCents: 0 });

    // After the close: the Diavola was the wrong table's, refunded in cash; the table closes.
    await server.api.route("POST /api/orders/:id/cancel", {
      token,
      params: { id: wrong.id },
      body: { seen: "NEW", reason: "wrong table", refund: { clientPaymentId: randomUUID(), method: "CASH" } },
    });
    const receipt = await closeSession(server, venue, late.session.id);
    const next = addDays(day, 1);
    expect(await businessDayOf(prisma, late.session.id)).toBe(next);

    const closedDay = await server.api.route("GET /api/reports/day", { token, query: { date: day } });
    expect(closedDay.report).toEqual(snapshot);
    const nextDay = await server.api.route("GET /api/reports/day", { token, query: { date: next } });
    expect(nextDay.report.close).toBeNull();
    expect(nextDay.report.totals).toMatchObject({
      receipts: 1,
      firstReceipt: receipt.number,
      totalCents: 450,
      paidCents: 450,
      refundedCents: 1250,
    });
    expect(nextDay.report.totals.payments).toEqual([
      { method: "CASH", count: 2, paymentsCents: 1700, refundsCents: 1250, netCents: 450, tipCents: 0 },
    ]);
    expect(nextDay.report.adjustments.map((x) => [x.kind, x.amountCents, x.receiptNumber])).toEqual([
      ["VOID", 1250, receipt.number],
      ["REFUND", 1250, receipt.number],
    ]);
    // The range over both days: the closed one marked, the totals the two days'.
    const range = await server.api.route("GET /api/reports", { token, query: { from: day, to: next } });
    expect(range.report.days.map((d) => [d.businessDay, d.closed, d.totalCents])).toEqual([
      [day, true, 1250],
      [next, false, 450],
    ]);
    expect(range.report.totals.totalCents).toBe(1700);
  });
});
