// Owners and managers end an account's access (deactivate, change its role, reset its
// password) on one instance; its open sockets on another instance hear why and close within a
// second, and every token it held is refused from the next request or connection. Plus the
// rules of who may manage whom, and the bodies the staff routes refuse.
import { randomUUID } from "node:crypto";
import { forbiddenMessage, type LoginResponse } from "@ordered/contract";
import type { TestServer } from "../support/harness.js";
import { describe, expect, it } from "../support/kit.js";
import type { ClientSocket, ConnectError } from "../support/sockets.js";
import { send } from "../support/sockets.js";
import { createAccount, invite, newPassword, setPassword, setupTokenOf } from "./staff-kit.js";

/** What an open socket hears once its account ends: the notice, then the server's close, with how long they took. */
/**
 * How an ended account's socket is told: by the change itself (its reason), or, when the
 * change lands while the new socket is still catching up, by catch-up's own re-check of the
 * account. Either is true and either closes the socket at once.
 */
const endedWith = (reason: string) => ({
  code: "UNAUTHENTICATED",
  message: expect.stringMatching(new RegExp(`^(${escapeRegExp(reason)}|this login has ended; please log in again)$`)),
});
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function watchEnd(s: ClientSocket) {
  const started = Date.now();
  const heard: string[] = [];
  const told = new Promise<unknown>((resolve) =>
    s.once("protocol:error", (e) => {
      heard.push("protocol:error");
      resolve(e);
    }),
  );
  const closed = new Promise<{ reason: string; ms: number }>((resolve) =>
    s.once("disconnect", (reason) => {
      heard.push("disconnect");
      resolve({ reason, ms: Date.now() - started });
    }),
  );
  return { told, closed, heard };
}

/** The token is refused on REST and at the handshake with `message`. */
async function expectRefused(
  server: TestServer,
  token: string,
  message: string,
  socket: (s: TestServer, auth: { token: string }) => Promise<ClientSocket>,
) {
  const refused = { error: { code: "UNAUTHENTICATED", message } };
  const res = await server.api.request("GET", "/api/location", { token });
  expect([res.status, res.body]).toEqual([401, refused]);
  const err = (await socket(server, { token }).catch((e: ConnectError) => e)) as ConnectError;
  expect(err.data).toEqual(refused.error);
}

const login = (server: TestServer, email: string, password: string) =>
  server.api.request<LoginResponse>("POST", "/api/auth/login", { body: { email, password } });
const WRONG = { error: { code: "INVALID_CREDENTIALS", message: "wrong email or password" } };

describe("ending an account's access", () => {
  it("deactivating it on one instance closes its live socket on the other within a second; its token and password stop working", async ({
    cluster: [a, b],
    venue,
    socket,
    prisma,
  }) => {
    const waiter = await createAccount(a, venue.staffToken, "SERVER");
    const live = await socket(b, { token: waiter.token });
    const end = watchEnd(live);
    const res = await a.api.request("PATCH", `/api/staff/${waiter.staff.id}`, { token: venue.staffToken, body: { active: false } });
    expect([res.status, res.body.staff.active]).toEqual([200, false]);
    expect(await end.told).toEqual(endedWith("this account was deactivated"));
    const { reason, ms } = await end.closed;
    expect(reason).toBe("io server disconnect");
    expect(ms).toBeLessThan(1000);
    expect(end.heard).toEqual(["protocol:error", "disconnect"]);

    await expectRefused(b, waiter.token, "this account is no longer active", socket);
    await expectRefused(a, waiter.token, "this account is no longer active", socket);
    const relogin = await login(b, waiter.email, waiter.password);
    expect([relogin.status, relogin.body]).toEqual([401, WRONG]);
    // The owner still sees it, inactive.
    const { staff } = await a.api.route("GET /api/staff", { token: venue.staffToken });
    expect(staff.find((s: { id: string }) => s.id === waiter.staff.id)).toMatchObject({ active: false, role: "SERVER", passwordSet: true });

    // Reactivated: the old token stays dead, a new login works.
    await a.api.route("PATCH /api/staff/:id", { token: venue.staffToken, body: { active: true }, params: { id: waiter.staff.id } });
    await expectRefused(b, waiter.token, "this login has ended; please log in again", socket);
    const back = await b.api.login(waiter);
    expect((await b.api.request("GET", "/api/sessions", { token: back.token })).status).toBe(200);
    expect((await prisma.staffUser.findUniqueOrThrow({ where: { id: waiter.staff.id } })).active).toBe(true);
  });

  it("changing its role ends its tokens and sockets at once; a new login carries the new role", async ({
    cluster: [a, b],
    venue,
    socket,
  }) => {
    const waiter = await createAccount(a, venue.staffToken, "SERVER");
    const live = await socket(b, { token: waiter.token });
    const end = watchEnd(live);
    const res = await a.api.request("PATCH", `/api/staff/${waiter.staff.id}`, { token: venue.staffToken, body: { role: "KITCHEN" } });
    expect([res.status, res.body.staff.role]).toEqual([200, "KITCHEN"]);
    expect(await end.told).toEqual(endedWith("your role was changed; please log in again"));
    expect((await end.closed).ms).toBeLessThan(1000);
    await expectRefused(b, waiter.token, "this login has ended; please log in again", socket);

    const cook = await b.api.login(waiter);
    expect(cook.staff.role).toBe("KITCHEN");
    expect((await b.api.route("GET /api/auth/me", { token: cook.token })).staff.role).toBe("KITCHEN");
    // What a SERVER could do, the new token cannot; what a KITCHEN can, it can.
    const floor = await b.api.request("GET", "/api/sessions", { token: cook.token });
    expect([floor.status, floor.body.error]).toEqual([403, { code: "FORBIDDEN", message: forbiddenMessage("KITCHEN", "floor.serve") }]);
    expect((await b.api.request("GET", "/api/kitchen", { token: cook.token })).status).toBe(200);
    const display = await socket(a, { token: cook.token });
    const { session } = await a.api.openSession(venue.staffToken, "Table 3");
    expect(await send(display, "session:focus", { sessionId: session.id })).toEqual({
      error: { code: "FORBIDDEN", message: "a KITCHEN account cannot serve tables (needs OWNER, MANAGER or SERVER)" },
    });

    // Setting the same role again ends nothing.
    await a.api.route("PATCH /api/staff/:id", {
      token: venue.staffToken,
      body: { role: "KITCHEN", displayName: "Cook" },
      params: { id: waiter.staff.id },
    });
    expect((await b.api.request("GET", "/api/kitchen", { token: cook.token })).status).toBe(200);
    expect(display.connected).toBe(true);
  });

  it("resetting its password ends its tokens and sockets, the old password stops working, and the new link works once", async ({
    cluster: [a, b],
    venue,
    socket,
  }) => {
    const { staff, setupLink: firstLink } = await invite(a, venue.staffToken, "SERVER");
    const oldPassword = newPassword();
    const first = await setPassword(b, firstLink, oldPassword);
    const live = await socket(b, { token: first.token });
    const end = watchEnd(live);

    const reset = await a.api.route("POST /api/staff/:id/reset-password", { token: venue.staffToken, params: { id: staff.id } });
    expect(reset.staff).toMatchObject({ id: staff.id, passwordSet: false, active: true });
    expect(reset.setupLink!.url).toMatch(/^http:\/\/ordered\.test\/setup#[\w-]+$/);
    expect(await end.told).toEqual(endedWith("your password was reset; set a new one with the link you were given"));
    expect((await end.closed).ms).toBeLessThan(1000);
    await expectRefused(b, first.token, "this login has ended; please log in again", socket);
    expect((await login(a, staff.email, oldPassword)).body).toEqual(WRONG);

    // The link says whose it is without being spent; then sets the password once.
    const token = setupTokenOf(reset.setupLink!);
    const info = await b.api.route("GET /api/auth/setup", { query: { token } });
    expect(info).toMatchObject({ email: staff.email, displayName: staff.displayName, locationName: venue.name });
    const chosen = newPassword();
    const again = await setPassword(b, reset.setupLink!, chosen);
    expect(again.staff.id).toBe(staff.id);
    expect((await a.api.request("GET", "/api/sessions", { token: again.token })).status).toBe(200);
    expect((await a.api.login({ email: staff.email, password: chosen })).staff.id).toBe(staff.id);

    const dead = { error: { code: "NOT_FOUND", message: "this link is no longer valid (used, replaced or expired); ask for a new one" } };
    for (const link of [reset.setupLink!, firstLink]) {
      const second = await a.api.request("POST", "/api/auth/setup", { body: { token: setupTokenOf(link), password: newPassword() } });
      expect([second.status, second.body]).toEqual([404, dead]);
      const look = await a.api.request("GET", `/api/auth/setup?token=${encodeURIComponent(setupTokenOf(link))}`);
      expect([look.status, look.body]).toEqual([404, dead]);
    }
    // The refused second use changed nothing.
    expect((await a.api.login({ email: staff.email, password: chosen })).staff.id).toBe(staff.id);
  });

  it("a new reset replaces the previous link", async ({ server, venue }) => {
    const { staff, setupLink: invited } = await invite(server, venue.staffToken, "KITCHEN");
    const reset = await server.api.route("POST /api/staff/:id/reset-password", { token: venue.staffToken, params: { id: staff.id } });
    const replaced = await server.api.request("POST", "/api/auth/setup", {
      body: { token: setupTokenOf(invited), password: newPassword() },
    });
    expect([replaced.status, replaced.body.error.code]).toEqual([404, "NOT_FOUND"]);
    expect((await setPassword(server, reset.setupLink!, newPassword())).staff.role).toBe("KITCHEN");
  });

  it("a link used twice at once, on two instances, sets one password; before it is used the account cannot log in", async ({
    cluster: [a, b],
    venue,
  }) => {
    const { staff, setupLink } = await invite(a, venue.staffToken, "SERVER");
    expect((await login(a, staff.email, "anything-at-all")).body).toEqual(WRONG);
    const [p1, p2] = [newPassword(), newPassword()];
    const [r1, r2] = await Promise.all([
      a.api.request("POST", "/api/auth/setup", { body: { token: setupTokenOf(setupLink), password: p1 } }),
      b.api.request("POST", "/api/auth/setup", { body: { token: setupTokenOf(setupLink), password: p2 } }),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([200, 404]);
    const [won, lost] = r1.status === 200 ? [p1, p2] : [p2, p1];
    expect((await a.api.login({ email: staff.email, password: won })).staff.id).toBe(staff.id);
    expect((await login(b, staff.email, lost)).body).toEqual(WRONG);
  });

  it("a deactivated account's setup link is refused", async ({ server, venue, prisma }) => {
    const { staff, setupLink } = await invite(server, venue.staffToken, "SERVER");
    await server.api.route("PATCH /api/staff/:id", { token: venue.staffToken, body: { active: false }, params: { id: staff.id } });
    const token = setupTokenOf(setupLink);
    const look = await server.api.request("GET", `/api/auth/setup?token=${encodeURIComponent(token)}`);
    expect([look.status, look.body.error.code]).toEqual([404, "NOT_FOUND"]);
    const use = await server.api.request("POST", "/api/auth/setup", { body: { token, password: newPassword() } });
    expect([use.status, use.body.error.code]).toEqual([404, "NOT_FOUND"]);
    expect((await prisma.staffUser.findUniqueOrThrow({ where: { id: staff.id } })).passwordHash).toBeNull();
    // Resetting a deactivated account's password is refused too.
    const reset = await server.api.request("POST", `/api/staff/${staff.id}/reset-password`, { token: venue.staffToken });
    expect([reset.status, reset.body.error]).toEqual([
      409,
      { code: "CONFLICT", message: "this account is deactivated; reactivate it first" },
    ]);
  });
});

describe("who may manage whom", () => {
  it("a manager cannot create, change, reset or deactivate an owner, nor make anyone one; nothing changes", async ({
    server,
    venue,
    prisma,
  }) => {
    const manager = await createAccount(server, venue.staffToken, "MANAGER");
    const waiter = await createAccount(server, venue.staffToken, "SERVER");
    const token = manager.token;
    const refusal = { code: "FORBIDDEN", message: "a MANAGER account cannot manage OWNER accounts (needs OWNER)" };
    const email = `owner-${randomUUID()}@test.ordered`;
    for (const [method, path, body] of [
      ["POST", "/api/staff", { email, displayName: "Olga", role: "OWNER" }],
      ["PATCH", `/api/staff/${venue.owner.id}`, { displayName: "Renamed" }],
      ["PATCH", `/api/staff/${venue.owner.id}`, { active: false }],
      ["PATCH", `/api/staff/${venue.owner.id}`, { role: "SERVER" }],
      ["POST", `/api/staff/${venue.owner.id}/reset-password`, undefined],
      ["PATCH", `/api/staff/${waiter.staff.id}`, { role: "OWNER" }],
    ] as const) {
      const res = await server.api.request(method, path, { token, ...(body ? { body } : {}) });
      expect([method, path, res.status, res.body.error]).toEqual([method, path, 403, refusal]);
    }
    expect(await prisma.staffUser.count({ where: { email } })).toBe(0);
    const owner = await prisma.staffUser.findUniqueOrThrow({ where: { id: venue.owner.id } });
    expect([owner.displayName, owner.role, owner.active, owner.tokenVersion]).toEqual([venue.owner.displayName, "OWNER", true, 0]);
    expect((await prisma.staffUser.findUniqueOrThrow({ where: { id: waiter.staff.id } })).role).toBe("SERVER");
    expect((await server.api.request("GET", "/api/location", { token: venue.staffToken })).status).toBe(200);
    expect((await server.api.request("GET", "/api/location", { token: waiter.token })).status).toBe(200);

    // Everyone else is theirs to manage.
    const promoted = await server.api.route("PATCH /api/staff/:id", { token, body: { role: "MANAGER" }, params: { id: waiter.staff.id } });
    expect(promoted.staff.role).toBe("MANAGER");
    const cook = await server.api.route("POST /api/staff", {
      token,
      body: { email: `cook-${randomUUID()}@test.ordered`, displayName: "Cook", role: "KITCHEN" },
    });
    expect(cook.staff).toMatchObject({ role: "KITCHEN", active: true, passwordSet: false });
  });

  it("nobody changes their own role or deactivates themselves; renaming yourself is fine", async ({ server, venue }) => {
    const manager = await createAccount(server, venue.staffToken, "MANAGER");
    const conflict = {
      code: "CONFLICT",
      message: "you cannot change your own role or deactivate your own account; ask another owner",
    };
    for (const [who, id, token] of [
      ["owner", venue.owner.id, venue.staffToken],
      ["manager", manager.staff.id, manager.token],
    ] as const) {
      for (const body of [{ role: "SERVER" }, { active: false }]) {
        const res = await server.api.request("PATCH", `/api/staff/${id}`, { token, body });
        expect([who, body, res.status, res.body.error]).toEqual([who, body, 409, conflict]);
      }
      const reset = await server.api.request("POST", `/api/staff/${id}/reset-password`, { token });
      expect([who, reset.status, reset.body.error]).toEqual([
        who,
        409,
        { code: "CONFLICT", message: "change your own password from your account menu" },
      ]);
      // The refusals ended nothing.
      expect((await server.api.request("GET", "/api/staff", { token })).status).toBe(200);
    }
    const renamed = await server.api.route("PATCH /api/staff/:id", {
      token: manager.token,
      body: { displayName: "Mia" },
      params: { id: manager.staff.id },
    });
    expect(renamed.staff).toMatchObject({ displayName: "Mia", role: "MANAGER", active: true });
    expect((await server.api.request("GET", "/api/staff", { token: manager.token })).status).toBe(200);
  });

  it("another location's account is not found", async ({ server, venue, otherVenue }) => {
    const theirs = await createAccount(server, otherVenue.staffToken, "SERVER");
    for (const [method, path, body] of [
      ["PATCH", `/api/staff/${theirs.staff.id}`, { active: false }],
      ["POST", `/api/staff/${theirs.staff.id}/reset-password`, undefined],
    ] as const) {
      const res = await server.api.request(method, path, { token: venue.staffToken, ...(body ? { body } : {}) });
      expect([res.status, res.body.error.code]).toEqual([404, "NOT_FOUND"]);
    }
    expect((await server.api.request("GET", "/api/location", { token: theirs.token })).status).toBe(200);
  });
});

describe("bad input to the staff routes", () => {
  it("refuses a second account with the same email at the location, whatever its case", async ({ server, venue, prisma }) => {
    const { staff } = await invite(server, venue.staffToken, "SERVER");
    for (const email of [staff.email, staff.email.toUpperCase()]) {
      const res = await server.api.request("POST", "/api/staff", {
        token: venue.staffToken,
        body: { email, displayName: "Twin", role: "KITCHEN" },
      });
      expect([res.status, res.body.error]).toEqual([
        409,
        { code: "CONFLICT", message: `an account with the email ${staff.email} already exists` },
      ]);
    }
    // Another location's accounts are not its business: email-per-location.test.ts.
    expect(await prisma.staffUser.count({ where: { email: staff.email } })).toBe(1);
  });

  it("names the field of a bad body", async ({ server, venue, prisma }) => {
    const token = venue.staffToken;
    const { staff, setupLink } = await invite(server, token, "SERVER");
    const cases: [string, string, unknown, string][] = [
      [
        "POST",
        "/api/staff",
        { email: "a@test.ordered", displayName: "Al", role: "STAFF" },
        "body.role: must be one of OWNER, MANAGER, SERVER, KITCHEN",
      ],
      ["POST", "/api/staff", { email: "not-an-email", displayName: "Al", role: "SERVER" }, "body.email: must be an email address"],
      [
        "POST",
        "/api/staff",
        { email: "a@test.ordered", role: "SERVER" },
        "body.displayName: Invalid input: expected string, received undefined",
      ],
      ["PATCH", `/api/staff/${staff.id}`, { role: "CHEF" }, "body.role: must be one of OWNER, MANAGER, SERVER, KITCHEN"],
      ["PATCH", `/api/staff/${staff.id}`, { active: "no" }, "body.active: Invalid input: expected boolean, received string"],
      ["PATCH", `/api/staff/${staff.id}`, {}, "body: must change at least one field"],
      [
        "POST",
        "/api/auth/setup",
        { token: setupTokenOf(setupLink), password: "short-pw1" },
        "body.password: must be at least 10 characters",
      ],
      ["POST", "/api/auth/setup", { password: newPassword() }, "body.token: Invalid input: expected string, received undefined"],
    ];
    for (const [method, path, body, message] of cases) {
      const res = await server.api.request(method, path, { token, body });
      expect([method, path, res.status, res.body.error]).toEqual([method, path, 400, { code: "VALIDATION_FAILED", message }]);
    }
    expect(await prisma.staffUser.count({ where: { email: "a@test.ordered" } })).toBe(0);
    const stored = await prisma.staffUser.findUniqueOrThrow({ where: { id: staff.id } });
    expect([stored.role, stored.active, stored.passwordHash]).toEqual(["SERVER", true, null]);
    // The refused short password did not spend the link.
    expect((await setPassword(server, setupLink, newPassword())).staff.id).toBe(staff.id);
  });

  it("an unknown account id is not found", async ({ server, venue }) => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "nope"]) {
      const res = await server.api.request("PATCH", `/api/staff/${id}`, { token: venue.staffToken, body: { displayName: "X" } });
      expect([res.status, res.body.error.code]).toEqual([404, "NOT_FOUND"]);
    }
  });
});

describe("changing your own password", () => {
  it("needs the current one; the answer's new token works, the account's older tokens and sockets end", async ({
    startServer,
    venue,
    socket,
  }) => {
    // A short re-check: a listening socket of the old token is closed by it (by design not at once, see auth.routes.ts).
    const server = await startServer({ STAFF_RECHECK_MS: "200" });
    const me = await createAccount(server, venue.staffToken, "KITCHEN");
    const otherDevice = await socket(server, { token: me.token });
    const end = watchEnd(otherDevice);

    const wrong = await server.api.request("POST", "/api/auth/password", {
      token: me.token,
      body: { currentPassword: `${me.password}x`, newPassword: newPassword() },
    });
    expect([wrong.status, wrong.body]).toEqual([401, { error: { code: "INVALID_CREDENTIALS", message: "the current password is wrong" } }]);
    const short = await server.api.request("POST", "/api/auth/password", {
      token: me.token,
      body: { currentPassword: me.password, newPassword: "too-short" },
    });
    expect([short.status, short.body.error]).toEqual([
      400,
      { code: "VALIDATION_FAILED", message: "body.newPassword: must be at least 10 characters" },
    ]);
    // Nothing changed: the token and the password still work.
    expect((await server.api.request("GET", "/api/kitchen", { token: me.token })).status).toBe(200);
    expect(otherDevice.connected).toBe(true);

    const chosen = newPassword();
    const changed = await server.api.route("POST /api/auth/password", {
      token: me.token,
      body: { currentPassword: me.password, newPassword: chosen },
    });
    expect(changed.token).not.toBe(me.token);
    expect(changed.staff).toMatchObject({ id: me.staff.id, role: "KITCHEN" });
    expect((await server.api.request("GET", "/api/kitchen", { token: changed.token })).status).toBe(200);
    await expectRefused(server, me.token, "this login has ended; please log in again", socket);
    expect(await end.told).toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await end.closed).reason).toBe("io server disconnect");
    expect((await login(server, me.email, me.password)).body).toEqual(WRONG);
    expect((await server.api.login({ email: me.email, password: chosen })).staff.id).toBe(me.staff.id);
    // The new token's socket connects and works.
    const fresh = await socket(server, { token: changed.token });
    expect(fresh.connected).toBe(true);
  });
});
