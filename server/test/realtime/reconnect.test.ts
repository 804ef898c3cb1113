import { randomUUID } from "node:crypto";
import type { HandshakeAuth } from "@ordered/contract";
import { openAndJoin, type TestServer } from "../support/harness.js";
import { describe, expect, it } from "../support/kit.js";
import { type ClientSocket, type ConnectOptions, dataOf, recorderOf, send } from "../support/sockets.js";

// Two instances sharing Redis (the `cluster` fixture); each test has its own venue.

type Connect = (server: { url: string }, auth: Partial<HandshakeAuth> | undefined, opts?: ConnectOptions) => Promise<ClientSocket>;

/** Joins a second phone at the table and places an order from it: two logged events (customer.joined, order.placed). */
async function otherPhoneOrders(socket: Connect, server: TestServer, joinCode: string, productId: string): Promise<string> {
  const { token } = await server.api.joinSession(joinCode);
  const phone = await socket(server, { token });
  const { order } = dataOf(await send(phone, "order:place", { clientOrderId: randomUUID(), items: [{ productId, quantity: 1 }] }));
  phone.close();
  return order.id;
}

/** Events a reconnecting customer receives until sync:done, as [name, seq]. */
async function reconnectAndCollect(socket: Connect, server: { url: string }, token: string, lastSeq: number) {
  const client = await socket(server, { token, lastSeq });
  const recorder = recorderOf(client);
  const done = await recorder.waitFor("sync:done");
  return { socket: client, recorder, done, replayed: recorder.sessionEvents().map(([name, , seq]) => [name, seq]) };
}

describe("nothing lost on reconnect", () => {
  it("replays what a customer missed on the same instance, then flows live", async ({ cluster: [a, b], venue, socket }) => {
    const lemonade = venue.products[2]!.id;
    const { session, customerToken } = await openAndJoin(a, venue.staffToken);
    const first = await socket(a, { token: customerToken, lastSeq: 1 });
    // The phone has seen the log up to its own join (2).
    const seen = (await recorderOf(first).waitFor("sync:done")).cursors[session.id]!;
    expect(seen).toBe(2);
    first.close();
    const missed = [
      await otherPhoneOrders(socket, a, session.joinCode, lemonade),
      await otherPhoneOrders(socket, b, session.joinCode, lemonade),
    ];

    const { recorder, done, replayed } = await reconnectAndCollect(socket, a, customerToken, seen);
    expect(replayed).toEqual([
      ["customer:joined", 3],
      ["order:placed", 4],
      ["customer:joined", 5],
      ["order:placed", 6],
    ]);
    expect(recorder.named("order:placed").map((e) => e.data.id)).toEqual(missed);
    expect(done.cursors).toEqual({ [session.id]: 6 });
    // Live events continue after the replay.
    await otherPhoneOrders(socket, b, session.joinCode, lemonade);
    expect((await recorder.waitFor("order:placed", (e) => e.seq === 8)).sessionId).toBe(session.id);
  });

  it("replays what a customer missed when reconnecting to another instance", async ({ cluster: [a, b], venue, socket }) => {
    const lemonade = venue.products[2]!.id;
    const { session, customerToken } = await openAndJoin(a, venue.staffToken);
    const first = await socket(a, { token: customerToken });
    await recorderOf(first).waitFor("sync:done");
    first.close();
    await otherPhoneOrders(socket, a, session.joinCode, lemonade);
    // Nothing processes orders in this file: the order is still unchecked when the table closes.
    await a.api.closeSession(venue.staffToken, session.id, { unfinished: "cancel" });
    // Closed while away: the handshake says so, and the log still holds the story for staff.
    await expect(socket(b, { token: customerToken, lastSeq: 1 })).rejects.toMatchObject({ data: { code: "SESSION_CLOSED" } });

    const open = await openAndJoin(a, venue.staffToken);
    await otherPhoneOrders(socket, a, open.session.joinCode, lemonade);
    // The phone's cursor is its own join (2).
    const { replayed } = await reconnectAndCollect(socket, b, open.customerToken, 2);
    expect(replayed).toEqual([
      ["customer:joined", 3],
      ["order:placed", 4],
    ]);
  });

  it("replays everything since zero when the client has no cursor, but a phone never `session.opened`", async ({
    cluster: [a, b],
    venue,
    socket,
  }) => {
    const { session, customerToken } = await openAndJoin(a, venue.staffToken);
    await otherPhoneOrders(socket, a, session.joinCode, venue.products[2]!.id);
    const { replayed } = await reconnectAndCollect(socket, b, customerToken, 0);
    // Event 1 carries the session as staff see it, with its join code and PIN: a phone that
    // joined through the card would prove presence with either (sessions/presence.ts).
    expect(replayed).toEqual([
      ["customer:joined", 2],
      ["customer:joined", 3],
      ["order:placed", 4],
    ]);
  });

  it("replays to staff by cursor, plus open sessions they did not know about", async ({ cluster: [a, b], venue, socket }) => {
    const t = venue.staffToken;
    // Each: opened 1, Ann joined 2, another phone joined 3 and ordered 4.
    const known = await openAndJoin(a, t, "Known");
    await otherPhoneOrders(socket, a, known.session.joinCode, venue.products[0]!.id);
    const unknown = await openAndJoin(a, t, "New while away");
    await otherPhoneOrders(socket, a, unknown.session.joinCode, venue.products[0]!.id);
    // Staff had seen the known one up to Ann's join.
    const staff = await socket(b, { token: t, cursors: { [known.session.id]: 2 } });
    const recorder = recorderOf(staff);
    const done = await recorder.waitFor("sync:done");
    const bySession = (id: string) =>
      recorder
        .sessionEvents()
        .filter(([, s]) => s === id)
        .map(([n, , seq]) => [n, seq]);
    expect(bySession(known.session.id)).toEqual([
      ["customer:joined", 3],
      ["order:placed", 4],
    ]);
    expect(bySession(unknown.session.id)).toEqual([
      ["session:opened", 1],
      ["customer:joined", 2],
      ["customer:joined", 3],
      ["order:placed", 4],
    ]);
    expect(done.cursors).toEqual({ [known.session.id]: 4, [unknown.session.id]: 4 });
  });

  it("ignores cursors for sessions of another location", async ({ cluster: [a, b], venue, otherVenue, socket }) => {
    const foreign = await openAndJoin(a, venue.staffToken);
    await otherPhoneOrders(socket, a, foreign.session.joinCode, venue.products[2]!.id);
    const staff = await socket(b, { token: otherVenue.staffToken, cursors: { [foreign.session.id]: 0 } });
    const recorder = recorderOf(staff);
    const done = await recorder.waitFor("sync:done");
    expect(recorder.sessionEvents()).toEqual([]);
    expect(done.cursors).toEqual({});
  });

  it("replays what a customer missed after the instance it was on was killed", async ({
    cluster: [a, b],
    prefix,
    spawnServer,
    venue,
    socket,
  }) => {
    const lemonade = venue.products[2]!.id;
    const doomed = await spawnServer({ REDIS_PREFIX: prefix });
    const { session, customerToken } = await openAndJoin(a, venue.staffToken);
    const phone = await socket(doomed, { token: customerToken });
    const live = recorderOf(phone);
    await live.waitFor("sync:done");
    // Live across instances: an order placed through A reaches the phone on the doomed one
    // (after the opening 1, Ann's join 2 and the other phone's join 3).
    await otherPhoneOrders(socket, a, session.joinCode, lemonade);
    await live.waitFor("order:placed", (e) => e.seq === 4);

    const dropped = new Promise((resolve) => phone.once("disconnect", resolve));
    await doomed.kill();
    await dropped;

    await otherPhoneOrders(socket, a, session.joinCode, lemonade); // seq 5 and 6, while the phone is cut off
    await a.api.createProduct(venue.staffToken, {
      name: `Special ${randomUUID().slice(0, 4)}`,
      categoryId: venue.categories[0]!.id,
      priceCents: 1,
    });

    const { replayed, recorder } = await reconnectAndCollect(socket, b, customerToken, 4);
    expect(replayed).toEqual([
      ["customer:joined", 5],
      ["order:placed", 6],
    ]);
    await otherPhoneOrders(socket, a, session.joinCode, lemonade);
    await recorder.waitFor("order:placed", (e) => e.seq === 8);
  });
});
