import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, loginAs, seedLocation, startServer, testPrisma, type TestServer } from "../support/harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe("HTTP edge", () => {
  it("reports health of PostgreSQL and Redis", async () => {
    const res = await api(server, "GET", "/api/health");
    expect(res.body).toEqual({ status: "ok", postgres: "up", redis: "up" });
  });

  it("answers malformed JSON with a clear 400", async () => {
    const res = await api(server, "POST", "/api/auth/login", { rawBody: "{not json", headers: { "content-type": "application/json" } });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ code: "VALIDATION_FAILED", message: "body: is not valid JSON" });
  });

  it("refuses bodies over the size cap without touching the database", async () => {
    const loc = await seedLocation(testPrisma());
    const token = await loginAs(server, loc.owner);
    const res = await api(server, "POST", "/api/products", { token, body: { name: "x".repeat(200_000), category: "c", priceCents: 1 } });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("answers unknown API routes with a JSON 404", async () => {
    const res = await api(server, "GET", "/api/nope");
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("NOT_FOUND");
  });
});
