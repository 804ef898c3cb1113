/**
 * A guest's declared allergies and diets (issue 35), and what they mean for a dish, a line and
 * a ticket. zod-free: the phone, the panel, the kitchen display and the server use the same
 * rules, so the menu's warning, the ticket's banner and the server's refusal never disagree.
 *
 * A declaration is a phone's (`phone:<customer id>`, made on the phone) or a seat's
 * (`seat:2`, recorded by staff for a guest without one): the same keys as a bill's payers.
 * It is private: the phone that made it and the staff read it, never the other phones.
 */
import type { Allergen, DietTag } from "./allergens.js";

/** The diets a guest can declare (a dish conflicts when it is not tagged so). */
export const DECLARABLE_DIETS = ["VEGETARIAN", "VEGAN", "HALAL"] as const satisfies readonly DietTag[];
export type DeclarableDiet = (typeof DECLARABLE_DIETS)[number];

/** What a declaration says (AllergyDeclarationDto carries it with who, when and its version). */
export interface Declared {
  allergens: readonly Allergen[];
  diets: readonly DeclarableDiet[];
  note: string | null;
}

/** Whether a declaration says anything (an emptied one asks nothing of the kitchen). */
export const isDeclared = (d: Declared | null | undefined): d is Declared =>
  !!d && (d.allergens.length > 0 || d.diets.length > 0 || (d.note ?? "").trim() !== "");

/** A diet the dish is not tagged for: a vegan dish is vegetarian too. */
function meetsDiet(tags: readonly DietTag[], diet: DeclarableDiet): boolean {
  if (diet === "VEGETARIAN") return tags.includes("VEGETARIAN") || tags.includes("VEGAN");
  return tags.includes(diet);
}

/** Where a dish goes against a declaration: the declared allergens it contains, the declared diets it does not meet. */
export interface Conflicts {
  allergens: Allergen[];
  diets: DeclarableDiet[];
}

export function conflictsOf(
  d: Declared | null | undefined,
  dish: { allergens: readonly Allergen[]; tags?: readonly DietTag[] },
): Conflicts {
  if (!d) return { allergens: [], diets: [] };
  return {
    allergens: d.allergens.filter((a) => dish.allergens.includes(a)),
    // An order line keeps its allergens but not its tags: diets are judged on the menu only.
    diets: dish.tags ? d.diets.filter((diet) => !meetsDiet(dish.tags ?? [], diet)) : [],
  };
}

export const hasConflicts = (c: Conflicts) => c.allergens.length > 0 || c.diets.length > 0;

/** The diets a dish does not meet (what the server checks a line against when its guest did not confirm it). */
export const unmetDiets = (tags: readonly DietTag[]): DeclarableDiet[] => DECLARABLE_DIETS.filter((diet) => !meetsDiet(tags, diet));

/**
 * Whose a line is, as declarations are keyed: its seat when staff noted one, else the phone
 * that ordered it; null: a waiter's line without a seat (nobody's declaration applies).
 */
export function guestOfLine(order: { customerId: string | null }, line: { seat: number | null }): string | null {
  if (line.seat !== null) return `seat:${line.seat}`;
  return order.customerId ? `phone:${order.customerId}` : null;
}

/** A guest key in an English message ("seat 2", "a phone"): the kitchen knows no guests' names. */
export function guestWords(guest: string): string {
  return guest.startsWith("seat:") ? `seat ${guest.slice(5)}` : "a phone";
}
