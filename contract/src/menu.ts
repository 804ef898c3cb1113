/**
 * The menu's rules, shared by the server (placing an order) and the phone (choosing before
 * adding to the cart), so both refuse the same things with the same words. Zod-free: the
 * web app bundles it as it is.
 */
import type { OptionGroupDto, ProductDto } from "./dto.js";

export { ALLERGENS, type Allergen, DIET_TAGS, type DietTag } from "./allergens.js";

/** What the menu rules need of a product (a ProductDto has all of it). */
export type ChoosableProduct = Pick<ProductDto, "name" | "priceCents" | "optionGroups">;

/**
 * Why these option ids are not a valid choice for this product, or null when they are:
 * every id must be an option of this product, each at most once, not sold out, and each
 * group's count within its min and max.
 */
export function choiceProblem(product: ChoosableProduct, optionIds: readonly string[]): string | null {
  if (new Set(optionIds).size !== optionIds.length) return `${product.name}: an option is chosen twice`;
  const owner = new Map<string, OptionGroupDto>();
  for (const group of product.optionGroups) for (const option of group.options) owner.set(option.id, group);
  for (const id of optionIds) if (!owner.has(id)) return `${product.name}: option ${id} is not one of its options`;
  for (const group of product.optionGroups) {
    const chosen = group.options.filter((o) => optionIds.includes(o.id));
    const soldOut = chosen.find((o) => !o.available);
    if (soldOut) return `${product.name}: ${soldOut.name} is sold out`;
    if (chosen.length < group.minChoices) {
      return group.minChoices === 1 && group.maxChoices === 1
        ? `${product.name}: choose a ${group.name.toLowerCase()}`
        : `${product.name}: choose at least ${group.minChoices} of ${group.name}`;
    }
    if (chosen.length > group.maxChoices) return `${product.name}: choose at most ${group.maxChoices} of ${group.name}`;
  }
  return null;
}

/** The options chosen, in the product's order (groups, then options), as the ticket lists them. */
export function chosenOptions(product: ChoosableProduct, optionIds: readonly string[]) {
  return product.optionGroups.flatMap((g) =>
    g.options.filter((o) => optionIds.includes(o.id)).map((o) => ({ group: g.name, name: o.name, priceDeltaCents: o.priceDeltaCents })),
  );
}

/** One unit's price with these options (integer cents; assumes the choice is valid). */
export function unitPriceOf(product: ChoosableProduct, optionIds: readonly string[]): number {
  return chosenOptions(product, optionIds).reduce((sum, o) => sum + o.priceDeltaCents, product.priceCents);
}

/** What priceRange needs: a price and groups of option deltas with their choice bounds. */
export interface PricedChoices {
  priceCents: number;
  optionGroups: readonly { minChoices: number; maxChoices: number; options: readonly { priceDeltaCents: number }[] }[];
}

/**
 * The cheapest and dearest unit price any valid choice can make: in each group, the
 * `minChoices` cheapest options plus any further negative ones up to `maxChoices` (cheapest),
 * or the `maxChoices` dearest positive ones, at least `minChoices` (dearest). A product is
 * saved only if its cheapest is not below zero and its dearest within the price bound, so no
 * order line can ever cost less than nothing (issue 30) or overflow a total.
 */
export function priceRange(product: PricedChoices): { cheapest: number; dearest: number } {
  let cheapest = product.priceCents;
  let dearest = product.priceCents;
  for (const g of product.optionGroups) {
    const asc = g.options.map((o) => o.priceDeltaCents).sort((a, b) => a - b);
    asc.forEach((d, i) => {
      if (i < g.minChoices || (i < g.maxChoices && d < 0)) cheapest += d;
    });
    const desc = [...asc].reverse();
    desc.forEach((d, i) => {
      if (i < g.minChoices || (i < g.maxChoices && d > 0)) dearest += d;
    });
  }
  return { cheapest, dearest };
}

/** "07:00"–"11:00" in the location's time zone; an end before the start runs past midnight. */
export interface ServiceWindow {
  availableFrom: string | null;
  availableUntil: string | null;
}

/** Minutes since midnight of `at` in `timeZone`. */
export function minutesInZone(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(at);
  const hour = Number(parts.find((p) => p.type === "hour")?.value ?? 0);
  const minute = Number(parts.find((p) => p.type === "minute")?.value ?? 0);
  return hour * 60 + minute;
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether a category with this window is served at `at` (no window: always). */
export function isServedAt(window: ServiceWindow, timeZone: string, at: Date): boolean {
  if (!window.availableFrom || !window.availableUntil) return true;
  const now = minutesInZone(at, timeZone);
  const from = toMinutes(window.availableFrom);
  const until = toMinutes(window.availableUntil);
  return from <= until ? now >= from && now < until : now >= from || now < until;
}

/** The key of a cart line: the same product with other choices or another note is another line. */
export function lineKey(productId: string, optionIds: readonly string[], note = ""): string {
  return JSON.stringify([productId, [...optionIds].sort(), note.trim()]);
}
