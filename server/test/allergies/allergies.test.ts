// Issue 35, item 1: allergy safety from end to end. A guest declares allergies on their phone
// (private: other phones at the table never hear or read it; staff on every instance do), a
// conflicting line is refused unless the guest confirmed it, the kitchen must acknowledge the
// declaration on a ticket before starting it (logged: who, when, what it said), a changed
// declaration asks again, staff record a seat's for a guest without a phone, and the printed
// ticket carries the declaration loudly.
import { randomUUID } from "node:crypto";
import type { CreateProductBody, DeclareAllergiesBody, ProductDto } from "@ordered/contract";
import { sqlOn } from "../../src/db/sql.js";
import { renderTicketJob } from "../../src/printers/ticket-print.js";
import { createAccount } from "../staff/staff-kit.js";
import { eventually, type TestServer } from "../support/harness.js";
import { describe, expect, it, type Venue } from "../support/kit.js";
import { type ClientSocket, dataOf, recorderOf, send } from "../support/sockets.js";

/** A satay with peanuts and soy (not vegan), and a vegan salad with sesame: made through the API as a manager would. */
async function dishes(server: TestServer, venue: Venue): Promise<{ satay: ProductDto; salad: ProductDto }> {
  const categoryId = venue.categories.find((c) => c.name === "Pizza")!.id;
  const make = async (body: Omit<CreateProductBody, "categoryId">) =>
    (await server.api.route("POST /api/products", { token: venue.staffToken, body: { ...body, categoryId } })).product;
  return {
    satay: await make({ name: `Chicken satay ${randomUUID().slice(0, 4)}`, priceCents: 900, allergens: ["PEANUTS", "SOYBEANS"] }),
    salad: await make({ name: `Green salad ${randomUUID().slice(0, 4)}`, priceCents: 700, allergens: ["SESAME"], tags: ["VEGAN"] }),
  };
}

const order = (phone: ClientSocket, items: { productId: string; quantity: number; allergyConfirmed?: boolean }[]) =>
  send(phone, "order:place", { clientOrderId: randomUUID(), items });

type Prisma = Parameters<typeof sqlOn>[0];

async function accepted(prisma: Prisma, orderId: string) {
  await eventually(
    async () => (await prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status === "ACCEPTED",
    15_000,
    `order ${orderId} accepted`,
  );
  return eventually(() => prisma.ticket.findFirst({ where: { orderId } }), 15_000, `the ticket of ${orderId}`);
}

describe("declared allergies", () => {
  it("are private to the phone and the staff: other phones at the table never hear or read them; staff on every instance do", async ({
    cluster: [a, b],
    venue,
    socket,
  }) => {
    const { session } = await a.api.openSession(venue.staffToken, `Table ${randomUUID().slice(0, 4)}`);
    const ann = await a.api.joinSession(session.joinCode, "Ann");
    const bob = await a.api.joinSession(session.joinCode, "Bob");
    const bobsPhone = recorderOf(await socket(b, { token: bob.token }));
    const annsPhone = recorderOf(await socket(a, { token: ann.token }));
    const cook = await createAccount(a, venue.staffToken, "KITCHEN");
    const kitchen = recorderOf(await socket(b, { token: cook.token }));
    const floor = recorderOf(await socket(a, { token: venue.staffToken }));
    // In their rooms (catch-up done): allergies:changed is not logged, so nothing replays it.
    await Promise.all([kitchen, floor, bobsPhone, annsPhone].map((r) => r.waitFor("sync:done")));

    const body: DeclareAllergiesBody = { allergens: ["PEANUTS", "MILK"], diets: ["VEGETARIAN"], note: "  severe: carries an EpiPen " };
    const { declaration } = await b.api.route("PUT /api/sessions/allergies", {
      token: ann.token,
      body: { ...body, allergens: ["MILK", "PEANUTS"] },
    });
    // Stored in the contract's order, the note trimmed, made by the guest.
    expect(declaration).toMatchObject({
      guest: `phone:${ann.customer.id}`,
      allergens: ["PEANUTS", "MILK"],
      diets: ["VEGETARIAN"],
      note: "severe: carries an EpiPen",
      version: 1,
      changedBy: null,
    });
    for (const staff of [kitchen, floor]) {
      const heard = await staff.waitFor("allergies:changed", (e) => e.sessionId === session.id);
      expect(heard.declarations).toEqual([declaration]);
    }
    expect((await a.api.route("GET /api/sessions/allergies", { token: ann.token })).declaration).toEqual(declaration);
    expect((await a.api.route("GET /api/sessions/allergies", { token: bob.token })).declaration).toBeNull();
    // The phone's table screen opens with it (no request of its own), and only its own.
    expect((await a.api.route("GET /api/sessions/current", { token: ann.token })).allergies).toEqual(declaration);
    expect((await a.api.route("GET /api/sessions/current", { token: bob.token })).allergies).toBeNull();

    // The same declaration again changes nothing: same version, no second broadcast.
    const again = await a.api.route("PUT /api/sessions/allergies", { token: ann.token, body });
    expect(again.declaration).toEqual(declaration);
    // Bob's own (empty) declaration is his alone too; a round trip on the floor's socket orders the checks after it.
    await a.api.route("PUT /api/sessions/allergies", { token: bob.token, body: { allergens: [], diets: [], note: null } });
    await floor.waitFor("allergies:changed", (e) => e.declarations.length === 2);
    expect(floor.named("allergies:changed")).toHaveLength(2);

    // Neither phone heard anything about allergies, and nothing Bob's phone heard holds Ann's words.
    for (const phone of [bobsPhone, annsPhone]) expect(phone.named("allergies:changed")).toEqual([]);
    expect(JSON.stringify(bobsPhone.events)).not.toMatch(/EpiPen|PEANUTS/);

    // Staff read them per session; another venue's staff cannot.
    const read = await a.api.route("GET /api/sessions/:id/allergies", { token: venue.staffToken, params: { id: session.id } });
    expect(read.allergies.declarations.map((d) => d.guest)).toEqual([`phone:${ann.customer.id}`, `phone:${bob.customer.id}`]);

    // Bad input is named and changes nothing.
    const bad = await a.api.request("PUT", "/api/sessions/allergies", { token: ann.token, body: { allergens: ["PEANUT"], diets: [] } });
    expect([bad.status, bad.body.error.code, bad.body.error.message]).toEqual([
      400,
      "VALIDATION_FAILED",
      expect.stringContaining("allergens"),
    ]);
    expect((await a.api.route("GET /api/sessions/allergies", { token: ann.token })).declaration).toEqual(declaration);
  });

  it("a conflicting line is refused unless the guest confirmed it; nothing is stored by the refusal", async ({
    server,
    venue,
    socket,
    prisma,
  }) => {
    const { satay, salad } = await dishes(server, venue);
    const { session } = await server.api.openSession(venue.staffToken, `Table ${randomUUID().slice(0, 4)}`);
    const ann = await server.api.joinSession(session.joinCode, "Ann");
    const phone = await socket(server, { token: ann.token });
    await server.api.route("PUT /api/sessions/allergies", {
      token: ann.token,
      body: { allergens: ["PEANUTS"], diets: ["VEGAN"], note: null },
    });

    const refused = await order(phone, [
      { productId: salad.id, quantity: 1 },
      { productId: satay.id, quantity: 1 },
    ]);
    expect(refused).toEqual({
      error: { code: "ALLERGY_CONFLICT", message: expect.stringContaining(`items.1: ${satay.name} contains peanuts, not vegan`) },
    });
    expect(await prisma.order.count({ where: { sessionId: session.id } })).toBe(0);
    // The vegan salad without peanuts needs no confirmation; the satay does, and then it is ordered.
    dataOf(await order(phone, [{ productId: salad.id, quantity: 1 }]));
    const confirmed = dataOf(await order(phone, [{ productId: satay.id, quantity: 1, allergyConfirmed: true }]));
    expect(confirmed.order.items[0]!.productName).toBe(satay.name);
    // Another phone at the table declared nothing: the satay is just a satay for it.
    const bob = await server.api.joinSession(session.joinCode, "Bob");
    dataOf(await order(await socket(server, { token: bob.token }), [{ productId: satay.id, quantity: 2 }]));
    expect(await prisma.order.count({ where: { sessionId: session.id } })).toBe(3);
  });

  it("must be acknowledged on a ticket before the kitchen starts it; logged, asked again when changed; a seat's recorded by staff counts too", async ({
    server,
    worker,
    venue,
    socket,
    prisma,
  }) => {
    expect(worker).toBeDefined();
    const { satay, salad } = await dishes(server, venue);
    const label = `Table ${randomUUID().slice(0, 4)}`;
    const { session } = await server.api.openSession(venue.staffToken, label);
    const ann = await server.api.joinSession(session.joinCode, "Ann");
    const bob = await server.api.joinSession(session.joinCode, "Bob");
    await server.api.route("PUT /api/sessions/allergies", {
      token: ann.token,
      body: { allergens: ["PEANUTS"], diets: [], note: "anaphylaxis" },
    });
    const cook = await createAccount(server, venue.staffToken, "KITCHEN");
    const display = await socket(server, { token: cook.token });

    const annsOrder = dataOf(
      await order(await socket(server, { token: ann.token }), [{ productId: satay.id, quantity: 1, allergyConfirmed: true }]),
    ).order;
    const bobsOrder = dataOf(await order(await socket(server, { token: bob.token }), [{ productId: satay.id, quantity: 1 }])).order;
    const annsTicket = await accepted(prisma, annsOrder.id);
    const bobsTicket = await accepted(prisma, bobsOrder.id);

    // Bob declared nothing: his ticket starts at once. Ann's waits for the kitchen to read hers.
    dataOf(await send(display, "ticket:bump", { ticketId: bobsTicket.id, to: "PREPARING" }));
    expect(await send(display, "ticket:bump", { ticketId: annsTicket.id, to: "PREPARING" })).toEqual({
      error: { code: "ALLERGY_UNACKNOWLEDGED", message: expect.stringContaining('a phone: peanuts, "anaphylaxis"') },
    });
    expect((await prisma.ticket.findUniqueOrThrow({ where: { id: annsTicket.id } })).status).toBe("NEW");

    const acked = dataOf(await send(display, "ticket:acknowledge-allergies", { ticketId: annsTicket.id }));
    expect(acked.allergies.acks).toEqual([
      expect.objectContaining({ ticketId: annsTicket.id, version: 1, ackedBy: cook.staff.displayName }),
    ]);
    dataOf(await send(display, "ticket:acknowledge-allergies", { ticketId: annsTicket.id })); // twice is once
    const record = await prisma.allergyAck.findMany({ where: { ticketId: annsTicket.id } });
    expect(record).toEqual([
      expect.objectContaining({
        version: 1,
        allergens: ["PEANUTS"],
        note: "anaphylaxis",
        ackedById: cook.staff.id,
        ackedAt: expect.any(Date),
      }),
    ]);
    // The record is never edited.
    await expect(prisma.allergyAck.updateMany({ where: { ticketId: annsTicket.id }, data: { note: "x" } })).rejects.toThrow(
      /never changed/,
    );
    dataOf(await send(display, "ticket:bump", { ticketId: annsTicket.id, to: "PREPARING" }));

    // Ann adds milk: her next ticket asks for the declaration as it is now.
    await server.api.route("PUT /api/sessions/allergies", {
      token: ann.token,
      body: { allergens: ["PEANUTS", "MILK"], diets: [], note: "anaphylaxis" },
    });
    const second = dataOf(await order(await socket(server, { token: ann.token }), [{ productId: salad.id, quantity: 1 }])).order;
    const secondTicket = await accepted(prisma, second.id);
    expect(await send(display, "ticket:bump", { ticketId: secondTicket.id, to: "PREPARING" })).toMatchObject({
      error: { code: "ALLERGY_UNACKNOWLEDGED", message: expect.stringContaining("peanuts, milk") },
    });
    dataOf(await send(display, "ticket:acknowledge-allergies", { ticketId: secondTicket.id }));
    dataOf(await send(display, "ticket:bump", { ticketId: secondTicket.id, to: "PREPARING" }));
    expect((await prisma.allergyAck.findFirstOrThrow({ where: { ticketId: secondTicket.id } })).version).toBe(2);

    // A guest without a phone: the waiter records seat 2's, and the lines for seat 2 wait for the kitchen too.
    const recorded = await server.api.route("PUT /api/sessions/:id/allergies", {
      token: venue.staffToken,
      params: { id: session.id },
      body: { guest: "seat:2", allergens: ["SESAME"], diets: [], note: null },
    });
    expect(recorded.allergies.declarations.find((d) => d.guest === "seat:2")).toMatchObject({
      seat: 2,
      changedBy: venue.owner.displayName,
    });
    const { order: entered } = await server.api.route("POST /api/sessions/:id/orders", {
      token: venue.staffToken,
      params: { id: session.id },
      body: { clientOrderId: randomUUID(), items: [{ productId: salad.id, quantity: 1, seat: 2 }] },
    });
    const seatTicket = await accepted(prisma, entered.id);
    expect(await send(display, "ticket:bump", { ticketId: seatTicket.id, to: "PREPARING" })).toMatchObject({
      error: { code: "ALLERGY_UNACKNOWLEDGED", message: expect.stringContaining("seat 2: sesame") },
    });
    // A seat that does not exist as a guest key is named.
    const badGuest = await server.api.request("PUT", `/api/sessions/${session.id}/allergies`, {
      token: venue.staffToken,
      body: { guest: "table:2", allergens: [], diets: [] },
    });
    expect([badGuest.status, badGuest.body.error.message]).toEqual([400, expect.stringContaining("body.guest")]);

    // Printed, the ticket says it loudest: the banner, the declaration, what the dish holds of it; the dish's own allergens plainly.
    const printed = await renderTicketJob(
      sqlOn(prisma),
      { kind: "TICKET", ticketId: annsTicket.id, correctionId: null, source: `ticket:${annsTicket.id}`, reprint: false },
      { paperWidthMm: 80, codepage: "auto" },
    );
    const lines = printed.text.split("\n").map((l) => l.trim());
    expect(lines).toEqual(
      expect.arrayContaining([
        "!! ALLERGY !!",
        "Declared: Peanuts · Milk",
        '"anaphylaxis"',
        ">> CONTAINS: Peanuts <<",
        "Allergens: Peanuts, Soybeans",
      ]),
    );
    expect(lines.indexOf("!! ALLERGY !!")).toBeLessThan(lines.indexOf("Allergens: Peanuts, Soybeans"));
    // Bob's copy has none of it.
    const bobs = await renderTicketJob(
      sqlOn(prisma),
      { kind: "TICKET", ticketId: bobsTicket.id, correctionId: null, source: `ticket:${bobsTicket.id}`, reprint: false },
      { paperWidthMm: 80, codepage: "auto" },
    );
    expect(bobs.text).not.toMatch(/ALLERGY|Declared|anaphylaxis/);
  });
});
