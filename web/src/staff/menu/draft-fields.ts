/**
 * The product form's fields, one by one, as a conflict lists them. Apart from product-draft.ts
 * so that strings.ts can name them without importing the form's logic (which uses strings).
 */
export const DRAFT_FIELDS = [
  "name",
  "description",
  "categoryId",
  "price",
  "stock",
  "hidden",
  "allergens",
  "tags",
  "groups",
  "taxRateId",
] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];
