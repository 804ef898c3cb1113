import { randomUUID } from "node:crypto";
import { it } from "../staff/staff-kit.js";
import { describe, expect } from "../support/kit.js";
import { recorderOf } from "../support/sockets.js";
import { acceptedOrder, billAt, joinAtTable, seatedTable } from "./session-kit.js";

// Issues 32, items 2 and 4: a line ordered at the bar moves to the table's bill. The kitchen's
// ticket keeps it (made with its order); the bar's order is billed without it; the table gets
// an order of it marked where it came from; both logs say so; the bills sum as before.

const errorOf = (r: { status: number; body: unknown }) => [r.status, (r.body as { error: { code: string } }).error?.code];

describe("moving lines to another session", () => {
  it("moves the chosen lines onto the other bill, keeps the kitchen's ticket whole, and answers a retry the same", async ({
    cluster: [a, b],
    worker,
    crew,
    socket,
    prisma,
  }) => {
    void worker;
    const owner = crew.tokens.OWNER;
    const bar = await seatedTable(a, owner, `Bar ${randomUUID().slice(0, 4)}`);
    const table = await seatedTable(a, owner, `Table ${randomUUID().slice(0, 4)}`);
    const ann = await joinAtTable(b.api, bar.cardCode, bar.session.pin, "Ann");
    const annSocket = await socket(b, { token: ann.token, lastSeq: 0 });
    const annHears = recorderOf(annSocket);
    const kitchen = recorderOf(await socket(b, { token: crew.tokens.KITCHEN }));
    await kitchen.waitFor("sync:done");
    const [pizza, lemonade] = [crew.products[1]!.id, crew.products[2]!.id];
    const order = await acceptedOrder(prisma, annSocket, [
      { productId: pizza, quantity: 1 },
      { productId: lemonade, quantity: 2 },
    ]);
    const before = [await billAt(a, owner, bar.session.id), await billAt(a, owner, table.session.id)];

    const body = { clientMoveId: randomUUID(), orderId: order.id, positions: [1], toSessionId: table.session.id };
    const move = (b2: object = body, from = bar.session.id) =>
      a.api.request("POST", `/api/sessions/${from}/move-lines`, { token: crew.tokens.SERVER, body: b2 });
    const first = await move();
    expect(first.status).toBe(200);
    const { from, to } = first.body as {
      from: { items: { movedTo?: string | null }[]; totalCents: number; tickets: unknown[] };
      to: { sessionId: string; number: number; status: string; movedFrom: string; totalCents: number; items: { productName: string }[] };
    };
    expect(from.items.map((i) => i.movedTo)).toEqual([null, `${table.table.name} #1`]);
    expect(from.totalCents).toBe(1250);
    expect(from.tickets.length).toBe(2); // both stations' tickets: the kitchen still makes the lemonade with the pizza
    expect(to).toMatchObject({
      sessionId: table.session.id,
      number: 1,
      status: "DELIVERED",
      movedFrom: `${bar.table.name} #1`,
      totalCents: 900,
    });
    expect(to.items.map((i) => i.productName)).toEqual(["Lemonade"]);

    const after = [await billAt(a, owner, bar.session.id), await billAt(a, owner, table.session.id)];
    expect(after.map((x) => x.bill.totalCents)).toEqual([1250, 900]);
    expect(after[0]!.bill.totalCents + after[1]!.bill.totalCents).toBe(before[0]!.bill.totalCents + before[1]!.bill.totalCents);
    expect(
      (await annHears.waitFor("order:updated", (e) => e.data.items.some((i: { movedTo?: string }) => i.movedTo))).data.items.map(
        (i: { movedTo?: string }) => i.movedTo,
      ),
    ).toEqual([null, `${table.table.name} #1`]);
    expect((await kitchen.waitFor("order:placed", (e) => e.sessionId === table.session.id)).data.movedFrom).toBe(`${bar.table.name} #1`);

    // A retry: the same orders, nothing logged again. The same line again under a new id: CONFLICT.
    const retried = await move();
    expect([retried.status, (retried.body as { to: { id: string } }).to.id]).toEqual([200, (first.body as { to: { id: string } }).to.id]);
    expect(await prisma.sessionEvent.count({ where: { sessionId: table.session.id, type: "order.placed" } })).toBe(1);
    expect(errorOf(await move({ ...body, clientMoveId: randomUUID() }))).toEqual([409, "CONFLICT"]);
    expect(errorOf(await move({ ...body, positions: [0] }))).toEqual([409, "CONFLICT"]);
    // Refusals: same session, a line that is not there, an order of another session, a closed target.
    expect(errorOf(await move({ ...body, clientMoveId: randomUUID(), toSessionId: bar.session.id }))).toEqual([400, "VALIDATION_FAILED"]);
    expect(errorOf(await move({ ...body, clientMoveId: randomUUID(), positions: [7] }))).toEqual([404, "NOT_FOUND"]);
    expect(errorOf(await move({ ...body, clientMoveId: randomUUID(), toSessionId: bar.session.id }, table.session.id))).toEqual([
      404,
      "NOT_FOUND",
    ]);
    const closed = await seatedTable(a, owner, `Closed ${randomUUID().slice(0, 4)}`);
    await a.api.closeSession(owner, closed.session.id);
    expect(errorOf(await move({ ...body, clientMoveId: randomUUID(), positions: [0], toSessionId: closed.session.id }))).toEqual([
      410,
      "SESSION_CLOSED",
    ]);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).totalCents).toBe(1250);
    // The bar's order cannot be cancelled now: its lemonade is billed at the table as made with it.
    const cancel = await a.api.request("POST", `/api/orders/${order.id}/cancel`, { token: owner, body: { seen: "NEW", reason: "x" } });
    expect(errorOf(cancel)).toEqual([409, "CONFLICT"]);
    expect((cancel.body as { error: { message: string } }).error.message).toContain(`${table.table.name} #1`);
  });
});
