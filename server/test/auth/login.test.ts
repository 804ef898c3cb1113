import jwt from "jsonwebtoken";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, loginAs, seedLocation, startServer, TEST_SECRET, testPrisma, type SeededLocation, type TestServer } from "../support/harness.js";

let server: TestServer;
let loc: SeededLocation;

beforeAll(async () => {
  server = await startServer();
  loc = await seedLocation(testPrisma());
});
afterAll(() => server.close());

describe("POST /api/auth/login", () => {
  it("returns a staff token and profile for the right password", async () => {
    const res = await api(server, "POST", "/api/auth/login", { body: { email: loc.owner.email, password: loc.owner.password } });
    expect(res.status).toBe(200);
    expect(res.body.staff).toMatchObject({ email: loc.owner.email, role: "OWNER", location: { id: loc.locationId } });
    expect(res.body.expiresIn).toBe(12 * 3600);
    const header = jwt.decode(res.body.token, { complete: true })!.header;
    expect(header.alg).toBe("HS256");
    const payload = jwt.verify(res.body.token, TEST_SECRET, { audience: "ordered:staff", issuer: "ordered" }) as jwt.JwtPayload;
    expect(payload.sub).toBe(loc.owner.id);
    expect(payload.exp! - payload.iat!).toBe(12 * 3600);
  });

  it("accepts the email in any case", async () => {
    const res = await api(server, "POST", "/api/auth/login", { body: { email: loc.owner.email.toUpperCase(), password: loc.owner.password } });
    expect(res.status).toBe(200);
  });

  it("refuses a wrong password and an unknown email with the same error", async () => {
    const wrong = await api(server, "POST", "/api/auth/login", { body: { email: loc.owner.email, password: "nope" } });
    const unknown = await api(server, "POST", "/api/auth/login", { body: { email: "nobody@test.ordered", password: "nope" } });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: { code: "INVALID_CREDENTIALS", message: "wrong email or password" } });
    }
  });

  it.each([
    [{}, "body.email"],
    [{ email: "not-an-email", password: "x" }, "body.email"],
    [{ email: "a@b.co" }, "body.password"],
    [{ email: "a@b.co", password: 42 }, "body.password"],
    [{ email: "a@b.co", password: "x".repeat(10_000) }, "body.password"],
  ])("names the bad field in %j", async (body, field) => {
    const res = await api(server, "POST", "/api/auth/login", { body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION_FAILED");
    expect(res.body.error.message).toContain(field);
  });

  it("rate-limits login attempts per client address", async () => {
    const limited = await startServer({ LOGIN_RATE_PER_MINUTE: "3" });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        statuses.push((await api(limited, "POST", "/api/auth/login", { body: { email: "x@test.ordered", password: "x" } })).status);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const res = await api(limited, "POST", "/api/auth/login", { body: { email: loc.owner.email, password: loc.owner.password } });
      expect(res.status).toBe(429);
      expect(res.body.error.code).toBe("RATE_LIMITED");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});

describe("staff token checks", () => {
  const claims = () => ({ loc: loc.locationId, role: "OWNER" });
  const sign = (secret: string, opts: jwt.SignOptions) =>
    jwt.sign(claims(), secret, { issuer: "ordered", audience: "ordered:staff", subject: loc.owner.id, expiresIn: 600, ...opts });

  it("accepts a valid token", async () => {
    const token = await loginAs(server, loc.owner);
    const res = await api(server, "GET", "/api/auth/me", { token });
    expect(res.status).toBe(200);
    expect(res.body.staff.id).toBe(loc.owner.id);
  });

  it("asks for a token when there is none", async () => {
    const res = await api(server, "GET", "/api/products");
    expect(res.status).toBe(401);
    expect(res.body.error).toEqual({ code: "UNAUTHENTICATED", message: "staff token required (Authorization: Bearer <token>)" });
  });

  it.each([
    ["expired", () => sign(TEST_SECRET, { expiresIn: -60 }), "token expired"],
    ["forged (other secret)", () => sign("another-secret-another-secret-another", {}), "invalid token"],
    ["wrong algorithm (HS512)", () => sign(TEST_SECRET, { algorithm: "HS512" }), "invalid token"],
    ["wrong audience (customer)", () => sign(TEST_SECRET, { audience: "ordered:customer" }), "invalid token"],
    ["wrong issuer", () => sign(TEST_SECRET, { issuer: "someone-else" }), "invalid token"],
    ["unsigned (alg none)", () => sign("", { algorithm: "none" }), "invalid token"],
    ["without expiry", () => jwt.sign(claims(), TEST_SECRET, { issuer: "ordered", audience: "ordered:staff", subject: loc.owner.id }), "invalid token"],
    ["garbage", () => "not.a.token", "invalid token"],
  ])("refuses a %s token", async (_name, make, message) => {
    const res = await api(server, "GET", "/api/products", { token: make() });
    expect(res.status).toBe(401);
    expect(res.body.error).toEqual({ code: "UNAUTHENTICATED", message });
  });

  it("refuses a customer token on staff routes", async () => {
    const staff = await loginAs(server, loc.owner);
    const opened = await api(server, "POST", "/api/sessions", { token: staff, body: { label: "T" } });
    const joined = await api(server, "POST", "/api/sessions/join", { body: { joinCode: opened.body.session.joinCode } });
    const res = await api(server, "GET", "/api/sessions", { token: joined.body.token });
    expect(res.status).toBe(401);
  });
});
