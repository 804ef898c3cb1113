/**
 * What the phone's menu shows, as pure functions of GET /api/menu: sections in the server's
 * order, the guest's diet filter and search, service windows, and why a cart line would be
 * refused. Prices and choice rules come from the contract (`choiceProblem`, `unitPriceOf`).
 */
import {
  ALLERGENS,
  type Allergen,
  type CategoryDto,
  choiceProblem,
  DIET_TAGS,
  type DietTag,
  isServedAt,
  type MenuResponse,
  type OptionGroupDto,
  type ProductDto,
  unitPriceOf,
} from "@ordered/contract/client";
import { t } from "../i18n/i18n";
import type { CartLine } from "./customer-storage";
import { foldForSearch, matchesSearch } from "./search-text";

export const isSoldOut = (p: ProductDto) => !p.available || p.stock === 0;

/** The guest's filter: every tag required, every allergen left out. */
export interface MenuFilter {
  tags: DietTag[];
  without: Allergen[];
}

export const NO_FILTER: MenuFilter = { tags: [], without: [] };

/** One filter chip: a diet tag to require, or an allergen to leave out. */
export type FilterChoice = { tag: DietTag } | { without: Allergen };

/** The chips always in sight; the rest of the allergens (and Halal) are under "More". */
export const QUICK_FILTERS: FilterChoice[] = [
  { tag: "VEGETARIAN" },
  { tag: "VEGAN" },
  { without: "GLUTEN" },
  { without: "MILK" },
  { without: "NUTS" },
];

export const MORE_FILTERS: FilterChoice[] = [
  ...ALLERGENS.filter((a) => !QUICK_FILTERS.some((q) => "without" in q && q.without === a)).map((without) => ({ without })),
  { tag: "HALAL" },
];

export const isChosen = (f: MenuFilter, c: FilterChoice) => ("tag" in c ? f.tags.includes(c.tag) : f.without.includes(c.without));

export function toggleFilter(f: MenuFilter, c: FilterChoice): MenuFilter {
  if ("tag" in c) return { ...f, tags: f.tags.includes(c.tag) ? f.tags.filter((t) => t !== c.tag) : [...f.tags, c.tag] };
  return { ...f, without: f.without.includes(c.without) ? f.without.filter((a) => a !== c.without) : [...f.without, c.without] };
}

export const isFiltering = (f: MenuFilter) => f.tags.length > 0 || f.without.length > 0;

export const filterLabel = (c: FilterChoice) => ("tag" in c ? t(`tags.${c.tag}`) : t(`phoneMenu.without.${c.without}`));

/** A vegan dish is vegetarian too, whether or not staff tagged it so. */
const hasTag = (p: ProductDto, tag: DietTag) => p.tags.includes(tag) || (tag === "VEGETARIAN" && p.tags.includes("VEGAN"));

export const matchesFilter = (p: ProductDto, f: MenuFilter) =>
  f.tags.every((t) => hasTag(p, t)) && f.without.every((a) => !p.allergens.includes(a));

const matchesQuery = (p: ProductDto, q: string) => matchesSearch(q, p.name, p.description, p.category);

/** A filter as stored (sessionStorage): unknown codes are dropped, anything else is no filter. */
export function readFilter(stored: unknown): MenuFilter {
  if (typeof stored !== "object" || stored === null) return NO_FILTER;
  const { tags, without } = stored as Record<string, unknown>;
  return {
    tags: Array.isArray(tags) ? DIET_TAGS.filter((t) => tags.includes(t)) : [],
    without: Array.isArray(without) ? ALLERGENS.filter((a) => without.includes(a)) : [],
  };
}

/** "07:00–11:00", or null for a category served all day. */
export const windowText = (c: Pick<CategoryDto, "availableFrom" | "availableUntil">) =>
  c.availableFrom && c.availableUntil ? `${c.availableFrom}–${c.availableUntil}` : null;

export const servedAt = (c: CategoryDto, timeZone: string, now: number) => isServedAt(c, timeZone, new Date(now));

export interface MenuSection {
  category: CategoryDto;
  products: ProductDto[];
  /** false: outside its service window now; its products cannot be added. */
  served: boolean;
}

/**
 * The menu's sections, in the server's order, with the products that pass the filter and
 * the search. While filtering or searching, sections left empty are left out; otherwise an
 * empty category still shows (staff just made it).
 */
export function menuSections(menu: MenuResponse, options: { filter: MenuFilter; query: string; now: number }): MenuSection[] {
  const q = foldForSearch(options.query);
  const narrowing = q !== "" || isFiltering(options.filter);
  return menu.categories
    .map((category) => ({
      category,
      products: menu.products.filter((p) => p.categoryId === category.id && matchesFilter(p, options.filter) && matchesQuery(p, q)),
      served: servedAt(category, menu.timeZone, options.now),
    }))
    .filter((s) => !narrowing || s.products.length > 0);
}

/** What a product costs at the least: its price with the cheapest allowed choice in each required group. */
export function fromPrice(p: ProductDto): number {
  const cheapest = p.optionGroups.flatMap((g) =>
    g.options
      .filter((o) => o.available)
      .sort((a, b) => a.priceDeltaCents - b.priceDeltaCents)
      .slice(0, g.minChoices)
      .map((o) => o.id),
  );
  return unitPriceOf(p, cheapest);
}

/** Whether the price depends on the choice ("from €9.00"). */
export const pricedByChoice = (p: ProductDto) => p.optionGroups.some((g) => g.options.some((o) => o.priceDeltaCents !== 0));

/** "Choose 1", "Choose up to 3", "Choose 1 to 3", "Choose 2". */
export function ruleText(g: Pick<OptionGroupDto, "minChoices" | "maxChoices">): string {
  if (g.minChoices === g.maxChoices) return t("phoneMenu.chooseExactly", { n: g.minChoices });
  if (g.minChoices === 0) return t("phoneMenu.chooseUpTo", { n: g.maxChoices });
  return t("phoneMenu.chooseBetween", { min: g.minChoices, max: g.maxChoices });
}

/** Exactly one to choose: radio buttons; any other rule: checkboxes. */
export const isSingleChoice = (g: Pick<OptionGroupDto, "minChoices" | "maxChoices">) => g.minChoices === 1 && g.maxChoices === 1;

/** The choice after tapping an option: radio groups swap, checkbox groups toggle (never past the group's max). */
export function toggleOption(product: ProductDto, chosen: readonly string[], optionId: string): string[] {
  const group = product.optionGroups.find((g) => g.options.some((o) => o.id === optionId));
  if (!group) return [...chosen];
  const inGroup = new Set(group.options.map((o) => o.id));
  if (isSingleChoice(group)) return [...chosen.filter((id) => !inGroup.has(id)), optionId];
  if (chosen.includes(optionId)) return chosen.filter((id) => id !== optionId);
  if (chosen.filter((id) => inGroup.has(id)).length >= group.maxChoices) return [...chosen];
  return [...chosen, optionId];
}

/**
 * Why the server would refuse this cart line now, in the guest's words, or null. Only a
 * hint: the cart still sends, and the server's answer is what counts.
 */
export function lineProblem(line: CartLine, menu: MenuResponse, now: number): string | null {
  const product = menu.products.find((p) => p.id === line.productId);
  if (!product) return t("phoneMenu.notOnMenu");
  if (isSoldOut(product)) return t("customer.soldOut");
  const category = menu.categories.find((c) => c.id === product.categoryId);
  if (category && !servedAt(category, menu.timeZone, now)) return t("phoneMenu.served", { window: windowText(category) ?? "" });
  const known = new Set(product.optionGroups.flatMap((g) => g.options.map((o) => o.id)));
  if (!line.options.every((id) => known.has(id))) return t("phoneMenu.choicesChanged");
  return choiceProblem(product, line.options);
}
