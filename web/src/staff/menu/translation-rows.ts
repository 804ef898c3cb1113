/**
 * The translations page as plain data (issue 35): the menu's texts in rows, each with its
 * translation into one language; how many are missing; and the PATCH bodies that save typed
 * translations (a thing's `translations` is its whole map: the language is merged into it).
 * Pure functions, so the rules are unit-tested without a browser.
 */
import type {
  CategoryDto,
  MenuLanguage,
  OptionGroupInput,
  ProductDto,
  Translations,
  UpdateCategoryBody,
  UpdateProductBody,
} from "@ordered/contract/client";

export type TextField = "name" | "description";
export type TextKind = "category" | "product" | "group" | "option";

/** One text of the menu beside its translation. */
export interface TranslationRow {
  /** Stable over reloads: `${kind}:${id}:${field}` (the typed drafts are kept by it). */
  key: string;
  kind: TextKind;
  /** The category's, product's, group's or option's id. */
  id: string;
  field: TextField;
  /** The menu's own words (in the location's menu language). */
  own: string;
  /** Its product's name (descriptions, groups and options), for the labels; absent for a category's texts. */
  product?: string;
  /** The product that carries it (saved with that product's PATCH); absent for a category's texts. */
  productId?: string;
  /** Its group's name (options). */
  group?: string;
  /** The translation stored now; "" when there is none. */
  translation: string;
}

/** A category's rows: its own texts, then each of its products' (name, description, groups, options). */
export interface TranslationSection {
  id: string;
  /** null: products of a category this list does not have. */
  category: CategoryDto | null;
  rows: TranslationRow[];
}

export const rowKey = (kind: TextKind, id: string, field: TextField) => `${kind}:${id}:${field}`;

const storedIn = <F extends TextField>(translations: Translations<F> | undefined, language: MenuLanguage, field: F) =>
  translations?.[language]?.[field] ?? "";

/** A text's row, or none when the menu has no words to translate there (an empty description). */
function rowOf<F extends TextField>(
  kind: TextKind,
  id: string,
  field: F,
  own: string,
  translations: Translations<F> | undefined,
  language: MenuLanguage,
  context: Pick<TranslationRow, "product" | "productId" | "group"> = {},
): TranslationRow[] {
  if (!own.trim()) return [];
  return [{ key: rowKey(kind, id, field), kind, id, field, own, ...context, translation: storedIn(translations, language, field) }];
}

function productRows(p: ProductDto, language: MenuLanguage): TranslationRow[] {
  const of = { product: p.name, productId: p.id };
  return [
    ...rowOf("product", p.id, "name", p.name, p.translations, language, { productId: p.id }),
    ...rowOf("product", p.id, "description", p.description, p.translations, language, of),
    ...p.optionGroups.flatMap((g) => [
      ...rowOf("group", g.id, "name", g.name, g.translations, language, of),
      ...g.options.flatMap((o) => rowOf("option", o.id, "name", o.name, o.translations, language, { ...of, group: g.name })),
    ]),
  ];
}

/**
 * The menu's texts for translating into `language`, by category in the categories' order,
 * products by name. Archived products are off the menu and left out; hidden ones stay (they
 * may come back). Products of a category not in `categories` come last.
 */
export function translationSections(
  categories: readonly CategoryDto[],
  products: readonly ProductDto[],
  language: MenuLanguage,
): TranslationSection[] {
  const listed = products.filter((p) => !p.archived).sort((a, b) => a.name.localeCompare(b.name));
  const sections: TranslationSection[] = categories.map((c) => ({
    id: c.id,
    category: c,
    rows: [
      ...rowOf("category", c.id, "name", c.name, c.translations, language),
      ...rowOf("category", c.id, "description", c.description, c.translations, language),
      ...listed.filter((p) => p.categoryId === c.id).flatMap((p) => productRows(p, language)),
    ],
  }));
  const known = new Set(categories.map((c) => c.id));
  const other = listed.filter((p) => !known.has(p.categoryId));
  if (other.length > 0) sections.push({ id: "other", category: null, rows: other.flatMap((p) => productRows(p, language)) });
  return sections;
}

/** How many of the menu's texts have no translation into `language` (what the language's button says). */
export function missingCount(categories: readonly CategoryDto[], products: readonly ProductDto[], language: MenuLanguage): number {
  return translationSections(categories, products, language)
    .flatMap((s) => s.rows)
    .filter((r) => !r.translation.trim()).length;
}

/** `translations` with `field` in `language` set to `text` (trimmed); an empty text removes it, and a language left empty goes. */
export function withTranslation<F extends string>(
  translations: Translations<F> | undefined,
  language: MenuLanguage,
  field: F,
  text: string,
): Translations<F> {
  const next: Translations<F> = { ...translations };
  const texts: Partial<Record<F, string>> = { ...next[language] };
  const trimmed = text.trim();
  if (trimmed) texts[field] = trimmed;
  else delete texts[field];
  if (Object.keys(texts).length > 0) next[language] = texts;
  else delete next[language];
  return next;
}

/** What staff typed, by row key; a row without an entry shows its stored translation. */
export type Drafts = ReadonlyMap<string, string>;

/** The typed text of a row when it differs from the stored one (spacing aside), else undefined. */
function changedText(drafts: Drafts, key: string, stored: string | undefined): string | undefined {
  const typed = drafts.get(key);
  return typed !== undefined && typed.trim() !== (stored ?? "").trim() ? typed : undefined;
}

/** `translations` with every changed draft of `fields` merged in, or null when none changed. */
function merged<F extends TextField>(
  translations: Translations<F> | undefined,
  kind: TextKind,
  id: string,
  fields: readonly F[],
  language: MenuLanguage,
  drafts: Drafts,
): Translations<F> | null {
  let next: Translations<F> | null = null;
  for (const field of fields) {
    const typed = changedText(drafts, rowKey(kind, id, field), translations?.[language]?.[field]);
    if (typed !== undefined) next = withTranslation(next ?? translations, language, field, typed);
  }
  return next;
}

/**
 * A product's PATCH body for what was typed into `language`, on the version shown (an edit
 * made meanwhile is refused as a CONFLICT), or null when nothing changed. Its groups are sent
 * whole when one of theirs changed, since the server takes a product's groups as a whole:
 * each as stored, with its translations merged.
 */
export function productPatch(product: ProductDto, language: MenuLanguage, drafts: Drafts): UpdateProductBody | null {
  const body: UpdateProductBody = { version: product.version };
  const own = merged(product.translations, "product", product.id, ["name", "description"], language, drafts);
  if (own) body.translations = own;
  let groupsChanged = false;
  const optionGroups: OptionGroupInput[] = product.optionGroups.map((g) => {
    const groupTranslations = merged(g.translations, "group", g.id, ["name"], language, drafts);
    if (groupTranslations) groupsChanged = true;
    return {
      id: g.id,
      name: g.name,
      minChoices: g.minChoices,
      maxChoices: g.maxChoices,
      translations: groupTranslations ?? g.translations ?? {},
      options: g.options.map((o) => {
        const optionTranslations = merged(o.translations, "option", o.id, ["name"], language, drafts);
        if (optionTranslations) groupsChanged = true;
        return {
          id: o.id,
          name: o.name,
          priceDeltaCents: o.priceDeltaCents,
          available: o.available,
          translations: optionTranslations ?? o.translations ?? {},
        };
      }),
    };
  });
  if (groupsChanged) body.optionGroups = optionGroups;
  return Object.keys(body).length > 1 ? body : null;
}

/** A category's PATCH body for what was typed into `language`, or null when nothing changed. */
export function categoryPatch(category: CategoryDto, language: MenuLanguage, drafts: Drafts): UpdateCategoryBody | null {
  const translations = merged(category.translations, "category", category.id, ["name", "description"], language, drafts);
  return translations ? { translations } : null;
}

/** The rows whose typed text differs from the stored translation (what "Save" sends). */
export const changedRows = (sections: readonly TranslationSection[], drafts: Drafts): TranslationRow[] =>
  sections.flatMap((s) => s.rows).filter((r) => changedText(drafts, r.key, r.translation) !== undefined);

/** Whether the row shows no translation (typed or stored): the editor marks it "missing". */
export const showsMissing = (row: TranslationRow, drafts: Drafts) => !(drafts.get(row.key) ?? row.translation).trim();

/** The ids of the products and categories that own the given rows (one PATCH each). */
export function ownersOf(rows: readonly TranslationRow[]): { productIds: string[]; categoryIds: string[] } {
  const productIds = new Set<string>();
  const categoryIds = new Set<string>();
  for (const r of rows) {
    if (r.productId) productIds.add(r.productId);
    else categoryIds.add(r.id);
  }
  return { productIds: [...productIds], categoryIds: [...categoryIds] };
}
