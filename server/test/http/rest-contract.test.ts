// The REST API against its table (contract ROUTES): the routes express serves are exactly the
// table's, the OpenAPI document served is valid and names every route, and a tour through a
// venue's day calls every route of the table with the typed client and checks each answer
// against the route's response schema (the server checks it too, in tests: http/routes.ts).
import { randomUUID } from "node:crypto";
import {
  billOf,
  isFileContent,
  type OpenApiDocument,
  openApiDocument,
  ROUTES,
  type RouteArgs,
  type RouteDef,
  type RouteKey,
  type RouteResponse,
} from "@ordered/contract";
import { Validator } from "@seriousme/openapi-schema-validator";
import sharp from "sharp";
import { startFakePrinter } from "../../src/tools/fake-printer.js";
import { freePort } from "../../src/tools/free-port.js";
import { startSmtpStandIn } from "../../src/tools/smtp-stand-in.js";
import { startStripeStandin } from "../../src/tools/stripe-standin.js";
import type { TestServer } from "../support/harness.js";
import { eventually } from "../support/harness.js";
import { describe, expect, it } from "../support/kit.js";
import { dataOf, send } from "../support/sockets.js";

const KEYS = Object.keys(ROUTES).sort() as RouteKey[];

interface Layer {
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** "METHOD /path" of every route registered under /api, however deep its router. */
function expressRoutes(stack: Layer[], out: string[] = []): string[] {
  for (const layer of stack) {
    if (layer.route && typeof layer.route.path === "string" && layer.route.path.startsWith("/api/")) {
      for (const method of Object.keys(layer.route.methods)) out.push(`${method.toUpperCase()} ${layer.route.path}`);
    } else if (layer.handle?.stack) {
      expressRoutes(layer.handle.stack, out);
    }
  }
  return out;
}

/** Every `$ref` in a JSON value. */
function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refsIn(v, out);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

describe("the route table", () => {
  it("is what express serves: every route of the table, and no other under /api", async ({ server }) => {
    const { router } = server.app.express as unknown as { router: { stack: Layer[] } };
    expect(expressRoutes(router.stack).sort()).toEqual(KEYS);
  });

  it("is served as a valid OpenAPI 3.1 document naming every route, its guard and its schemas", async ({ server }) => {
    const res = await fetch(`${server.url}/api/openapi.json`);
    expect(res.status).toBe(200);
    const served = (await res.json()) as OpenApiDocument;
    expect(served).toEqual(JSON.parse(JSON.stringify(openApiDocument({ serverUrl: server.config.publicUrl }))));

    const validator = new Validator();
    const result = await validator.validate(structuredClone(served));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(served.openapi).toBe("3.1.0");

    const operationIds = new Set<string>();
    for (const key of KEYS) {
      const route: RouteDef = ROUTES[key];
      const [method, path] = key.split(" ") as [string, string];
      const openApiPath = path.replace(/:([A-Za-z]+)/g, "{$1}");
      const operation = served.paths[openApiPath]?.[method.toLowerCase()] as Record<string, unknown> | undefined;
      expect(operation, key).toBeDefined();
      operationIds.add(operation!.operationId as string);
      // Path parameters: exactly those in the path.
      const inPath = [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);
      const declared = (operation!.parameters as { name: string; in: string }[]).filter((p) => p.in === "path").map((p) => p.name);
      expect(declared.sort(), key).toEqual(inPath.sort());
      // Who may call it.
      const security = operation!.security as Record<string, unknown>[];
      if (route.by === "public") expect(security, key).toEqual([]);
      else expect(Object.keys(security[0]!), key).toEqual([route.by === "customer" ? "customerToken" : "staffToken"]);
      if (route.by === "staff" && route.may) expect(operation!["x-permission"], key).toBe(route.may);
      // Its answer: the route's status and an error shape for anything else.
      const responses = operation!.responses as Record<string, unknown>;
      expect(Object.keys(responses), key).toContain(String(route.status ?? 200));
      expect(Object.keys(responses), key).toContain("default");
      if (route.body) expect(operation!.requestBody, key).toBeDefined();
    }
    expect(operationIds.size).toBe(KEYS.length);
    // Every reference names a component.
    for (const ref of new Set(refsIn(served))) {
      expect(served.components.schemas[ref.replace("#/components/schemas/", "")], ref).toBeDefined();
    }
  });

  it("types every call from the table (wrongCalls below are compile errors)", () => {
    expect(wrongCalls).toBeTypeOf("function");
  });

  it("answers every route as its schema says, through the typed client, on a venue's day", async ({
    server,
    startServer,
    prefix,
    worker,
    venue,
    socket,
    prisma,
  }) => {
    void worker; // accepts the orders placed below
    const called = new Set<RouteKey>();
    /** A typed call of `key`; its answer is parsed with the route's schema here too. */
    async function call<K extends RouteKey>(key: K, ...args: RouteArgs<K>): Promise<RouteResponse<K>> {
      const answer = await server.api.route(key, ...args);
      called.add(key);
      const response = (ROUTES[key] as RouteDef).response;
      if (response && !isFileContent(response)) response.parse(answer);
      return answer;
    }
    const token = venue.staffToken;

    // The service itself.
    expect((await call("GET /api/health")).status).toBe("ok");
    expect((await call("GET /api/openapi.json")).openapi).toBe("3.1.0");

    // Accounts: log in, invite a manager, who sets and then changes their password.
    expect((await call("POST /api/auth/login", { body: { email: venue.owner.email, password: venue.owner.password } })).staff.role).toBe(
      "OWNER",
    );
    expect((await call("GET /api/auth/me", { token })).staff.id).toBe(venue.owner.id);
    const invited = await call("POST /api/staff", {
      token,
      body: { email: `m-${randomUUID()}@test.ordered`, displayName: "Mia", role: "MANAGER" },
    });
    const setupToken = new URL(invited.setupLink!.url).hash.slice(1);
    expect((await call("GET /api/auth/setup", { query: { token: setupToken } })).displayName).toBe("Mia");
    const manager = await call("POST /api/auth/setup", { body: { token: setupToken, password: "first-password-1" } });
    await call("POST /api/auth/password", {
      token: manager.token,
      body: { currentPassword: "first-password-1", newPassword: "second-password-2" },
    });
    await call("PATCH /api/staff/:id", { token, params: { id: invited.staff.id }, body: { displayName: "Mia R." } });
    expect((await call("GET /api/staff", { token })).staff.map((s) => s.displayName)).toContain("Mia R.");

    // The location and its floor.
    await call("GET /api/location", { token });
    await call("PATCH /api/location", { token, body: { ticketAmberMinutes: 9, ticketRedMinutes: 19 } });
    const terrace = (await call("POST /api/tables", { token, body: { name: "Terrace", area: "Outside", seats: 4 } })).table;
    const spare = (await call("POST /api/tables", { token, body: { name: "Spare" } })).table;
    const floor = (await call("GET /api/tables", { token, query: { retired: "include" } })).tables;
    await call("PUT /api/tables/order", { token, body: { tableIds: floor.map((t) => t.id).reverse() } });
    await call("PATCH /api/tables/:id", { token, params: { id: terrace.id }, body: { seats: 6 } });
    await call("POST /api/tables/:id/retire", { token, params: { id: spare.id } });
    expect((await call("GET /api/tables/cards", { token })).cards.length).toBeGreaterThan(0);
    for (const format of ["svg", "png"] as const) {
      const image = await call("GET /api/tables/:id/card.:format", { token, params: { id: terrace.id, format } });
      expect(image.type.split(";")[0]).toBe(format === "svg" ? "image/svg+xml" : "image/png");
    }
    const cardCode = terrace.cardUrl.split("/t/")[1]!;
    expect((await call("GET /api/cards/:cardCode", { params: { cardCode } })).seated).toBe(false);
    // A phone waiting at the free table's card, answered once staff seat it (and the table freed again).
    const waiting = call("GET /api/cards/:cardCode/seated", { params: { cardCode } });
    await eventually(async () => server.app.deps.seatWaits.size > 0);
    const seatedHere = (await call("POST /api/sessions", { token, body: { tableId: terrace.id } })).session;
    expect(await waiting).toEqual({ seated: true });
    await call("POST /api/sessions/:id/close", { token, params: { id: seatedHere.id }, body: {} });

    // The menu.
    const pastry = (await call("POST /api/stations", { token, body: { name: "Pastry" } })).station;
    await call("PATCH /api/stations/:id", { token, params: { id: pastry.id }, body: { name: "Pastry bench" } });
    expect(
      (await call("PUT /api/stations/:id/capacity", { token, params: { id: pastry.id }, body: { capacity: 6 } })).station.capacity,
    ).toBe(6);
    await call("GET /api/stations", { token });
    await call("DELETE /api/stations/:id", { token, params: { id: pastry.id } });
    // A printer at an address where nothing listens: the test print says so, and prints nothing.
    const grill = (await call("POST /api/printers", { token, body: { name: "Grill", host: "127.0.0.1", port: await freePort() } })).printer;
    await call("PATCH /api/printers/:id", { token, params: { id: grill.id }, body: { paperWidthMm: 58 } });
    expect((await call("GET /api/printers", { token })).printers.map((p) => [p.name, p.paperWidthMm])).toEqual([["Grill", 58]]);
    expect((await call("GET /api/printers/health", { token })).printers).toEqual([
      { printerId: grill.id, name: "Grill", problem: null, failingSince: null, waiting: 0, backups: [] },
    ]);
    const line = (await call("POST /api/stations", { token, body: { name: "Line" } })).station;
    expect(
      (await call("PUT /api/stations/:id/printers", { token, params: { id: line.id }, body: { printerIds: [grill.id] } })).station
        .printerIds,
    ).toEqual([grill.id]);
    expect((await call("PUT /api/printers/receipt", { token, body: { printerId: grill.id } })).location.receiptPrinterId).toBe(grill.id);
    const tried = await call("POST /api/printers/:id/test", { token, params: { id: grill.id } });
    expect(tried).toMatchObject({ printed: false, status: { reachable: false, problem: expect.stringContaining("refused") } });
    await call("DELETE /api/printers/:id", { token, params: { id: grill.id } });
    const cheese = (await call("POST /api/courses", { token, body: { name: "Cheese" } })).course;
    await call("PATCH /api/courses/:id", { token, params: { id: cheese.id }, body: { name: "Cheeses" } });
    expect((await call("GET /api/courses", { token })).courses.map((c) => c.name)).toEqual([
      "Drinks",
      "Starters",
      "Mains",
      "Desserts",
      "Cheeses",
    ]);
    await call("DELETE /api/courses/:id", { token, params: { id: cheese.id } });
    const standard = (await call("POST /api/tax-rates", { token, body: { name: "Standard", rateBps: 1900 } })).taxRate;
    const reduced = (await call("POST /api/tax-rates", { token, body: { name: "Reduced", rateBps: 700 } })).taxRate;
    await call("PATCH /api/tax-rates/:id", { token, params: { id: reduced.id }, body: { rateBps: 750 } });
    const spareRate = (await call("POST /api/tax-rates", { token, body: { name: "Spare", rateBps: 0 } })).taxRate;
    await call("DELETE /api/tax-rates/:id", { token, params: { id: spareRate.id } });
    expect((await call("GET /api/tax-rates", { token })).taxRates.map((r) => [r.name, r.rateBps])).toEqual([
      ["Standard", 1900],
      ["Reduced", 750],
    ]);
    const desserts = (await call("POST /api/categories", { token, body: { name: "Desserts", taxRateId: standard.id } })).category;
    const categories = (await call("GET /api/categories", { token })).categories;
    await call("PUT /api/categories/order", { token, body: { categoryIds: categories.map((c) => c.id).reverse() } });
    await call("PATCH /api/categories/:id", { token, params: { id: desserts.id }, body: { description: "Sweet", taxRateId: null } });
    await call("DELETE /api/categories/:id", { token, params: { id: desserts.id } });
    const tiramisu = (
      await call("POST /api/products", { token, body: { name: "Tiramisu", categoryId: venue.categories[0]!.id, priceCents: 600 } })
    ).product;
    const edited = (
      await call("PATCH /api/products/:id", {
        token,
        params: { id: tiramisu.id },
        body: { version: tiramisu.version, priceCents: 650, taxRateId: reduced.id },
      })
    ).product;
    expect(edited.taxRateId).toBe(reduced.id);
    await call("PUT /api/products/:id/availability", { token, params: { id: tiramisu.id }, body: { available: false } });
    const png = await sharp({ create: { width: 32, height: 32, channels: 3, background: "#c33" } })
      .png()
      .toBuffer();
    const photographed = await call("PUT /api/products/:id/photo", {
      token,
      params: { id: tiramisu.id },
      body: new Uint8Array(png),
      contentType: "image/png",
    });
    expect(photographed.product.photo).not.toBeNull();
    await call("DELETE /api/products/:id/photo", { token, params: { id: tiramisu.id } });
    // The venue's branding: its colour is a setting, its logo and cover go through the photo store.
    expect((await call("PATCH /api/location", { token, body: { brandColor: "#1F6FEB" } })).location.brandColor).toBe("#1f6feb");
    for (const image of ["logo", "cover"] as const) {
      const branded = await call(`PUT /api/location/${image}`, { token, body: new Uint8Array(png), contentType: "image/png" });
      expect(branded.location[image]).not.toBeNull();
      expect((await call(`DELETE /api/location/${image}`, { token })).location[image]).toBeNull();
    }
    await call("POST /api/products/:id/archive", { token, params: { id: tiramisu.id } });
    await call("POST /api/products/:id/restore", { token, params: { id: tiramisu.id } });
    expect((await call("GET /api/products/:id", { token, params: { id: tiramisu.id } })).product.version).toBeGreaterThan(edited.version);
    await call("GET /api/products", { token, query: { archived: "include" } });

    // A session: phones join through the card (one types the PIN, one is accepted, one removed).
    const opened = await call("POST /api/sessions", { token, body: { tableId: terrace.id } });
    const sessionId = opened.session.id;
    expect((await call("GET /api/sessions/code/:joinCode", { params: { joinCode: opened.session.joinCode } })).label).toBe("Terrace");
    const ann = await call("POST /api/sessions/join", { body: { cardCode, displayName: "Ann" } });
    await call("POST /api/sessions/verify", { token: ann.token, body: { pin: opened.session.pin } });
    await call("GET /api/menu", { token: ann.token });
    expect((await call("GET /api/sessions/current", { token: ann.token })).customer.presence).toBe("VERIFIED");
    const bob = await call("POST /api/sessions/join", { body: { cardCode, displayName: "Bob" } });
    await call("POST /api/sessions/:id/customers/:customerId/accept", { token, params: { id: sessionId, customerId: bob.customer.id } });
    const eve = await call("POST /api/sessions/join", { body: { cardCode, displayName: "Eve" } });
    await call("POST /api/sessions/:id/customers/:customerId/remove", { token, params: { id: sessionId, customerId: eve.customer.id } });
    // Bob declares an allergy on his phone; the waiter records seat 3's; the kitchen reads both.
    expect((await call("GET /api/sessions/allergies", { token: bob.token })).declaration).toBeNull();
    const bobs = await call("PUT /api/sessions/allergies", { token: bob.token, body: { allergens: ["SESAME"], diets: [], note: null } });
    expect(bobs.declaration).toMatchObject({ guest: `phone:${bob.customer.id}`, allergens: ["SESAME"], version: 1 });
    const seat3 = await call("PUT /api/sessions/:id/allergies", {
      token,
      params: { id: sessionId },
      body: { guest: "seat:3", allergens: [], diets: ["VEGAN"], note: "no honey" },
    });
    expect(seat3.allergies.declarations.map((d) => d.guest)).toEqual([`phone:${bob.customer.id}`, "seat:3"]);
    expect((await call("GET /api/sessions/:id/allergies", { token, params: { id: sessionId } })).allergies).toEqual(seat3.allergies);
    expect((await call("GET /api/kitchen/allergies", { token })).allergies).toContainEqual(seat3.allergies);

    // Orders from Ann's phone, accepted by the pipeline: one served, one cancelled.
    const phone = await socket(server, { token: ann.token });
    const accepted = async () => {
      const { order } = dataOf(
        await send(phone, "order:place", { clientOrderId: randomUUID(), items: [{ productId: venue.products[1]!.id, quantity: 1 }] }),
      );
      await eventually(
        async () => (await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status === "ACCEPTED",
        15_000,
        "accepted",
      );
      return order;
    };
    const served = await accepted();
    const cancelled = await accepted();
    expect((await call("GET /api/orders/:id", { token, params: { id: served.id } })).order.status).toBe("ACCEPTED");
    await call("POST /api/orders/:id/advance", { token, params: { id: served.id }, body: { to: "READY", overrideKitchen: true } });
    await call("POST /api/orders/:id/advance", { token, params: { id: served.id }, body: { to: "DELIVERED" } });
    expect((await call("POST /api/orders/:id/cancel", { token, params: { id: cancelled.id }, body: { seen: "NEW" } })).order.status).toBe(
      "CANCELLED",
    );
    await call("GET /api/kitchen", { token });
    // Waiting times: the phone's orders and cart, the floor's view, a station's pace.
    expect((await call("GET /api/sessions/estimates", { token: ann.token })).estimates).toEqual(expect.any(Array));
    await call("POST /api/sessions/estimate", { token: ann.token, body: { items: [{ productId: venue.products[1]!.id, quantity: 2 }] } });
    await call("GET /api/estimates", { token });
    // The waiter adds a lemonade to the table, served with the rest.
    const { order: entered } = await call("POST /api/sessions/:id/orders", {
      token,
      params: { id: sessionId },
      body: { clientOrderId: randomUUID(), items: [{ productId: venue.products[2]!.id, quantity: 1, seat: 2 }] },
    });
    expect(entered.enteredBy).toBe(venue.owner.displayName);
    expect(entered.items[0]!.seat).toBe(2);
    await eventually(
      async () => (await prisma.order.findUniqueOrThrow({ where: { id: entered.id } })).status === "ACCEPTED",
      15_000,
      "the waiter's order accepted",
    );
    for (const to of ["READY", "DELIVERED"] as const)
      await call("POST /api/orders/:id/advance", { token, params: { id: entered.id }, body: { to, overrideKitchen: true } });

    // The party moves to a free table and back.
    const patio = (await call("POST /api/tables", { token, body: { name: "Patio" } })).table;
    expect(
      (await call("POST /api/sessions/:id/move", { token, params: { id: sessionId }, body: { tableId: patio.id } })).session.label,
    ).toBe("Patio");
    await call("POST /api/sessions/:id/move", { token, params: { id: sessionId }, body: { tableId: terrace.id } });

    // The waiter's lemonade goes onto the bar's bill, and the bar's party joins the table.
    const bar = (await call("POST /api/sessions", { token, body: { label: "Bar" } })).session;
    const movedLines = await call("POST /api/sessions/:id/move-lines", {
      token,
      params: { id: sessionId },
      body: { clientMoveId: randomUUID(), orderId: entered.id, positions: [0], toSessionId: bar.id },
    });
    expect(movedLines.to.movedFrom).toBe("Terrace #3");
    const merged = await call("POST /api/sessions/:id/merge", {
      token,
      params: { id: bar.id },
      body: { clientMergeId: randomUUID(), intoSessionId: sessionId },
    });
    expect(merged.merged.status).toBe("CLOSED");
    // Bob and his (no) orders go to the patio; his phone follows.
    const split = await call("POST /api/sessions/:id/split", {
      token,
      params: { id: sessionId },
      body: { clientSplitId: randomUUID(), tableId: patio.id, customerIds: [bob.customer.id] },
    });
    expect(split.split.label).toBe("Patio");
    await call("POST /api/sessions/follow", { body: { token: bob.token } });

    // Ann's served order is shared by her phone and "person 3" (split by item); Person 3 pays its half.
    const shared = await call("POST /api/sessions/:id/claims", {
      token,
      params: { id: sessionId },
      body: {
        orderId: served.id,
        position: 0,
        claims: [
          { payer: `phone:${ann.customer.id}`, weight: 1 },
          { payer: "person:3", weight: 1 },
        ],
      },
    });
    expect(shared.claims.map((c) => c.payer).sort()).toEqual([`phone:${ann.customer.id}`, "person:3"].sort());
    const half = Math.floor(served.totalCents / 2);
    await call("POST /api/sessions/:id/payments", {
      token,
      params: { id: sessionId },
      body: { clientPaymentId: randomUUID(), method: "CASH", amountCents: half, payer: "person:3" },
    });

    // The lemonade, now on the bar's order merged here, is comped (issue 32): a retry of the same id answers 200 with the same correction.
    const comp = { clientCorrectionId: randomUUID(), kind: "COMP" as const, orderId: movedLines.to.id, position: 0, reason: "regular" };
    const comped = await call("POST /api/sessions/:id/corrections", { token, params: { id: sessionId }, body: comp });
    expect(comped.order?.items[0]?.corrections.map((c) => c.kind)).toEqual(["COMP"]);
    expect((await call("POST /api/sessions/:id/corrections", { token, params: { id: sessionId }, body: comp })).correction).toEqual(
      comped.correction,
    );

    // Ann pays 1.00 + 0.20 tip on her phone through Stripe (the stand-in) on an instance that
    // reaches it; the signed webhook records it; a manager refunds half of it; then the keys go.
    const stripe = await startStripeStandin();
    try {
      const cashier = await startServer({ REDIS_PREFIX: prefix, STRIPE_API_URL: stripe.url });
      const via = async <K extends RouteKey>(key: K, ...args: RouteArgs<K>): Promise<RouteResponse<K>> => {
        const answer = await cashier.api.route(key, ...args);
        called.add(key);
        const response = (ROUTES[key] as RouteDef).response;
        if (response && !isFileContent(response)) response.parse(answer);
        return answer;
      };
      const account = stripe.account({ webhookUrl: `${cashier.url}/api/payments/webhook/stripe/${venue.locationId}` });
      await via("PUT /api/payments/account", {
        token,
        body: { provider: "STRIPE", secretKey: account.secretKey, webhookSecret: account.webhookSecret },
      });
      expect((await via("GET /api/payments/account", { token })).account?.provider).toBe("STRIPE");
      const clientPaymentId = randomUUID();
      const started = await via("POST /api/sessions/checkout", {
        token: ann.token,
        body: { clientPaymentId, amountCents: 100, tipCents: 20, returnPath: "/s/tour" },
      });
      stripe.pay(started.checkout.url!.split("/").at(-1)!);
      await eventually(
        async () => stripe.deliveries.some((d) => d.type === "checkout.session.completed" && d.status === 200),
        10_000,
        "the webhook",
      );
      called.add("POST /api/payments/webhook/stripe/:locationId"); // called by the stand-in, signed as Stripe signs
      const back = await via("GET /api/sessions/checkouts/:clientPaymentId", { token: ann.token, params: { clientPaymentId } });
      expect(back.checkout.status).toBe("PAID");
      const refund = await via("POST /api/sessions/:id/refunds", {
        token,
        params: { id: sessionId },
        body: { clientRefundId: randomUUID(), paymentId: back.checkout.paymentId!, amountCents: 50, reason: "tour" },
      });
      expect(refund.payment).toMatchObject({ kind: "REFUND", method: "ONLINE", amountCents: 50 });
      await via("DELETE /api/payments/account", { token });
    } finally {
      await stripe.close();
    }

    // Paying and closing; the phone's receipt; the day's takings.
    expect((await call("GET /api/sessions", { token, query: { status: "OPEN" } })).sessions.map((s) => s.id)).toContain(sessionId);
    const detail = await call("GET /api/sessions/:id", { token, params: { id: sessionId } });
    expect(detail.claims).toHaveLength(2);
    const due = billOf({ currency: "EUR", orders: detail.orders, payments: detail.payments, corrections: detail.discounts }).dueCents;
    await call("POST /api/sessions/:id/payments", {
      token,
      params: { id: sessionId },
      body: { clientPaymentId: randomUUID(), method: "CARD", amountCents: due, tipCents: 100 },
    });
    expect((await call("POST /api/sessions/:id/close", { token, params: { id: sessionId }, body: {} })).receipt.bill.dueCents).toBe(0);
    expect((await call("GET /api/sessions/receipt", { token: ann.token })).receipt.sessionId).toBe(sessionId);
    // Its receipt on paper (issue 34), on the fake printer set as the receipt printer.
    const front = await startFakePrinter();
    try {
      const frontPrinter = (await call("POST /api/printers", { token, body: { name: "Front", host: front.host, port: front.port } }))
        .printer;
      await call("PUT /api/printers/receipt", { token, body: { printerId: frontPrinter.id } });
      const { job } = await call("POST /api/sessions/:id/print", {
        token,
        params: { id: sessionId },
        body: { clientPrintId: randomUUID(), document: "RECEIPT" },
      });
      expect(job).toMatchObject({ kind: "RECEIPT", printer: "Front" });
      await front.waitForDocuments(1, 10_000);
      await eventually(
        async () => (await call("GET /api/print-jobs/:id", { token, params: { id: job.id } })).job.status === "PRINTED",
        10_000,
        "the receipt printed",
      );
      expect((await call("GET /api/printers/health", { token })).printers.find((p) => p.name === "Front")).toMatchObject({
        problem: null,
        waiting: 0,
      });
    } finally {
      await front.close();
    }
    // Its receipt mailed (issue 33): this instance mails none; one with a mail server does.
    expect((await call("GET /api/receipt-mail")).enabled).toBe(false);
    const smtp = await startSmtpStandIn();
    try {
      const mailing = await startServer({ SMTP_URL: smtp.url, MAIL_FROM: "receipts@venue.test", REDIS_PREFIX: server.config.redisPrefix });
      const mailed = async <K extends RouteKey>(key: K, ...args: RouteArgs<K>) => {
        const answer = await mailing.api.route(key, ...args);
        called.add(key);
        const response = (ROUTES[key] as RouteDef).response;
        if (response && !isFileContent(response)) response.parse(answer);
        return answer;
      };
      const body = { clientMailId: randomUUID(), to: "ann@example.com", language: "it" as const };
      expect((await mailed("POST /api/sessions/receipt/mail", { token: ann.token, body })).mail.to).toBe("a•••@example.com");
      expect(
        (
          await mailed("POST /api/sessions/:id/receipt/mail", {
            token,
            params: { id: sessionId },
            body: { ...body, clientMailId: randomUUID() },
          })
        ).mail.language,
      ).toBe("it");
      expect(smtp.received).toHaveLength(2);
    } finally {
      await smtp.close();
    }
    expect((await call("GET /api/stats/daily", { token })).orders.cancelled).toBeGreaterThanOrEqual(1);
    // End of day: the Z report, the day closed, the range and its CSV.
    const zReport = (await call("GET /api/reports/day", { token })).report;
    expect(zReport.receipts.map((r) => r.sessionId)).toContain(sessionId);
    const day = zReport.businessDay;
    const dayClosed = await call("POST /api/days/close", {
      token,
      body: { clientCloseId: randomUUID(), businessDay: day, acknowledgeOpen: true },
    });
    expect(dayClosed.close.businessDay).toBe(day);
    expect((await call("GET /api/reports", { token, query: { from: day, to: day } })).report.days[0]?.closed).toBe(true);
    expect((await call("GET /api/reports/days.csv", { token, query: { from: day, to: day } })).type.split(";")[0]).toBe("text/csv");

    // Last: the manager's password reset ends their tokens.
    await call("POST /api/staff/:id/reset-password", { token, params: { id: invited.staff.id } });

    expect([...called].sort()).toEqual(KEYS);
  });
});

// Types only, never run: a route's request and answer come from the table, so a wrong call
// does not compile (npm run typecheck fails if one of these stops being an error).
function wrongCalls(server: TestServer) {
  // @ts-expect-error: the route's params are required
  void server.api.route("GET /api/sessions/:id", { token: "t" });
  // @ts-expect-error: no such route
  void server.api.route("GET /api/nothing");
  // @ts-expect-error: the body's fields are the table's
  void server.api.route("POST /api/tables", { token: "t", body: { label: "x" } });
}
