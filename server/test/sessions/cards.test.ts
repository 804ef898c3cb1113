import { randomUUID } from "node:crypto";
import { describe, expect, it } from "../support/kit.js";
import { decodeQrPng } from "../support/qr.js";
import { type ConnectError, dataOf, recorderOf, send } from "../support/sockets.js";
import { cardCodeOf, createTable, joinAtTable, seatedTable } from "./session-kit.js";

describe("table cards", () => {
  it("join the table's open session, as a phone listed with how it joined", async ({ cluster: [a, b], venue, socket }) => {
    const token = venue.staffToken;
    const staff = await socket(a, { token });
    await recorderOf(staff).waitFor("sync:done");
    const { table, session, cardCode } = await seatedTable(a, token, "Table 4");
    const info = await b.api.route("GET /api/cards/:cardCode", { params: { cardCode } });
    expect(info).toEqual({ tableName: "Table 4", location: expect.objectContaining({ id: venue.locationId }), seated: true });
    const joined = await b.api.joinByCard(cardCode, "Ann");
    expect(joined.session).toMatchObject({ id: session.id, label: "Table 4", status: "OPEN" });
    const seen = await recorderOf(staff).waitFor("customer:joined", (e) => e.data.id === joined.customer.id);
    expect(seen.data).toMatchObject({ displayName: "Ann", via: "CARD", removedAt: null });
    const byCode = await b.api.joinSession(session.joinCode, "Bea");
    const detail = await a.api.getSession(token, session.id);
    expect(detail.customers.map((c) => [c.displayName, c.via])).toEqual([
      ["Ann", "CARD"],
      ["Bea", "CODE"],
    ]);
    expect(detail.session.tableId).toBe(table.id);
    expect(byCode.session.id).toBe(session.id);
  });

  it("of a free table answer politely and change nothing", async ({ server, venue, prisma }) => {
    const table = await createTable(server, venue.staffToken, "Table 5");
    const res = await server.api.request("POST", "/api/sessions/join", { body: { cardCode: cardCodeOf(table) } });
    expect([res.status, res.body.error]).toEqual([
      409,
      { code: "TABLE_FREE", message: "Table 5 is free at the moment: a member of staff will seat you shortly" },
    ]);
    expect(await server.api.route("GET /api/cards/:cardCode", { params: { cardCode: cardCodeOf(table) } })).toMatchObject({
      seated: false,
    });
    expect(await prisma.orderSession.count({ where: { tableId: table.id } })).toBe(0);
  });

  it("open a session on first scan when the location says so, and staff hear of it at once", async ({
    cluster: [a, b],
    venue,
    socket,
    prisma,
  }) => {
    const token = venue.staffToken;
    const settings = await a.api.route("PATCH /api/location", { token, body: { openOnFirstScan: true } });
    expect(settings.location.openOnFirstScan).toBe(true);
    const staff = await socket(a, { token });
    await recorderOf(staff).waitFor("sync:done");
    const table = await createTable(a, token, "Table 6");
    // Two phones scan at the same moment, on two instances: one session, both in it.
    const [first, second] = await Promise.all([b.api.joinByCard(cardCodeOf(table), "Ann"), a.api.joinByCard(cardCodeOf(table), "Bea")]);
    expect(first.session.id).toBe(second.session.id);
    const opened = await recorderOf(staff).waitFor("session:opened", (e) => e.data.tableId === table.id);
    expect(opened.data).toMatchObject({ id: first.session.id, label: "Table 6", status: "OPEN" });
    const sessions = await prisma.orderSession.findMany({ where: { tableId: table.id } });
    expect(sessions.map((s) => [s.status, s.openedById])).toEqual([["OPEN", null]]);
  });

  it("are refused when unknown, retired or malformed; only owners change the setting", async ({ server, venue, prisma }) => {
    const token = venue.staffToken;
    const table = await createTable(server, token, "Old");
    await server.api.route("POST /api/tables/:id/retire", { token, params: { id: table.id } });
    for (const cardCode of [cardCodeOf(table), "A".repeat(24), "not a code", "x".repeat(65)]) {
      const res = await server.api.request("POST", "/api/sessions/join", { body: { cardCode } });
      expect(res.status, cardCode).toBe(cardCode.length > 64 ? 400 : 404);
    }
    const both = await server.api.request("POST", "/api/sessions/join", { body: { cardCode: cardCodeOf(table), joinCode: "x" } });
    expect([both.status, both.body.error.message]).toEqual([400, "body.joinCode: must give either a joinCode or a cardCode"]);
    await prisma.staffUser.update({ where: { id: venue.owner.id }, data: { role: "SERVER" } });
    const staffLogin = await server.api.login(venue.owner);
    const refused = await server.api.request("PATCH", "/api/location", { token: staffLogin.token, body: { openOnFirstScan: true } });
    expect([refused.status, refused.body.error.code]).toEqual([403, "FORBIDDEN"]);
    const bad = await server.api.request("PATCH", "/api/location", { token, body: { openOnFirstScan: "yes" } });
    expect(bad.status).toBe(400);
  });

  it("are rate-limited per table, whatever the address", async ({ startServer, venue }) => {
    const server = await startServer({ CARD_JOIN_RATE_PER_MINUTE: "2" });
    const busy = await createTable(server, venue.staffToken, "Busy");
    const cardCode = cardCodeOf(busy);
    // Phones asking while the table is free do not use up its allowance.
    for (let i = 0; i < 3; i++) {
      expect((await server.api.request("POST", "/api/sessions/join", { body: { cardCode } })).body.error.code).toBe("TABLE_FREE");
    }
    await server.api.seatTable(venue.staffToken, busy.id);
    await server.api.joinByCard(cardCode);
    await server.api.joinByCard(cardCode, "Second");
    const third = await server.api.request("POST", "/api/sessions/join", {
      body: { cardCode },
      headers: { "x-forwarded-for": "10.9.9.9" },
    });
    expect([third.status, third.body.error.code]).toEqual([429, "RATE_LIMITED"]);
    // Another table's card is not affected.
    const other = await seatedTable(server, venue.staffToken, "Calm");
    expect((await server.api.joinByCard(other.cardCode)).session.label).toBe("Calm");
  });

  it("give yesterday's phone nothing of today's session of the same table", async ({ cluster: [a, b], venue, socket }) => {
    const token = venue.staffToken;
    const { table, session: yesterday, cardCode } = await seatedTable(a, token, "Table 7");
    const old = await b.api.joinByCard(cardCode, "Yesterday");
    await a.api.closeSession(token, yesterday.id);
    const { session: today } = await a.api.seatTable(token, table.id);
    const guest = await joinAtTable(b.api, cardCode, today.pin, "Today");
    expect(guest.session.id).toBe(today.id);
    // The old token: REST, the handshake, and nothing about the new session.
    const current = await a.api.request("GET", "/api/sessions/current", { token: old.token });
    expect([current.status, current.body.error.code]).toEqual([410, "SESSION_CLOSED"]);
    const refused = (await socket(b, { token: old.token }).catch((e: ConnectError) => e)) as ConnectError;
    expect(refused.data?.code).toBe("SESSION_CLOSED");
    const phone = await socket(b, { token: guest.token });
    const { order } = dataOf(
      await send(phone, "order:place", { clientOrderId: randomUUID(), items: [{ productId: venue.products[2]!.id, quantity: 1 }] }),
    );
    expect(order.sessionId).toBe(today.id);
    const detail = await a.api.getSession(token, today.id);
    expect(detail.customers.map((c) => c.displayName)).toEqual(["Today"]);
  });

  it("come as PNG and SVG per table, and all together for the printable sheet", async ({ server, venue, otherVenue }) => {
    const token = venue.staffToken;
    const t1 = await createTable(server, token, "Terrace 1");
    await createTable(server, token, "Terrace 2");
    const png = await fetch(`${server.url}/api/tables/${t1.id}/card.png`, { headers: { authorization: `Bearer ${token}` } });
    expect(png.headers.get("content-type")).toBe("image/png");
    expect(decodeQrPng(Buffer.from(await png.arrayBuffer()))).toBe(t1.cardUrl);
    const svg = await server.api.request("GET", `/api/tables/${t1.id}/card.svg`, { token });
    expect([svg.status, svg.headers.get("content-type")]).toEqual([200, "image/svg+xml; charset=utf-8"]);
    expect(svg.body).toContain("<svg");
    const sheet = await server.api.route("GET /api/tables/cards", { token });
    expect(sheet.location.id).toBe(venue.locationId);
    expect(sheet.cards.map((c: { table: { name: string } }) => c.table.name)).toEqual(["Terrace 1", "Terrace 2"]);
    // Another location's table is not found; no token, no card.
    expect((await server.api.request("GET", `/api/tables/${t1.id}/card.png`, { token: otherVenue.staffToken })).status).toBe(404);
    expect((await server.api.request("GET", `/api/tables/${t1.id}/card.gif`, { token })).status).toBe(404);
    expect((await server.api.request("GET", "/api/tables/cards")).status).toBe(401);
    // Nor can another location's staff seat it.
    const foreign = await server.api.request("POST", "/api/sessions", { token: otherVenue.staffToken, body: { tableId: t1.id } });
    expect(foreign.status).toBe(404);
  });
});
