import { randomUUID } from "node:crypto";
import { describe, expect, it } from "../support/kit.js";
import { dataOf, recorderOf, send } from "../support/sockets.js";
import { seatedTable } from "./session-kit.js";

describe("waiter calls and bill requests", () => {
  it("reach every staff device of the location on any instance, once, and the phone sees who acknowledged", async ({
    cluster: [a, b],
    venue,
    otherVenue,
    socket,
    prisma,
  }) => {
    const token = venue.staffToken;
    const staffA = await socket(a, { token });
    const staffB = await socket(b, { token });
    const stranger = await socket(b, { token: otherVenue.staffToken });
    for (const s of [staffA, staffB, stranger]) await recorderOf(s).waitFor("sync:done");
    const { session, cardCode } = await seatedTable(a, token, "Table 9");
    const ann = await b.api.joinByCard(cardCode, "Ann");
    const phone = await socket(b, { token: ann.token });
    await recorderOf(phone).waitFor("sync:done");

    // A double tap: two raises, one call, one event.
    const [first, second] = await Promise.all([
      send(phone, "alert:raise", { kind: "WAITER" }),
      send(phone, "alert:raise", { kind: "WAITER" }),
    ]);
    const call = dataOf(first).alert;
    expect(dataOf(second).alert.id).toBe(call.id);
    expect(call).toMatchObject({
      sessionId: session.id,
      kind: "WAITER",
      customerId: ann.customer.id,
      customerName: "Ann",
      acknowledgedAt: null,
    });
    for (const s of [staffA, staffB]) expect((await recorderOf(s).waitFor("alert:raised")).data.id).toBe(call.id);
    const bill = dataOf(await send(phone, "alert:raise", { kind: "BILL" })).alert;
    expect(bill.id).not.toBe(call.id);

    // Staff on B acknowledge; A's device and the phone are told who; a second tap is refused by name.
    const acked = dataOf(await send(staffB, "alert:acknowledge", { alertId: call.id })).alert;
    expect(acked).toMatchObject({ id: call.id, acknowledgedBy: venue.owner.displayName });
    expect(acked.acknowledgedAt).not.toBeNull();
    for (const s of [phone, staffA]) {
      expect((await recorderOf(s).waitFor("alert:acknowledged", (e) => e.data.id === call.id)).data).toEqual(acked);
    }
    expect((await send(staffA, "alert:acknowledge", { alertId: call.id })).error).toEqual({
      code: "CONFLICT",
      message: `this call was already acknowledged by ${venue.owner.displayName}`,
    });
    // Once acknowledged, calling again is a new call.
    const later = dataOf(await send(phone, "alert:raise", { kind: "WAITER" })).alert;
    expect(later.id).not.toBe(call.id);

    // The other location heard nothing, and cannot acknowledge.
    expect(recorderOf(stranger).named("alert:raised")).toEqual([]);
    // One answer for another location's real call and for an id that names nothing: ids cannot be probed.
    const notFound = { code: "NOT_FOUND", message: "call not found" };
    expect((await send(stranger, "alert:acknowledge", { alertId: bill.id })).error).toEqual(notFound);
    expect((await send(stranger, "alert:acknowledge", { alertId: randomUUID() })).error).toEqual(notFound);
    expect((await send(staffA, "alert:acknowledge", { alertId: randomUUID() })).error).toEqual(notFound);
    const logged = await prisma.sessionEvent.findMany({
      where: { sessionId: session.id, type: { startsWith: "alert." } },
      orderBy: { seq: "asc" },
    });
    expect(logged.map((e) => e.type)).toEqual(["alert.raised", "alert.raised", "alert.acknowledged", "alert.raised"]);
    expect((await a.api.getSession(token, session.id)).alerts.map((x) => [x.kind, x.acknowledgedAt !== null])).toEqual([
      ["WAITER", true],
      ["BILL", false],
      ["WAITER", false],
    ]);
  });

  it("refuse the wrong sender, bad payloads and closed tables, changing nothing", async ({ server, venue, socket, prisma }) => {
    const token = venue.staffToken;
    const { session, cardCode } = await seatedTable(server, token, "Table 10");
    const ann = await server.api.joinByCard(cardCode, "Ann");
    const phone = await socket(server, { token: ann.token });
    const staff = await socket(server, { token });
    expect((await send(staff, "alert:raise", { kind: "WAITER" })).error?.code).toBe("FORBIDDEN");
    expect((await send(phone, "alert:acknowledge", { alertId: session.id })).error?.code).toBe("FORBIDDEN");
    expect((await send(phone, "alert:raise", { kind: "DESSERT" } as never)).error).toEqual({
      code: "VALIDATION_FAILED",
      message: "payload.kind: must be WAITER or BILL",
    });
    expect((await send(staff, "alert:acknowledge", { alertId: "nope" })).error?.code).toBe("VALIDATION_FAILED");
    await server.api.closeSession(token, session.id);
    expect((await send(phone, "alert:raise", { kind: "BILL" })).error?.code).toBe("SESSION_CLOSED");
    expect(await prisma.sessionAlert.count({ where: { sessionId: session.id } })).toBe(0);
  });

  it("are replayed to a staff device that was offline", async ({ server, venue, socket }) => {
    const token = venue.staffToken;
    const { session, cardCode } = await seatedTable(server, token, "Table 11");
    const detail = await server.api.getSession(token, session.id);
    const ann = await server.api.joinByCard(cardCode, "Ann");
    const phone = await socket(server, { token: ann.token });
    const call = dataOf(await send(phone, "alert:raise", { kind: "BILL" })).alert;
    // A panel that had seen the session up to its snapshot reconnects with that cursor.
    const staff = await socket(server, { token, cursors: { [session.id]: detail.session.lastSeq } });
    await recorderOf(staff).waitFor("sync:done");
    const names = recorderOf(staff)
      .sessionEvents()
      .filter(([, id]) => id === session.id)
      .map(([n]) => n);
    expect(names).toEqual(["customer:joined", "alert:raised"]);
    expect(recorderOf(staff).named("alert:raised")[0].data.id).toBe(call.id);
  });
});
