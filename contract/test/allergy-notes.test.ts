import { describe, expect, test } from "vitest";
import { isAllergyNote } from "../src/allergy-notes.js";

describe("isAllergyNote: notes the kitchen must not miss stand out", () => {
  test.each([
    "ALLERGIC to shellfish",
    "nut allergy",
    "No nuts please",
    "peanuts!!",
    "gluten free base",
    "Coeliac",
    "celiac",
    "lactose-free milk",
    "no dairy",
    "intolerant to soy",
    "carries an EpiPen",
    "sesame",
  ])("%s", (note) => {
    expect(isAllergyNote(note)).toBe(true);
  });

  test.each(["extra basil", "well done", "no onions", "donut on the side", "minute steak", "", null, undefined])("not: %s", (note) => {
    expect(isAllergyNote(note)).toBe(false);
  });
});
