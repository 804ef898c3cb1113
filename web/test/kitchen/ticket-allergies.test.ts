import type { AllergyDeclarationDto, OrderItemDto, SessionAllergiesDto } from "@ordered/contract";
import { describe, expect, test } from "vitest";
import { ticketAllergies } from "../../src/kitchen/ticket-allergies";
import { id, KITCHEN, order, SESSION, ticket } from "../support/fixtures";

const ANN = id(500);
const BOB = id(501);
const line = (position: number, allergens: OrderItemDto["allergens"], seat: number | null = null): OrderItemDto => ({
  position,
  productId: id(900 + position),
  productName: `Dish ${position}`,
  unitPriceCents: 500,
  quantity: 1,
  note: null,
  options: [],
  allergens,
  stationId: KITCHEN,
  seat,
  courseId: null,
  corrections: [],
});
const declaration = (n: number, guest: string, d: Partial<AllergyDeclarationDto> = {}): AllergyDeclarationDto => ({
  id: id(600 + n),
  guest,
  customerId: guest.startsWith("phone:") ? guest.slice(6) : null,
  seat: guest.startsWith("seat:") ? Number(guest.slice(5)) : null,
  allergens: [],
  diets: [],
  note: null,
  version: 1,
  updatedAt: "2026-12-07T19:00:00.000Z",
  changedBy: null,
  ...d,
});

describe("a ticket's declared allergies", () => {
  const t = ticket(1);
  const annsOrder = order(1, "preparing", { customerId: ANN, items: [line(0, ["PEANUTS", "GLUTEN"]), line(1, ["MILK"], 2)], tickets: [t] });
  const anns = declaration(1, `phone:${ANN}`, { allergens: ["PEANUTS", "SESAME"], note: "anaphylaxis" });
  const bobs = declaration(2, `phone:${BOB}`, { allergens: ["MILK"] });
  const seat2 = declaration(3, "seat:2", { diets: ["VEGAN"] });

  test("give each line its guest's declaration (its seat's, else its phone's) with what the dish holds of it", () => {
    const session: SessionAllergiesDto = { sessionId: SESSION, declarations: [anns, bobs, seat2], acks: [] };
    const a = ticketAllergies(t.id, annsOrder, annsOrder.items, session);
    expect(a.lines.get(0)).toEqual({ declaration: anns, conflicts: { allergens: ["PEANUTS"], diets: [] } });
    // Seat 2's line is seat 2's, although Ann's phone sent it; Bob's milk allergy is not on Ann's ticket.
    expect(a.lines.get(1)).toEqual({ declaration: seat2, conflicts: { allergens: [], diets: [] } });
    expect(a.unacknowledged).toEqual([anns, seat2]);
    expect(a.acknowledged).toEqual([]);
  });

  test("are read once acknowledged at their version now; a change asks again; an emptied one asks nothing", () => {
    const ack = { ticketId: t.id, declarationId: anns.id, version: 1, ackedBy: "Chef", ackedAt: "2026-12-07T19:02:00.000Z" };
    const read = ticketAllergies(t.id, annsOrder, [annsOrder.items[0]!], { sessionId: SESSION, declarations: [anns], acks: [ack] });
    expect([read.unacknowledged, read.acknowledged]).toEqual([[], [ack]]);
    const changed = { ...anns, version: 2, allergens: ["PEANUTS", "MILK"] as const };
    const again = ticketAllergies(t.id, annsOrder, [annsOrder.items[0]!], {
      sessionId: SESSION,
      declarations: [{ ...changed, allergens: [...changed.allergens] }],
      acks: [ack],
    });
    expect(again.unacknowledged.map((d) => d.version)).toEqual([2]);
    // Another ticket's acknowledgement is not this one's.
    const elsewhere = ticketAllergies(id(1999), annsOrder, [annsOrder.items[0]!], {
      sessionId: SESSION,
      declarations: [anns],
      acks: [ack],
    });
    expect(elsewhere.unacknowledged).toEqual([anns]);
    const emptied = { ...anns, allergens: [], note: null };
    expect(ticketAllergies(t.id, annsOrder, annsOrder.items, { sessionId: SESSION, declarations: [emptied], acks: [] }).lines.size).toBe(0);
    // A waiter's line without a seat is nobody's.
    const waiters = order(2, "preparing", { customerId: null, items: [line(0, ["PEANUTS"])] });
    expect(ticketAllergies(t.id, waiters, waiters.items, { sessionId: SESSION, declarations: [anns], acks: [] }).lines.size).toBe(0);
  });
});
