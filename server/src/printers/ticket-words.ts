/**
 * The fixed words of a kitchen ticket in the kitchen's five languages (issue 34): a ticket is
 * printed in the location's kitchen language, never in the guest's. The allergen names are
 * the phone pages' (copied from web/src/locales `allergens.*`, where the menu and the kitchen
 * display take them; a test keeps them alike). Banners are printed double width, so they fit
 * 16 characters on 58 mm paper.
 */
import type { Allergen, DeclarableDiet, KitchenLanguage } from "@ordered/contract";

export interface TicketWords {
  /** A copy that may already be on paper (its worker died mid-job). */
  reprint: string;
  /** The slip that takes a line off a ticket, and the mark of a voided line on a ticket. */
  void: string;
  /** A ticket fired again after its course was held. */
  refire: string;
  course: string;
  seat: (n: number) => string;
  note: string;
  /** The banner over a note that reads like an allergy (contract `isAllergyNote`). */
  allergy: string;
  allergens: string;
  /** A guest's declared allergies and diets (issue 35), printed loudest, and what in the dish goes against them. */
  declared: string;
  contains: string;
  dietNames: Record<DeclarableDiet, string>;
  /** The order came from another table (merged, split or moved). */
  movedFrom: (from: string) => string;
  allergenNames: Record<Allergen, string>;
}

export const TICKET_WORDS: Readonly<Record<KitchenLanguage, TicketWords>> = {
  en: {
    reprint: "REPRINT",
    void: "VOID",
    refire: "RE-FIRE",
    course: "Course",
    seat: (n) => `Seat ${n}`,
    note: "Note",
    allergy: "ALLERGY",
    allergens: "Allergens",
    declared: "Declared",
    contains: "CONTAINS",
    dietNames: { VEGETARIAN: "Vegetarian", VEGAN: "Vegan", HALAL: "Halal" },
    movedFrom: (from) => `moved from ${from}`,
    allergenNames: {
      GLUTEN: "Gluten (cereals)",
      CRUSTACEANS: "Crustaceans",
      EGGS: "Eggs",
      FISH: "Fish",
      PEANUTS: "Peanuts",
      SOYBEANS: "Soybeans",
      MILK: "Milk",
      NUTS: "Nuts (tree nuts)",
      CELERY: "Celery",
      MUSTARD: "Mustard",
      SESAME: "Sesame",
      SULPHITES: "Sulphites",
      LUPIN: "Lupin",
      MOLLUSCS: "Molluscs",
    },
  },
  de: {
    reprint: "NACHDRUCK",
    void: "STORNO",
    refire: "NEU ABGERUFEN",
    course: "Gang",
    seat: (n) => `Platz ${n}`,
    note: "Hinweis",
    allergy: "ALLERGIE",
    allergens: "Allergene",
    declared: "Angegeben",
    contains: "ENTHÄLT",
    dietNames: { VEGETARIAN: "Vegetarisch", VEGAN: "Vegan", HALAL: "Halal" },
    movedFrom: (from) => `umgesetzt von ${from}`,
    allergenNames: {
      GLUTEN: "Glutenhaltiges Getreide",
      CRUSTACEANS: "Krebstiere",
      EGGS: "Eier",
      FISH: "Fisch",
      PEANUTS: "Erdnüsse",
      SOYBEANS: "Soja",
      MILK: "Milch",
      NUTS: "Schalenfrüchte (Nüsse)",
      CELERY: "Sellerie",
      MUSTARD: "Senf",
      SESAME: "Sesam",
      SULPHITES: "Sulfite",
      LUPIN: "Lupinen",
      MOLLUSCS: "Weichtiere",
    },
  },
  fr: {
    reprint: "RÉIMPRESSION",
    void: "ANNULÉ",
    refire: "RELANCE",
    course: "Service",
    seat: (n) => `Place ${n}`,
    note: "Note",
    allergy: "ALLERGIE",
    allergens: "Allergènes",
    declared: "Déclaré",
    contains: "CONTIENT",
    dietNames: { VEGETARIAN: "Végétarien", VEGAN: "Végan", HALAL: "Halal" },
    movedFrom: (from) => `venu de ${from}`,
    allergenNames: {
      GLUTEN: "Gluten",
      CRUSTACEANS: "Crustacés",
      EGGS: "Œufs",
      FISH: "Poisson",
      PEANUTS: "Arachides",
      SOYBEANS: "Soja",
      MILK: "Lait",
      NUTS: "Fruits à coque",
      CELERY: "Céleri",
      MUSTARD: "Moutarde",
      SESAME: "Sésame",
      SULPHITES: "Sulfites",
      LUPIN: "Lupin",
      MOLLUSCS: "Mollusques",
    },
  },
  es: {
    reprint: "REIMPRESIÓN",
    void: "ANULADO",
    refire: "MARCHAR OTRA VEZ",
    course: "Pase",
    seat: (n) => `Asiento ${n}`,
    note: "Nota",
    allergy: "ALERGIA",
    allergens: "Alérgenos",
    declared: "Declarado",
    contains: "CONTIENE",
    dietNames: { VEGETARIAN: "Vegetariano", VEGAN: "Vegano", HALAL: "Halal" },
    movedFrom: (from) => `viene de ${from}`,
    allergenNames: {
      GLUTEN: "Cereales con gluten",
      CRUSTACEANS: "Crustáceos",
      EGGS: "Huevos",
      FISH: "Pescado",
      PEANUTS: "Cacahuetes",
      SOYBEANS: "Soja",
      MILK: "Lácteos",
      NUTS: "Frutos de cáscara",
      CELERY: "Apio",
      MUSTARD: "Mostaza",
      SESAME: "Sésamo",
      SULPHITES: "Sulfitos",
      LUPIN: "Altramuces",
      MOLLUSCS: "Moluscos",
    },
  },
  it: {
    reprint: "RISTAMPA",
    void: "ANNULLATO",
    refire: "DI NUOVO IN VIA",
    course: "Portata",
    seat: (n) => `Posto ${n}`,
    note: "Nota",
    allergy: "ALLERGIA",
    allergens: "Allergeni",
    declared: "Dichiarato",
    contains: "CONTIENE",
    dietNames: { VEGETARIAN: "Vegetariano", VEGAN: "Vegano", HALAL: "Halal" },
    movedFrom: (from) => `spostato da ${from}`,
    allergenNames: {
      GLUTEN: "Glutine (cereali)",
      CRUSTACEANS: "Crostacei",
      EGGS: "Uova",
      FISH: "Pesce",
      PEANUTS: "Arachidi",
      SOYBEANS: "Soia",
      MILK: "Latte",
      NUTS: "Frutta a guscio",
      CELERY: "Sedano",
      MUSTARD: "Senape",
      SESAME: "Sesamo",
      SULPHITES: "Solfiti",
      LUPIN: "Lupini",
      MOLLUSCS: "Molluschi",
    },
  },
};
