import { openAndJoin } from "../support/harness.js";
import { describe, expect, it, type Venue } from "../support/kit.js";

const product = (venue: Venue) => ({
  name: "Calzone",
  categoryId: venue.categories[0]!.id,
  priceCents: 1400,
  description: "Folded",
  stock: 5,
});

describe("products (staff)", () => {
  it("lists the location's products by category (in the menu's order) and name", async ({ server, venue }) => {
    const res = await server.api.request("GET", "/api/products", { token: venue.staffToken });
    expect(res.status).toBe(200);
    expect(res.body.products.map((p: { name: string }) => p.name)).toEqual(["Diavola", "Margherita", "Lemonade"]);
    expect(res.body.products[2]).toMatchObject({ category: "Drinks", priceCents: 450, currency: "EUR", available: true, stock: null });
  });

  it("creates a product in the location's currency", async ({ server, venue, prisma }) => {
    const newProduct = product(venue);
    const res = await server.api.request("POST", "/api/products", { token: venue.staffToken, body: newProduct });
    expect(res.status).toBe(201);
    expect(res.body.product).toMatchObject({ ...newProduct, currency: "EUR", available: true, version: 0, hidden: false, archived: false });
    const stored = await prisma.product.findUniqueOrThrow({ where: { id: res.body.product.id } });
    expect(stored.locationId).toBe(venue.locationId);
  });

  it("updates fields and marks a product unavailable", async ({ server, venue }) => {
    const token = venue.staffToken;
    const created = (await server.api.request("POST", "/api/products", { token, body: product(venue) })).body.product;
    const patched = await server.api.request("PATCH", `/api/products/${created.id}`, {
      token,
      body: { version: created.version, priceCents: 1500, stock: null },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.product).toMatchObject({ priceCents: 1500, stock: null, name: "Calzone", version: created.version + 1 });
    const soldOut = await server.api.request("PUT", `/api/products/${created.id}/availability`, { token, body: { available: false } });
    expect(soldOut.status).toBe(200);
    expect(soldOut.body.product.available).toBe(false);
  });

  it.for([
    [{ name: "" }, "body.name"],
    [{ name: "x".repeat(121) }, "body.name"],
    [{ name: "x".repeat(5_000) }, "body.name"],
    [{ priceCents: 9.5 }, "body.priceCents"],
    [{ priceCents: -1 }, "body.priceCents"],
    [{ priceCents: "950" }, "body.priceCents"],
    [{ stock: -3 }, "body.stock"],
    [{ categoryId: undefined }, "body.categoryId"],
    [{ allergens: ["PEANUT"] }, "body.allergens.0: must be one of the 14 EU allergens"],
    [{ tags: ["VEGAN", "VEGAN"] }, "body.tags: must list each tag once"],
    [{ optionGroups: [{ name: "Size", minChoices: 2, maxChoices: 1, options: [{ name: "S", priceDeltaCents: 0 }] }] }, "minChoices"],
    [{ optionGroups: [{ name: "Size", minChoices: 0, maxChoices: 2, options: [{ name: "S", priceDeltaCents: 0 }] }] }, "maxChoices"],
    [{ optionGroups: [{ name: "Size", minChoices: 1, maxChoices: 1, options: [] }] }, "must have at least one option"],
    [{ locationId: "00000000-0000-0000-0000-000000000000" }, "locationId"],
  ] as const)("rejects %j naming the field, storing nothing", async ([change, field], { server, venue, prisma }) => {
    const body = { ...product(venue), ...change };
    const before = await prisma.product.count({ where: { locationId: venue.locationId } });
    const res = await server.api.request("POST", "/api/products", { token: venue.staffToken, body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION_FAILED");
    expect(res.body.error.message).toContain(field);
    expect(await prisma.product.count({ where: { locationId: venue.locationId } })).toBe(before);
  });

  it("rejects an empty update and leaves the product as it was", async ({ server, venue, prisma }) => {
    const id = venue.products[1]!.id;
    const res = await server.api.request("PATCH", `/api/products/${id}`, { token: venue.staffToken, body: { version: 0 } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("at least one field");
    const bad = await server.api.request("PATCH", `/api/products/${id}`, {
      token: venue.staffToken,
      body: { version: 0, name: "Ok", priceCents: -5 },
    });
    expect(bad.status).toBe(400);
    expect((await prisma.product.findUniqueOrThrow({ where: { id } })).name).toBe("Diavola");
  });

  it("answers 404 for unknown and malformed ids", async ({ server, venue }) => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      const res = await server.api.request("PATCH", `/api/products/${id}`, {
        token: venue.staffToken,
        body: { version: 0, available: false },
      });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("NOT_FOUND");
    }
  });

  it("keeps each location's products to itself", async ({ server, venue, otherVenue, prisma }) => {
    const otherToken = otherVenue.staffToken;
    const list = await server.api.request("GET", "/api/products", { token: otherToken });
    expect(list.body.products.map((p: { id: string }) => p.id).sort()).toEqual(otherVenue.products.map((p) => p.id).sort());
    const res = await server.api.request("PATCH", `/api/products/${venue.products[0]!.id}`, {
      token: otherToken,
      body: { version: 0, available: false },
    });
    expect(res.status).toBe(404);
    expect((await prisma.product.findUniqueOrThrow({ where: { id: venue.products[0]!.id } })).available).toBe(true);
  });
});

describe("menu (customer)", () => {
  it("shows a joined customer their location's menu, sold-out items flagged", async ({ server, venue }) => {
    const token = venue.staffToken;
    const { customerToken } = await openAndJoin(server, token);
    const target = (await server.api.request("POST", "/api/products", { token, body: { ...product(venue), name: "Sold Out Soup" } })).body
      .product;
    await server.api.request("PUT", `/api/products/${target.id}/availability`, { token, body: { available: false } });
    const res = await server.api.request("GET", "/api/menu", { token: customerToken });
    expect(res.status).toBe(200);
    const soup = res.body.products.find((p: { id: string }) => p.id === target.id);
    expect(soup.available).toBe(false);
    expect(res.body.products.every((p: { currency: string }) => p.currency === "EUR")).toBe(true);
  });

  it("refuses staff tokens, and customers of closed sessions", async ({ server, venue }) => {
    const token = venue.staffToken;
    expect((await server.api.request("GET", "/api/menu", { token })).status).toBe(401);
    const { session, customerToken } = await openAndJoin(server, token);
    await server.api.closeSession(token, session.id);
    const res = await server.api.request("GET", "/api/menu", { token: customerToken });
    expect(res.status).toBe(410);
    expect(res.body.error.code).toBe("SESSION_CLOSED");
  });
});
