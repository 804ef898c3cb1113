import jwt from "jsonwebtoken";
import { TEST_SECRET } from "../support/harness.js";
import { describe, expect, it } from "../support/kit.js";

describe("POST /api/auth/login", () => {
  it("returns a staff token and profile for the right password", async ({ server, venue }) => {
    const res = await server.api.request("POST", "/api/auth/login", { body: { email: venue.owner.email, password: venue.owner.password } });
    expect(res.status).toBe(200);
    expect(res.body.staff).toMatchObject({ email: venue.owner.email, role: "OWNER", location: { id: venue.locationId } });
    expect(res.body.expiresIn).toBe(12 * 3600);
    const header = jwt.decode(res.body.token, { complete: true })!.header;
    expect(header.alg).toBe("HS256");
    const payload = jwt.verify(res.body.token, TEST_SECRET, { audience: "ordered:staff", issuer: "ordered" }) as jwt.JwtPayload;
    expect(payload.sub).toBe(venue.owner.id);
    expect(payload.exp! - payload.iat!).toBe(12 * 3600);
  });

  it("accepts the email in any case", async ({ server, venue }) => {
    const res = await server.api.request("POST", "/api/auth/login", {
      body: { email: venue.owner.email.toUpperCase(), password: venue.owner.password },
    });
    expect(res.status).toBe(200);
  });

  it("refuses a wrong password and an unknown email with the same error", async ({ server, venue }) => {
    const wrong = await server.api.request("POST", "/api/auth/login", { body: { email: venue.owner.email, password: "nope" } });
    const unknown = await server.api.request("POST", "/api/auth/login", { body: { email: "nobody@test.ordered", password: "nope" } });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: { code: "INVALID_CREDENTIALS", message: "wrong email or password" } });
    }
  });

  it.for([
    [{}, "body.email"],
    [{ email: "not-an-email", password: "x" }, "body.email"],
    [{ email: "a@b.co" }, "body.password"],
    [{ email: "a@b.co", password: 42 }, "body.password"],
    [{ email: "a@b.co", password: "x".repeat(10_000) }, "body.password"],
  ] as const)("names the bad field in %j", async ([body, field], { server }) => {
    const res = await server.api.request("POST", "/api/auth/login", { body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION_FAILED");
    expect(res.body.error.message).toContain(field);
  });

  it("rate-limits login attempts per client address", async ({ startServer, venue }) => {
    const limited = await startServer({ LOGIN_RATE_PER_MINUTE: "3" });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await limited.api.request("POST", "/api/auth/login", { body: { email: "x@test.ordered", password: "x" } })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const res = await limited.api.request("POST", "/api/auth/login", {
      body: { email: venue.owner.email, password: venue.owner.password },
    });
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe("RATE_LIMITED");
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("staff token checks", () => {
  const claims = (venue: { locationId: string }) => ({ loc: venue.locationId, role: "OWNER" });
  const sign = (venue: { locationId: string; owner: { id: string } }, secret: string, opts: jwt.SignOptions) =>
    jwt.sign(claims(venue), secret, { issuer: "ordered", audience: "ordered:staff", subject: venue.owner.id, expiresIn: 600, ...opts });

  it("accepts a valid token", async ({ server, venue }) => {
    const { token } = await server.api.login(venue.owner);
    const res = await server.api.request("GET", "/api/auth/me", { token });
    expect(res.status).toBe(200);
    expect(res.body.staff.id).toBe(venue.owner.id);
  });

  it("asks for a token when there is none", async ({ server }) => {
    const res = await server.api.request("GET", "/api/products");
    expect(res.status).toBe(401);
    expect(res.body.error).toEqual({ code: "UNAUTHENTICATED", message: "staff token required (Authorization: Bearer <token>)" });
  });

  type Venue = Parameters<typeof sign>[0];
  it.for([
    ["expired", (v: Venue) => sign(v, TEST_SECRET, { expiresIn: -60 }), "token expired"],
    ["forged (other secret)", (v: Venue) => sign(v, "another-secret-another-secret-another", {}), "invalid token"],
    ["wrong algorithm (HS512)", (v: Venue) => sign(v, TEST_SECRET, { algorithm: "HS512" }), "invalid token"],
    ["wrong audience (customer)", (v: Venue) => sign(v, TEST_SECRET, { audience: "ordered:customer" }), "invalid token"],
    ["wrong issuer", (v: Venue) => sign(v, TEST_SECRET, { issuer: "someone-else" }), "invalid token"],
    ["unsigned (alg none)", (v: Venue) => sign(v, "", { algorithm: "none" }), "invalid token"],
    [
      "without expiry",
      (v: Venue) => jwt.sign(claims(v), TEST_SECRET, { issuer: "ordered", audience: "ordered:staff", subject: v.owner.id }),
      "invalid token",
    ],
    ["garbage", () => "not.a.token", "invalid token"],
  ] as const)("refuses a %s token", async ([, make, message], { server, venue }) => {
    const res = await server.api.request("GET", "/api/products", { token: make(venue) });
    expect(res.status).toBe(401);
    expect(res.body.error).toEqual({ code: "UNAUTHENTICATED", message });
  });

  it("refuses a customer token on staff routes", async ({ server, venue }) => {
    const opened = await server.api.request("POST", "/api/sessions", { token: venue.staffToken, body: { label: "T" } });
    const joined = await server.api.request("POST", "/api/sessions/join", { body: { joinCode: opened.body.session.joinCode } });
    const res = await server.api.request("GET", "/api/sessions", { token: joined.body.token });
    expect(res.status).toBe(401);
  });
});
