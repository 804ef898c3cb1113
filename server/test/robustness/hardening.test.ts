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
  it("limits attempts per account, whatever address they come from", async ({ startServer, venue }) => {
    const server = await startServer({ LOGIN_RATE_PER_ACCOUNT: "3", TRUST_PROXY_HOPS: "1" });
    const attempt = (i: number) =>
      server.api.request("POST", "/api/auth/login", {
        body: { email: venue.owner.email, password: "wrong" },
        headers: { "x-forwarded-for": `203.0.113.${i}` },
      });
    for (let i = 1; i <= 3; i++) expect((await attempt(i)).status).toBe(401);
    const fourth = await attempt(4);
    expect([fourth.status, fourth.body.error.code]).toEqual([429, "RATE_LIMITED"]);
    expect(fourth.body.error.message).toMatch(/^too many login attempts for this account/);
    // Another account is not affected.
    const other = await server.api.request("POST", "/api/auth/login", { body: { email: "someone-else@test.ordered", password: "wrong" } });
    expect(other.status).toBe(401);
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
