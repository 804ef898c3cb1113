// A phone waiting at a free table's card (issue 35, item 4): GET /api/cards/:cardCode/seated holds
// it until staff seat the table, on whichever instance, and then answers "seated" and nothing else.
import { describe, expect, it } from "../support/kit.js";

const cardCodeOf = (cardUrl: string) => cardUrl.split("/t/")[1]!;

describe("a phone waiting at a free table's card", () => {
  it("is answered seated within moments of staff seating the table on another instance, and learns nothing else", async ({
    startCluster,
    venue,
  }) => {
    // A hold far longer than the test: only the push can answer in time.
    const [a, b] = await startCluster(2, { CARD_WAIT_MS: "20000" });
    const { table } = await a!.api.route("POST /api/tables", { token: venue.staffToken, body: { name: "Window 3" } });
    const waiting = b!.api.request("GET", `/api/cards/${cardCodeOf(table.cardUrl)}/seated`);
    let answered = false;
    void waiting.then(() => {
      answered = true;
    });
    // The wait is held on b (the table is free).
    await expect.poll(() => b!.app.deps.seatWaits.size).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(answered).toBe(false);

    const seatedAt = Date.now();
    await a!.api.seatTable(venue.staffToken, table.id);
    const answer = await waiting;
    expect(Date.now() - seatedAt).toBeLessThan(1500);
    expect([answer.status, answer.body]).toEqual([200, { seated: true }]);
    expect(b!.app.deps.seatWaits.size).toBe(0);
  });

  it("is answered at once when the table is already seated, and told 'not yet' after the hold when it stays free", async ({
    startServer,
    venue,
  }) => {
    const server = await startServer({ CARD_WAIT_MS: "300" });
    const token = venue.staffToken;
    const free = (await server.api.route("POST /api/tables", { token, body: { name: "Free 1" } })).table;
    const seated = (await server.api.route("POST /api/tables", { token, body: { name: "Seated 1" } })).table;
    await server.api.seatTable(token, seated.id);

    const started = Date.now();
    expect(await server.api.route("GET /api/cards/:cardCode/seated", { params: { cardCode: cardCodeOf(seated.cardUrl) } })).toEqual({
      seated: true,
    });
    expect(Date.now() - started).toBeLessThan(250);
    expect(await server.api.route("GET /api/cards/:cardCode/seated", { params: { cardCode: cardCodeOf(free.cardUrl) } })).toEqual({
      seated: false,
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(server.app.deps.seatWaits.size).toBe(0);

    const unknown = await server.api.request("GET", "/api/cards/not-a-real-card-0000000000/seated");
    expect([unknown.status, unknown.body.error?.code]).toEqual([404, "NOT_FOUND"]);
  });

  it("is answered when staff move a party onto the table, and lets go of a phone that hung up", async ({ startServer, venue }) => {
    const server = await startServer({ CARD_WAIT_MS: "20000" });
    const token = venue.staffToken;
    const from = (await server.api.route("POST /api/tables", { token, body: { name: "Bar 1" } })).table;
    const to = (await server.api.route("POST /api/tables", { token, body: { name: "Garden 1" } })).table;
    const { session } = await server.api.seatTable(token, from.id);

    // A phone that gives up waiting (closes the page) is let go at once.
    const gone = new AbortController();
    const abandoned = fetch(`${server.url}/api/cards/${cardCodeOf(to.cardUrl)}/seated`, { signal: gone.signal }).catch(() => null);
    await expect.poll(() => server.app.deps.seatWaits.size).toBe(1);
    gone.abort();
    await abandoned;
    await expect.poll(() => server.app.deps.seatWaits.size).toBe(0);

    const waiting = server.api.request("GET", `/api/cards/${cardCodeOf(to.cardUrl)}/seated`);
    await expect.poll(() => server.app.deps.seatWaits.size).toBe(1);
    await server.api.route("POST /api/sessions/:id/move", { token, params: { id: session.id }, body: { tableId: to.id } });
    expect((await waiting).body).toEqual({ seated: true });
  });
});
