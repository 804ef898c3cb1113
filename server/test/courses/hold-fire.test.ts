import { randomUUID } from "node:crypto";
import type { KitchenOrderDto, OrderDto } from "@ordered/contract";
import { acceptedOrder, joinAtTable, seatedTable } from "../sessions/session-kit.js";
import { createAccount } from "../staff/staff-kit.js";
import { eventually } from "../support/harness.js";
import { describe, expect, it, type Venue } from "../support/kit.js";
import { dataOf, recorderOf, send } from "../support/sockets.js";

// Issue 32, item 3: courses on lines (a category's default, or the waiter's choice), held
// and fired per table (`course:hold`, `course:fire`), each change logged as order.updated
// with the tickets' firedAt. Two instances: the waiter on A, the kitchen and panel on B.

const diavola = (venue: Venue) => venue.products[1]!; // Pizza → Mains
const lemonade = (venue: Venue) => venue.products[2]!; // Drinks → Drinks
const courseId = (venue: Venue, name: string) => venue.courses.find((c) => c.name === name)!.id;
const ticketsOf = (order: Pick<OrderDto, "tickets">) => order.tickets.map((t) => [t.station, t.course, t.status, t.firedAt !== null]);

describe("courses: hold and fire", () => {
  it("a waiter's mains held at entry reach the kitchen greyed (not bumpable); fired on another instance they go live, once", async ({
    cluster: [a, b],
    worker,
    venue,
    socket,
    server,
    prisma,
  }) => {
    void worker;
    const mains = courseId(venue, "Mains");
    const { session } = await a.api.openSession(venue.staffToken, "Table 51");
    const kitchen = await createAccount(server, venue.staffToken, "KITCHEN");
    const display = recorderOf(await socket(b, { token: kitchen.token }));
    const waiter = await socket(a, { token: venue.staffToken });
    const { order } = dataOf(
      await send(waiter, "order:enter", {
        sessionId: session.id,
        clientOrderId: randomUUID(),
        items: [
          { productId: lemonade(venue).id, quantity: 2, seat: 1 },
          { productId: diavola(venue).id, quantity: 1, seat: 2, note: "well done" },
          { productId: diavola(venue).id, quantity: 1, seat: 3, courseId: null },
        ],
        hold: [mains],
      }),
    );
    // Lines carry their seat and course: the category's default unless the waiter chose (null: none).
    expect(order.items.map((i) => [i.productName, i.seat, i.courseId])).toEqual([
      ["Lemonade", 1, courseId(venue, "Drinks")],
      ["Diavola", 2, mains],
      ["Diavola", 3, null],
    ]);
    // One ticket per station and course; the mains come held, the rest fired.
    const held = (await display.waitFor("order:updated", (e) => e.data.id === order.id && e.data.tickets.length > 0))
      .data as KitchenOrderDto;
    expect(ticketsOf(held)).toEqual([
      ["Kitchen", null, "NEW", true],
      ["Kitchen", "Mains", "NEW", false],
      ["Bar", "Drinks", "NEW", true],
    ]);
    const heldTicket = held.tickets.find((t) => t.course === "Mains")!;
    const chef = await socket(b, { token: kitchen.token });
    const early = await send(chef, "ticket:bump", { ticketId: heldTicket.id, to: "PREPARING" });
    expect(early.error).toEqual({ code: "CONFLICT", message: "held: Mains is not fired yet; the floor fires it" });
    // A held course keeps the order preparing: the other tickets ready do not make it ready.
    for (const t of held.tickets.filter((t) => t.firedAt !== null)) {
      dataOf(await send(chef, "ticket:bump", { ticketId: t.id, to: "PREPARING" }));
      dataOf(await send(chef, "ticket:bump", { ticketId: t.id, to: "READY" }));
    }
    expect((await prisma.shipment.findUniqueOrThrow({ where: { orderId: order.id } })).status).toBe("PREPARING");

    // Fire, from both instances at once and again: one change, one event, the same answer.
    const panel = await socket(b, { token: venue.staffToken });
    const payload = { sessionId: session.id, courseId: mains };
    const before = await prisma.sessionEvent.count({ where: { sessionId: session.id } });
    const acks = await Promise.all([send(waiter, "course:fire", payload), send(panel, "course:fire", payload)]);
    const again = await send(waiter, "course:fire", payload);
    for (const ack of [...acks, again]) {
      expect(dataOf(ack).orders.map((o) => o.tickets.find((t) => t.course === "Mains")?.firedAt != null)).toEqual([true]);
    }
    expect(await prisma.sessionEvent.count({ where: { sessionId: session.id } })).toBe(before + 1);
    const fired = (
      await display.waitFor("order:updated", (e) =>
        e.data.tickets.some((t: { course: string | null; firedAt: string | null }) => t.course === "Mains" && t.firedAt !== null),
      )
    ).data as KitchenOrderDto;
    const firedAt = fired.tickets.find((t) => t.course === "Mains")!.firedAt!;
    expect(Date.parse(firedAt)).toBeGreaterThan(Date.parse(fired.tickets[0]!.createdAt));
    // The kitchen's copy has no phone fields; it bumps the fired mains, and the order is ready.
    expect(fired).not.toHaveProperty("clientOrderId");
    dataOf(await send(chef, "ticket:bump", { ticketId: heldTicket.id, to: "PREPARING" }));
    dataOf(await send(chef, "ticket:bump", { ticketId: heldTicket.id, to: "READY" }));
    await eventually(async () => (await prisma.shipment.findUniqueOrThrow({ where: { orderId: order.id } })).status === "READY");
  });

  it("staff hold a phone's order (what the kitchen has not started), idempotently; later lines of the course come held", async ({
    cluster: [a, b],
    worker,
    venue,
    socket,
    prisma,
  }) => {
    void worker;
    const mains = courseId(venue, "Mains");
    const { session, cardCode } = await seatedTable(a, venue.staffToken, "Table 52");
    const guest = await joinAtTable(b.api, cardCode, session.pin, "Ann");
    const phone = await socket(b, { token: guest.token });
    const heard = recorderOf(phone);
    const first = await acceptedOrder(prisma, phone, [
      { productId: diavola(venue).id, quantity: 1 },
      { productId: lemonade(venue).id, quantity: 1 },
    ]);
    expect(first.items.map((i) => i.courseId)).toEqual([mains, courseId(venue, "Drinks")]);
    const tickets = await eventually(async () => {
      const rows = await prisma.ticket.findMany({ where: { orderId: first.id } });
      return rows.length === 2 ? rows : null;
    });
    const bar = tickets.find((t) => t.courseId !== mains)!;
    const waiter = await socket(a, { token: venue.staffToken });
    // The bar started the drink: holding drinks leaves a started ticket alone.
    dataOf(await send(waiter, "ticket:bump", { ticketId: bar.id, to: "PREPARING" }));
    const drinks = dataOf(await send(waiter, "course:hold", { sessionId: session.id, courseId: bar.courseId! }));
    expect(drinks.orders[0]!.tickets.find((t) => t.id === bar.id)!.firedAt).not.toBeNull();

    const before = await prisma.sessionEvent.count({ where: { sessionId: session.id } });
    const held = await Promise.all([
      send(waiter, "course:hold", { sessionId: session.id, courseId: mains }),
      send(await socket(b, { token: venue.staffToken }), "course:hold", { sessionId: session.id, courseId: mains }),
    ]);
    for (const ack of held) expect(dataOf(ack).orders[0]!.tickets.find((t) => t.course === "Mains")!.firedAt).toBeNull();
    expect(await prisma.sessionEvent.count({ where: { sessionId: session.id } })).toBe(before + 1);
    // The phone hears its order changed: the mains wait for the waiter.
    await heard.waitFor("order:updated", (e) =>
      e.data.tickets.some((t: { course: string; firedAt: null }) => t.course === "Mains" && t.firedAt === null),
    );
    // A later main at this table comes held too, until the course is fired.
    const second = await acceptedOrder(prisma, phone, [{ productId: diavola(venue).id, quantity: 1 }]);
    const later = await eventually(() => prisma.ticket.findFirst({ where: { orderId: second.id } }));
    expect(later.firedAt).toBeNull();
    const fired = dataOf(await send(waiter, "course:fire", { sessionId: session.id, courseId: mains }));
    expect(fired.orders.map((o) => o.id).sort()).toEqual([first.id, second.id].sort());
    expect(fired.orders.every((o) => o.tickets.every((t) => t.firedAt !== null))).toBe(true);
  });

  it("refuses another location's course or session, an invalid seat, and holding a course the order does not have, storing nothing", async ({
    cluster: [a],
    venue,
    otherVenue,
    socket,
    prisma,
  }) => {
    const waiter = await socket(a, { token: venue.staffToken });
    const { session } = await a.api.openSession(venue.staffToken, "Table 53");
    const line = { productId: lemonade(venue).id, quantity: 1 };
    const enter = (extra: object) =>
      send(waiter, "order:enter", { sessionId: session.id, clientOrderId: randomUUID(), items: [line], ...extra });
    const theirs = courseId(otherVenue, "Mains");

    expect(
      (await send(waiter, "order:enter", { sessionId: session.id, clientOrderId: randomUUID(), items: [{ ...line, courseId: theirs }] }))
        .error,
    ).toEqual({
      code: "VALIDATION_FAILED",
      message: "items.0.courseId: not a course of this location",
    });
    for (const seat of [0, 100, 1.5]) {
      const ack = await send(waiter, "order:enter", { sessionId: session.id, clientOrderId: randomUUID(), items: [{ ...line, seat }] });
      expect(ack.error).toMatchObject({ code: "VALIDATION_FAILED", message: expect.stringContaining("items.0.seat") });
    }
    expect((await enter({ hold: [courseId(venue, "Mains")] })).error?.code).toBe("VALIDATION_FAILED");
    expect(await prisma.order.count({ where: { sessionId: session.id } })).toBe(0);

    expect((await send(waiter, "course:fire", { sessionId: session.id, courseId: theirs })).error).toEqual({
      code: "NOT_FOUND",
      message: "course not found",
    });
    const other = await a.api.openSession(otherVenue.staffToken, "Their table");
    expect((await send(waiter, "course:hold", { sessionId: other.session.id, courseId: courseId(venue, "Mains") })).error?.code).toBe(
      "NOT_FOUND",
    );
    expect(await prisma.courseHold.count({ where: { sessionId: { in: [session.id, other.session.id] } } })).toBe(0);
  });
});
