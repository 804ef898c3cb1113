/**
 * What the panel shows of a table's declared allergies (issue 35), as pure functions of the
 * session's SessionAllergiesDto: whose each declaration is, which order lines it applies to and
 * what they contain against it, what the kitchen acknowledged, and the staff form's draft.
 * The rules themselves (whose a line is, what conflicts) are the contract's (allergies.ts), so
 * the panel, the phone, the kitchen and the server never disagree.
 */
import {
  ALLERGENS,
  type Allergen,
  type AllergyAckDto,
  type AllergyDeclarationDto,
  type Conflicts,
  conflictsOf,
  DECLARABLE_DIETS,
  type DeclarableDiet,
  type DietTag,
  guestOfLine,
  isDeclared,
  LIMITS,
  type SessionAllergiesDto,
  type StaffDeclareAllergiesBody,
} from "@ordered/contract/client";
import { formatList, t } from "../../i18n/i18n";
import { allergyStrings as s } from "./allergy-strings";

/** An allergen's short name ("Gluten", not "Gluten (cereals)"): what fits on a tag. */
export const allergenName = (a: Allergen): string => t(`allergens.${a}`).split(" (")[0] ?? a;
export const dietName = (d: DeclarableDiet): string => t(`tags.${d}`);

/** The declarations that say something, by guest key (`phone:<id>`, `seat:2`); an emptied one is none. */
export function declarationsByGuest(allergies: SessionAllergiesDto | null | undefined): Map<string, AllergyDeclarationDto> {
  return new Map((allergies?.declarations ?? []).filter(isDeclared).map((d) => [d.guest, d]));
}

/** A guest as staff call them: the phone's name on the phones list, or "Seat 2". */
export function guestName(guest: string, names: ReadonlyMap<string, string>): string {
  if (guest.startsWith("seat:")) return s.seat(Number(guest.slice(5)));
  return names.get(guest.slice(6)) ?? s.unknownPhone;
}

/** The table's declarations in the order the sheet lists them: seats by number, then phones by name. */
export function sortedDeclarations(
  byGuest: ReadonlyMap<string, AllergyDeclarationDto>,
  names: ReadonlyMap<string, string>,
): AllergyDeclarationDto[] {
  return [...byGuest.values()].sort((a, b) => {
    if (a.seat !== null && b.seat !== null) return a.seat - b.seat;
    if (a.seat !== null) return -1;
    if (b.seat !== null) return 1;
    return guestName(a.guest, names).localeCompare(guestName(b.guest, names));
  });
}

/** What a declaration says, in a few words: "Peanuts, Milk · Vegetarian". */
export function declaredWords(d: Pick<AllergyDeclarationDto, "allergens" | "diets">): string {
  const allergens = ALLERGENS.filter((a) => d.allergens.includes(a)).map(allergenName);
  const diets = DECLARABLE_DIETS.filter((x) => d.diets.includes(x)).map(dietName);
  return [allergens.join(", "), diets.join(", ")].filter(Boolean).join(" · ");
}

/** What a dish contains against a declaration, as the waiter reads it: "contains peanuts, sesame · not vegan". */
export function conflictWords(c: Conflicts): string {
  const parts: string[] = [];
  if (c.allergens.length > 0) parts.push(s.contains(formatList(c.allergens.map((a) => allergenName(a).toLowerCase()))));
  for (const d of c.diets) parts.push(s.notDiet(dietName(d).toLowerCase()));
  return parts.join(" · ");
}

/** What a table's sheet hands its orders: the session's allergies as read, those that say something by guest, and the phones' names. */
export interface TableAllergies {
  all: SessionAllergiesDto | null;
  byGuest: ReadonlyMap<string, AllergyDeclarationDto>;
  names: ReadonlyMap<string, string>;
}

/** A line's guest's declaration, and what the line contains against it; null: nobody declared anything for it. */
export interface LineAllergy {
  guest: string;
  declaration: AllergyDeclarationDto;
  conflicts: Conflicts;
}

/**
 * The declaration that applies to a line (its seat's, else the phone's that ordered it) and
 * the declared allergens it contains. Diets are not judged here: an order line keeps its
 * allergens but not its dish's tags (allergies.ts conflictsOf).
 */
export function lineAllergy(
  order: { customerId: string | null },
  item: { seat: number | null; allergens: readonly Allergen[] },
  byGuest: ReadonlyMap<string, AllergyDeclarationDto>,
): LineAllergy | null {
  const guest = guestOfLine(order, item);
  const declaration = guest ? byGuest.get(guest) : undefined;
  if (!guest || !declaration) return null;
  return { guest, declaration, conflicts: conflictsOf(declaration, { allergens: item.allergens }) };
}

/**
 * What a dish about to be entered on the pad for a seat goes against: its allergens and, as
 * the menu knows them, its diet tags. Null: no seat, no declaration for it, or no conflict.
 */
export function padConflicts(
  seat: number | null,
  dish: { allergens: readonly Allergen[]; tags: readonly DietTag[] },
  byGuest: ReadonlyMap<string, AllergyDeclarationDto>,
): Conflicts | null {
  if (seat === null) return null;
  const declaration = byGuest.get(`seat:${seat}`);
  if (!declaration) return null;
  const c = conflictsOf(declaration, dish);
  return c.allergens.length > 0 || c.diets.length > 0 ? c : null;
}

/** One ticket's acknowledgement, as the order's card shows it. */
export interface OrderAck {
  ticketId: string;
  station: string;
  by: string | null;
  at: string;
  /** The declaration changed after the kitchen read it (it must read it again). */
  stale: boolean;
}

/**
 * The kitchen's acknowledgements of an order's tickets: the latest per ticket, marked stale
 * when one of its declarations has a newer version than the one read.
 */
export function orderAcks(
  tickets: readonly { id: string; station: string }[],
  allergies: SessionAllergiesDto | null | undefined,
): OrderAck[] {
  if (!allergies) return [];
  const versions = new Map(allergies.declarations.map((d) => [d.id, d.version]));
  return tickets.flatMap((ticket) => {
    const acks = allergies.acks.filter((a) => a.ticketId === ticket.id);
    if (acks.length === 0) return [];
    const latest = acks.reduce((x: AllergyAckDto, y) => (y.ackedAt > x.ackedAt ? y : x));
    // The newest version read of each declaration on this ticket, against the declaration's version now.
    const read = new Map<string, number>();
    for (const a of acks) read.set(a.declarationId, Math.max(a.version, read.get(a.declarationId) ?? 0));
    const stale = [...read].some(([declarationId, version]) => (versions.get(declarationId) ?? version) > version);
    return [{ ticketId: ticket.id, station: ticket.station, by: latest.ackedBy, at: latest.ackedAt, stale }];
  });
}

/** The staff form's draft: whose (a seat typed, or a phone picked), what, and a note. */
export interface AllergyDraft {
  kind: "seat" | "phone";
  /** The seat as typed (1–99). */
  seat: string;
  /** The phone's customer id, or "" when none is picked. */
  phone: string;
  allergens: Allergen[];
  diets: DeclarableDiet[];
  note: string;
}

/** A draft for a guest's current declaration (or a blank one for a new seat). */
export function draftOf(d: AllergyDeclarationDto | null, kind: "seat" | "phone" = "seat"): AllergyDraft {
  if (!d) return { kind, seat: "", phone: "", allergens: [], diets: [], note: "" };
  return {
    kind: d.seat !== null ? "seat" : "phone",
    seat: d.seat !== null ? String(d.seat) : "",
    phone: d.customerId ?? "",
    allergens: [...d.allergens],
    diets: [...d.diets],
    note: d.note ?? "",
  };
}

/** The guest key a draft names, or why it names none. */
export function draftGuest(draft: AllergyDraft): { guest: string } | { error: string } {
  if (draft.kind === "phone") return draft.phone ? { guest: `phone:${draft.phone}` } : { error: s.pickPhone };
  const text = draft.seat.trim();
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 99) return { error: s.badSeat };
  return { guest: `seat:${n}` };
}

/** The PUT body for a draft (codes in the contract's order, the note trimmed), or why it cannot be sent. */
export function draftBody(draft: AllergyDraft, clear = false): { body: StaffDeclareAllergiesBody } | { error: string } {
  const whose = draftGuest(draft);
  if ("error" in whose) return whose;
  if (clear) return { body: { guest: whose.guest, allergens: [], diets: [], note: null } };
  const note = draft.note.trim();
  if (note.length > LIMITS.allergies.noteLength) return { error: s.noteTooLong(LIMITS.allergies.noteLength) };
  return {
    body: {
      guest: whose.guest,
      allergens: ALLERGENS.filter((a) => draft.allergens.includes(a)),
      diets: DECLARABLE_DIETS.filter((d) => draft.diets.includes(d)),
      note: note || null,
    },
  };
}
