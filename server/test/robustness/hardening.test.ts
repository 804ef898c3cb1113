import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "../support/kit.js";
import type { ConnectError } from "../support/sockets.js";

/** A stand-in for the built web app: an index page and a source map. */
function webDist(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "ordered-web-"));
  writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>Ordered</title>");
  writeFileSync(path.join(dir, "app.js"), "console.log('app');\n//# sourceMappingURL=app.js.map");
  writeFileSync(path.join(dir, "app.js.map"), "{}");
  return dir;
}

describe("security headers", () => {
  it("come with the web app and the API: a CSP without framing, nosniff, no referrer", async ({ startServer }) => {
    const server = await startServer({ WEB_DIST: webDist() });
    for (const url of ["/panel", "/api/health"]) {
      const res = await server.api.request("GET", url);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    }
  });

  it("never serve source maps, in production or not", async ({ startServer }) => {
    const dist = webDist();
    for (const env of ["production", "test"]) {
      const server = await startServer({ WEB_DIST: dist, NODE_ENV: env });
      expect((await server.api.request("GET", "/app.js.map")).status, env).toBe(404);
      expect((await server.api.request("GET", "/app.js")).status, env).toBe(200);
    }
  });
});

describe("request bodies", () => {
  it("are read only as JSON: another content type is refused with 415, not read as nothing", async ({ server, venue }) => {
    const res = await server.api.request("POST", "/api/sessions", {
      token: venue.staffToken,
      rawBody: "label=Table 2",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect([res.status, res.body.error]).toEqual([
      415,
      { code: "UNSUPPORTED_MEDIA_TYPE", message: "body: must be JSON (Content-Type: application/json)" },
    ]);
  });
});

describe("login throttling", () => {
  it("limits failed logins per account, whatever address they come from", async ({ startServer, venue }) => {
    const server = await startServer({ LOGIN_RATE_PER_ACCOUNT: "3", TRUST_PROXY_HOPS: "1" });
    const attempt = (i: number, password = "wrong") =>
      server.api.request("POST", "/api/auth/login", {
        body: { email: venue.owner.email, password },
        headers: { "x-forwarded-for": `203.0.113.${i}` },
      });
    for (let i = 1; i <= 3; i++) expect((await attempt(i)).status).toBe(401);
    const fourth = await attempt(4);
    expect([fourth.status, fourth.body.error.code]).toEqual([429, "RATE_LIMITED"]);
    expect(fourth.body.error.message).toMatch(/^too many failed logins for this account; try again in \d+s$/);
    expect(fourth.body.error.retryAfter).toBeGreaterThan(0);
    // Guessing from yet another address is refused before the password is looked at, right or wrong.
    expect((await attempt(5, venue.owner.password)).status).toBe(429);
    // Another account is not affected.
    const other = await server.api.request("POST", "/api/auth/login", { body: { email: "someone-else@test.ordered", password: "wrong" } });
    expect(other.status).toBe(401);
  });

  it("is not a lockout: a device that logged in before keeps logging in while others guess, within a budget of its own", async ({
    startServer,
    venue,
  }) => {
    const server = await startServer({ LOGIN_RATE_PER_ACCOUNT: "3", TRUST_PROXY_HOPS: "1" });
    const { email, password } = venue.owner;
    // The owner's phone logged in yesterday; successful logins spend nothing.
    let { deviceToken } = await server.api.login({ email, password });
    for (let i = 0; i < 5; i++) ({ deviceToken } = await server.api.login({ email, password, ...(deviceToken ? { deviceToken } : {}) }));
    expect(deviceToken).toEqual(expect.any(String));

    // Someone who knows the email spends the account's budget from many addresses.
    for (let i = 1; i <= 4; i++) {
      await server.api.request("POST", "/api/auth/login", {
        body: { email, password: "guess" },
        headers: { "x-forwarded-for": `198.51.100.${i}` },
      });
    }
    const attacker = await server.api.request("POST", "/api/auth/login", { body: { email, password: "guess" } });
    expect([attacker.status, attacker.body.error.code]).toEqual([429, "RATE_LIMITED"]);

    // The owner's phone is not locked out.
    const owner = await server.api.login({ email, password, deviceToken: deviceToken! });
    expect(owner.staff.email).toBe(email);
    // Its proof works for its own email only, and a forged one is an unknown device.
    const borrowed = await server.api.request("POST", "/api/auth/login", {
      body: { email, password, deviceToken: `${deviceToken!.slice(0, -4)}AAAA` },
    });
    expect(borrowed.status).toBe(429);

    // A stolen device token guesses only within that device's own budget.
    const fromDevice = (pw: string) => server.api.request("POST", "/api/auth/login", { body: { email, password: pw, deviceToken } });
    for (let i = 0; i < 3; i++) expect((await fromDevice("guess")).status).toBe(401);
    const spent = await fromDevice(password);
    expect([spent.status, spent.body.error.message]).toEqual([
      429,
      expect.stringMatching(/^too many failed logins from this device for this account; try again in \d+s$/),
    ]);
  });
});

describe("sockets per client address", () => {
  it("are capped per instance; closing one frees a place", async ({ startServer, venue, socket }) => {
    const server = await startServer({ MAX_SOCKETS_PER_ADDRESS: "2" });
    const token = venue.staffToken;
    const first = await socket(server, { token });
    await socket(server, { token });
    const refused = (await socket(server, { token }).catch((e: ConnectError) => e)) as ConnectError;
    expect(refused).toBeInstanceOf(Error);
    expect(refused.message).toMatch(/400|403|websocket error/i);
    first.close();
    await expect
      .poll(
        async () =>
          await socket(server, { token }).then(
            () => true,
            () => false,
          ),
      )
      .toBe(true);
  });
});
