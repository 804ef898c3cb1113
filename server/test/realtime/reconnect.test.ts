import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { api, loginAs, openAndJoin, seedLocation, startCluster, testPrisma, type SeededLocation, type TestServer } from "../support/harness.js";
import { freePort, spawnServer } from "../support/process.js";
import { closeAllSockets, connect, dataOf, recorderOf, send, type ClientSocket } from "../support/sockets.js";

let a: TestServer;
let b: TestServer;
let prefix: string;
let loc: SeededLocation;
let staffToken: string;

beforeAll(async () => {
  [a, b] = (await startCluster(2)) as [TestServer, TestServer];
  prefix = a.config.redisPrefix;
  loc = await seedLocation(testPrisma());
  staffToken = await loginAs(a, loc.owner);
});
afterEach(closeAllSockets);
afterAll(async () => {
  await a.close();
  await b.close();
});

/** Places an order from a second phone at the table, producing one logged event. */
async function otherPhoneOrders(server: { url: string }, joinCode: string, productId = loc.products[2]!.id): Promise<string> {
  const token = (await api(server, "POST", "/api/sessions/join", { body: { joinCode } })).body.token;
  const phone = await connect(server, { token });
  const { order } = dataOf(await send(phone, "order:place", { clientOrderId: randomUUID(), items: [{ productId, quantity: 1 }] }));
  phone.close();
  return order.id;
}

/** Events a reconnecting customer receives until sync:done, as [name, seq]. */
async function reconnectAndCollect(server: { url: string }, token: string, lastSeq: number) {
  const socket: ClientSocket = await connect(server, { token, lastSeq });
  const recorder = recorderOf(socket);
  const done = await recorder.waitFor("sync:done");
  return { socket, recorder, done, replayed: recorder.sessionEvents().map(([name, , seq]) => [name, seq]) };
}

describe("nothing lost on reconnect", () => {
  it("replays what a customer missed on the same instance, then flows live", async () => {
    const { session, customerToken } = await openAndJoin(a, staffToken);
    const first = await connect(a, { token: customerToken, lastSeq: 1 });
    await recorderOf(first).waitFor("sync:done");
    first.close();
    const missed = [await otherPhoneOrders(a, session.joinCode), await otherPhoneOrders(b, session.joinCode)];

    const { recorder, done, replayed } = await reconnectAndCollect(a, customerToken, 1);
    expect(replayed).toEqual([["order:placed", 2], ["order:placed", 3]]);
    expect(recorder.named("order:placed").map((e) => e.data.id)).toEqual(missed);
    expect(done.cursors).toEqual({ [session.id]: 3 });
    // Live events continue after the replay.
    await otherPhoneOrders(b, session.joinCode);
    expect((await recorder.waitFor("order:placed", (e) => e.seq === 4)).sessionId).toBe(session.id);
  });

  it("replays what a customer missed when reconnecting to another instance", async () => {
    const { session, customerToken } = await openAndJoin(a, staffToken);
    const first = await connect(a, { token: customerToken });
    await recorderOf(first).waitFor("sync:done");
    first.close();
    await otherPhoneOrders(a, session.joinCode);
    await api(a, "POST", `/api/sessions/${session.id}/close`, { token: staffToken });
    // Closed while away: the handshake says so, and the log still holds the story for staff.
    await expect(connect(b, { token: customerToken, lastSeq: 1 })).rejects.toMatchObject({ data: { code: "SESSION_CLOSED" } });

    const open = await openAndJoin(a, staffToken);
    await otherPhoneOrders(a, open.session.joinCode);
    const { replayed } = await reconnectAndCollect(b, open.customerToken, 1);
    expect(replayed).toEqual([["order:placed", 2]]);
  });

  it("replays everything since zero when the client has no cursor", async () => {
    const { session, customerToken } = await openAndJoin(a, staffToken);
    await otherPhoneOrders(a, session.joinCode);
    const { replayed } = await reconnectAndCollect(b, customerToken, 0);
    expect(replayed).toEqual([["session:opened", 1], ["order:placed", 2]]);
  });

  it("replays to staff by cursor, plus open sessions they did not know about", async () => {
    const other = await seedLocation(testPrisma());
    const t = await loginAs(a, other.owner);
    const known = await openAndJoin(a, t, "Known");
    await otherPhoneOrders(a, known.session.joinCode, other.products[0]!.id); // seq 2
    const unknown = await openAndJoin(a, t, "New while away");
    await otherPhoneOrders(a, unknown.session.joinCode, other.products[0]!.id); // seq 2
    const staff = await connect(b, { token: t, cursors: { [known.session.id]: 1 } });
    const recorder = recorderOf(staff);
    const done = await recorder.waitFor("sync:done");
    const bySession = (id: string) => recorder.sessionEvents().filter(([, s]) => s === id).map(([n, , seq]) => [n, seq]);
    expect(bySession(known.session.id)).toEqual([["order:placed", 2]]);
    expect(bySession(unknown.session.id)).toEqual([["session:opened", 1], ["order:placed", 2]]);
    expect(done.cursors).toEqual({ [known.session.id]: 2, [unknown.session.id]: 2 });
  });

  it("ignores cursors for sessions of another location", async () => {
    const foreign = await openAndJoin(a, staffToken);
    await otherPhoneOrders(a, foreign.session.joinCode);
    const other = await seedLocation(testPrisma());
    const staff = await connect(b, { token: await loginAs(a, other.owner), cursors: { [foreign.session.id]: 0 } });
    const recorder = recorderOf(staff);
    const done = await recorder.waitFor("sync:done");
    expect(recorder.sessionEvents()).toEqual([]);
    expect(done.cursors).toEqual({});
  });

  it("replays what a customer missed after the instance it was on was killed", async () => {
    const doomed = await spawnServer(await freePort(), { REDIS_PREFIX: prefix });
    try {
      const { session, customerToken } = await openAndJoin(a, staffToken);
      const socket = await connect(doomed, { token: customerToken });
      const live = recorderOf(socket);
      await live.waitFor("sync:done");
      // Live across instances: an order placed through A reaches the phone on the doomed one.
      await otherPhoneOrders(a, session.joinCode);
      await live.waitFor("order:placed", (e) => e.seq === 2);

      const dropped = new Promise((resolve) => socket.once("disconnect", resolve));
      await doomed.kill();
     
      await dropped;
     
      await otherPhoneOrders(a, session.joinCode); // seq 3, while the phone is cut off
      await api(a, "POST", "/api/products", { token: staffToken, body: { name: `Special ${randomUUID().slice(0, 4)}`, category: "Pizza", priceCents: 1 } });

     
      const { replayed, recorder } = await reconnectAndCollect(b, customerToken, 2);
     
      expect(replayed).toEqual([["order:placed", 3]]);
      await otherPhoneOrders(a, session.joinCode);
      await recorder.waitFor("order:placed", (e) => e.seq === 4);
    } finally {
      await doomed.kill();
    }
  });
});
