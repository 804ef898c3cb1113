import { randomUUID } from "node:crypto";
import { it } from "../staff/staff-kit.js";
import { eventually } from "../support/harness.js";
import { describe, expect } from "../support/kit.js";
import { dataOf, recorderOf, send } from "../support/sockets.js";
import { cardCodeOf, createTable, joinAtTable, seatedTable } from "./session-kit.js";

// Issue 32, item 4: a party moves to another table. Its phones, orders, bill and log go with
// it; the old table is free; the new table's card joins it; every screen hears the move (the
// kitchen as the new label only). Two instances: staff on A, the phone and the kitchen on B.

describe("moving a table's session", () => {
  it("takes the party, its phones and orders to the new table and frees the old one; every screen hears it", async ({
    cluster: [a, b],
    crew,
    socket,
    prisma,
  }) => {
    const owner = crew.tokens.OWNER;
    const { session, cardCode: oldCard } = await seatedTable(a, owner, `Inside ${randomUUID().slice(0, 4)}`);
    const terrace = await createTable(a, owner, `Terrace ${randomUUID().slice(0, 4)}`);
    const guest = await joinAtTable(b.api, oldCard, session.pin, "Ann");
    const phoneSocket = await socket(b, { token: guest.token, lastSeq: 0 });
    const phone = recorderOf(phoneSocket);
    const kitchen = recorderOf(await socket(b, { token: crew.tokens.KITCHEN }));
    const floor = recorderOf(await socket(a, { token: crew.tokens.SERVER }));
    await Promise.all([kitchen.waitFor("sync:done"), floor.waitFor("sync:done")]);
    const { order } = dataOf(
      await send(phoneSocket, "order:place", { clientOrderId: randomUUID(), items: [{ productId: crew.products[2]!.id, quantity: 1 }] }),
    );

    const moved = await a.api.route("POST /api/sessions/:id/move", {
      params: { id: session.id },
      token: crew.tokens.SERVER,
      body: { tableId: terrace.id },
    });
    expect(moved.session).toMatchObject({ id: session.id, tableId: terrace.id, label: terrace.name, status: "OPEN" });

    const heard = await phone.waitFor("session:moved");
    expect(heard.data).toEqual({ fromTableId: session.tableId, tableId: terrace.id, label: terrace.name, movedBy: expect.any(String) });
    expect((await floor.waitFor("session:moved")).data.label).toBe(terrace.name);
    // The kitchen reads the label its tickets show, nothing else.
    expect((await kitchen.waitFor("session:moved")).data).toEqual({ label: terrace.name });

    // The order stays the party's; the old table is free, the new one is this session's.
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).sessionId).toBe(session.id);
    const tables = (await a.api.route("GET /api/tables", { token: owner })).tables;
    expect(tables.find((t) => t.id === session.tableId)!.openSessionId).toBeNull();
    expect(tables.find((t) => t.id === terrace.id)!.openSessionId).toBe(session.id);
    // A new guest scanning the terrace's card joins the same party; the old card finds its table free.
    const second = await b.api.joinByCard(cardCodeOf(terrace), "Bea");
    expect(second.session.id).toBe(session.id);
    const atOld = await b.api.request("POST", "/api/sessions/join", { body: { cardCode: oldCard, displayName: "Cem" } });
    expect(atOld.status).not.toBe(200);
    // The staff list and the phone's own view say the new label.
    expect((await b.api.route("GET /api/sessions/current", { token: guest.token })).session.label).toBe(terrace.name);
  });

  it("refuses a seated table, another venue's or a retired one, and a closed session, changing nothing; moving twice is once", async ({
    cluster: [a],
    crew,
    otherVenue,
    prisma,
  }) => {
    const owner = crew.tokens.OWNER;
    const first = await seatedTable(a, owner, `One ${randomUUID().slice(0, 4)}`);
    const second = await seatedTable(a, owner, `Two ${randomUUID().slice(0, 4)}`);
    const move = (sessionId: string, tableId: string) =>
      a.api.request("POST", `/api/sessions/${sessionId}/move`, { token: owner, body: { tableId } });

    const onto = await move(first.session.id, second.table.id);
    expect([onto.status, (onto.body as { error: { code: string } }).error.code]).toEqual([409, "CONFLICT"]);
    const theirs = await createTable(a, otherVenue.staffToken, "Their table");
    expect((await move(first.session.id, theirs.id)).status).toBe(404);
    const retired = await createTable(a, owner, `Old ${randomUUID().slice(0, 4)}`);
    await a.api.route("POST /api/tables/:id/retire", { params: { id: retired.id }, token: owner });
    expect((await move(first.session.id, retired.id)).status).toBe(404);
    expect((await move(first.session.id, "not-a-uuid")).status).toBe(400);

    const free = await createTable(a, owner, `Free ${randomUUID().slice(0, 4)}`);
    const twice = await Promise.all([move(first.session.id, free.id), move(first.session.id, free.id)]);
    expect(twice.map((r) => r.status)).toEqual([200, 200]);
    expect(await prisma.sessionEvent.count({ where: { sessionId: first.session.id, type: "session.moved" } })).toBe(1);

    await a.api.closeSession(owner, second.session.id);
    const closed = await move(second.session.id, first.table.id);
    expect((closed.body as { error: { code: string } }).error.code).toBe("SESSION_CLOSED");
    const stored = await prisma.orderSession.findUniqueOrThrow({ where: { id: second.session.id } });
    expect(stored.tableId).toBe(second.table.id);
  });

  it("races placements and payments without losing or doubling any, and numbers the log without gaps", async ({
    cluster: [a, b],
    worker,
    crew,
    socket,
    prisma,
  }) => {
    void worker;
    const owner = crew.tokens.OWNER;
    const { session, cardCode } = await seatedTable(a, owner, `Race ${randomUUID().slice(0, 4)}`);
    const tables = await Promise.all([1, 2, 3].map((i) => createTable(a, owner, `Hop ${i} ${randomUUID().slice(0, 4)}`)));
    const guest = await joinAtTable(b.api, cardCode, session.pin, "Ann");
    const phone = await socket(b, { token: guest.token });
    const lemonade = crew.products[2]!.id;
    const placements = Array.from({ length: 8 }, () =>
      send(phone, "order:place", { clientOrderId: randomUUID(), items: [{ productId: lemonade, quantity: 1 }] }),
    );
    const moves = tables.map((t) => a.api.request("POST", `/api/sessions/${session.id}/move`, { token: owner, body: { tableId: t.id } }));
    const payments = Array.from({ length: 3 }, () =>
      a.api.request("POST", `/api/sessions/${session.id}/payments`, {
        token: owner,
        body: { clientPaymentId: randomUUID(), method: "CASH", amountCents: 0, tipCents: 50 },
      }),
    );
    const [placed, moved, paid] = await Promise.all([Promise.all(placements), Promise.all(moves), Promise.all(payments)]);
    expect(placed.every((p) => p.data !== undefined)).toBe(true);
    expect(moved.every((r) => r.status === 200)).toBe(true);
    expect(paid.every((r) => r.status === 201)).toBe(true);
    expect(await prisma.order.count({ where: { sessionId: session.id } })).toBe(8);
    expect(await prisma.payment.count({ where: { sessionId: session.id } })).toBe(3);
    const seqs = (await prisma.sessionEvent.findMany({ where: { sessionId: session.id }, orderBy: { seq: "asc" } })).map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    const last = await prisma.orderSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(tables.map((t) => t.id)).toContain(last.tableId);
    await eventually(async () => (await prisma.order.count({ where: { sessionId: session.id, status: "ACCEPTED" } })) === 8);
  });
});
