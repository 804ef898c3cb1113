import { randomUUID } from "node:crypto";
import { describe, expect, it } from "../support/kit.js";
import { type ConnectError, dataOf, recorderOf, send } from "../support/sockets.js";
import { joinAtTable, seatedTable } from "./session-kit.js";

describe("a phone removed by staff", () => {
  it("is cut off at once on every instance: its open socket, REST, the handshake and every command", async ({
    cluster: [a, b],
    venue,
    socket,
    prisma,
  }) => {
    const token = venue.staffToken;
    const staff = await socket(a, { token });
    await recorderOf(staff).waitFor("sync:done");
    const { session, cardCode } = await seatedTable(a, token, "Table 8");
    const intruder = await joinAtTable(b.api, cardCode, session.pin, "Photo of the card");
    const guest = await joinAtTable(b.api, cardCode, session.pin, "Guest");
    const intruderSocket = await socket(b, { token: intruder.token });
    const guestSocket = await socket(b, { token: guest.token });
    await recorderOf(intruderSocket).waitFor("sync:done");
    const lemonade = venue.products[2]!.id;
    dataOf(await send(intruderSocket, "order:place", { clientOrderId: randomUUID(), items: [{ productId: lemonade, quantity: 1 }] }));

    const disconnected = new Promise<string>((resolve) => intruderSocket.once("disconnect", resolve));
    const removed = await a.api.route("POST /api/sessions/:id/customers/:customerId/remove", {
      token,
      params: { id: session.id, customerId: intruder.customer.id },
    });
    expect(removed.customer).toMatchObject({ id: intruder.customer.id, displayName: "Photo of the card" });
    expect(removed.customer.removedAt).not.toBeNull();
    // Its socket, on the other instance, is told why and closed by the server.
    expect(await recorderOf(intruderSocket).waitFor("protocol:error")).toMatchObject({ code: "CUSTOMER_REMOVED" });
    expect(await disconnected).toBe("io server disconnect");
    // Staff and the other phone see it, through the log.
    for (const r of [recorderOf(staff), recorderOf(guestSocket)]) {
      const e = await r.waitFor("customer:removed");
      expect(e.data).toEqual({ customerId: intruder.customer.id, removedAt: removed.customer.removedAt });
    }
    // Its token no longer works anywhere.
    for (const server of [a, b]) {
      const rest = await server.api.request("GET", "/api/sessions/current", { token: intruder.token });
      expect([rest.status, rest.body.error.code]).toEqual([401, "CUSTOMER_REMOVED"]);
      const refused = (await socket(server, { token: intruder.token }).catch((e: ConnectError) => e)) as ConnectError;
      expect(refused.data?.code).toBe("CUSTOMER_REMOVED");
    }
    // The guest still orders; the table's orders are the two placed, nothing from the removed phone after.
    dataOf(await send(guestSocket, "order:place", { clientOrderId: randomUUID(), items: [{ productId: lemonade, quantity: 2 }] }));
    const orders = await prisma.order.findMany({ where: { sessionId: session.id }, orderBy: { placedAt: "asc" } });
    expect(orders.map((o) => o.customerId)).toEqual([intruder.customer.id, guest.customer.id]);
    // Removing again changes nothing; the phone list shows it removed.
    const again = await a.api.route("POST /api/sessions/:id/customers/:customerId/remove", {
      token,
      params: { id: session.id, customerId: intruder.customer.id },
    });
    expect(again.customer).toEqual(removed.customer);
    const detail = await a.api.getSession(token, session.id);
    expect(detail.customers.map((c) => [c.displayName, c.removedAt !== null])).toEqual([
      ["Photo of the card", true],
      ["Guest", false],
    ]);
    const events = await prisma.sessionEvent.findMany({ where: { sessionId: session.id, type: "customer.removed" } });
    expect(events).toHaveLength(1);
  });

  it("is refused by every command on a socket the removal has not closed yet, a repeated order too", async ({
    server,
    venue,
    socket,
    prisma,
  }) => {
    const { session, cardCode } = await seatedTable(server, venue.staffToken, "Race");
    const phone = await joinAtTable(server.api, cardCode, session.pin);
    const s = await socket(server, { token: phone.token });
    const stored = { clientOrderId: randomUUID(), items: [{ productId: venue.products[2]!.id, quantity: 1 }] };
    dataOf(await send(s, "order:place", stored));
    // Removed in the database only: nothing closes this socket, as if the removal's
    // broadcast had not reached its instance yet.
    await prisma.customer.update({ where: { id: phone.customer.id }, data: { removedAt: new Date() } });
    const fresh = { clientOrderId: randomUUID(), items: [{ productId: venue.products[2]!.id, quantity: 1 }] };
    expect((await send(s, "order:place", fresh)).error?.code).toBe("CUSTOMER_REMOVED");
    expect((await send(s, "order:place", stored)).error?.code).toBe("CUSTOMER_REMOVED");
    expect((await send(s, "alert:raise", { kind: "WAITER" })).error?.code).toBe("CUSTOMER_REMOVED");
    // order:place checks the phone in its own first statement, after the payload's check.
    expect((await send(s, "order:place", { clientOrderId: "x", items: [] } as never)).error?.code).toBe("VALIDATION_FAILED");
    expect(await prisma.order.count({ where: { sessionId: session.id } })).toBe(1);
  });

  it("cannot be removed by another location's staff, nor through another session", async ({ server, venue, otherVenue }) => {
    const token = venue.staffToken;
    const one = await seatedTable(server, token, "One");
    const two = await seatedTable(server, token, "Two");
    const phone = await joinAtTable(server.api, one.cardCode, one.session.pin, "Ann");
    const foreign = await server.api.request("POST", `/api/sessions/${one.session.id}/customers/${phone.customer.id}/remove`, {
      token: otherVenue.staffToken,
    });
    expect([foreign.status, foreign.body.error.message]).toEqual([404, "session not found"]);
    const wrongSession = await server.api.request("POST", `/api/sessions/${two.session.id}/customers/${phone.customer.id}/remove`, {
      token,
    });
    expect([wrongSession.status, wrongSession.body.error.message]).toEqual([404, "phone not found"]);
    const asPhone = await server.api.request("POST", `/api/sessions/${one.session.id}/customers/${phone.customer.id}/remove`, {
      token: phone.token,
    });
    expect(asPhone.status).toBe(401);
    expect((await server.api.route("GET /api/sessions/current", { token: phone.token })).customer.id).toBe(phone.customer.id);
  });

  it("cannot come back to retry, even an order it placed before it was removed", async ({ server, venue, socket }) => {
    const token = venue.staffToken;
    const { session, cardCode } = await seatedTable(server, token, "Retry");
    const phone = await joinAtTable(server.api, cardCode, session.pin);
    const s = await socket(server, { token: phone.token });
    const clientOrderId = randomUUID();
    const payload = { clientOrderId, items: [{ productId: venue.products[2]!.id, quantity: 1 }] };
    dataOf(await send(s, "order:place", payload));
    await server.api.route("POST /api/sessions/:id/customers/:customerId/remove", {
      token,
      params: { id: session.id, customerId: phone.customer.id },
    });
    // Its socket is gone and a new one is refused: a removed phone cannot even retry.
    const refused = (await socket(server, { token: phone.token }).catch((e: ConnectError) => e)) as ConnectError;
    expect(refused.data?.code).toBe("CUSTOMER_REMOVED");
  });
});
