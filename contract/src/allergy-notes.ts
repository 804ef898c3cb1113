/**
 * Words that make a guest's note an allergy warning on a kitchen ticket — on the display and
 * on paper alike (one rule, so the two never disagree about what stands out). Matched at the start
 * of a word, case-insensitively ("no nuts", "Coeliac!", "lactose-free"); a false alarm costs
 * a glance, a missed one can cost far more, so the list leans wide.
 */
export const ALLERGY_WORDS = [
  "allerg",
  "anaphyla",
  "intoleran",
  "gluten",
  "coeliac",
  "celiac",
  "nut",
  "peanut",
  "lactose",
  "dairy",
  "shellfish",
  "crustacea",
  "sesame",
  "soy",
  "epipen",
] as const;

const PATTERN = new RegExp(`(^|[^\\p{L}])(${ALLERGY_WORDS.join("|")})`, "iu");

/** Whether a line's note reads like an allergy or intolerance the kitchen must not miss. */
export function isAllergyNote(note: string | null | undefined): boolean {
  return !!note && PATTERN.test(note);
}
