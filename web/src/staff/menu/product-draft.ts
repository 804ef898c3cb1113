/**
 * The product form as plain data: a draft of text fields made from a product, read back
 * into an API body (the form's own checks, each with a message and the field to focus),
 * and what a staff member changed, to carry over onto a newer version after a conflict.
 */
import {
  type Allergen,
  type ChoosableProduct,
  type DietTag,
  LIMITS,
  type OptionGroupDto,
  type OptionGroupInput,
  type ProductDto,
} from "@ordered/contract/client";
import { centsToInput, type MoneyInputError, parseMoney } from "../../lib/money";
import { strings } from "../../strings";
import { DRAFT_FIELDS, type DraftField } from "./draft-fields";
import { type GroupDraft, groupDraftsOf } from "./option-groups";

export interface ProductDraft {
  name: string;
  description: string;
  categoryId: string;
  /** The base price as typed. */
  price: string;
  /** As typed; empty: stock not tracked. */
  stock: string;
  hidden: boolean;
  allergens: Allergen[];
  tags: DietTag[];
  groups: GroupDraft[];
  /** Its own tax rate's id; "": its category's. */
  taxRateId: string;
}

/** What the form saves: CreateProductBody without `available` (the sold-out toggle's). */
export interface ProductFields {
  name: string;
  description: string;
  categoryId: string;
  priceCents: number;
  stock: number | null;
  hidden: boolean;
  allergens: Allergen[];
  tags: DietTag[];
  optionGroups: OptionGroupInput[];
  /** null: its category's rate. */
  taxRateId: string | null;
}

/** A form check that failed: what to say, and the `data-field` of the input to focus. */
export interface DraftError {
  error: string;
  field: string;
}

/** The form's fields for a product, or blank ones for a new product in `categoryId`. */
export function draftOf(product: ProductDto | null, categoryId = ""): ProductDraft {
  if (!product) {
    return {
      name: "",
      description: "",
      categoryId,
      price: "",
      stock: "",
      hidden: false,
      allergens: [],
      tags: [],
      groups: [],
      taxRateId: "",
    };
  }
  return {
    name: product.name,
    description: product.description,
    categoryId: product.categoryId,
    price: centsToInput(product.priceCents),
    stock: product.stock === null ? "" : String(product.stock),
    hidden: product.hidden,
    allergens: [...product.allergens],
    tags: [...product.tags],
    groups: groupDraftsOf(product.optionGroups),
    taxRateId: product.taxRateId ?? "",
  };
}

/** A typed price change ("2", "+1.50", "-0.50"; empty is 0) → cents. */
export function parseDelta(text: string): { cents: number } | { error: MoneyInputError } {
  const t = text.trim();
  if (t === "") return { cents: 0 };
  const negative = t.startsWith("-");
  const read = parseMoney(negative || t.startsWith("+") ? t.slice(1) : t);
  if ("error" in read) return { error: read.error === "empty" ? "format" : read.error };
  if (read.cents > LIMITS.product.maxPriceCents) return { error: "tooLarge" };
  return { cents: negative ? -read.cents : read.cents };
}

const wholeNumber = (text: string): number | null => (/^\d{1,7}$/.test(text.trim()) ? Number(text.trim()) : null);

/** A group's name in messages: its own, or its place while it has none. */
const groupLabel = (g: GroupDraft, i: number) => g.name.trim() || strings.options.groupN(i + 1);

/** The option groups as the API takes them, each with its draft's key; or the first problem. */
export function parseGroups(groups: readonly GroupDraft[]): { groups: (OptionGroupInput & { key: string })[] } | DraftError {
  const e = strings.menuAdmin.errors;
  const out: (OptionGroupInput & { key: string })[] = [];
  const groupNames = new Set<string>();
  for (const [i, g] of groups.entries()) {
    const label = groupLabel(g, i);
    const name = g.name.trim();
    if (!name) return { error: e.groupName(i + 1), field: `group-${g.key}-name` };
    if (groupNames.has(name.toLowerCase())) return { error: e.groupNameTwice(name), field: `group-${g.key}-name` };
    groupNames.add(name.toLowerCase());
    if (g.options.length === 0) return { error: e.noOptions(label), field: `group-${g.key}-name` };
    const options: OptionGroupInput["options"] = [];
    const optionNames = new Set<string>();
    for (const [j, o] of g.options.entries()) {
      const optionName = o.name.trim();
      if (!optionName) return { error: e.optionName(label, j + 1), field: `option-${o.key}-name` };
      if (optionNames.has(optionName.toLowerCase())) return { error: e.optionNameTwice(label, optionName), field: `option-${o.key}-name` };
      optionNames.add(optionName.toLowerCase());
      const delta = parseDelta(o.delta);
      if ("error" in delta) return { error: e.delta(label, optionName, delta.error), field: `option-${o.key}-delta` };
      // The option's translations go back as they are: the server takes a group's options whole,
      // and one left without them would lose its translations.
      options.push({
        ...(o.id ? { id: o.id } : {}),
        name: optionName,
        priceDeltaCents: delta.cents,
        available: o.available,
        ...(o.translations ? { translations: o.translations } : {}),
      });
    }
    const min = wholeNumber(g.min);
    if (min === null) return { error: e.minMax(label), field: `group-${g.key}-min` };
    const max = wholeNumber(g.max);
    if (max === null) return { error: e.minMax(label), field: `group-${g.key}-max` };
    if (max < 1) return { error: e.maxZero(label), field: `group-${g.key}-max` };
    if (min > max) return { error: e.minOverMax(label), field: `group-${g.key}-min` };
    if (max > options.length) return { error: e.maxOverOptions(label, options.length), field: `group-${g.key}-max` };
    out.push({
      key: g.key,
      ...(g.id ? { id: g.id } : {}),
      name,
      minChoices: min,
      maxChoices: max,
      options,
      ...(g.translations ? { translations: g.translations } : {}),
    });
  }
  return { groups: out };
}

/** Reads the form into the API's fields, or says what is wrong first (in the form's order). */
export function parseDraft(draft: ProductDraft): { fields: ProductFields } | DraftError {
  const e = strings.menuAdmin.errors;
  const name = draft.name.trim();
  if (!name) return { error: e.name, field: "name" };
  if (!draft.categoryId) return { error: e.category, field: "category" };
  const price = parseMoney(draft.price);
  if ("error" in price) return { error: e.price[price.error], field: "price" };
  if (price.cents > LIMITS.product.maxPriceCents) return { error: e.price.tooLarge, field: "price" };
  let stock: number | null = null;
  if (draft.stock.trim() !== "") {
    stock = wholeNumber(draft.stock);
    if (stock === null || stock > LIMITS.product.maxStock) return { error: e.stock, field: "stock" };
  }
  const groups = parseGroups(draft.groups);
  if ("error" in groups) return groups;
  return {
    fields: {
      name,
      description: draft.description.trim(),
      categoryId: draft.categoryId,
      priceCents: price.cents,
      stock,
      hidden: draft.hidden,
      allergens: [...draft.allergens],
      tags: [...draft.tags],
      optionGroups: groups.groups.map(({ key: _key, ...g }) => g),
      taxRateId: draft.taxRateId || null,
    },
  };
}

/** The product as the form now describes it, for the price range; null while price or groups do not read. */
export function previewOf(draft: ProductDraft): ChoosableProduct | null {
  const price = parseMoney(draft.price);
  const groups = parseGroups(draft.groups);
  if ("error" in price || "error" in groups) return null;
  const optionGroups: OptionGroupDto[] = groups.groups.map((g) => ({
    id: g.key,
    name: g.name,
    minChoices: g.minChoices,
    maxChoices: g.maxChoices,
    options: g.options.map((o, i) => ({
      id: `${g.key}:${i}`,
      name: o.name,
      priceDeltaCents: o.priceDeltaCents,
      available: o.available ?? true,
    })),
  }));
  return { name: draft.name, priceCents: price.cents, optionGroups };
}

export { DRAFT_FIELDS, type DraftField } from "./draft-fields";

/** A field's value as compared: spacing, the order of ticks and rows' keys and ids do not count. */
function comparable(draft: ProductDraft, field: DraftField): string {
  switch (field) {
    case "price": {
      const p = parseMoney(draft.price);
      return "cents" in p ? String(p.cents) : draft.price.trim();
    }
    case "allergens":
    case "tags":
      return [...draft[field]].sort().join(",");
    case "hidden":
      return String(draft.hidden);
    case "groups":
      return JSON.stringify(
        draft.groups.map((g) => [
          g.name.trim(),
          g.min.trim(),
          g.max.trim(),
          g.options.map((o) => {
            const d = parseDelta(o.delta);
            return [o.name.trim(), "cents" in d ? d.cents : o.delta.trim(), o.available];
          }),
        ]),
      );
    default:
      return draft[field].trim();
  }
}

/** The fields that differ between two drafts (what a staff member changed since opening the form). */
export function changedFields(before: ProductDraft, after: ProductDraft): DraftField[] {
  return DRAFT_FIELDS.filter((f) => comparable(before, f) !== comparable(after, f));
}

/**
 * Groups typed against an older version, made safe to send with a newer one: ids the newer
 * version no longer has are dropped, so those rows are saved as new instead of naming
 * something that was removed.
 */
export function rebaseGroups(groups: readonly GroupDraft[], newer: ProductDto): GroupDraft[] {
  const kept = new Map(newer.optionGroups.map((g) => [g.id, g]));
  return groups.map((g) => {
    const group = g.id ? kept.get(g.id) : undefined;
    // Translations are not this form's: those of the newer version (entered meanwhile on the translations page) win.
    return {
      ...g,
      id: group ? g.id : undefined,
      translations: group ? (group.translations ?? {}) : g.translations,
      options: g.options.map((o) => {
        const option = group && o.id ? group.options.find((x) => x.id === o.id) : undefined;
        return { ...o, id: option ? o.id : undefined, translations: option ? (option.translations ?? {}) : o.translations };
      }),
    };
  });
}

/** `target` with `fields` taken from `mine` (the re-applied edits after a conflict with `newer`). */
export function applyFields(target: ProductDraft, mine: ProductDraft, fields: readonly DraftField[], newer: ProductDto): ProductDraft {
  const next: ProductDraft = { ...target };
  for (const f of fields) {
    if (f === "groups") next.groups = rebaseGroups(mine.groups, newer);
    else if (f === "allergens") next.allergens = [...mine.allergens];
    else if (f === "tags") next.tags = [...mine.tags];
    else if (f === "hidden") next.hidden = mine.hidden;
    else next[f] = mine[f];
  }
  return next;
}

/** Which API field each form field saves into. */
const BODY_KEY = {
  name: "name",
  description: "description",
  categoryId: "categoryId",
  price: "priceCents",
  stock: "stock",
  hidden: "hidden",
  allergens: "allergens",
  tags: "tags",
  groups: "optionGroups",
  taxRateId: "taxRateId",
} as const satisfies Record<DraftField, keyof ProductFields>;

/**
 * An edit's body: only the fields the editor changed. What they did not touch is not sent,
 * so it cannot overwrite a change made meanwhile that does not raise the version (orders
 * count stock down).
 */
export function patchOf(fields: ProductFields, changed: readonly DraftField[]): Partial<ProductFields> {
  const patch: Partial<ProductFields> = {};
  for (const f of changed) {
    const key = BODY_KEY[f];
    (patch as Record<string, unknown>)[key] = fields[key];
  }
  return patch;
}
