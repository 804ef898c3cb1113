import { JOIN_CODE_PATTERN } from "../../src/sessions/join-code.js";
import { openAndJoin } from "../support/harness.js";
import { describe, expect, it } from "../support/kit.js";
import { decodeQrDataUrl } from "../support/qr.js";

describe("opening a session", () => {
  it("returns the session with a QR code (SVG and PNG) of its join URL", async ({ server, venue, prisma }) => {
    const res = await server.api.request("POST", "/api/sessions", { token: venue.staffToken, body: { label: "Table 2" } });
    expect(res.status).toBe(201);
    const { session, qr } = res.body;
    expect(session).toMatchObject({ label: "Table 2", status: "OPEN", closedAt: null, lastSeq: 1 });
    expect(session.joinUrl).toBe(`http://ordered.test/s/${session.joinCode}`);
    expect(qr.joinUrl).toBe(session.joinUrl);
    expect(qr.svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(decodeQrDataUrl(qr.pngDataUrl)).toBe(session.joinUrl);
    const events = await prisma.sessionEvent.findMany({ where: { sessionId: session.id } });
    expect(events.map((e) => [e.seq, e.type])).toEqual([[1, "session.opened"]]);
  });

  it.for([
    [{}, "body.label"],
    [{ label: "   " }, "body.label"],
    [{ label: 7 }, "body.label"],
    [{ label: "x".repeat(61) }, "body.label"],
    [{ label: "a\u0000b" }, "body.label"],
    [{ label: "T", status: "CLOSED" }, "status"],
  ] as const)("rejects %j", async ([body, field], { server, venue }) => {
    const res = await server.api.request("POST", "/api/sessions", { token: venue.staffToken, body });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(field);
  });

  it("issues join codes of 24 base64url characters (144 random bits) that never repeat", async ({ server, venue }) => {
    const codes = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const res = await server.api.request("POST", "/api/sessions", { token: venue.staffToken, body: { label: `T${i}` } });
      expect(res.body.session.joinCode).toMatch(JOIN_CODE_PATTERN);
      codes.add(res.body.session.joinCode);
    }
    expect(codes.size).toBe(40);
    // Not sequential: no two codes share a long common prefix.
    const sorted = [...codes].sort();
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.slice(0, 6)).not.toBe(sorted[i - 1]!.slice(0, 6));
  });
});

describe("listing, reading and closing", () => {
  it("lists open and closed sessions separately, newest first", async ({ server, venue }) => {
    const t = venue.staffToken;
    const a = (await server.api.request("POST", "/api/sessions", { token: t, body: { label: "A" } })).body.session;
    const b = (await server.api.request("POST", "/api/sessions", { token: t, body: { label: "B" } })).body.session;
    await server.api.request("POST", `/api/sessions/${a.id}/close`, { token: t });
    const open = await server.api.request("GET", "/api/sessions?status=OPEN", { token: t });
    const closed = await server.api.request("GET", "/api/sessions?status=CLOSED", { token: t });
    const all = await server.api.request("GET", "/api/sessions", { token: t });
    expect(open.body.sessions.map((s: { id: string }) => s.id)).toEqual([b.id]);
    expect(closed.body.sessions.map((s: { id: string }) => s.id)).toEqual([a.id]);
    expect(all.body.sessions.map((s: { id: string }) => s.id)).toEqual([b.id, a.id]);
    expect(all.body.sessions[0].orderCount).toBe(0);
    const bad = await server.api.request("GET", "/api/sessions?status=MAYBE", { token: t });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("query.status");
  });

  it("gets one session with its orders and QR code", async ({ server, venue }) => {
    const { session } = await openAndJoin(server, venue.staffToken, "Table 9");
    const res = await server.api.request("GET", `/api/sessions/${session.id}`, { token: venue.staffToken });
    expect(res.status).toBe(200);
    expect(res.body.session.id).toBe(session.id);
    expect(res.body.orders).toEqual([]);
    expect(decodeQrDataUrl(res.body.qr.pngDataUrl)).toBe(session.joinUrl);
  });

  it("closes a session once; closing again changes nothing", async ({ server, venue, prisma }) => {
    const token = venue.staffToken;
    const { session } = await openAndJoin(server, token);
    const first = await server.api.request("POST", `/api/sessions/${session.id}/close`, { token });
    expect(first.status).toBe(200);
    expect(first.body.session.status).toBe("CLOSED");
    expect(first.body.session.closedAt).not.toBeNull();
    // Nothing was ordered: nothing to finish, nothing due; the answer carries the receipt.
    expect(first.body.receipt).toMatchObject({
      sessionId: session.id,
      closedAt: first.body.session.closedAt,
      bill: { totalCents: 0, dueCents: 0, waivedCents: 0 },
      payments: [],
      waiveReason: null,
    });
    const again = await server.api.request("POST", `/api/sessions/${session.id}/close`, { token });
    expect(again.body.session.closedAt).toBe(first.body.session.closedAt);
    expect(again.body).toEqual(first.body);
    const stored = await prisma.orderSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(stored.closedById).toBe(venue.owner.id);
    const events = await prisma.sessionEvent.findMany({ where: { sessionId: session.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => [e.seq, e.type])).toEqual([
      [1, "session.opened"],
      [2, "customer.joined"],
      [3, "session.closed"],
    ]);
    expect(events[2]!.payload).toEqual({ closedAt: first.body.session.closedAt, receipt: first.body.receipt });
    const details = await server.api.request("GET", `/api/sessions/${session.id}`, { token });
    expect(details.body.qr).toBeNull();
  });

  it("answers 404 for unknown ids and for other locations' sessions", async ({ server, venue, otherVenue, prisma }) => {
    const token = venue.staffToken;
    const { session } = await openAndJoin(server, token);
    const otherToken = otherVenue.staffToken;
    for (const [path, method] of [
      [`/api/sessions/${session.id}`, "GET"],
      [`/api/sessions/${session.id}/close`, "POST"],
      ["/api/sessions/00000000-0000-4000-8000-000000000000", "GET"],
      ["/api/sessions/nope", "GET"],
    ] as const) {
      const res = await server.api.request(method, path, { token: path.includes(session.id) ? otherToken : token });
      expect(res.status, path).toBe(404);
    }
    expect((await prisma.orderSession.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("OPEN");
    const list = await server.api.request("GET", "/api/sessions", { token: otherToken });
    expect(list.body.sessions).toEqual([]);
  });
});

describe("joining", () => {
  it("gives a customer token scoped to the session, with a different audience", async ({ server, venue }) => {
    const opened = (await server.api.request("POST", "/api/sessions", { token: venue.staffToken, body: { label: "Bar 1" } })).body.session;
    const res = await server.api.request("POST", "/api/sessions/join", { body: { joinCode: opened.joinCode, displayName: "  Bea " } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      session: { id: opened.id, label: "Bar 1", status: "OPEN" },
      location: { id: venue.locationId, currency: "EUR" },
      customer: { displayName: "Bea" },
      expiresIn: 3 * 3600,
    });
    const current = await server.api.request("GET", "/api/sessions/current", { token: res.body.token });
    expect(current.status).toBe(200);
    expect(current.body.session.id).toBe(opened.id);
    expect(current.body.orders).toEqual([]);
    // The join answers with what the table screen would ask for next: the current session and the menu.
    const { token: _token, expiresIn: _expiresIn, menu, ...joinedCurrent } = res.body;
    expect(joinedCurrent).toEqual(current.body);
    const menuRes = await server.api.request("GET", "/api/menu", { token: res.body.token });
    expect(menu).toEqual(menuRes.body);
    expect(menu.products.length).toBeGreaterThan(0);
  });

  it("rejects a closed session's code with a clear error", async ({ server, venue }) => {
    const { session, customerToken } = await openAndJoin(server, venue.staffToken);
    await server.api.request("POST", `/api/sessions/${session.id}/close`, { token: venue.staffToken });
    const res = await server.api.request("POST", "/api/sessions/join", { body: { joinCode: session.joinCode } });
    expect(res.status).toBe(410);
    expect(res.body.error).toEqual({ code: "SESSION_CLOSED", message: "this table's session is closed" });
    expect((await server.api.request("GET", "/api/sessions/current", { token: customerToken })).status).toBe(410);
  });

  it.for([
    [{ joinCode: "A".repeat(24) }, 404, "NOT_FOUND"],
    [{ joinCode: "short" }, 404, "NOT_FOUND"],
    [{ joinCode: "x".repeat(5000) }, 400, "VALIDATION_FAILED"],
    [{}, 400, "VALIDATION_FAILED"],
    [{ joinCode: ["a"] }, 400, "VALIDATION_FAILED"],
  ] as const)("rejects %j", async ([body, status, code], { server }) => {
    const res = await server.api.request("POST", "/api/sessions/join", { body });
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
  });

  it("rate-limits join attempts per client address", async ({ startServer }) => {
    const limited = await startServer({ JOIN_RATE_PER_MINUTE: "5" });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push((await limited.api.request("POST", "/api/sessions/join", { body: { joinCode: `guess${i}`.padEnd(24, "x") } })).status);
    }
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429, 429]);
  });

  it("tell a phone the venue and table of a code before it joins, or why the code does not work", async ({ server, venue, prisma }) => {
    const { session } = await server.api.openSession(venue.staffToken, "Table 3");
    const info = await server.api.route("GET /api/sessions/code/:joinCode", { params: { joinCode: session.joinCode } });
    expect(info).toEqual({ label: "Table 3", location: expect.objectContaining({ id: venue.locationId, name: venue.name }) });
    // Asking does not join: no phone was added.
    expect(await prisma.customer.count({ where: { sessionId: session.id } })).toBe(0);
    for (const [code, status, error] of [
      ["A".repeat(24), 404, "NOT_FOUND"],
      ["not a code", 404, "NOT_FOUND"],
    ] as const) {
      const res = await server.api.request("GET", `/api/sessions/code/${encodeURIComponent(code)}`);
      expect([res.status, res.body.error.code]).toEqual([status, error]);
    }
    await server.api.closeSession(venue.staffToken, session.id);
    const closed = await server.api.request("GET", `/api/sessions/code/${session.joinCode}`);
    expect([closed.status, closed.body.error]).toEqual([410, { code: "SESSION_CLOSED", message: "this table's session is closed" }]);
  });
});
