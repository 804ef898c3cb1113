import { AllergyDeclarationDto, type SessionAllergiesDto } from "@ordered/contract";
import { describe, expect, test } from "vitest";
import {
  conflictWords,
  declarationsByGuest,
  declaredWords,
  draftBody,
  draftOf,
  guestName,
  lineAllergy,
  orderAcks,
  padConflicts,
  sortedDeclarations,
} from "../../../src/staff/sessions/allergy-view";
import { AT, customer, id, SESSION, ticket } from "../../support/fixtures";

/** A declaration for `guest` (`seat:2`, `phone:<id>`); declaration n has id(1200 + n). */
function declaration(n: number, guest: string, overrides: Partial<AllergyDeclarationDto> = {}): AllergyDeclarationDto {
  const phone = guest.startsWith("phone:") ? guest.slice(6) : null;
  return AllergyDeclarationDto.parse({
    id: id(1200 + n),
    guest,
    customerId: phone,
    seat: phone ? null : Number(guest.slice(5)),
    allergens: [],
    diets: [],
    note: null,
    version: 1,
    updatedAt: AT,
    changedBy: null,
    ...overrides,
  });
}

const ann = customer(1, { displayName: "Ann" });
const names = new Map([[ann.id, "Ann"]]);
const peanuts = declaration(1, `phone:${ann.id}`, { allergens: ["PEANUTS", "MILK"], diets: ["VEGETARIAN"] });
const sesame = declaration(2, "seat:2", { allergens: ["SESAME"], changedBy: "Olivia" });
const cleared = declaration(3, "seat:3", { version: 2 });
const allergies = (acks: SessionAllergiesDto["acks"] = []): SessionAllergiesDto => ({
  sessionId: SESSION,
  declarations: [peanuts, sesame, cleared],
  acks,
});

describe("declarationsByGuest and the sheet's list", () => {
  test("keeps the declarations that say something, by guest; an emptied one is none", () => {
    const byGuest = declarationsByGuest(allergies());
    expect([...byGuest.keys()]).toEqual([`phone:${ann.id}`, "seat:2"]);
    expect(declarationsByGuest(null).size).toBe(0);
  });

  test("a note alone is a declaration", () => {
    const noted = declaration(4, "seat:4", { note: "coeliac" });
    expect(declarationsByGuest({ sessionId: SESSION, declarations: [noted], acks: [] }).has("seat:4")).toBe(true);
  });

  test("seats first by number, then phones by name; a seat is 'Seat n', a phone its name", () => {
    const seat10 = declaration(5, "seat:10", { allergens: ["FISH"] });
    const byGuest = declarationsByGuest({ sessionId: SESSION, declarations: [peanuts, seat10, sesame], acks: [] });
    expect(sortedDeclarations(byGuest, names).map((d) => guestName(d.guest, names))).toEqual(["Seat 2", "Seat 10", "Ann"]);
    expect(guestName(`phone:${id(999)}`, names)).toBe("A phone");
  });

  test("what it says: allergens in the contract's order, short names, then diets", () => {
    expect(declaredWords({ allergens: ["MILK", "GLUTEN", "PEANUTS"], diets: ["VEGAN"] })).toBe("Gluten, Peanuts, Milk · Vegan");
    expect(declaredWords({ allergens: [], diets: ["HALAL"] })).toBe("Halal");
  });
});

describe("lineAllergy: the declaration beside an order's line", () => {
  const byGuest = declarationsByGuest(allergies());

  test("a phone's line carries the phone's declaration and what the dish contains against it", () => {
    const line = lineAllergy({ customerId: ann.id }, { seat: null, allergens: ["PEANUTS", "GLUTEN"] }, byGuest);
    expect(line?.guest).toBe(`phone:${ann.id}`);
    expect(line?.conflicts).toEqual({ allergens: ["PEANUTS"], diets: [] });
    expect(conflictWords(line!.conflicts)).toBe("contains peanuts");
  });

  test("a line's seat wins over the phone that ordered it", () => {
    const line = lineAllergy({ customerId: ann.id }, { seat: 2, allergens: ["SESAME", "SOYBEANS"] }, byGuest);
    expect(line?.declaration).toBe(sesame);
    expect(conflictWords(line!.conflicts)).toBe("contains sesame");
  });

  test("a declared guest's line without a conflict still shows the declaration; nobody's line shows nothing", () => {
    expect(lineAllergy({ customerId: ann.id }, { seat: null, allergens: [] }, byGuest)?.conflicts).toEqual({ allergens: [], diets: [] });
    expect(lineAllergy({ customerId: null }, { seat: null, allergens: ["SESAME"] }, byGuest)).toBeNull();
    expect(lineAllergy({ customerId: null }, { seat: 3, allergens: ["SESAME"] }, byGuest)).toBeNull();
  });
});

describe("padConflicts: the order pad's warning", () => {
  const vegan = declaration(6, "seat:4", { diets: ["VEGAN"] });
  const byGuest = declarationsByGuest({ sessionId: SESSION, declarations: [sesame, vegan], acks: [] });

  test("a dish with a seat's declared allergen, or not meeting its diet, is a conflict", () => {
    expect(padConflicts(2, { allergens: ["SESAME", "GLUTEN"], tags: ["VEGAN"] }, byGuest)).toEqual({ allergens: ["SESAME"], diets: [] });
    expect(padConflicts(4, { allergens: [], tags: ["VEGETARIAN"] }, byGuest)).toEqual({ allergens: [], diets: ["VEGAN"] });
    expect(conflictWords({ allergens: ["SESAME", "MILK"], diets: ["VEGAN"] })).toBe("contains sesame, milk · not vegan");
  });

  test("no seat, an undeclared seat, or a safe dish: no warning", () => {
    expect(padConflicts(null, { allergens: ["SESAME"], tags: [] }, byGuest)).toBeNull();
    expect(padConflicts(5, { allergens: ["SESAME"], tags: [] }, byGuest)).toBeNull();
    expect(padConflicts(2, { allergens: ["GLUTEN"], tags: [] }, byGuest)).toBeNull();
    expect(padConflicts(4, { allergens: [], tags: ["VEGAN"] }, byGuest)).toBeNull();
  });
});

describe("orderAcks: what the kitchen read", () => {
  const kitchen = ticket(1);
  const bar = ticket(2, { station: "Bar" });
  const ack = (ticketId: string, declarationId: string, version: number, ackedBy: string | null, ackedAt: string) => ({
    ticketId,
    declarationId,
    version,
    ackedBy,
    ackedAt,
  });

  test("the latest acknowledgement per ticket, with who and when; tickets nobody acknowledged are left out", () => {
    const acks = [
      ack(kitchen.id, peanuts.id, 1, "Chef", "2026-11-21T12:02:00.000Z"),
      ack(kitchen.id, sesame.id, 1, "Sous", "2026-11-21T12:03:00.000Z"),
    ];
    expect(orderAcks([kitchen, bar], allergies(acks))).toEqual([
      { ticketId: kitchen.id, station: "Kitchen", by: "Sous", at: "2026-11-21T12:03:00.000Z", stale: false },
    ]);
    expect(orderAcks([kitchen], null)).toEqual([]);
  });

  test("a declaration changed after it was read makes the acknowledgement stale until read again", () => {
    const changed: SessionAllergiesDto = { sessionId: SESSION, declarations: [{ ...peanuts, version: 2 }], acks: [] };
    const first = ack(kitchen.id, peanuts.id, 1, "Chef", "2026-11-21T12:02:00.000Z");
    expect(orderAcks([kitchen], { ...changed, acks: [first] })[0]?.stale).toBe(true);
    const again = ack(kitchen.id, peanuts.id, 2, "Chef", "2026-11-21T12:05:00.000Z");
    expect(orderAcks([kitchen], { ...changed, acks: [first, again] })[0]?.stale).toBe(false);
  });
});

describe("the form's draft", () => {
  test("starts from a declaration, and sends it whole in the contract's order, the note trimmed", () => {
    const draft = draftOf(sesame);
    expect(draft).toMatchObject({ kind: "seat", seat: "2", allergens: ["SESAME"] });
    const body = draftBody({ ...draft, allergens: ["SESAME", "EGGS"], diets: ["VEGAN"], note: "  severe " });
    expect(body).toEqual({ body: { guest: "seat:2", allergens: ["EGGS", "SESAME"], diets: ["VEGAN"], note: "severe" } });
  });

  test("a phone's, and Clear: the same guest, everything empty", () => {
    const draft = draftOf(peanuts);
    expect(draft.kind).toBe("phone");
    expect(draftBody(draft, true)).toEqual({ body: { guest: `phone:${ann.id}`, allergens: [], diets: [], note: null } });
  });

  test("a seat must be 1 to 99 and a phone must be picked", () => {
    const blank = draftOf(null);
    for (const seat of ["", "0", "100", "2.5", "x"])
      expect(draftBody({ ...blank, seat })).toEqual({ error: expect.stringMatching(/1 to 99/) });
    expect(draftBody({ ...blank, seat: " 07 " })).toMatchObject({ body: { guest: "seat:7" } });
    expect(draftBody({ ...blank, kind: "phone" })).toEqual({ error: expect.stringMatching(/phone/) });
  });

  test("a note longer than the limit is refused before it is sent", () => {
    expect(draftBody({ ...draftOf(sesame), note: "x".repeat(201) })).toEqual({ error: expect.stringMatching(/200/) });
  });
});
