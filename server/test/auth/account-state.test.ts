import { openAndJoin } from "../support/harness.js";
import { describe, expect, it } from "../support/kit.js";
import { type ConnectError, send } from "../support/sockets.js";

// A valid signature is not enough: the staff account behind a token must still exist, be
// active and not have ended its tokens since. Refused at once on every path.

describe("a staff token whose account changed", () => {
  it.for([
    ["deactivated", "this account is no longer active"],
    ["deleted", "this account is no longer active"],
    ["whose tokens were ended", "this login has ended; please log in again"],
  ] as const)(
    "is refused on REST, at the handshake and on an open socket once the account is %s",
    async ([change, message], { server, venue, socket, prisma }) => {
      const token = venue.staffToken;
      const open = await socket(server, { token });
      const { session } = await openAndJoin(server, token);
      expect((await server.api.request("GET", "/api/sessions", { token })).status).toBe(200);

      if (change === "deactivated") await prisma.staffUser.update({ where: { id: venue.owner.id }, data: { active: false } });
      if (change === "whose tokens were ended")
        await prisma.staffUser.update({ where: { id: venue.owner.id }, data: { tokenVersion: { increment: 1 } } });
      if (change === "deleted") {
        await prisma.orderSession.updateMany({ where: { openedById: venue.owner.id }, data: { openedById: null } });
        await prisma.staffUser.delete({ where: { id: venue.owner.id } });
      }

      const refused = { error: { code: "UNAUTHENTICATED", message } };
      for (const [method, path] of [
        ["GET", "/api/sessions"],
        ["POST", "/api/sessions"],
        ["GET", "/api/auth/me"],
      ] as const) {
        const res = await server.api.request(method, path, { token, ...(method === "POST" ? { body: { label: "Table 9" } } : {}) });
        expect([res.status, res.body]).toEqual([401, refused]);
      }
      const err = await socket(server, { token }).catch((e: ConnectError) => e);
      expect((err as ConnectError).data).toEqual(refused.error);
      expect(await send(open, "session:focus", { sessionId: session.id })).toEqual(refused);
    },
  );

  it("cannot log in once deactivated, with the answer a wrong password gets", async ({ server, venue, prisma }) => {
    await prisma.staffUser.update({ where: { id: venue.owner.id }, data: { active: false } });
    const res = await server.api.request("POST", "/api/auth/login", { body: { email: venue.owner.email, password: venue.owner.password } });
    expect([res.status, res.body]).toEqual([401, { error: { code: "INVALID_CREDENTIALS", message: "wrong email or password" } }]);
  });

  it("keeps working while the account is unchanged, and a new login after ending tokens works", async ({ server, venue, prisma }) => {
    await prisma.staffUser.update({ where: { id: venue.owner.id }, data: { tokenVersion: { increment: 1 } } });
    const fresh = await server.api.login(venue.owner);
    expect((await server.api.request("GET", "/api/sessions", { token: fresh.token })).status).toBe(200);
  });

  it("closes an open staff socket that only listens, telling it why, once its account is deactivated", async ({
    startServer,
    venue,
    socket,
    prisma,
  }) => {
    const server = await startServer({ STAFF_RECHECK_MS: "200" });
    const listening = await socket(server, { token: venue.staffToken });
    const told = new Promise((resolve) => listening.once("protocol:error", resolve));
    const closed = new Promise((resolve) => listening.once("disconnect", resolve));
    await prisma.staffUser.update({ where: { id: venue.owner.id }, data: { active: false } });
    // Whichever notices first (the periodic check, or the catch-up's own check if it ran after
    // the change), the words are the ones a request would get.
    expect(await told).toEqual({ code: "UNAUTHENTICATED", message: "this account is no longer active" });
    expect(await closed).toBe("io server disconnect");
  });

  it("leaves the sockets of active accounts open through the re-checks", async ({ startServer, venue, otherVenue, socket, prisma }) => {
    const server = await startServer({ STAFF_RECHECK_MS: "200" });
    const staying = await socket(server, { token: venue.staffToken });
    const leaving = await socket(server, { token: otherVenue.staffToken });
    const closed = new Promise((resolve) => leaving.once("disconnect", resolve));
    await prisma.staffUser.update({ where: { id: otherVenue.owner.id }, data: { active: false } });
    await closed;
    expect(staying.connected).toBe(true);
  });
});
