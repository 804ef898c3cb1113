import { CategoryDto, ProductDto, TaxRateDto } from "@ordered/contract";
import { createAccount } from "../staff/staff-kit.js";
import type { TestServer } from "../support/harness.js";
import { describe, expect, it, type Venue } from "../support/kit.js";

// Issue 33: a location's tax rates, a category's rate and a product's own. Placement copies
// the rate onto each line (the orders' tests); here: managing the rates and naming them.

const addRate = (server: TestServer, venue: Venue, name: string, rateBps: number) =>
  server.api.route("POST /api/tax-rates", { token: venue.staffToken, body: { name, rateBps } }).then((r) => r.taxRate);

describe("tax rates", () => {
  it("are added in order, renamed, re-rated, listed and deleted", async ({ server, venue, prisma }) => {
    const token = venue.staffToken;
    expect((await server.api.route("GET /api/tax-rates", { token })).taxRates).toEqual([]);
    const created = await server.api.request("POST", "/api/tax-rates", { token, body: { name: "Standard", rateBps: 1900 } });
    expect(created.status).toBe(201);
    expect(TaxRateDto.parse(created.body.taxRate)).toMatchObject({ name: "Standard", rateBps: 1900, position: 0 });
    const reduced = await addRate(server, venue, "Reduced", 700);
    const zero = await addRate(server, venue, "Zero", 0);
    expect([reduced.position, zero.position]).toEqual([1, 2]);

    const renamed = await server.api.route("PATCH /api/tax-rates/:id", {
      token,
      params: { id: reduced.id },
      body: { name: "Reduced (food)" },
    });
    expect(renamed.taxRate).toEqual({ ...reduced, name: "Reduced (food)" });
    const rerated = await server.api.route("PATCH /api/tax-rates/:id", { token, params: { id: reduced.id }, body: { rateBps: 750 } });
    expect(rerated.taxRate).toEqual({ ...reduced, name: "Reduced (food)", rateBps: 750 });

    const deleted = await server.api.request("DELETE", `/api/tax-rates/${zero.id}`, { token });
    expect(deleted.status).toBe(204);
    const list = (await server.api.route("GET /api/tax-rates", { token })).taxRates;
    expect(list.map((r) => [r.name, r.rateBps])).toEqual([
      ["Standard", 1900],
      ["Reduced (food)", 750],
    ]);
    expect(await prisma.taxRate.count({ where: { locationId: venue.locationId } })).toBe(2);
  });

  it.for([
    [{ name: "Standard", rateBps: 10_001 }, "body.rateBps: must be at most 10000 (100 %)"],
    [{ name: "Standard", rateBps: -1 }, "body.rateBps: must not be negative"],
    [{ name: "Standard", rateBps: 19.5 }, "body.rateBps: must be a whole number of basis points"],
    [{ name: "Standard", rateBps: "1900" }, "body.rateBps: must be a number of basis points"],
    [{ name: "Standard" }, "body.rateBps"],
    [{ name: "", rateBps: 1900 }, "body.name: must not be empty"],
    [{ name: "x".repeat(41), rateBps: 1900 }, "body.name: must be at most 40 characters"],
    [{ name: "Standard", rateBps: 1900, locationId: "00000000-0000-0000-0000-000000000000" }, "locationId"],
  ] as const)("refuses %j naming the field, storing nothing", async ([body, message], { server, venue, prisma }) => {
    const res = await server.api.request("POST", "/api/tax-rates", { token: venue.staffToken, body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION_FAILED");
    expect(res.body.error.message).toContain(message);
    expect(await prisma.taxRate.count({ where: { locationId: venue.locationId } })).toBe(0);
  });

  it("refuses a name in use (whatever its case), an empty change and a bad rate on edit, changing nothing", async ({ server, venue }) => {
    const token = venue.staffToken;
    const standard = await addRate(server, venue, "Standard", 1900);
    const reduced = await addRate(server, venue, "Reduced", 700);
    const twice = await server.api.request("POST", "/api/tax-rates", { token, body: { name: "STANDARD", rateBps: 1000 } });
    expect([twice.status, twice.body.error]).toEqual([409, { code: "CONFLICT", message: 'a tax rate named "STANDARD" already exists' }]);
    const renamed = await server.api.request("PATCH", `/api/tax-rates/${reduced.id}`, { token, body: { name: "standard" } });
    expect([renamed.status, renamed.body.error.message]).toEqual([409, 'a tax rate named "standard" already exists']);
    const empty = await server.api.request("PATCH", `/api/tax-rates/${reduced.id}`, { token, body: {} });
    expect([empty.status, empty.body.error.message]).toEqual([400, "body: must change at least one field"]);
    const over = await server.api.request("PATCH", `/api/tax-rates/${reduced.id}`, { token, body: { rateBps: 20_000 } });
    expect([over.status, over.body.error.message]).toEqual([400, "body.rateBps: must be at most 10000 (100 %)"]);
    expect((await server.api.route("GET /api/tax-rates", { token })).taxRates).toEqual([standard, reduced]);
  });

  it("a category's rate and a product's own: set, cleared, shown in their DTOs", async ({ server, venue }) => {
    const token = venue.staffToken;
    const standard = await addRate(server, venue, "Standard", 1900);
    const reduced = await addRate(server, venue, "Reduced", 700);
    const pizza = venue.categories.find((c) => c.name === "Pizza")!;
    // A category is untaxed until given a rate; a new one may name its rate at once.
    expect((await server.api.route("GET /api/categories", { token })).categories.map((c) => c.taxRateId)).toEqual([null, null]);
    const set = await server.api.route("PATCH /api/categories/:id", { token, params: { id: pizza.id }, body: { taxRateId: standard.id } });
    expect(CategoryDto.parse(set.category).taxRateId).toBe(standard.id);
    const wine = await server.api.route("POST /api/categories", { token, body: { name: "Wine", taxRateId: standard.id } });
    expect(wine.category.taxRateId).toBe(standard.id);
    const plain = await server.api.route("POST /api/categories", { token, body: { name: "Plain" } });
    expect(plain.category.taxRateId).toBeNull();
    // Another field's change keeps the rate; null clears it.
    const described = await server.api.route("PATCH /api/categories/:id", {
      token,
      params: { id: wine.category.id },
      body: { description: "Red" },
    });
    expect(described.category.taxRateId).toBe(standard.id);
    const cleared = await server.api.route("PATCH /api/categories/:id", {
      token,
      params: { id: wine.category.id },
      body: { taxRateId: null },
    });
    expect(cleared.category.taxRateId).toBeNull();

    // A product follows its category (null) unless it names its own.
    const diavola = venue.products.find((p) => p.name === "Diavola")!;
    const before = await server.api.route("GET /api/products/:id", { token, params: { id: diavola.id } });
    expect(before.product.taxRateId).toBeNull();
    const own = await server.api.route("PATCH /api/products/:id", {
      token,
      params: { id: diavola.id },
      body: { version: before.product.version, taxRateId: reduced.id },
    });
    expect(ProductDto.parse(own.product)).toMatchObject({ taxRateId: reduced.id, version: before.product.version + 1 });
    const repriced = await server.api.route("PATCH /api/products/:id", {
      token,
      params: { id: diavola.id },
      body: { version: own.product.version, priceCents: 1300 },
    });
    expect(repriced.product.taxRateId).toBe(reduced.id);
    const takeaway = await server.api.route("POST /api/products", {
      token,
      body: { name: "Espresso to go", categoryId: pizza.id, priceCents: 250, taxRateId: reduced.id },
    });
    expect(takeaway.product.taxRateId).toBe(reduced.id);
    const followsCategory = await server.api.route("POST /api/products", {
      token,
      body: { name: "Calzone", categoryId: pizza.id, priceCents: 1400 },
    });
    expect(followsCategory.product.taxRateId).toBeNull();
    const back = await server.api.route("PATCH /api/products/:id", {
      token,
      params: { id: diavola.id },
      body: { version: repriced.product.version, taxRateId: null },
    });
    expect(back.product.taxRateId).toBeNull();
    // The phones' menu carries them too (placement and the bill read the same rows).
    const listed = (await server.api.route("GET /api/products", { token })).products.find((p) => p.id === takeaway.product.id);
    expect(listed?.taxRateId).toBe(reduced.id);
  });

  it("a rate named by a category or product cannot be deleted: the refusal names them, nothing is lost", async ({
    server,
    venue,
    prisma,
  }) => {
    const token = venue.staffToken;
    const standard = await addRate(server, venue, "Standard", 1900);
    const [pizza, drinks] = [venue.categories.find((c) => c.name === "Pizza")!, venue.categories.find((c) => c.name === "Drinks")!];
    for (const c of [pizza, drinks])
      await server.api.route("PATCH /api/categories/:id", { token, params: { id: c.id }, body: { taxRateId: standard.id } });
    const lemonade = venue.products.find((p) => p.name === "Lemonade")!;
    const current = await server.api.route("GET /api/products/:id", { token, params: { id: lemonade.id } });
    await server.api.route("PATCH /api/products/:id", {
      token,
      params: { id: lemonade.id },
      body: { version: current.product.version, taxRateId: standard.id },
    });
    await server.api.route("POST /api/products/:id/archive", { token, params: { id: lemonade.id } });

    const refused = await server.api.request("DELETE", `/api/tax-rates/${standard.id}`, { token });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toEqual({
      code: "CONFLICT",
      message:
        'the tax rate "Standard" is in use by categories Pizza, Drinks and products Lemonade (archived): give them another rate first',
    });
    expect(await prisma.taxRate.count({ where: { id: standard.id } })).toBe(1);
    expect(await prisma.category.count({ where: { taxRateId: standard.id } })).toBe(2);

    // Once nothing names it, it goes.
    for (const c of [pizza, drinks])
      await server.api.route("PATCH /api/categories/:id", { token, params: { id: c.id }, body: { taxRateId: null } });
    const archived = await server.api.route("GET /api/products/:id", { token, params: { id: lemonade.id } });
    await server.api.route("POST /api/products/:id/restore", { token, params: { id: lemonade.id } });
    await server.api.route("PATCH /api/products/:id", {
      token,
      params: { id: lemonade.id },
      body: { version: archived.product.version + 1, taxRateId: null },
    });
    expect((await server.api.request("DELETE", `/api/tax-rates/${standard.id}`, { token })).status).toBe(204);
    expect(await prisma.taxRate.count({ where: { id: standard.id } })).toBe(0);
  });

  it("another location's rate is not found: it cannot be named, changed or deleted", async ({ server, venue, otherVenue, prisma }) => {
    const theirs = await addRate(server, otherVenue, "Standard", 2200);
    const token = venue.staffToken;
    const category = venue.categories[0]!;
    const product = venue.products[0]!;
    const notFound = { code: "NOT_FOUND", message: "tax rate not found" };
    const attempts = [
      await server.api.request("PATCH", `/api/categories/${category.id}`, { token, body: { taxRateId: theirs.id } }),
      await server.api.request("POST", "/api/categories", { token, body: { name: "Theirs", taxRateId: theirs.id } }),
      await server.api.request("POST", "/api/products", {
        token,
        body: { name: "Theirs", categoryId: category.id, priceCents: 100, taxRateId: theirs.id },
      }),
      await server.api.request("PATCH", `/api/products/${product.id}`, { token, body: { version: 0, taxRateId: theirs.id } }),
      await server.api.request("PATCH", `/api/tax-rates/${theirs.id}`, { token, body: { rateBps: 0 } }),
      await server.api.request("DELETE", `/api/tax-rates/${theirs.id}`, { token }),
    ];
    for (const res of attempts) expect([res.status, res.body.error]).toEqual([404, notFound]);
    expect(await prisma.category.count({ where: { locationId: venue.locationId, taxRateId: { not: null } } })).toBe(0);
    expect(await prisma.product.count({ where: { locationId: venue.locationId, taxRateId: { not: null } } })).toBe(0);
    expect(await prisma.taxRate.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ rateBps: 2200 });
    // Not an id at all: named as the field's.
    const bad = await server.api.request("PATCH", `/api/categories/${category.id}`, { token, body: { taxRateId: "nope" } });
    expect([bad.status, bad.body.error.message]).toEqual([400, "body.taxRateId: must be a tax rate id"]);
  });

  it("every change of a rate moves the menu's version, so placement reads the rate anew", async ({ server, venue, prisma }) => {
    const token = venue.staffToken;
    const version = async () => (await prisma.location.findUniqueOrThrow({ where: { id: venue.locationId } })).menuVersion;
    const v0 = await version();
    const rate = await addRate(server, venue, "Standard", 1900);
    const v1 = await version();
    expect(v1).toBeGreaterThan(v0);
    await server.api.route("PATCH /api/tax-rates/:id", { token, params: { id: rate.id }, body: { rateBps: 2000 } });
    const v2 = await version();
    expect(v2).toBeGreaterThan(v1);
    await server.api.route("PATCH /api/categories/:id", { token, params: { id: venue.categories[0]!.id }, body: { taxRateId: rate.id } });
    const v3 = await version();
    expect(v3).toBeGreaterThan(v2);
    await server.api.route("PATCH /api/categories/:id", { token, params: { id: venue.categories[0]!.id }, body: { taxRateId: null } });
    await server.api.route("DELETE /api/tax-rates/:id", { token, params: { id: rate.id } });
    expect(await version()).toBeGreaterThan(v3);
  });

  it("waiters read the rates; only the menu's editors change them", async ({ server, venue, prisma }) => {
    const waiter = await createAccount(server, venue.staffToken, "SERVER");
    const manager = await createAccount(server, venue.staffToken, "MANAGER");
    const kitchen = await createAccount(server, venue.staffToken, "KITCHEN");
    const rate = await addRate(server, venue, "Standard", 1900);
    expect((await server.api.route("GET /api/tax-rates", { token: waiter.token })).taxRates).toEqual([rate]);
    const forbidden = (role: string) => ({ code: "FORBIDDEN", message: `a ${role} account cannot edit the menu (needs OWNER or MANAGER)` });
    const tries = [
      await server.api.request("POST", "/api/tax-rates", { token: waiter.token, body: { name: "Reduced", rateBps: 700 } }),
      await server.api.request("PATCH", `/api/tax-rates/${rate.id}`, { token: waiter.token, body: { rateBps: 0 } }),
      await server.api.request("DELETE", `/api/tax-rates/${rate.id}`, { token: waiter.token }),
    ];
    for (const res of tries) expect([res.status, res.body.error]).toEqual([403, forbidden("SERVER")]);
    const cook = await server.api.request("GET", "/api/tax-rates", { token: kitchen.token });
    expect([cook.status, cook.body.error.code]).toEqual([403, "FORBIDDEN"]);
    expect(await prisma.taxRate.findMany({ where: { locationId: venue.locationId }, select: { name: true, rateBps: true } })).toEqual([
      { name: "Standard", rateBps: 1900 },
    ]);
    const byManager = await server.api.request("POST", "/api/tax-rates", { token: manager.token, body: { name: "Reduced", rateBps: 700 } });
    expect(byManager.status).toBe(201);
  });
});
