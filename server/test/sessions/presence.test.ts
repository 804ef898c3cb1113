import { randomUUID } from "node:crypto";
import { LIMITS } from "@ordered/contract";
import { seedVenue } from "../../src/demo/seed-venue.js";
import { describe, expect, it, TEST_MENU } from "../support/kit.js";
import { dataOf, recorderOf, send } from "../support/sockets.js";
import { seatedTable } from "./session-kit.js";

const wrongPinOf = (pin: string) => String((Number(pin) + 1) % 10_000).padStart(4, "0");

describe("a phone that joined through the table's card", () => {
  it("cannot order until it types the session's PIN, which staff see and phones never do", async ({
    cluster: [a, b],
    venue,
    socket,
    prisma,
  }) => {
    const token = venue.staffToken;
    const staff = await socket(a, { token });
    await recorderOf(staff).waitFor("sync:done");
    const { session, cardCode } = await seatedTable(a, token, "Table 1");
    expect(session.pin).toMatch(/^\d{4}$/);
    const phone = await b.api.joinByCard(cardCode, "Photo");
    expect(phone.customer.presence).toBe("PIN");
    // Even from the beginning of the log, a phone never hears `session.opened` (code and PIN).
    const s = await socket(b, { token: phone.token, lastSeq: 0 });
    const heard = recorderOf(s);
    await heard.waitFor("sync:done");
    expect(heard.named("session:opened")).toEqual([]);

    const order = { clientOrderId: randomUUID(), items: [{ productId: venue.products[2]!.id, quantity: 1 }] };
    const refused = await send(s, "order:place", order);
    expect(refused.error).toEqual({
      code: "PRESENCE_REQUIRED",
      message:
        "this phone joined through the table's card: type the table's PIN (staff show it) or wait until staff accept it, then order again",
    });
    expect(await prisma.order.count({ where: { sessionId: session.id } })).toBe(0);

    const wrong = await b.api.request("POST", "/api/sessions/verify", { token: phone.token, body: { pin: wrongPinOf(session.pin) } });
    expect([wrong.status, wrong.body.error]).toEqual([403, { code: "WRONG_PIN", message: "wrong PIN: 4 tries left" }]);
    const malformed = await b.api.request("POST", "/api/sessions/verify", { token: phone.token, body: { pin: "12a4" } });
    expect([malformed.status, malformed.body.error.message]).toEqual([400, "body.pin: must be the table's 4-digit PIN"]);

    const verified = await b.api.verifyPin(phone.token, session.pin);
    expect(verified).toMatchObject({ id: phone.customer.id, verifiedHow: "PIN", verifiedBy: null, pinFailures: 1 });
    // Every screen hears it live, the phone itself too.
    for (const r of [recorderOf(staff), heard]) {
      const e = await r.waitFor("customer:verified", (x) => x.data.id === phone.customer.id);
      expect(e.data).toEqual(verified);
    }
    // The same order (its cart was kept) goes through now.
    const placed = dataOf(await send(s, "order:place", order));
    expect(placed.order.customerId).toBe(phone.customer.id);
    expect((await b.api.route("GET /api/sessions/current", { token: phone.token })).customer.presence).toBe("VERIFIED");
    // Typing it again changes nothing.
    expect(await b.api.verifyPin(phone.token, session.pin)).toEqual(verified);
    expect(await prisma.sessionEvent.count({ where: { sessionId: session.id, type: "customer.verified" } })).toBe(1);
  });

  it("has a few tries, and the session a few more, so 10,000 PINs cannot be tried from afar", async ({ server, venue }) => {
    const { session, cardCode } = await seatedTable(server, venue.staffToken, "Table 2");
    const wrong = wrongPinOf(session.pin);
    const first = await server.api.joinByCard(cardCode);
    for (let i = 1; i <= LIMITS.presence.phonePinTries; i++) {
      const res = await server.api.request("POST", "/api/sessions/verify", { token: first.token, body: { pin: wrong } });
      expect(res.body.error.code).toBe("WRONG_PIN");
    }
    // Its tries are used up: even the right PIN no longer helps; staff must accept it.
    const locked = await server.api.request("POST", "/api/sessions/verify", { token: first.token, body: { pin: session.pin } });
    expect([locked.status, locked.body.error]).toEqual([
      403,
      { code: "PRESENCE_REQUIRED", message: "too many wrong PINs: a member of staff must accept this phone" },
    ]);
    expect((await server.api.route("GET /api/sessions/current", { token: first.token })).customer.presence).toBe("STAFF");
    // More phones (new joins) share the session's allowance.
    let sessionTries = LIMITS.presence.phonePinTries;
    while (sessionTries < LIMITS.presence.sessionPinTries) {
      const next = await server.api.joinByCard(cardCode);
      for (let i = 0; i < LIMITS.presence.phonePinTries && sessionTries < LIMITS.presence.sessionPinTries; i++, sessionTries++) {
        await server.api.request("POST", "/api/sessions/verify", { token: next.token, body: { pin: wrong } });
      }
    }
    const late = await server.api.joinByCard(cardCode);
    expect(late.customer.presence).toBe("STAFF");
    const refused = await server.api.request("POST", "/api/sessions/verify", { token: late.token, body: { pin: session.pin } });
    expect(refused.body.error.code).toBe("PRESENCE_REQUIRED");
    // Staff can still accept any of them.
    expect(await server.api.acceptPhone(venue.staffToken, session.id, first.customer.id)).toMatchObject({ verifiedHow: "STAFF" });
  });

  it("in STAFF_APPROVAL waits until staff accept it, and hears it live", async ({ cluster: [a, b], venue, socket, prisma }) => {
    const token = venue.staffToken;
    const settings = await a.api.route("PATCH /api/location", { token, body: { cardJoinCheck: "STAFF_APPROVAL" } });
    expect(settings.location.cardJoinCheck).toBe("STAFF_APPROVAL");
    const { session, cardCode } = await seatedTable(a, token, "Table 3");
    const phone = await b.api.joinByCard(cardCode, "Kim");
    expect(phone.customer.presence).toBe("STAFF");
    const s = await socket(b, { token: phone.token });
    await recorderOf(s).waitFor("sync:done");
    const order = { clientOrderId: randomUUID(), items: [{ productId: venue.products[2]!.id, quantity: 1 }] };
    expect((await send(s, "order:place", order)).error?.code).toBe("PRESENCE_REQUIRED");
    // A PIN is not how this venue checks phones.
    const byPin = await b.api.request("POST", "/api/sessions/verify", { token: phone.token, body: { pin: session.pin } });
    expect(byPin.body.error.code).toBe("PRESENCE_REQUIRED");
    // A call for the waiter still goes through: it puts nothing on the bill, and it is how a waiting guest gets help.
    dataOf(await send(s, "alert:raise", { kind: "WAITER" }));

    const accepted = await a.api.acceptPhone(token, session.id, phone.customer.id);
    expect(accepted).toMatchObject({ verifiedHow: "STAFF", verifiedBy: venue.owner.displayName });
    const heard = await recorderOf(s).waitFor("customer:verified");
    expect(heard.data).toEqual(accepted);
    dataOf(await send(s, "order:place", order));
    expect(await prisma.order.count({ where: { sessionId: session.id } })).toBe(1);
    // Accepting twice logs once; a phone of another location's session is not found.
    await a.api.acceptPhone(token, session.id, phone.customer.id);
    expect(await prisma.sessionEvent.count({ where: { sessionId: session.id, type: "customer.verified" } })).toBe(1);
    const other = await a.api.request("POST", `/api/sessions/${session.id}/customers/${randomUUID()}/accept`, { token });
    expect([other.status, other.body.error.code]).toEqual([404, "NOT_FOUND"]);
  });

  it("when the check is OFF orders at once, as before", async ({ server, venue, socket }) => {
    await server.api.route("PATCH /api/location", { token: venue.staffToken, body: { cardJoinCheck: "OFF" } });
    const { cardCode } = await seatedTable(server, venue.staffToken, "Table 4");
    const phone = await server.api.joinByCard(cardCode);
    expect(phone.customer.presence).toBe("VERIFIED");
    const s = await socket(server, { token: phone.token });
    dataOf(await send(s, "order:place", { clientOrderId: randomUUID(), items: [{ productId: venue.products[2]!.id, quantity: 1 }] }));
  });

  it("of a phone that joined with the session's own code needs nothing: staff showed it that code", async ({ server, venue }) => {
    const { session } = await seatedTable(server, venue.staffToken, "Table 5");
    const phone = await server.api.joinSession(session.joinCode, "Ann");
    expect(phone.customer.presence).toBe("VERIFIED");
    const detail = await server.api.getSession(venue.staffToken, session.id);
    expect(detail.customers[0]).toMatchObject({ via: "CODE", verifiedHow: "CODE", pinFailures: 0 });
  });
});

describe("removing a phone", () => {
  it("makes a new join code and PIN: the old ones no longer work, and staff devices hear the new ones", async ({
    cluster: [a, b],
    venue,
    socket,
  }) => {
    const token = venue.staffToken;
    const staff = await socket(b, { token });
    await recorderOf(staff).waitFor("sync:done");
    const { session } = await seatedTable(a, token, "Table 6");
    const phone = await a.api.joinSession(session.joinCode, "Removed");
    const guest = await a.api.joinSession(session.joinCode, "Stays");
    const guestSocket = await socket(a, { token: guest.token });
    await recorderOf(guestSocket).waitFor("sync:done");
    const removed = await a.api.route("POST /api/sessions/:id/customers/:customerId/remove", {
      token,
      params: { id: session.id, customerId: phone.customer.id },
    });
    expect(removed.session.joinCode).not.toBe(session.joinCode);
    expect(removed.session.pin).toMatch(/^\d{4}$/);
    expect(removed.qr.joinUrl).toBe(removed.session.joinUrl);
    const again = await a.api.request("POST", "/api/sessions/join", { body: { joinCode: session.joinCode } });
    expect([again.status, again.body.error.code]).toEqual([404, "NOT_FOUND"]);
    expect((await a.api.joinSession(removed.session.joinCode)).session.id).toBe(session.id);
    // Staff on the other instance hear the new code and PIN; the phones never do.
    const rekeyed = await recorderOf(staff).waitFor("session:rekeyed");
    expect(rekeyed).toEqual({
      sessionId: session.id,
      joinCode: removed.session.joinCode,
      joinUrl: removed.session.joinUrl,
      pin: removed.session.pin,
    });
    await recorderOf(guestSocket).waitFor("customer:removed");
    expect(recorderOf(guestSocket).named("session:rekeyed")).toEqual([]);
    const detail = await a.api.getSession(token, session.id);
    expect([detail.session.joinCode, detail.session.pin]).toEqual([removed.session.joinCode, removed.session.pin]);
  });

  it("the old PIN no longer verifies a card-joined phone (when the PIN changed)", async ({ server, venue }) => {
    const token = venue.staffToken;
    const { session, cardCode } = await seatedTable(server, token, "Table 7");
    const phone = await server.api.joinSession(session.joinCode);
    let removed = await server.api.route("POST /api/sessions/:id/customers/:customerId/remove", {
      token,
      params: { id: session.id, customerId: phone.customer.id },
    });
    // 1 in 10,000 the new PIN is the old one: remove another phone then.
    while (removed.session.pin === session.pin) {
      const next = await server.api.joinSession(removed.session.joinCode);
      removed = await server.api.route("POST /api/sessions/:id/customers/:customerId/remove", {
        token,
        params: { id: session.id, customerId: next.customer.id },
      });
    }
    const card = await server.api.joinByCard(cardCode);
    const old = await server.api.request("POST", "/api/sessions/verify", { token: card.token, body: { pin: session.pin } });
    expect(old.body.error.code).toBe("WRONG_PIN");
    expect((await server.api.verifyPin(card.token, removed.session.pin)).verifiedHow).toBe("PIN");
  });
});

describe("the card check setting", () => {
  it("is PIN for a new location; only the three values are accepted", async ({ server, venue, prismaClient }) => {
    const prisma = prismaClient(1);
    const fresh = await seedVenue(prisma, { products: TEST_MENU, emailDomain: "test.ordered" });
    expect((await prisma.location.findUniqueOrThrow({ where: { id: fresh.locationId } })).cardJoinCheck).toBe("PIN");
    expect((await server.api.route("GET /api/location", { token: venue.staffToken })).location.cardJoinCheck).toBe("PIN");
    const bad = await server.api.request("PATCH", "/api/location", { token: venue.staffToken, body: { cardJoinCheck: "NONE" } });
    expect([bad.status, bad.body.error.message]).toEqual([400, "body.cardJoinCheck: must be PIN, STAFF_APPROVAL or OFF"]);
  });
});
