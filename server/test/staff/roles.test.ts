// The role × action matrix, driven by the contract's PERMISSIONS and COMMANDS tables so it
// cannot drift from them: every permission has REST routes below and every staff command a
// scenario (the types make a missing one a compile error, a test makes it a failure).
// Allowed roles get a 2xx / a `{ data }` ack and the change is made; denied roles get
// FORBIDDEN naming their role and what is missing, and nothing changes.
import { randomUUID } from "node:crypto";
import {
  COMMANDS,
  type CommandName,
  can,
  forbiddenMessage,
  PERMISSIONS,
  type Permission,
  type RecordPaymentBody,
  STAFF_ROLES,
} from "@ordered/contract";
import type { PrismaClient } from "../../src/db/prisma.js";
import { acceptedOrder } from "../sessions/session-kit.js";
import { eventually, type TestServer } from "../support/harness.js";
import { type ClientSocket, dataOf, send } from "../support/sockets.js";
import { type Crew, describe, expect, it } from "./staff-kit.js";

interface Ctx {
  /** Where the setup and the REST calls go. */
  a: TestServer;
  /** Where the socket commands go. */
  b: TestServer;
  crew: Crew;
  prisma: PrismaClient;
  socket: (server: { url: string }, auth: { token: string }) => Promise<ClientSocket>;
}

/** A request ready to send, and whether its change was made (undefined: it only reads). */
interface Prepared {
  path?: string;
  body?: unknown;
  happened?: () => Promise<boolean>;
}

interface RouteCase {
  method: "GET" | "POST" | "PUT" | "PATCH";
  path: string;
  /** Permissions the route's guard checks before this one (a refusal names the first one missing). */
  needs?: Permission[];
  prepare?: (ctx: Ctx) => Promise<Prepared> | Prepared;
}

let closedDays = 0;

const unique = (what: string) => `${what} ${randomUUID().slice(0, 8)}`;

/** A waiter's order of one Lemonade (TEST_MENU[2]: no options, no stock). */
const staffOrder = (ctx: Ctx) => ({ clientOrderId: randomUUID(), items: [{ productId: ctx.crew.products[2]!.id, quantity: 1 }] });

const payment = (): RecordPaymentBody => ({ clientPaymentId: randomUUID(), method: "CASH", amountCents: 0, tipCents: 100 });

/** A fresh session, opened by the owner. */
async function openSession({ a, crew }: Ctx) {
  return (await a.api.openSession(crew.tokens.OWNER, unique("Table"))).session;
}

/** One or more REST routes per permission. */
const ROUTES: { [P in Permission]: RouteCase[] } = {
  "location.settings": [
    {
      method: "PATCH",
      path: "/api/location",
      async prepare({ prisma, crew }) {
        const { openOnFirstScan } = await prisma.location.findUniqueOrThrow({ where: { id: crew.locationId } });
        const happened = async () =>
          (await prisma.location.findUniqueOrThrow({ where: { id: crew.locationId } })).openOnFirstScan !== openOnFirstScan;
        return { body: { openOnFirstScan: !openOnFirstScan }, happened };
      },
    },
  ],
  "staff.manage": [
    { method: "GET", path: "/api/staff" },
    {
      method: "POST",
      path: "/api/staff",
      prepare({ prisma }) {
        const email = `server-${randomUUID()}@test.ordered`;
        return {
          body: { email, displayName: "Sam", role: "SERVER" },
          happened: async () => (await prisma.staffUser.count({ where: { email } })) === 1,
        };
      },
    },
  ],
  "menu.edit": [
    {
      method: "POST",
      path: "/api/categories",
      prepare({ prisma, crew }) {
        const name = unique("Desserts");
        return {
          body: { name },
          happened: async () => (await prisma.category.count({ where: { locationId: crew.locationId, name } })) === 1,
        };
      },
    },
    {
      method: "POST",
      path: "/api/stations",
      prepare({ prisma, crew }) {
        const name = unique("Grill");
        return {
          body: { name },
          happened: async () => (await prisma.station.count({ where: { locationId: crew.locationId, name } })) === 1,
        };
      },
    },
    {
      method: "POST",
      path: "/api/courses",
      prepare({ prisma, crew }) {
        const name = unique("Cheese");
        return {
          body: { name },
          happened: async () => (await prisma.course.count({ where: { locationId: crew.locationId, name } })) === 1,
        };
      },
    },
    {
      method: "POST",
      path: "/api/tax-rates",
      prepare({ prisma, crew }) {
        const name = unique("Reduced");
        return {
          body: { name, rateBps: 700 },
          happened: async () => (await prisma.taxRate.count({ where: { locationId: crew.locationId, name } })) === 1,
        };
      },
    },
  ],
  "tables.edit": [
    {
      method: "POST",
      path: "/api/tables",
      prepare({ prisma, crew }) {
        const name = unique("Terrace");
        return {
          body: { name },
          happened: async () => (await prisma.diningTable.count({ where: { locationId: crew.locationId, name } })) === 1,
        };
      },
    },
  ],
  "stats.view": [{ method: "GET", path: "/api/stats/daily" }],
  "reports.view": [
    { method: "GET", path: "/api/reports/day" },
    { method: "GET", path: "/api/reports?from=2026-12-01&to=2026-12-07" },
    { method: "GET", path: "/api/reports/days.csv?from=2026-12-01&to=2026-12-07" },
  ],
  "day.close": [
    {
      method: "POST",
      path: "/api/days/close",
      prepare({ prisma, crew }) {
        // A past day of its own for each role that may close one (a day closes once).
        closedDays += 1;
        const businessDay = new Date(Date.UTC(2020, 0, closedDays)).toISOString().slice(0, 10);
        return {
          body: { clientCloseId: randomUUID(), businessDay, acknowledgeOpen: true },
          happened: async () =>
            (await prisma.dayClose.count({ where: { locationId: crew.locationId, businessDay: new Date(businessDay) } })) === 1,
        };
      },
    },
  ],
  "menu.view": [
    { method: "GET", path: "/api/products" },
    { method: "GET", path: "/api/categories" },
    { method: "GET", path: "/api/tax-rates" },
  ],
  "menu.stock": [
    {
      method: "PUT",
      path: "/api/products/:id/availability",
      async prepare({ a, crew, prisma }) {
        // A product of the test's own: the shared ones stay orderable.
        const product = await a.api.createProduct(crew.tokens.OWNER, {
          name: unique("Tiramisu"),
          categoryId: crew.categories[0]!.id,
          priceCents: 600,
        });
        return {
          path: `/api/products/${product.id}/availability`,
          body: { available: false },
          happened: async () => !(await prisma.product.findUniqueOrThrow({ where: { id: product.id } })).available,
        };
      },
    },
  ],
  "floor.serve": [
    {
      method: "POST",
      path: "/api/sessions",
      prepare({ prisma, crew }) {
        const label = unique("Table");
        return {
          body: { label },
          happened: async () => (await prisma.orderSession.count({ where: { locationId: crew.locationId, label } })) === 1,
        };
      },
    },
    { method: "GET", path: "/api/sessions" },
    { method: "GET", path: "/api/tables" },
  ],
  "payments.record": [
    {
      method: "POST",
      path: "/api/sessions/:id/payments",
      async prepare(ctx) {
        const session = await openSession(ctx);
        return {
          path: `/api/sessions/${session.id}/payments`,
          body: payment(),
          happened: async () => (await ctx.prisma.payment.count({ where: { sessionId: session.id } })) === 1,
        };
      },
    },
    {
      method: "POST",
      path: "/api/sessions/:id/print",
      async prepare(ctx) {
        const session = await openSession(ctx);
        // A receipt printer at an address where nothing listens: the job is made, and waits.
        const printer = await ctx.prisma.printer.create({
          data: { locationId: ctx.crew.locationId, name: unique("Front"), host: "127.0.0.1", port: 9 },
        });
        await ctx.prisma.location.update({ where: { id: ctx.crew.locationId }, data: { receiptPrinterId: printer.id } });
        return {
          path: `/api/sessions/${session.id}/print`,
          body: { clientPrintId: randomUUID(), document: "BILL" },
          happened: async () => (await ctx.prisma.printJob.count({ where: { sessionId: session.id } })) === 1,
        };
      },
    },
  ],
  "printers.manage": [
    { method: "GET", path: "/api/printers" },
    {
      method: "POST",
      path: "/api/printers",
      prepare: ({ prisma, crew }) => {
        const name = unique("Grill");
        return {
          body: { name, host: "192.168.1.50" },
          happened: async () => (await prisma.printer.count({ where: { locationId: crew.locationId, name } })) === 1,
        };
      },
    },
  ],
  // Sockets only: a print bridge's commands (the scenarios below).
  "printers.bridge": [],
  "payments.refund": [
    {
      method: "POST",
      path: "/api/sessions/:id/refunds",
      async prepare(ctx) {
        const order = await acceptedDiavola(ctx);
        const paid = await ctx.a.api.recordPayment(ctx.crew.tokens.OWNER, order.sessionId, {
          clientPaymentId: randomUUID(),
          method: "CASH",
          amountCents: order.totalCents,
        });
        return {
          path: `/api/sessions/${order.sessionId}/refunds`,
          body: { clientRefundId: randomUUID(), paymentId: paid.id, amountCents: 100, reason: "cold pizza" },
          happened: async () => (await ctx.prisma.payment.count({ where: { sessionId: order.sessionId, kind: "REFUND" } })) === 1,
        };
      },
    },
  ],
  "bill.split": [
    {
      method: "POST",
      path: "/api/sessions/:id/claims",
      async prepare(ctx) {
        const order = await acceptedDiavola(ctx);
        return {
          path: `/api/sessions/${order.sessionId}/claims`,
          body: { orderId: order.id, position: 0, claims: [{ payer: "person:3", weight: 1 }] },
          happened: async () => (await ctx.prisma.billClaim.count({ where: { sessionId: order.sessionId } })) === 1,
        };
      },
    },
  ],
  "orders.enter": [
    {
      method: "POST",
      path: "/api/sessions/:id/orders",
      async prepare(ctx) {
        const session = await openSession(ctx);
        return {
          path: `/api/sessions/${session.id}/orders`,
          body: staffOrder(ctx),
          happened: async () => (await ctx.prisma.order.count({ where: { sessionId: session.id } })) === 1,
        };
      },
    },
  ],
  "orders.void": [
    {
      method: "POST",
      path: "/api/orders/:id/cancel",
      needs: ["floor.serve"],
      async prepare(ctx) {
        const order = await acceptedDiavola(ctx);
        const ticket = await ticketOf(ctx, order.id);
        await ctx.prisma.ticket.update({ where: { id: ticket.id }, data: { status: "PREPARING", startedAt: new Date() } });
        return {
          path: `/api/orders/${order.id}/cancel`,
          body: { seen: "PREPARING", reason: "dropped on the floor" },
          happened: async () => (await ctx.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status === "CANCELLED",
        };
      },
    },
  ],
  "orders.comp": [
    {
      method: "POST",
      path: "/api/sessions/:id/corrections",
      needs: ["floor.serve"],
      async prepare(ctx) {
        const order = await acceptedDiavola(ctx);
        return {
          path: `/api/sessions/${order.sessionId}/corrections`,
          body: { clientCorrectionId: randomUUID(), kind: "COMP", orderId: order.id, position: 0, reason: "birthday" },
          happened: async () => (await ctx.prisma.correction.count({ where: { orderId: order.id, kind: "COMP" } })) === 1,
        };
      },
    },
  ],
  "orders.discount": [
    {
      method: "POST",
      path: "/api/sessions/:id/corrections",
      needs: ["floor.serve"],
      async prepare(ctx) {
        const order = await acceptedDiavola(ctx);
        return {
          path: `/api/sessions/${order.sessionId}/corrections`,
          // 5 %: within every floor role's own limit (contract DISCOUNT_LIMIT_BPS).
          body: { clientCorrectionId: randomUUID(), kind: "DISCOUNT", orderId: order.id, position: 0, percentBps: 500, reason: "regular" },
          happened: async () => (await ctx.prisma.correction.count({ where: { orderId: order.id, kind: "DISCOUNT" } })) === 1,
        };
      },
    },
  ],
  "bill.waive": [
    {
      method: "POST",
      path: "/api/sessions/:id/close",
      needs: ["floor.serve"],
      async prepare(ctx) {
        const order = await acceptedDiavola(ctx);
        return {
          path: `/api/sessions/${order.sessionId}/close`,
          body: { unfinished: "finish", waiveReason: "regulars" },
          happened: async () => (await ctx.prisma.orderSession.findUniqueOrThrow({ where: { id: order.sessionId } })).status === "CLOSED",
        };
      },
    },
  ],
  "kitchen.work": [
    { method: "GET", path: "/api/kitchen" },
    { method: "GET", path: "/api/stations" },
    { method: "GET", path: "/api/printers/health" },
  ],
  "location.view": [{ method: "GET", path: "/api/location" }],
};

const routeMatrix = (Object.keys(PERMISSIONS) as Permission[]).flatMap((permission) =>
  ROUTES[permission].flatMap((route) => STAFF_ROLES.map((role) => ({ permission, route, role, allowed: can(role, permission) }) as const)),
);

describe("the REST role matrix", () => {
  it("covers every permission of the contract with at least one route or socket command", () => {
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
      const commands = staffCommands.filter((c) => mayOf(c) === permission).length;
      expect((ROUTES[permission]?.length ?? 0) + commands, permission).toBeGreaterThan(0);
    }
  });

  it.for(routeMatrix.map((c) => [`${c.route.method} ${c.route.path}`, c.permission, c.role, c.allowed ? "allowed" : "403", c] as const))(
    "%s (%s) as %s: %s",
    async ([, permission, role, , { route, allowed }], { cluster: [a, b], worker, crew, prisma, socket }) => {
      void worker;
      const prepared = (await route.prepare?.({ a, b, crew, prisma, socket })) ?? {};
      const res = await a.api.request(route.method, prepared.path ?? route.path, {
        token: crew.tokens[role],
        ...(prepared.body === undefined ? {} : { body: prepared.body }),
      });
      if (allowed) {
        expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(200);
        expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
      } else {
        const missing = [...(route.needs ?? []), permission].find((p) => !can(role, p)) ?? permission;
        expect([res.status, res.body.error?.code]).toEqual([403, "FORBIDDEN"]);
        expect(res.body.error.message).toMatch(new RegExp(`^${forbiddenMessage(role, missing).replace(/[()]/g, "\\$&")}`));
      }
      if (prepared.happened) expect(await prepared.happened()).toBe(allowed);
    },
  );

  it("words a refusal by role and what is missing", async ({ server, crew }) => {
    const session = (await server.api.openSession(crew.tokens.SERVER, unique("Table"))).session;
    const pay = await server.api.request("POST", `/api/sessions/${session.id}/payments`, { token: crew.tokens.KITCHEN, body: payment() });
    expect(pay.body.error).toEqual({
      code: "FORBIDDEN",
      message: "a KITCHEN account cannot record payments (needs OWNER, MANAGER or SERVER)",
    });
    const settings = await server.api.request("PATCH", "/api/location", { token: crew.tokens.MANAGER, body: { openOnFirstScan: true } });
    expect(settings.body.error).toEqual({
      code: "FORBIDDEN",
      message: "a MANAGER account cannot change the location's settings (needs OWNER)",
    });
    const menu = await server.api.request("POST", "/api/categories", { token: crew.tokens.SERVER, body: { name: unique("Soups") } });
    expect(menu.body.error).toEqual({ code: "FORBIDDEN", message: "a SERVER account cannot edit the menu (needs OWNER or MANAGER)" });
  });

  it("answers a phone's token on a staff route as unauthenticated, not as a role", async ({ server, crew }) => {
    const session = (await server.api.openSession(crew.tokens.OWNER, unique("Table"))).session;
    const phone = await server.api.joinSession(session.joinCode, "Ann");
    const res = await server.api.request("GET", "/api/location", { token: phone.token });
    expect([res.status, res.body.error.code]).toEqual([401, "UNAUTHENTICATED"]);
  });
});

type StaffCommand = { [C in CommandName]: (typeof COMMANDS)[C] extends { by: "staff" } ? C : never }[CommandName];

/** A command ready to send, and whether it took effect (undefined: its ack is the only trace). */
interface Attempt {
  payload: Record<string, unknown>;
  happened?: () => Promise<boolean>;
}

/** An order of a fresh session, taken to ACCEPTED by the pipeline (a phone on instance A places it). */
async function acceptedDiavola(ctx: Ctx) {
  const session = await openSession(ctx);
  const guest = await ctx.a.api.joinSession(session.joinCode, "Ann");
  const phone = await ctx.socket(ctx.a, { token: guest.token });
  return acceptedOrder(ctx.prisma, phone, [{ productId: ctx.crew.products[1]!.id, quantity: 1 }]);
}

/** The order's kitchen ticket, once the pipeline made it. */
function ticketOf(ctx: Ctx, orderId: string) {
  return eventually(() => ctx.prisma.ticket.findFirst({ where: { orderId } }), 15_000, `a ticket of order ${orderId}`);
}

const ticketStatus = async (ctx: Ctx, id: string) => (await ctx.prisma.ticket.findUniqueOrThrow({ where: { id } })).status;

/** Per staff command: real targets made by the owner on instance A. */
const SCENARIOS: { [C in StaffCommand]: (ctx: Ctx) => Promise<Attempt> } = {
  "order:enter": async (ctx) => {
    const session = await openSession(ctx);
    return {
      payload: { sessionId: session.id, ...staffOrder(ctx) },
      happened: async () => (await ctx.prisma.order.count({ where: { sessionId: session.id } })) === 1,
    };
  },
  "session:focus": async (ctx) => ({ payload: { sessionId: (await openSession(ctx)).id } }),
  "session:unfocus": async (ctx) => ({ payload: { sessionId: (await openSession(ctx)).id } }),
  "order:advance": async (ctx) => {
    const order = await acceptedDiavola(ctx);
    return {
      payload: { orderId: order.id, to: "READY", overrideKitchen: true },
      happened: async () => (await ctx.prisma.shipment.findUniqueOrThrow({ where: { orderId: order.id } })).status === "READY",
    };
  },
  "order:cancel": async (ctx) => {
    const order = await acceptedDiavola(ctx);
    return {
      payload: { orderId: order.id, seen: "NEW" },
      happened: async () => (await ctx.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status === "CANCELLED",
    };
  },
  "alert:acknowledge": async (ctx) => {
    const session = await openSession(ctx);
    const guest = await ctx.a.api.joinSession(session.joinCode, "Ann");
    const phone = await ctx.socket(ctx.a, { token: guest.token });
    const { alert } = dataOf(await send(phone, "alert:raise", { kind: "WAITER" }));
    return {
      payload: { alertId: alert.id },
      happened: async () => (await ctx.prisma.sessionAlert.findUniqueOrThrow({ where: { id: alert.id } })).acknowledgedAt !== null,
    };
  },
  "bill:assign": async (ctx) => {
    const order = await acceptedDiavola(ctx);
    return {
      payload: { sessionId: order.sessionId, orderId: order.id, position: 0, claims: [{ payer: "seat:2", weight: 2 }] },
      happened: async () => (await ctx.prisma.billClaim.count({ where: { sessionId: order.sessionId } })) === 1,
    };
  },
  "ticket:bump": async (ctx) => {
    const ticket = await ticketOf(ctx, (await acceptedDiavola(ctx)).id);
    return {
      payload: { ticketId: ticket.id, to: "PREPARING" },
      happened: async () => (await ticketStatus(ctx, ticket.id)) === "PREPARING",
    };
  },
  "ticket:recall": async (ctx) => {
    const ticket = await ticketOf(ctx, (await acceptedDiavola(ctx)).id);
    const owner = await ctx.socket(ctx.a, { token: ctx.crew.tokens.OWNER });
    dataOf(await send(owner, "ticket:bump", { ticketId: ticket.id, to: "PREPARING" }));
    return { payload: { ticketId: ticket.id, from: "PREPARING" }, happened: async () => (await ticketStatus(ctx, ticket.id)) === "NEW" };
  },
  "ticket:acknowledge-allergies": async (ctx) => {
    const session = await openSession(ctx);
    const guest = await ctx.a.api.joinSession(session.joinCode, "Ann");
    await ctx.a.api.route("PUT /api/sessions/allergies", {
      token: guest.token,
      body: { allergens: [], diets: [], note: "no coriander at all" },
    });
    const phone = await ctx.socket(ctx.a, { token: guest.token });
    const order = await acceptedOrder(ctx.prisma, phone, [{ productId: ctx.crew.products[1]!.id, quantity: 1 }]);
    const ticket = await ticketOf(ctx, order.id);
    return {
      payload: { ticketId: ticket.id },
      happened: async () => (await ctx.prisma.allergyAck.count({ where: { ticketId: ticket.id } })) === 1,
    };
  },
  "course:hold": async (ctx) => {
    const order = await acceptedDiavola(ctx);
    const ticket = await ticketOf(ctx, order.id);
    return {
      payload: { sessionId: order.sessionId, courseId: ticket.courseId },
      happened: async () => (await ctx.prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).firedAt === null,
    };
  },
  "course:fire": async (ctx) => {
    const order = await acceptedDiavola(ctx);
    const ticket = await ticketOf(ctx, order.id);
    const owner = await ctx.socket(ctx.a, { token: ctx.crew.tokens.OWNER });
    const payload = { sessionId: order.sessionId, courseId: ticket.courseId! };
    dataOf(await send(owner, "course:hold", payload));
    return { payload, happened: async () => (await ctx.prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).firedAt !== null };
  },

  "print:next": async () => ({ payload: { bridgeId: `bridge-${randomUUID()}` } }),
  "print:done": async (ctx) => {
    await bridgePrinter(ctx);
    await acceptedDiavola(ctx);
    // The owner's bridge takes a job (one bridge for the file: the printer is held by it); the role under test says how it went.
    const bridgeId = "bridge-roles-matrix";
    const owner = await ctx.socket(ctx.a, { token: ctx.crew.tokens.OWNER });
    const { job } = dataOf(await send(owner, "print:next", { bridgeId }));
    if (!job) throw new Error("the bridge printer has a job to hand out");
    return {
      payload: { bridgeId, jobId: job.id, printed: true, sent: true, problem: null },
      happened: async () => (await ctx.prisma.printJob.findUniqueOrThrow({ where: { id: job.id } })).status === "PRINTED",
    };
  },
  "printer:report": async (ctx) => ({
    payload: { bridgeId: `bridge-${randomUUID()}`, printerId: await bridgePrinter(ctx), problem: null },
  }),
};

/**
 * The crew's printer behind a bridge, taking the first station's tickets (made once per file:
 * from then on every kitchen ticket of the crew's orders makes a job on it).
 */
async function bridgePrinter(ctx: Ctx): Promise<string> {
  const token = ctx.crew.tokens.OWNER;
  const existing = (await ctx.a.api.route("GET /api/printers", { token })).printers.find((p) => p.via === "BRIDGE");
  if (existing) return existing.id;
  const { printer } = await ctx.a.api.route("POST /api/printers", {
    token,
    body: { name: unique("Bridged"), host: "10.0.0.9", via: "BRIDGE" },
  });
  const stationId = ctx.crew.categories[0]!.stationId;
  await ctx.a.api.route("PUT /api/stations/:id/printers", { token, params: { id: stationId }, body: { printerIds: [printer.id] } });
  return printer.id;
}

const staffCommands = (Object.keys(COMMANDS) as CommandName[]).filter((c): c is StaffCommand => COMMANDS[c].by === "staff");
const mayOf = (c: StaffCommand): Permission => COMMANDS[c].may;

/** Sends any command (the scenarios' payloads are typed by the contract at runtime, not here). */
const sendAny = (s: ClientSocket, name: StaffCommand, payload: Record<string, unknown>) => send(s, name, payload as never);

describe("the socket role matrix, on two instances", () => {
  it("has a scenario for every staff command of the contract", () => {
    expect(staffCommands.length).toBeGreaterThan(0);
    for (const c of staffCommands) expect(SCENARIOS[c], c).toBeTypeOf("function");
  });

  it.for(
    staffCommands.flatMap((c) => STAFF_ROLES.map((role) => [c, mayOf(c), role, can(role, mayOf(c)) ? "answered" : "FORBIDDEN"] as const)),
  )("%s (%s) as %s: %s", async ([command, may, role, outcome], { cluster: [a, b], worker, crew, prisma, socket }) => {
    void worker;
    const attempt = await SCENARIOS[command]({ a, b, crew, prisma, socket });
    const staff = await socket(b, { token: crew.tokens[role] });
    const ack = await sendAny(staff, command, attempt.payload);
    if (outcome === "answered") expect(ack.error, JSON.stringify(ack.error)).toBeUndefined();
    else expect(ack).toEqual({ error: { code: "FORBIDDEN", message: forbiddenMessage(role, may) } });
    if (attempt.happened) expect(await attempt.happened()).toBe(outcome === "answered");
  });

  it.for(staffCommands)(
    "%s from a phone: FORBIDDEN, nothing changes",
    async (command, { cluster: [a, b], worker, crew, prisma, socket }) => {
      void worker;
      const attempt = await SCENARIOS[command]({ a, b, crew, prisma, socket });
      const session = await openSession({ a, b, crew, prisma, socket });
      const guest = await b.api.joinSession(session.joinCode, "Bea");
      const phone = await socket(b, { token: guest.token });
      expect(await sendAny(phone, command, attempt.payload)).toEqual({ error: { code: "FORBIDDEN", message: "only staff can do this" } });
      if (attempt.happened) expect(await attempt.happened()).toBe(false);
    },
  );
});
