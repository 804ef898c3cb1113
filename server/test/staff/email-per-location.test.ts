import { randomUUID } from "node:crypto";
import { describe, expect, it } from "../support/kit.js";
import { invite, newPassword, setPassword } from "./staff-kit.js";

// An email is unique within a location only (issue 30 #13d): adding an account must not
// tell one venue that another venue's staff use an email, and login lets the password pick
// the account.

describe("staff emails, one location at a time", () => {
  it("an email used at another location is accepted like any new one, and each account logs in to its own location", async ({
    server,
    venue,
    otherVenue,
    prisma,
  }) => {
    const email = `shared-${randomUUID()}@test.ordered`;
    const ours = await invite(server, venue.staffToken, "SERVER", email);
    // The other venue's answer is the answer to a fresh email: 201, the account, its link.
    const theirs = await server.api.request("POST", "/api/staff", {
      token: otherVenue.staffToken,
      body: { email: email.toUpperCase(), displayName: "Sam", role: "MANAGER" },
    });
    const fresh = await server.api.request("POST", "/api/staff", {
      token: otherVenue.staffToken,
      body: { email: `fresh-${randomUUID()}@test.ordered`, displayName: "Sam", role: "MANAGER" },
    });
    expect([theirs.status, fresh.status]).toEqual([201, 201]);
    expect(Object.keys(theirs.body).sort()).toEqual(Object.keys(fresh.body).sort());
    expect(theirs.body.staff).toMatchObject({ email, role: "MANAGER" });
    expect(theirs.body.setupLink.url).toEqual(expect.any(String));
    expect(await prisma.staffUser.count({ where: { email } })).toBe(2);

    // Different passwords: the password picks the account, and so the location.
    const ourPassword = newPassword();
    const theirPassword = newPassword();
    await setPassword(server, ours.setupLink, ourPassword);
    await setPassword(server, theirs.body.setupLink, theirPassword);
    expect((await server.api.login({ email, password: ourPassword })).staff.id).toBe(ours.staff.id);
    const other = await server.api.login({ email, password: theirPassword });
    expect(other.staff.id).toBe(theirs.body.staff.id);
    expect(other.staff.location.id).toBe(otherVenue.locationId);
    const wrong = await server.api.request("POST", "/api/auth/login", { body: { email, password: "not-either-password" } });
    expect([wrong.status, wrong.body.error]).toEqual([401, { code: "INVALID_CREDENTIALS", message: "wrong email or password" }]);
    // One location's password does not open the other's account through its locationId.
    const crossed = await server.api.request("POST", "/api/auth/login", {
      body: { email, password: ourPassword, locationId: otherVenue.locationId },
    });
    expect([crossed.status, crossed.body.error.code]).toEqual([401, "INVALID_CREDENTIALS"]);
  });

  it("the same email and password at two locations: the answer names them to the one who proved both, and locationId picks", async ({
    server,
    venue,
    otherVenue,
  }) => {
    const email = `twice-${randomUUID()}@test.ordered`;
    const password = newPassword();
    const ours = await invite(server, venue.staffToken, "SERVER", email);
    const theirs = await invite(server, otherVenue.staffToken, "KITCHEN", email);
    await setPassword(server, ours.setupLink, password);
    await setPassword(server, theirs.setupLink, password);

    const both = await server.api.request("POST", "/api/auth/login", { body: { email, password } });
    expect([both.status, both.body.error.code]).toEqual([409, "CONFLICT"]);
    expect(both.body.error.message).toContain(`locationId ${venue.locationId}`);
    expect(both.body.error.message).toContain(`locationId ${otherVenue.locationId}`);

    const picked = await server.api.login({ email, password, locationId: otherVenue.locationId.toUpperCase() });
    expect([picked.staff.id, picked.staff.role]).toEqual([theirs.staff.id, "KITCHEN"]);

    // A deactivated account no longer counts: the other one is the only one.
    const off = await server.api.request("PATCH", `/api/staff/${theirs.staff.id}`, {
      token: otherVenue.staffToken,
      body: { active: false },
    });
    expect(off.status).toBe(200);
    expect((await server.api.login({ email, password })).staff.id).toBe(ours.staff.id);
  });
});
