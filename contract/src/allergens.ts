/** Allergen and diet codes, apart from the schemas (dto.ts) and the rules (menu.ts), which both use them. */

/** The 14 allergens EU Regulation 1169/2011 (Annex II) requires menus to declare. */
export const ALLERGENS = [
  "GLUTEN",
  "CRUSTACEANS",
  "EGGS",
  "FISH",
  "PEANUTS",
  "SOYBEANS",
  "MILK",
  "NUTS",
  "CELERY",
  "MUSTARD",
  "SESAME",
  "SULPHITES",
  "LUPIN",
  "MOLLUSCS",
] as const;
export type Allergen = (typeof ALLERGENS)[number];

/** Diet and other tags a guest may filter on. */
export const DIET_TAGS = ["VEGETARIAN", "VEGAN", "SPICY", "HALAL"] as const;
export type DietTag = (typeof DIET_TAGS)[number];
