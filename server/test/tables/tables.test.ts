import { describe, expect, it } from "../support/kit.js";

describe("tables", () => {
  it("are created at the end of the floor, each with its own permanent card", async ({ server, venue }) => {
    const token = venue.staffToken;
    const t1 = await server.api.route("POST /api/tables", { token, body: { name: "Table 1", area: "Terrace", seats: 4 } });
    const t2 = await server.api.route("POST /api/tables", { token, body: { name: "Table 2" } });
    expect(t1.table).toMatchObject({ name: "Table 1", area: "Terrace", seats: 4, position: 0, retired: false });
    expect(t2.table).toMatchObject({ name: "Table 2", area: null, seats: null, position: 1 });
    expect(t1.table.cardUrl).toMatch(/^http:\/\/ordered\.test\/t\/[A-Za-z0-9_-]{24}$/);
    expect(t1.table.cardUrl).not.toBe(t2.table.cardUrl);
    const list = await server.api.route("GET /api/tables", { token });
    expect(list.tables.map((t: { name: string }) => t.name)).toEqual(["Table 1", "Table 2"]);
  });

  it("refuse a name already in use at the location, whatever its case, and free it once retired", async ({ server, venue, otherVenue }) => {
    const token = venue.staffToken;
    const { table } = await server.api.route("POST /api/tables", { token, body: { name: "Window" } });
    const twice = await server.api.request("POST", "/api/tables", { token, body: { name: "window" } });
    expect([twice.status, twice.body.error]).toEqual([409, { code: "CONFLICT", message: 'a table named "window" already exists' }]);
    const other = await server.api.route("POST /api/tables", { token, body: { name: "Bar" } });
    const renamed = await server.api.request("PATCH", `/api/tables/${other.table.id}`, { token, body: { name: "WINDOW" } });
    expect([renamed.status, renamed.body.error?.code]).toEqual([409, "CONFLICT"]);
    // Another location may use the name.
    expect((await server.api.request("POST", "/api/tables", { token: otherVenue.staffToken, body: { name: "Window" } })).status).toBe(201);
    await server.api.route("POST /api/tables/:id/retire", { token, params: { id: table.id } });
    expect((await server.api.request("POST", "/api/tables", { token, body: { name: "Window" } })).status).toBe(201);
  });

  it("are renamed, moved to another area and reordered; retired ones leave the floor but keep their record", async ({ server, venue }) => {
    const token = venue.staffToken;
    const ids: string[] = [];
    for (const name of ["A", "B", "C"]) ids.push((await server.api.route("POST /api/tables", { token, body: { name } })).table.id);
    const patched = await server.api.route("PATCH /api/tables/:id", {
      token,
      body: { name: "A1", area: "Garden", seats: 2 },
      params: { id: ids[0]! },
    });
    expect(patched.table).toMatchObject({ name: "A1", area: "Garden", seats: 2 });
    const reordered = await server.api.route("PUT /api/tables/order", { token, body: { tableIds: [ids[2]!, ids[0]!, ids[1]!] } });
    expect(reordered.tables.map((t: { name: string; position: number }) => [t.name, t.position])).toEqual([
      ["C", 0],
      ["A1", 1],
      ["B", 2],
    ]);
    const retired = await server.api.route("POST /api/tables/:id/retire", { token, params: { id: ids[1]! } });
    expect(retired.table.retired).toBe(true);
    expect((await server.api.route("GET /api/tables", { token })).tables).toHaveLength(2);
    const all = await server.api.route("GET /api/tables", { token, query: { retired: "include" } });
    expect(all.tables.map((t: { name: string; retired: boolean }) => [t.name, t.retired])).toEqual([
      ["C", false],
      ["A1", false],
      ["B", true],
    ]);
    // A retired table is not edited; retiring it again changes nothing.
    expect((await server.api.request("PATCH", `/api/tables/${ids[1]!}`, { token, body: { name: "B2" } })).status).toBe(404);
    expect((await server.api.route("POST /api/tables/:id/retire", { token, params: { id: ids[1]! } })).table).toEqual(retired.table);
  });

  it.for([
    [{ tableIds: [] }, "body.tableIds: must list every table in use at this location, each once"],
    [{ tableIds: ["dup", "dup"] }, "body.tableIds.0: must be a table id"],
  ] as const)("refuse a reorder that is not a permutation of the floor (%j)", async ([body, message], { server, venue }) => {
    const token = venue.staffToken;
    await server.api.route("POST /api/tables", { token, body: { name: "Only" } });
    const res = await server.api.request("PUT", "/api/tables/order", { token, body });
    expect([res.status, res.body.error?.code]).toEqual([400, "VALIDATION_FAILED"]);
    expect(res.body.error.message).toContain(message);
  });

  it("belong to their location: another location's staff get 404, customers get 401", async ({ server, venue, otherVenue }) => {
    const { table } = await server.api.route("POST /api/tables", { token: venue.staffToken, body: { name: "Mine" } });
    const foreign = otherVenue.staffToken;
    expect((await server.api.request("PATCH", `/api/tables/${table.id}`, { token: foreign, body: { name: "Theirs" } })).status).toBe(404);
    expect((await server.api.request("POST", `/api/tables/${table.id}/retire`, { token: foreign })).status).toBe(404);
    const reorder = await server.api.request("PUT", "/api/tables/order", { token: foreign, body: { tableIds: [table.id] } });
    expect(reorder.status).toBe(400);
    expect((await server.api.route("GET /api/tables", { token: foreign })).tables).toEqual([]);
    expect((await server.api.request("GET", "/api/tables")).status).toBe(401);
  });

  it.for([
    [{ name: "" }, "body.name: must not be empty"],
    [{ name: "T", seats: 0 }, "body.seats: must be at least 1"],
    [{ name: "T", seats: 1.5 }, "body.seats: must be a whole number"],
    [{ name: "a\u0000b" }, "body.name: must not contain NUL characters or broken Unicode"],
    [{ name: "T", extra: 1 }, "body: Unrecognized key"],
  ] as const)("refuse bad input (%j), naming the field", async ([body, message], { server, venue }) => {
    const res = await server.api.request("POST", "/api/tables", { token: venue.staffToken, body });
    expect([res.status, res.body.error?.code]).toEqual([400, "VALIDATION_FAILED"]);
    expect(res.body.error.message).toContain(message);
  });
});

describe("seating a table", () => {
  it("opens a session on it, named after it, once at a time; closing frees it", async ({ server, venue }) => {
    const token = venue.staffToken;
    const { table } = await server.api.route("POST /api/tables", { token, body: { name: "Table 5", seats: 4 } });
    const seated = await server.api.route("POST /api/sessions", { token, body: { tableId: table.id } });
    expect(seated.session).toMatchObject({ label: "Table 5", tableId: table.id, status: "OPEN" });
    const [listed] = (await server.api.route("GET /api/tables", { token })).tables;
    // seatingId: the deprecated name of openSessionId, still sent for clients of the first OpenAPI document.
    expect([listed!.openSessionId, listed!.seatingId]).toEqual([seated.session.id, seated.session.id]);

    const again = await server.api.request("POST", "/api/sessions", { token, body: { tableId: table.id, label: "Party of 2" } });
    expect([again.status, again.body.error]).toEqual([
      409,
      { code: "CONFLICT", message: "Party of 2 is already seated; close its session first" },
    ]);
    const retire = await server.api.request("POST", `/api/tables/${table.id}/retire`, { token });
    expect([retire.status, retire.body.error]).toEqual([409, { code: "CONFLICT", message: "Table 5 is seated; close its session first" }]);

    await server.api.closeSession(token, seated.session.id);
    const [freed] = (await server.api.route("GET /api/tables", { token })).tables;
    expect([freed!.openSessionId, freed!.seatingId]).toEqual([null, null]);
    const next = await server.api.route("POST /api/sessions", { token, body: { tableId: table.id, label: "Table 5, second party" } });
    expect(next.session).toMatchObject({ label: "Table 5, second party", tableId: table.id });
  });

  it("seats one party when two staff seat the same table at once", async ({ cluster: [a, b], venue }) => {
    const token = venue.staffToken;
    const { table } = await a.api.route("POST /api/tables", { token, body: { name: "Corner" } });
    const tries = await Promise.all(
      [a, b, a, b].map((s) => s.api.request("POST", "/api/sessions", { token, body: { tableId: table.id } })),
    );
    expect(tries.map((t) => t.status).sort()).toEqual([201, 409, 409, 409]);
  });

  it("refuses another location's table, a retired one, and a session with neither table nor label", async ({
    server,
    venue,
    otherVenue,
  }) => {
    const token = venue.staffToken;
    const { table: theirs } = await server.api.route("POST /api/tables", { token: otherVenue.staffToken, body: { name: "Theirs" } });
    expect((await server.api.request("POST", "/api/sessions", { token, body: { tableId: theirs.id } })).status).toBe(404);
    const { table: old } = await server.api.route("POST /api/tables", { token, body: { name: "Old" } });
    await server.api.route("POST /api/tables/:id/retire", { token, params: { id: old.id } });
    expect((await server.api.request("POST", "/api/sessions", { token, body: { tableId: old.id } })).status).toBe(404);
    const neither = await server.api.request("POST", "/api/sessions", { token, body: {} });
    expect([neither.status, neither.body.error]).toEqual([
      400,
      { code: "VALIDATION_FAILED", message: "body.label: must name a table or give a label" },
    ]);
    // A free-standing session (the per-session QR venues hand out) still works.
    expect((await server.api.route("POST /api/sessions", { token, body: { label: "Bar counter" } })).session.tableId).toBeNull();
  });

  it("never ends with a retired table seated when staff seat and retire it at the same instant", async ({
    cluster: [a, b],
    venue,
    prisma,
  }) => {
    const token = venue.staffToken;
    for (let round = 0; round < 8; round++) {
      const { table } = await a.api.route("POST /api/tables", { token, body: { name: `Race ${round}` } });
      const [seat, retire] = await Promise.all([
        a.api.request("POST", "/api/sessions", { token, body: { tableId: table.id } }),
        b.api.request("POST", `/api/tables/${table.id}/retire`, { token }),
      ]);
      // Exactly one of them won, and the table is in the state the winner left it in.
      expect([seat.status, retire.status].sort(), `round ${round}`).toEqual(seat.status === 201 ? [201, 409] : [200, 404]);
      const stored = await prisma.diningTable.findUniqueOrThrow({ where: { id: table.id }, include: { sessions: true } });
      expect([stored.retiredAt !== null, stored.sessions.length]).toEqual(seat.status === 201 ? [false, 1] : [true, 0]);
    }
  });
});
