import { randomUUID } from "node:crypto";
import type { CreateCategoryBody, CreateProductBody, ProductDto } from "@ordered/contract";
import type { ApiClient } from "../../src/tools/api-client.js";
import { openAndJoin } from "../support/harness.js";
import { describe, expect, it, type Venue } from "../support/kit.js";
import { dataOf, recorderOf, send } from "../support/sockets.js";

type Server = {
  api: ApiClient;
};

async function category(server: Server, token: string, body: CreateCategoryBody) {
  return (await server.api.route("POST /api/categories", { token, body })).category;
}

/** A pizza with a required size and up to three extras. */
async function pizza(server: Server, venue: Venue, extra: Partial<CreateProductBody> = {}): Promise<ProductDto> {
  const body: CreateProductBody = {
    name: `Pizza ${randomUUID().slice(0, 6)}`,
    categoryId: venue.categories[0]!.id,
    priceCents: 900,
    allergens: ["GLUTEN", "MILK"],
    tags: ["VEGETARIAN"],
    optionGroups: [
      {
        name: "Size",
        minChoices: 1,
        maxChoices: 1,
        options: [
          { name: "Small", priceDeltaCents: 0 },
          { name: "Large", priceDeltaCents: 200 },
        ],
      },
      {
        name: "Extras",
        minChoices: 0,
        maxChoices: 3,
        options: [
          { name: "Bacon", priceDeltaCents: 150 },
          { name: "Olives", priceDeltaCents: 100 },
          { name: "Rocket", priceDeltaCents: 80 },
          { name: "Truffle", priceDeltaCents: 500, available: false },
        ],
      },
    ],
    ...extra,
  };
  return (await server.api.route("POST /api/products", { token: venue.staffToken, body })).product;
}

const optionId = (p: ProductDto, name: string) => p.optionGroups.flatMap((g) => g.options).find((o) => o.name === name)!.id;

describe("categories", () => {
  it("are ordered by staff, unique whatever the case, hidden with their products, deleted only when empty", async ({
    server,
    venue,
    otherVenue,
    socket,
  }) => {
    const token = venue.staffToken;
    const { customerToken } = await openAndJoin(server, token);
    const phone = await socket(server, { token: customerToken });
    await recorderOf(phone).waitFor("sync:done");
    const starters = await category(server, token, { name: "Starters", description: "To share" });
    expect(starters).toMatchObject({ name: "Starters", position: 2, hidden: false, availableFrom: null });
    await recorderOf(phone).waitFor("menu:changed");
    const twice = await server.api.request("POST", "/api/categories", { token, body: { name: "starters" } });
    expect([twice.status, twice.body.error.message]).toEqual([409, 'a category named "starters" already exists']);
    // Another location may use the name.
    await category(server, otherVenue.staffToken, { name: "Starters" });

    const [pizzaCat, drinks] = venue.categories;
    const reordered = await server.api.route("PUT /api/categories/order", {
      token,
      body: { categoryIds: [starters.id, drinks!.id, pizzaCat!.id] },
    });
    expect(reordered.categories.map((c: { name: string }) => c.name)).toEqual(["Starters", "Drinks", "Pizza"]);
    const partial = await server.api.request("PUT", "/api/categories/order", { token, body: { categoryIds: [starters.id] } });
    expect(partial.status).toBe(400);
    const menu = await server.api.route("GET /api/menu", { token: customerToken });
    expect(menu.categories.map((c: { name: string }) => c.name)).toEqual(["Starters", "Drinks", "Pizza"]);
    expect(menu.products.map((p: { name: string }) => p.name)).toEqual(["Lemonade", "Diavola", "Margherita"]);

    // Hiding a category takes it and its products off the phones' menu (not off the staff's list).
    await server.api.route("PATCH /api/categories/:id", { token, body: { hidden: true }, params: { id: drinks!.id } });
    const hidden = await server.api.route("GET /api/menu", { token: customerToken });
    expect(hidden.categories.map((c: { name: string }) => c.name)).toEqual(["Starters", "Pizza"]);
    expect(hidden.products.map((p: { name: string }) => p.name)).toEqual(["Diavola", "Margherita"]);
    expect((await server.api.route("GET /api/products", { token })).products).toHaveLength(3);

    // Deleting: an empty one goes; one with products stays.
    expect((await server.api.request("DELETE", `/api/categories/${starters.id}`, { token })).status).toBe(204);
    const busy = await server.api.request("DELETE", `/api/categories/${pizzaCat!.id}`, { token });
    expect([busy.status, busy.body.error.code]).toEqual([409, "CONFLICT"]);
    expect(
      (await server.api.request("PATCH", `/api/categories/${pizzaCat!.id}`, { token: otherVenue.staffToken, body: { hidden: true } }))
        .status,
    ).toBe(404);
  });

  it("refuse half a service window and malformed times", async ({ server, venue }) => {
    const token = venue.staffToken;
    const half = await server.api.request("POST", "/api/categories", { token, body: { name: "Breakfast", availableFrom: "07:00" } });
    expect([half.status, half.body.error.message]).toEqual([
      400,
      "body.availableFrom: give both availableFrom and availableUntil, or neither",
    ]);
    const bad = await server.api.request("POST", "/api/categories", {
      token,
      body: { name: "Brunch", availableFrom: "7am", availableUntil: "11:00" },
    });
    expect(bad.body.error.message).toBe("body.availableFrom: must be a time like 07:30");
  });
});

describe("options", () => {
  it("are chosen on the phone and checked and priced by the server; the line keeps what was chosen", async ({
    server,
    worker,
    venue,
    socket,
    prisma,
  }) => {
    const token = venue.staffToken;
    const product = await pizza(server, venue);
    const { customerToken } = await openAndJoin(server, token);
    const phone = await socket(server, { token: customerToken });
    const large = optionId(product, "Large");
    const options = [large, optionId(product, "Bacon"), optionId(product, "Olives")];
    const { order } = dataOf(
      await send(phone, "order:place", {
        clientOrderId: randomUUID(),
        items: [
          { productId: product.id, quantity: 2, options, note: "well done" },
          { productId: product.id, quantity: 1, options: [optionId(product, "Small")] },
        ],
      }),
    );
    expect(order.items[0]).toEqual({
      productId: product.id,
      productName: product.name,
      unitPriceCents: 900 + 200 + 150 + 100,
      quantity: 2,
      note: "well done",
      options: [
        { group: "Size", name: "Large", priceDeltaCents: 200 },
        { group: "Extras", name: "Bacon", priceDeltaCents: 150 },
        { group: "Extras", name: "Olives", priceDeltaCents: 100 },
      ],
      allergens: ["GLUTEN", "MILK"],
      stationId: venue.categories[0]!.stationId,
      position: 0,
      // A phone's line: no seat, its category's default course, not moved, not corrected, untaxed (no rates set).
      seat: null,
      courseId: venue.categories[0]!.courseId,
      movedTo: null,
      corrections: [],
      taxRateBps: 0,
      taxName: null,
    });
    expect(order.items[0]!.courseId).not.toBeNull();
    expect(order.totalCents).toBe(2 * 1350 + 900);
    // Processing recomputes the total from the snapshots: the same.
    await expect
      .poll(async () => (await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status, { timeout: 15_000 })
      .toBe("ACCEPTED");
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).totalCents).toBe(3600);
    // Renaming and repricing the option later does not change the order.
    const groups = product.optionGroups.map((g) => ({
      id: g.id,
      name: g.name,
      minChoices: g.minChoices,
      maxChoices: g.maxChoices,
      options: g.options.map((o) => ({ ...o, ...(o.id === large ? { name: "XL", priceDeltaCents: 400 } : {}) })),
    }));
    const edited = await server.api.route("PATCH /api/products/:id", {
      token,
      body: { version: product.version, optionGroups: groups },
      params: { id: product.id },
    });
    expect(optionId(edited.product, "XL")).toBe(large);
    const stored = await server.api.route("GET /api/orders/:id", { token, params: { id: order.id } });
    expect(stored.order.items[0]!.options[0]).toEqual({ group: "Size", name: "Large", priceDeltaCents: 200 });
    expect(worker).toBeDefined();
  });

  it.for([
    ["no size", (p: ProductDto) => [optionId(p, "Bacon")], "VALIDATION_FAILED", (p: ProductDto) => `${p.name}: choose a size`],
    [
      "two sizes",
      (p: ProductDto) => [optionId(p, "Small"), optionId(p, "Large")],
      "VALIDATION_FAILED",
      (p: ProductDto) => `${p.name}: choose at most 1 of Size`,
    ],
    [
      "four extras",
      (p: ProductDto) => [optionId(p, "Small"), optionId(p, "Bacon"), optionId(p, "Olives"), optionId(p, "Rocket"), optionId(p, "Bacon")],
      "VALIDATION_FAILED",
      (p: ProductDto) => `${p.name}: an option is chosen twice`,
    ],
    [
      "a sold-out option",
      (p: ProductDto) => [optionId(p, "Small"), optionId(p, "Truffle")],
      "PRODUCT_UNAVAILABLE",
      (p: ProductDto) => `${p.name}: Truffle is sold out`,
    ],
  ] as const)("refuse %s, naming the problem, storing nothing", async ([, choose, code, message], { server, venue, socket, prisma }) => {
    const product = await pizza(server, venue);
    const { session, customerToken } = await openAndJoin(server, venue.staffToken);
    const phone = await socket(server, { token: customerToken });
    const ack = await send(phone, "order:place", {
      clientOrderId: randomUUID(),
      items: [{ productId: product.id, quantity: 1, options: choose(product) }],
    });
    expect(ack.error).toEqual({ code, message: message(product) });
    expect(await prisma.order.count({ where: { sessionId: session.id } })).toBe(0);
  });

  it("refuse another product's option, an unknown one, and more of a group than it allows", async ({ server, venue, socket }) => {
    const a = await pizza(server, venue);
    const b = await pizza(server, venue);
    const { customerToken } = await openAndJoin(server, venue.staffToken);
    const phone = await socket(server, { token: customerToken });
    const place = (options: string[]) =>
      send(phone, "order:place", { clientOrderId: randomUUID(), items: [{ productId: a.id, quantity: 1, options }] });
    expect((await place([optionId(a, "Small"), optionId(b, "Bacon")])).error?.message).toBe(
      `${a.name}: option ${optionId(b, "Bacon")} is not one of its options`,
    );
    expect((await place([optionId(a, "Small"), randomUUID()])).error?.code).toBe("VALIDATION_FAILED");
    const bounded = await pizza(server, venue, {
      optionGroups: [
        {
          name: "Extras",
          minChoices: 0,
          maxChoices: 1,
          options: [
            { name: "A", priceDeltaCents: 1 },
            { name: "B", priceDeltaCents: 1 },
          ],
        },
      ],
    });
    const two = await send(phone, "order:place", {
      clientOrderId: randomUUID(),
      items: [{ productId: bounded.id, quantity: 1, options: bounded.optionGroups[0]!.options.map((o) => o.id) }],
    });
    expect(two.error?.message).toBe(`${bounded.name}: choose at most 1 of Extras`);
  });

  it("cannot make a line dearer than the bound every total relies on", async ({ server, venue }) => {
    const res = await server.api.request("POST", "/api/products", {
      token: venue.staffToken,
      body: {
        name: "Gold leaf",
        categoryId: venue.categories[0]!.id,
        priceCents: 900_000,
        optionGroups: [
          {
            name: "Gold",
            minChoices: 0,
            maxChoices: 2,
            options: [
              { name: "A", priceDeltaCents: 60_000 },
              { name: "B", priceDeltaCents: 60_000 },
            ],
          },
        ],
      },
    });
    expect([res.status, res.body.error.code]).toEqual([400, "VALIDATION_FAILED"]);
    expect(res.body.error.message).toContain("dearest choices would cost 1020000 cents");
  });
});

describe("prices and option ids a product cannot be saved with (issue 30)", () => {
  const group = (name: string, deltas: number[], minChoices = 0, maxChoices = 1) => ({
    name,
    minChoices,
    maxChoices,
    options: deltas.map((d, i) => ({ name: `${name} ${i}`, priceDeltaCents: d })),
  });
  const create = (server: Server, venue: Venue, priceCents: number, optionGroups: unknown[]) =>
    server.api.request("POST", "/api/products", {
      token: venue.staffToken,
      body: { name: `Cheap ${randomUUID().slice(0, 6)}`, categoryId: venue.categories[0]!.id, priceCents, optionGroups },
    });

  it.for([
    ["an optional option below the price", 100, [group("Discount", [-500])], -400],
    ["optional negatives in two groups together", 100, [group("A", [-60]), group("B", [-60])], -20],
    ["two negatives of one group chosen together", 100, [group("C", [-30, -80], 0, 2)], -10],
    ["a required cheapest choice", 100, [group("Size", [-150, 0], 1, 1)], -50],
  ] as const)("refuses %s: no choice may take a line below zero", async ([, price, groups, cheapest], { server, venue }) => {
    const res = await create(server, venue, price, [...groups]);
    expect([res.status, res.body.error.code]).toEqual([400, "VALIDATION_FAILED"]);
    expect(res.body.error.message).toContain(
      `with its cheapest choices would cost ${cheapest} cents: no choice may take a line below zero`,
    );
  });

  it("refuses a price change that would let a choice go below zero, and keeps the product as it was", async ({ server, venue, prisma }) => {
    const ok = await create(server, venue, 600, [group("Small", [-500])]);
    expect(ok.status).toBe(201);
    const product: ProductDto = ok.body.product;
    const res = await server.api.request("PATCH", `/api/products/${product.id}`, {
      token: venue.staffToken,
      body: { version: product.version, priceCents: 400 },
    });
    expect([res.status, res.body.error.code]).toEqual([400, "VALIDATION_FAILED"]);
    expect((await prisma.product.findUniqueOrThrow({ where: { id: product.id } })).priceCents).toBe(600);
  });

  it("refuses one option id in two groups, naming it, and leaves the product orderable", async ({ server, venue, socket }) => {
    const product = await pizza(server, venue);
    const small = optionId(product, "Small");
    const groups = product.optionGroups.map((g) => ({
      id: g.id,
      name: g.name,
      minChoices: g.minChoices,
      maxChoices: g.maxChoices,
      options: g.options.map((o) => ({ id: o.id, name: o.name, priceDeltaCents: o.priceDeltaCents, available: o.available })),
    }));
    groups[1]!.options.push({ id: small, name: "Small again", priceDeltaCents: 0, available: true });
    const res = await server.api.request("PATCH", `/api/products/${product.id}`, {
      token: venue.staffToken,
      body: { version: product.version, optionGroups: groups },
    });
    expect([res.status, res.body.error]).toEqual([
      400,
      {
        code: "VALIDATION_FAILED",
        message: `body.optionGroups: option ${small} is in two groups, or twice in one: an option belongs to one group`,
      },
    ]);
    // Unchanged: a guest can still pick a size and order it.
    const { customerToken } = await openAndJoin(server, venue.staffToken);
    const phone = await socket(server, { token: customerToken });
    dataOf(
      await send(phone, "order:place", { clientOrderId: randomUUID(), items: [{ productId: product.id, quantity: 1, options: [small] }] }),
    );
  });

  it("refuses at placement a line that a product saved before the rule would price below zero", async ({
    server,
    venue,
    socket,
    prisma,
  }) => {
    const product = await pizza(server, venue);
    // As a product saved before the rule could be: an extra that takes the line below zero.
    await prisma.productOption.update({ where: { id: optionId(product, "Olives") }, data: { priceDeltaCents: -5000 } });
    await prisma.location.update({ where: { id: venue.locationId }, data: { menuVersion: { increment: 1 } } });
    const { customerToken } = await openAndJoin(server, venue.staffToken);
    const phone = await socket(server, { token: customerToken });
    const ack = await send(phone, "order:place", {
      clientOrderId: randomUUID(),
      items: [{ productId: product.id, quantity: 1, options: [optionId(product, "Small"), optionId(product, "Olives")] }],
    });
    expect(ack.error).toEqual({ code: "VALIDATION_FAILED", message: `${product.name}: these choices would cost less than nothing` });
  });
});

describe("a repeated clientOrderId", () => {
  it("answers the stored order when it asks for the same lines, and CONFLICT when it asks for others", async ({
    server,
    venue,
    socket,
    prisma,
  }) => {
    const { session, customerToken } = await openAndJoin(server, venue.staffToken);
    const phone = await socket(server, { token: customerToken });
    const clientOrderId = randomUUID();
    const items = [{ productId: venue.products[1]!.id, quantity: 2, note: "crispy" }];
    const { order } = dataOf(await send(phone, "order:place", { clientOrderId, items }));
    expect(dataOf(await send(phone, "order:place", { clientOrderId, items })).order.id).toBe(order.id);
    const other = await send(phone, "order:place", { clientOrderId, items: [{ ...items[0]!, quantity: 3 }] });
    expect(other.error).toEqual({
      code: "CONFLICT",
      message: `order ${clientOrderId} was already placed with other lines: a new order needs a new id`,
    });
    expect(await prisma.order.count({ where: { sessionId: session.id } })).toBe(1);
  });
});

describe("hidden, archived, out of hours", () => {
  it("refuse the order, naming the product, and phones hear of the change live", async ({ server, venue, socket, prisma }) => {
    const token = venue.staffToken;
    const product = await pizza(server, venue);
    const { session, customerToken } = await openAndJoin(server, token);
    const phone = await socket(server, { token: customerToken });
    await recorderOf(phone).waitFor("sync:done");
    const line = { productId: product.id, quantity: 1, options: [optionId(product, "Small")] };
    const place = () => send(phone, "order:place", { clientOrderId: randomUUID(), items: [line] });

    const hidden = await server.api.route("PATCH /api/products/:id", {
      token,
      body: { version: product.version, hidden: true },
      params: { id: product.id },
    });
    expect((await recorderOf(phone).waitFor("product:updated", (p) => p.id === product.id && p.hidden)).version).toBe(
      hidden.product.version,
    );
    expect((await place()).error).toEqual({ code: "PRODUCT_UNAVAILABLE", message: `${product.name} is not on the menu` });
    expect((await server.api.route("GET /api/menu", { token: customerToken })).products.some((p: ProductDto) => p.id === product.id)).toBe(
      false,
    );
    await server.api.route("PATCH /api/products/:id", {
      token,
      body: { version: hidden.product.version, hidden: false },
      params: { id: product.id },
    });

    // Out of hours: a window that is not now in the location's time zone.
    await server.api.route("PATCH /api/location", { token, body: { timeZone: "Pacific/Kiritimati" } });
    const hour = Number(
      new Intl.DateTimeFormat("en-GB", { timeZone: "Pacific/Kiritimati", hour: "2-digit", hourCycle: "h23" }).format(new Date()),
    );
    const from = `${String((hour + 2) % 24).padStart(2, "0")}:00`;
    const until = `${String((hour + 3) % 24).padStart(2, "0")}:00`;
    const breakfast = await category(server, token, { name: "Later", availableFrom: from, availableUntil: until });
    await server.api.route("PATCH /api/products/:id", {
      token,
      body: { version: hidden.product.version + 1, categoryId: breakfast.id },
      params: { id: product.id },
    });
    expect((await place()).error).toEqual({ code: "PRODUCT_UNAVAILABLE", message: `${product.name} is served ${from}–${until}` });
    // The phone still sees the category (with its hours) on the menu.
    expect((await server.api.route("GET /api/menu", { token: customerToken })).categories.map((c: { name: string }) => c.name)).toContain(
      "Later",
    );

    // Archived: off the staff's list too, never deleted; its name is free again.
    const archived = await server.api.route("POST /api/products/:id/archive", { token, params: { id: product.id } });
    expect(archived.product.archived).toBe(true);
    expect((await place()).error?.message).toBe(`${product.name} is not on the menu`);
    expect((await server.api.route("GET /api/products", { token })).products.some((p: ProductDto) => p.id === product.id)).toBe(false);
    expect(
      (await server.api.route("GET /api/products", { token, query: { archived: "include" } })).products.some(
        (p: ProductDto) => p.id === product.id,
      ),
    ).toBe(true);
    const again = await server.api.request("POST", "/api/products", {
      token,
      body: { name: product.name.toUpperCase(), categoryId: venue.categories[0]!.id, priceCents: 100 },
    });
    expect(again.status).toBe(201);
    const restore = await server.api.request("POST", `/api/products/${product.id}/restore`, { token });
    expect([restore.status, restore.body.error.code]).toEqual([409, "CONFLICT"]);
    expect(await prisma.order.count({ where: { sessionId: session.id } })).toBe(0);
  });
});

describe("editing a product", () => {
  it("refuses the second of two edits made from the same version, keeping the first", async ({ cluster: [a, b], venue }) => {
    const token = venue.staffToken;
    const product = await pizza(a, venue);
    const [first, second] = await Promise.all([
      a.api.request("PATCH", `/api/products/${product.id}`, { token, body: { version: product.version, priceCents: 1000 } }),
      b.api.request("PATCH", `/api/products/${product.id}`, { token, body: { version: product.version, priceCents: 1100 } }),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 409]);
    const [won, lost] = first.status === 200 ? [first, second] : [second, first];
    expect(lost.body.error.message).toBe(
      `${product.name} was changed by someone else since you opened it; reload to see the newer version`,
    );
    const now = await a.api.route("GET /api/products/:id", { token, params: { id: product.id } });
    expect(now.product).toEqual(won.body.product);
    expect(now.product.version).toBe(product.version + 1);
    // A name used by another product in use is refused, whatever the case.
    const taken = await a.api.request("PATCH", `/api/products/${product.id}`, {
      token,
      body: { version: now.product.version, name: "margherita" },
    });
    expect([taken.status, taken.body.error.message]).toEqual([409, 'a product named "margherita" is already on the menu']);
  });

  it("keeps options' ids when they are sent back, and refuses another product's group", async ({ server, venue }) => {
    const token = venue.staffToken;
    const a = await pizza(server, venue);
    const b = await pizza(server, venue);
    const foreign = await server.api.request("PATCH", `/api/products/${a.id}`, {
      token,
      body: {
        version: a.version,
        optionGroups: [
          { id: b.optionGroups[0]!.id, name: "Size", minChoices: 0, maxChoices: 1, options: [{ name: "X", priceDeltaCents: 0 }] },
        ],
      },
    });
    expect([foreign.status, foreign.body.error.message]).toEqual([
      404,
      `option group ${b.optionGroups[0]!.id} is not one of this product's`,
    ]);
    expect((await server.api.route("GET /api/products/:id", { token, params: { id: a.id } })).product).toEqual(a);
    const dropped = await server.api.route("PATCH /api/products/:id", {
      token,
      body: { version: a.version, optionGroups: [] },
      params: { id: a.id },
    });
    expect(dropped.product.optionGroups).toEqual([]);
  });
});
