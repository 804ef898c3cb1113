// Each role's sockets hear what that role may read over REST, and nothing more (issue 30):
// one session's whole life, heard live by a socket of each role on two instances, then
// replayed from 0; the names and fields each got are derived from the contract's table.
import { randomUUID } from "node:crypto";
import {
  audienceOf,
  type CorrectionBody,
  KitchenOrderDto,
  type KitchenResponse,
  SESSION_EVENTS,
  SESSION_SKIPPED,
  type SessionEventType,
  STAFF_ROLES,
  type StaffRoleName,
  sessionEventView,
} from "@ordered/contract";
import { z } from "zod";
import { startSmtpStandIn } from "../../src/tools/smtp-stand-in.js";
import { createTable, joinAtTable, seatedTable } from "../sessions/session-kit.js";
import { describe, expect, it } from "../staff/staff-kit.js";
import { eventually } from "../support/harness.js";
import { type ClientSocket, dataOf, type Recorder, recorderOf, send } from "../support/sockets.js";

const Logged = z.strictObject({
  type: z.enum(Object.keys(SESSION_EVENTS) as [SessionEventType, ...SessionEventType[]]),
  seq: z.number().int(),
});

/** What a role's socket should get in place of each logged event, from the contract's table. */
function expectedFor(role: StaffRoleName, log: { type: SessionEventType; seq: number }[]) {
  const audience = audienceOf(role);
  if (audience === null) return [];
  return log.map(({ type, seq }) => {
    const view = sessionEventView(type, audience);
    return { seq, name: view === "skipped" ? SESSION_SKIPPED : SESSION_EVENTS[type].socket, view, type };
  });
}

/** The session events (and stand-ins) a recorder heard for one session, in arrival order. */
const heardOf = (recorder: Recorder, sessionId: string) =>
  recorder.events.filter((e) => e.arg?.sessionId === sessionId && typeof e.arg.seq === "number");

/**
 * Checks that `heard` is exactly what `role` may read of `log`: each number once (no event
 * twice, none missing), under the right name, and each payload exactly the schema of its form
 * (strict objects: a field too many or too few fails).
 */
function expectReadable(role: StaffRoleName, heard: { name: string; arg: any }[], log: { type: SessionEventType; seq: number }[]) {
  const expected = expectedFor(role, log);
  const bySeq = [...heard].sort((x, y) => x.arg.seq - y.arg.seq);
  expect(
    bySeq.map((e) => [e.arg.seq, e.name]),
    role,
  ).toEqual(expected.map((e) => [e.seq, e.name]));
  bySeq.forEach((e, i) => {
    const { view, type } = expected[i]!;
    if (view === "skipped") {
      expect(Object.keys(e.arg).sort(), `${role} ${type}`).toEqual(["seq", "sessionId"]);
      return;
    }
    const entry = SESSION_EVENTS[type];
    const schema = view === "whole" ? entry.payload : entry.kitchen!.payload;
    expect(Object.keys(e.arg).sort(), `${role} ${type}`).toEqual(["at", "data", "seq", "sessionId"]);
    const parsed = schema.safeParse(e.arg.data);
    expect(parsed.success ? null : parsed.error.issues, `${role} ${type}`).toBeNull();
  });
}

describe("what each role's socket hears", () => {
  it("equals what the role may read over REST, live and on replay, on two instances", async ({
    cluster: [a, b],
    worker,
    crew,
    socket,
    prisma,
    startServer,
  }) => {
    void worker;
    const { tokens } = crew;
    const [margherita, diavola, lemonade] = crew.products;
    // A socket of each role, spread over both instances.
    const listeners = {} as Record<StaffRoleName, ClientSocket>;
    for (const [i, role] of STAFF_ROLES.entries()) listeners[role] = await socket(i % 2 ? b : a, { token: tokens[role] });

    // One session's life: seated, a phone joins, orders, calls, the kitchen bumps, the floor
    // delivers, a payment with a tip, closed. And a product sold out (not logged).
    const { session, cardCode } = await seatedTable(a, tokens.OWNER, `Table ${randomUUID().slice(0, 4)}`);
    // Through the card, then the session's PIN (logged as customer.verified).
    const guest = await joinAtTable(b.api, cardCode, session.pin, "Ann Guest");
    const phone = await socket(b, { token: guest.token });
    // A second phone, which staff remove from the table.
    const stranger = await a.api.joinByCard(cardCode, "Stranger Name");
    await a.api.route("POST /api/sessions/:id/customers/:customerId/remove", {
      token: tokens.SERVER,
      params: { id: session.id, customerId: stranger.customer.id },
    });
    const { order } = dataOf(
      await send(phone, "order:place", {
        clientOrderId: randomUUID(),
        items: [
          { productId: diavola!.id, quantity: 1 },
          { productId: lemonade!.id, quantity: 1 },
        ],
      }),
    );
    const { alert } = dataOf(await send(phone, "alert:raise", { kind: "WAITER" }));
    dataOf(await send(listeners.SERVER, "alert:acknowledge", { alertId: alert.id }));

    // What the KITCHEN may read over REST while the order is on its board.
    let kitchenRest: KitchenResponse | undefined;
    await eventually(
      async () => {
        kitchenRest = await a.api.route("GET /api/kitchen", { token: tokens.KITCHEN });
        return kitchenRest.orders.some((o) => o.id === order.id && o.tickets.length > 0);
      },
      15_000,
      "the order is on the kitchen's board",
    );
    const onBoard = kitchenRest!.orders.find((o) => o.id === order.id)!;
    expect(KitchenOrderDto.safeParse(onBoard).success).toBe(true);
    expect(kitchenRest!.sessions.find((s) => s.id === session.id)).toEqual({
      id: session.id,
      label: session.label,
      lastSeq: expect.any(Number),
    });
    // …and what it may not: everything the floor reads.
    for (const path of [`/api/sessions/${session.id}`, "/api/sessions", "/api/products", "/api/categories", `/api/orders/${order.id}`]) {
      expect((await a.api.request("GET", path, { token: tokens.KITCHEN })).status, path).toBe(403);
    }

    for (const ticket of onBoard.tickets) {
      dataOf(await send(listeners.KITCHEN, "ticket:bump", { ticketId: ticket.id, to: "PREPARING" }));
      dataOf(await send(listeners.KITCHEN, "ticket:bump", { ticketId: ticket.id, to: "READY" }));
    }
    dataOf(await send(listeners.SERVER, "order:advance", { orderId: order.id, to: "DELIVERED" }));
    // The phone claims its Diavola (split by item; logged as bill.claimed, not the kitchen's).
    dataOf(
      await send(phone, "bill:claim", { orderId: order.id, position: 0, claims: [{ payer: `phone:${guest.customer.id}`, weight: 1 }] }),
    );
    await a.api.setAvailability(tokens.SERVER, margherita!.id, false);
    // Corrections (issue 32): a waiter's 5 % off the diavola (the kitchen reads its order), 0.01 off the bill (it does not).
    const correct = (body: Omit<CorrectionBody, "clientCorrectionId">) =>
      a.api.route("POST /api/sessions/:id/corrections", {
        token: tokens.SERVER,
        params: { id: session.id },
        body: { clientCorrectionId: randomUUID(), ...body },
      });
    const lineOff = (await correct({ kind: "DISCOUNT", orderId: order.id, position: 0, percentBps: 500, reason: "waited" })).correction;
    const billOff = (await correct({ kind: "DISCOUNT", amountCents: 1, reason: "regulars" })).correction;
    await a.api.recordPayment(tokens.SERVER, session.id, {
      clientPaymentId: randomUUID(),
      method: "CARD",
      amountCents: order.totalCents - lineOff.offCents - billOff.offCents,
      tipCents: 150,
      note: "Split 1 of 1",
    });
    // The party moves to the terrace (the kitchen reads the new label only).
    const terrace = await createTable(a, tokens.OWNER, `Terrace ${randomUUID().slice(0, 4)}`);
    await a.api.route("POST /api/sessions/:id/move", { token: tokens.SERVER, params: { id: session.id }, body: { tableId: terrace.id } });
    // The bar's party joins (merged: its log says session.merged, this one session.received),
    // then its guest is split off to a table of their own (session.split).
    const bar = await seatedTable(a, tokens.OWNER, `Bar ${randomUUID().slice(0, 4)}`);
    const barGuest = await joinAtTable(b.api, bar.cardCode, bar.session.pin, "Bar Guest");
    await a.api.route("POST /api/sessions/:id/merge", {
      token: tokens.SERVER,
      params: { id: bar.session.id },
      body: { clientMergeId: randomUUID(), intoSessionId: session.id },
    });
    const window = await createTable(a, tokens.OWNER, `Window ${randomUUID().slice(0, 4)}`);
    await a.api.route("POST /api/sessions/:id/split", {
      token: tokens.SERVER,
      params: { id: session.id },
      body: { clientSplitId: randomUUID(), tableId: window.id, customerIds: [barGuest.customer.id] },
    });
    await a.api.closeSession(tokens.MANAGER, session.id);
    // Its receipt mailed (issue 33) through an instance with a mail server: receipt.mailed.
    const smtp = await startSmtpStandIn();
    try {
      const mailing = await startServer({ SMTP_URL: smtp.url, MAIL_FROM: "receipts@venue.test", REDIS_PREFIX: a.config.redisPrefix });
      await mailing.api.route("POST /api/sessions/:id/receipt/mail", {
        token: tokens.SERVER,
        params: { id: session.id },
        body: { clientMailId: randomUUID(), to: "ann@example.com" },
      });
    } finally {
      await smtp.close();
    }

    const log = (
      await prisma.sessionEvent.findMany({ where: { sessionId: session.id }, orderBy: { seq: "asc" }, select: { type: true, seq: true } })
    ).map((row) => Logged.parse(row));
    const last = log.at(-1)!.seq;
    const barLog = (
      await prisma.sessionEvent.findMany({
        where: { sessionId: bar.session.id },
        orderBy: { seq: "asc" },
        select: { type: true, seq: true },
      })
    ).map((row) => Logged.parse(row));
    expect([...log, ...barLog].map((e) => e.type)).toEqual(expect.arrayContaining(Object.keys(SESSION_EVENTS)));
    for (const role of STAFF_ROLES) {
      const recorder = recorderOf(listeners[role]);
      const barLast = barLog.at(-1)!.seq;
      await eventually(async () => heardOf(recorder, bar.session.id).some((e) => e.arg.seq === barLast), 10_000, `${role} heard the bar`);
      expectReadable(role, heardOf(recorder, bar.session.id), barLog);
    }

    // Live: every socket hears up to the last number, each number once, in its role's form.
    for (const role of STAFF_ROLES) {
      const recorder = recorderOf(listeners[role]);
      await eventually(async () => heardOf(recorder, session.id).some((e) => e.arg.seq === last), 10_000, `${role} heard seq ${last}`);
    }
    for (const role of STAFF_ROLES) expectReadable(role, heardOf(recorderOf(listeners[role]), session.id), log);

    // The kitchen's order events carry exactly the fields its REST snapshot does.
    const kitchenOrders = recorderOf(listeners.KITCHEN).named("order:updated");
    expect(kitchenOrders.length).toBeGreaterThan(0);
    for (const e of kitchenOrders) expect(Object.keys(e.data).sort()).toEqual(Object.keys(onBoard).sort());
    // Nothing the kitchen may not read reached it, however it is named. (A phone's opaque id
    // does: it says whose declared allergies a line carries — issue 35 — and names nobody.)
    const kitchenHeard = JSON.stringify(recorderOf(listeners.KITCHEN).events);
    for (const secret of ["Ann Guest", "Stranger Name", session.joinCode, "Split 1 of 1", "Bar Guest"])
      expect(kitchenHeard).not.toContain(secret);

    // Unlogged broadcasts: the sold-out product goes to those who may read the staff menu.
    await eventually(async () => recorderOf(listeners.SERVER).named("product:updated").length > 0, 10_000, "product:updated heard");
    for (const role of STAFF_ROLES) {
      const got = recorderOf(listeners[role]).named("product:updated").length;
      expect(got, role).toBe(role === "KITCHEN" ? 0 : 1);
    }

    // Replay: a new connection with the cursor at 0 hears the same, in the same forms.
    for (const [i, role] of STAFF_ROLES.entries()) {
      const again = await socket(i % 2 ? a : b, { token: tokens[role], cursors: { [session.id]: 0 } });
      const recorder = recorderOf(again);
      await recorder.waitFor("sync:done");
      expectReadable(role, heardOf(recorder, session.id), log);
    }
  });
});
