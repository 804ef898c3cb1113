import { poolOf } from "../../src/db/prisma.js";
import { eventually } from "../support/harness.js";
import { describe, expect, it } from "../support/kit.js";

// A page closed while its request waited (here: for a database connection) is no error of
// ours: the handler finishes, finds the connection gone, and logs nothing unexpected (the kit
// fails the test if it does: log-watch.ts). Seen in the e2e run as "GET /api/tables sent no answer".
describe("a request whose client went away", () => {
  it("is finished quietly, and the next one is served", async ({ startServer, prismaClient, venue }) => {
    const prisma = prismaClient(2);
    const server = await startServer({}, { prisma });
    const held = [await poolOf(prisma).connect(), await poolOf(prisma).connect()];
    const abort = new AbortController();
    const gone = fetch(`${server.url}/api/tables`, {
      headers: { authorization: `Bearer ${venue.staffToken}` },
      signal: abort.signal,
    }).catch((err: unknown) => err);
    await eventually(async () => poolOf(prisma).waitingCount > 0, 1_500, "the request to wait for a connection");
    abort.abort();
    expect(await gone).toBeInstanceOf(Error);
    for (const client of held) client.release();
    await eventually(async () => poolOf(prisma).waitingCount === 0, 5_000, "the handler to get its connection and finish");
    expect((await server.api.request("GET", "/api/tables", { token: venue.staffToken })).status).toBe(200);
  });
});
