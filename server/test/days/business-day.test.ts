// Issue 33, item 3: a receipt belongs to the business day of its close on the venue's clock,
// less the cut-off hour (a bar's 01:30 is the night before's) — the server's SQL and the
// contract's function agree — and to the next day not closed when that day is closed already.
import { businessDayOf as contractDay } from "@ordered/contract";
import { setBusinessDay } from "../../src/days/business-day.sql.js";
import { sqlOn } from "../../src/db/sql.js";
import { describe, expect, it } from "../support/kit.js";
import { businessDayOf, closeSession } from "./days-kit.js";

describe("business days", () => {
  it("follow the venue's time zone and cut-off hour; a closed day sends later receipts to the next open one", async ({
    server,
    venue,
    prisma,
  }) => {
    const token = venue.staffToken;
    const zone = "America/New_York";
    const { location } = await server.api.route("PATCH /api/location", { token, body: { timeZone: zone, dayCutoffHour: 5 } });
    expect(location).toMatchObject({ timeZone: zone, dayCutoffHour: 5 });
    const { session } = await server.api.openSession(token, "Bar");
    await closeSession(server, venue, session.id);
    /** The day the close's own statement gives a session closed at `iso`. */
    const dayOfCloseAt = async (iso: string) => {
      await prisma.orderSession.update({ where: { id: session.id }, data: { closedAt: new Date(iso) } });
      await setBusinessDay(sqlOn(prisma), session.id);
      return businessDayOf(prisma, session.id);
    };
    const cases: [string, string][] = [
      ["2026-01-15T09:59:00Z", "2026-01-14"], // 04:59 EST: still the night before
      ["2026-01-15T10:00:00Z", "2026-01-15"], // 05:00: the new day
      ["2026-01-16T04:30:00Z", "2026-01-15"], // 23:30
      ["2026-01-16T06:30:00Z", "2026-01-15"], // 01:30 the next morning: the bar's night
      ["2026-07-01T08:59:00Z", "2026-06-30"], // 04:59 EDT
      ["2026-07-01T09:00:00Z", "2026-07-01"], // 05:00 EDT
    ];
    for (const [at, day] of cases) {
      expect(await dayOfCloseAt(at), at).toBe(day);
      expect(contractDay(new Date(at), zone, 5), at).toBe(day);
    }

    // Where a day starts and ends, on the venue's clock: 05:00 to 05:00 (23 hours across the spring DST change).
    const jan = await server.api.route("GET /api/reports/day", { token, query: { date: "2026-01-15" } });
    expect([jan.report.startsAt, jan.report.endsAt]).toEqual(["2026-01-15T10:00:00.000Z", "2026-01-16T10:00:00.000Z"]);
    const dst = await server.api.route("GET /api/reports/day", { token, query: { date: "2026-03-07" } });
    expect([dst.report.startsAt, dst.report.endsAt]).toEqual(["2026-03-07T10:00:00.000Z", "2026-03-08T09:00:00.000Z"]);
    // Without a date: today's, by the same rule as the web app's.
    const before = contractDay(new Date(), zone, 5);
    const today = await server.api.route("GET /api/reports/day", { token });
    expect([before, contractDay(new Date(), zone, 5)]).toContain(today.report.businessDay);

    // 15 January closed: a receipt closed at 23:30 that night counts to the 16th; with the 16th closed too, to the 17th.
    const close = (businessDay: string) =>
      server.api.route("POST /api/days/close", { token, body: { clientCloseId: crypto.randomUUID(), businessDay, acknowledgeOpen: true } });
    await close("2026-01-15");
    expect(await dayOfCloseAt("2026-01-16T04:30:00Z")).toBe("2026-01-16");
    await close("2026-01-16");
    expect(await dayOfCloseAt("2026-01-16T04:30:00Z")).toBe("2026-01-17");
    expect(await dayOfCloseAt("2026-01-17T12:00:00Z")).toBe("2026-01-17");

    // Changing the cut-off moves no receipt already closed (its day is stored).
    await server.api.route("PATCH /api/location", { token, body: { dayCutoffHour: 0 } });
    expect(await businessDayOf(prisma, session.id)).toBe("2026-01-17");
    const refused = await server.api.request("PATCH", "/api/location", { token, body: { dayCutoffHour: 24 } });
    expect([refused.status, refused.body.error.message]).toEqual([400, "body.dayCutoffHour: must be an hour from 0 to 23"]);
  });
});
