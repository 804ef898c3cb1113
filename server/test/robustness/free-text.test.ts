import { randomUUID } from "node:crypto";
import { openAndJoin } from "../support/harness.js";
import { describe, expect, it } from "../support/kit.js";
import { dataOf, send } from "../support/sockets.js";

// Text PostgreSQL cannot store (a NUL character, an unpaired UTF-16 surrogate) used to reach
// it and come back as INTERNAL. One rule refuses it at the edge, naming the field.

const BAD = [
  ["a NUL character", "a\u0000b"],
  ["a lone high surrogate", "tomato \ud83d"],
  ["a lone low surrogate", "\ude00 basil"],
] as const;
const MESSAGE = "must not contain NUL characters or broken Unicode";

describe("free text PostgreSQL cannot store", () => {
  it.for(BAD)("is refused in an order line's note (%s), and nothing is stored", async ([, text], { server, venue, socket, prisma }) => {
    const { session, customerToken } = await openAndJoin(server, venue.staffToken);
    const phone = await socket(server, { token: customerToken });
    const ack = await send(phone, "order:place", {
      clientOrderId: randomUUID(),
      items: [{ productId: venue.products[1]!.id, quantity: 1, note: text }],
    });
    expect(ack.error).toEqual({ code: "VALIDATION_FAILED", message: `payload.items.0.note: ${MESSAGE}` });
    expect(await prisma.order.count({ where: { sessionId: session.id } })).toBe(0);
  });

  it.for(BAD)("is refused in a cancel reason (%s)", async ([, text], { server, venue, socket }) => {
    const { customerToken } = await openAndJoin(server, venue.staffToken);
    const phone = await socket(server, { token: customerToken });
    const { order } = dataOf(
      await send(phone, "order:place", { clientOrderId: randomUUID(), items: [{ productId: venue.products[1]!.id, quantity: 1 }] }),
    );
    const staff = await socket(server, { token: venue.staffToken });
    expect((await send(staff, "order:cancel", { orderId: order.id, seen: "PLACED", reason: text })).error).toEqual({
      code: "VALIDATION_FAILED",
      message: `payload.reason: ${MESSAGE}`,
    });
    const rest = await server.api.request("POST", `/api/orders/${order.id}/cancel`, {
      token: venue.staffToken,
      body: { seen: "PLACED", reason: text },
    });
    expect([rest.status, rest.body.error]).toEqual([400, { code: "VALIDATION_FAILED", message: `body.reason: ${MESSAGE}` }]);
  });

  it.for(BAD)("is refused in a product description and a session label (%s)", async ([, text], { server, venue, prisma }) => {
    const token = venue.staffToken;
    const product = await server.api.request("PATCH", `/api/products/${venue.products[0]!.id}`, {
      token,
      body: { version: 0, description: text },
    });
    expect([product.status, product.body.error]).toEqual([400, { code: "VALIDATION_FAILED", message: `body.description: ${MESSAGE}` }]);
    expect((await prisma.product.findUniqueOrThrow({ where: { id: venue.products[0]!.id } })).description).toBe("");
    const session = await server.api.request("POST", "/api/sessions", { token, body: { label: text } });
    expect([session.status, session.body.error?.code]).toEqual([400, "VALIDATION_FAILED"]);
    expect(session.body.error.message).toMatch(/^body\.label: /);
  });

  it("keeps emoji and accents", async ({ server, venue, socket }) => {
    const { customerToken } = await openAndJoin(server, venue.staffToken);
    const phone = await socket(server, { token: customerToken });
    const note = "sans gluten 🍕, très chaud";
    const { order } = dataOf(
      await send(phone, "order:place", { clientOrderId: randomUUID(), items: [{ productId: venue.products[1]!.id, quantity: 1, note }] }),
    );
    expect(order.items[0]!.note).toBe(note);
  });
});

// Text-direction controls (U+202A–U+202E, U+2066–U+2069) make a name or note display as
// something other than what it says ("Trojan Source"): one rule refuses them in every name
// and note, at the edge, naming the field.
const RLO = "\u202e";
const BIDI_MESSAGE = "must not contain text-direction control characters (U+202A–U+202E, U+2066–U+2069)";

describe("text-direction control characters", () => {
  it("are refused in a guest's name, a staff member's name, a table's label and an order note", async ({
    server,
    venue,
    socket,
    prisma,
  }) => {
    const token = venue.staffToken;
    const { session, customerToken } = await openAndJoin(server, token);

    const guest = await server.api.request("POST", "/api/sessions/join", {
      body: { joinCode: session.joinCode, displayName: `Ann${RLO}nimda` },
    });
    expect([guest.status, guest.body.error]).toEqual([400, { code: "VALIDATION_FAILED", message: `body.displayName: ${BIDI_MESSAGE}` }]);

    const staff = await server.api.request("POST", "/api/staff", {
      token,
      body: { email: `bidi-${randomUUID()}@test.ordered`, displayName: `\u2067Bob\u2069`, role: "SERVER" },
    });
    expect([staff.status, staff.body.error]).toEqual([400, { code: "VALIDATION_FAILED", message: `body.displayName: ${BIDI_MESSAGE}` }]);

    const label = await server.api.request("POST", "/api/sessions", { token, body: { label: `Table ${RLO}7` } });
    expect([label.status, label.body.error]).toEqual([400, { code: "VALIDATION_FAILED", message: `body.label: ${BIDI_MESSAGE}` }]);

    const phone = await socket(server, { token: customerToken });
    const ack = await send(phone, "order:place", {
      clientOrderId: randomUUID(),
      items: [{ productId: venue.products[1]!.id, quantity: 1, note: `no onions\u202a` }],
    });
    expect(ack.error).toEqual({ code: "VALIDATION_FAILED", message: `payload.items.0.note: ${BIDI_MESSAGE}` });

    expect(await prisma.customer.count({ where: { sessionId: session.id } })).toBe(1);
    expect(await prisma.order.count({ where: { sessionId: session.id } })).toBe(0);
  });

  it("are not needed by right-to-left names, which are kept", async ({ server, venue }) => {
    const { session } = await openAndJoin(server, venue.staffToken);
    const joined = await server.api.joinSession(session.joinCode, "מרים");
    expect(joined.customer.displayName).toBe("מרים");
  });
});
