import { randomUUID } from "node:crypto";
import type { HandshakeAuth } from "@ordered/contract";
import { openAndJoin, type TestServer } from "../support/harness.js";
import { describe, expect, it } from "../support/kit.js";
import { type ClientSocket, type ConnectOptions, dataOf, recorderOf, send } from "../support/sockets.js";

// Two instances sharing Redis (the `cluster` fixture); each test has its own venue.

type Connect = (server: { url: string }, auth: Partial<HandshakeAuth> | undefined, opts?: ConnectOptions) => Promise<ClientSocket>;

/** Places an order from a second phone at the table, producing one logged event. */
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
    await recorderOf(first).waitFor("sync:done");
    first.close();
    const missed = [
      await otherPhoneOrders(socket, a, session.joinCode, lemonade),
      await otherPhoneOrders(socket, b, session.joinCode, lemonade),
    ];

    const { recorder, done, replayed } = await reconnectAndCollect(socket, a, customerToken, 1);
    expect(replayed).toEqual([
      ["order:placed", 2],
      ["order:placed", 3],
    ]);
    expect(recorder.named("order:placed").map((e) => e.data.id)).toEqual(missed);
    expect(done.cursors).toEqual({ [session.id]: 3 });
    // Live events continue after the replay.
    await otherPhoneOrders(socket, b, session.joinCode, lemonade);
    expect((await recorder.waitFor("order:placed", (e) => e.seq === 4)).sessionId).toBe(session.id);
  });

  it("replays what a customer missed when reconnecting to another instance", async ({ cluster: [a, b], venue, socket }) => {
    const lemonade = venue.products[2]!.id;
    const { session, customerToken } = await openAndJoin(a, venue.staffToken);
    const first = await socket(a, { token: customerToken });
    await recorderOf(first).waitFor("sync:done");
    first.close();
    await otherPhoneOrders(socket, a, session.joinCode, lemonade);
    await a.api.closeSession(venue.staffToken, session.id);
    // Closed while away: the handshake says so, and the log still holds the story for staff.
    await expect(socket(b, { token: customerToken, lastSeq: 1 })).rejects.toMatchObject({ data: { code: "SESSION_CLOSED" } });

    const open = await openAndJoin(a, venue.staffToken);
    await otherPhoneOrders(socket, a, open.session.joinCode, lemonade);
    const { replayed } = await reconnectAndCollect(socket, b, open.customerToken, 1);
    expect(replayed).toEqual([["order:placed", 2]]);
  });

  it("replays everything since zero when the client has no cursor", async ({ cluster: [a, b], venue, socket }) => {
    const { session, customerToken } = await openAndJoin(a, venue.staffToken);
    await otherPhoneOrders(socket, a, session.joinCode, venue.products[2]!.id);
    const { replayed } = await reconnectAndCollect(socket, b, customerToken, 0);
    expect(replayed).toEqual([
      ["session:opened", 1],
      ["order:placed", 2],
    ]);
  });

  it("replays to staff by cursor, plus open sessions they did not know about", async ({ cluster: [a, b], venue, socket }) => {
    const t = venue.staffToken;
    const known = await openAndJoin(a, t, "Known");
    await otherPhoneOrders(socket, a, known.session.joinCode, venue.products[0]!.id); // seq 2
    const unknown = await openAndJoin(a, t, "New while away");
    await otherPhoneOrders(socket, a, unknown.session.joinCode, venue.products[0]!.id); // seq 2
    const staff = await socket(b, { token: t, cursors: { [known.session.id]: 1 } });
    const recorder = recorderOf(staff);
    const done = await recorder.waitFor("sync:done");
    const bySession = (id: string) =>
      recorder
        .sessionEvents()
        .filter(([, s]) => s === id)
        .map(([n, , seq]) => [n, seq]);
    expect(bySession(known.session.id)).toEqual([["order:placed", 2]]);
    expect(bySession(unknown.session.id)).toEqual([
      ["session:opened", 1],
      ["order:placed", 2],
    ]);
    expect(done.cursors).toEqual({ [known.session.id]: 2, [unknown.session.id]: 2 });
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
    // Live across instances: an order placed through A reaches the phone on the doomed one.
    await otherPhoneOrders(socket, a, session.joinCode, lemonade);
    await live.waitFor("order:placed", (e) => e.seq === 2);

    const dropped = new Promise((resolve) => phone.once("disconnect", resolve));
    await doomed.kill();
    await dropped;

    await otherPhoneOrders(socket, a, session.joinCode, lemonade); // seq 3, while the phone is cut off
    await a.api.createProduct(venue.staffToken, { name: `Special ${randomUUID().slice(0, 4)}`, category: "Pizza", priceCents: 1 });

    const { replayed, recorder } = await reconnectAndCollect(socket, b, customerToken, 2);
    expect(replayed).toEqual([["order:placed", 3]]);
    await otherPhoneOrders(socket, a, session.joinCode, lemonade);
    await recorder.waitFor("order:placed", (e) => e.seq === 4);
  });
});
