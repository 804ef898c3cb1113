import { describe, expect, it } from "../support/kit.js";

describe("HTTP edge", () => {
  it("reports health of PostgreSQL and Redis", async ({ server }) => {
    const res = await server.api.request("GET", "/api/health");
    expect(res.body).toEqual({ status: "ok", postgres: "up", redis: "up" });
  });

  it("answers malformed JSON with a clear 400", async ({ server }) => {
    const res = await server.api.request("POST", "/api/auth/login", {
      rawBody: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ code: "VALIDATION_FAILED", message: "body: is not valid JSON" });
  });

  it("refuses bodies over the size cap without touching the database", async ({ server, venue, prisma }) => {
    const before = await prisma.product.count({ where: { locationId: venue.locationId } });
    const res = await server.api.request("POST", "/api/products", {
      token: venue.staffToken,
      body: { name: "x".repeat(200_000), categoryId: venue.categories[0]!.id, priceCents: 1 },
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(await prisma.product.count({ where: { locationId: venue.locationId } })).toBe(before);
  });

  it("answers unknown API routes with a JSON 404", async ({ server }) => {
    const res = await server.api.request("GET", "/api/nope");
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("NOT_FOUND");
  });
});
