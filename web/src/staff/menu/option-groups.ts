/**
 * The product form's option groups as staff edit them (text fields, each row with a stable
 * key for React), the edits the editor makes, and the price range a product's choices span.
 * Pure functions, so the rules are unit-tested without a browser.
 */
import { type ChoosableProduct, choiceProblem, type OptionGroupDto, type Translations, unitPriceOf } from "@ordered/contract/client";
import { centsToInput } from "../../lib/money";

export interface OptionDraft {
  /** React's key; stays with the row while it moves. */
  key: string;
  /** The stored option's id; absent for a new one. */
  id?: string;
  name: string;
  /** The price change as typed ("2.00", "-0.50", "" for none). */
  delta: string;
  /** false: sold out. */
  available: boolean;
  /** Its name in other languages, which this form does not edit (the translations page does): sent back as they are. */
  translations?: Translations<"name">;
}

export interface GroupDraft {
  key: string;
  id?: string;
  name: string;
  /** minChoices and maxChoices as typed. */
  min: string;
  max: string;
  options: OptionDraft[];
  /** Its name in other languages, kept as they are (see OptionDraft). */
  translations?: Translations<"name">;
}

let lastKey = 0;
/** A key unique in this page's life (rows of the form only). */
export const newKey = () => `row-${++lastKey}`;

/** A price change in cents → what its field shows ("2.00", "-0.50", "0.00"). */
export function deltaToInput(cents: number): string {
  return cents < 0 ? `-${centsToInput(-cents)}` : centsToInput(cents);
}

export function groupDraftsOf(groups: readonly OptionGroupDto[]): GroupDraft[] {
  return groups.map((g) => ({
    key: newKey(),
    id: g.id,
    name: g.name,
    min: String(g.minChoices),
    max: String(g.maxChoices),
    translations: g.translations ?? {},
    options: g.options.map((o) => ({
      key: newKey(),
      id: o.id,
      name: o.name,
      delta: deltaToInput(o.priceDeltaCents),
      available: o.available,
      translations: o.translations ?? {},
    })),
  }));
}

export const newOption = (): OptionDraft => ({ key: newKey(), name: "", delta: "", available: true });

/** A new group: "choose exactly 1" of two blank options, the most common kind (a size, a base). */
export const newGroup = (): GroupDraft => ({ key: newKey(), name: "", min: "1", max: "1", options: [newOption(), newOption()] });

/** Swaps the item with `key` with its neighbour (by -1: up, 1: down); at an end, nothing moves. */
export function moveByKey<T extends { key: string }>(items: readonly T[], key: string, by: -1 | 1): T[] {
  const from = items.findIndex((x) => x.key === key);
  const to = from + by;
  if (from < 0 || to < 0 || to >= items.length) return [...items];
  const next = [...items];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

export function updateGroup(groups: readonly GroupDraft[], key: string, change: Partial<Omit<GroupDraft, "key">>): GroupDraft[] {
  return groups.map((g) => (g.key === key ? { ...g, ...change } : g));
}

export function removeGroup(groups: readonly GroupDraft[], key: string): GroupDraft[] {
  return groups.filter((g) => g.key !== key);
}

export function addOption(groups: readonly GroupDraft[], groupKey: string): GroupDraft[] {
  return groups.map((g) => (g.key === groupKey ? { ...g, options: [...g.options, newOption()] } : g));
}

export function updateOption(
  groups: readonly GroupDraft[],
  groupKey: string,
  optionKey: string,
  change: Partial<Omit<OptionDraft, "key">>,
): GroupDraft[] {
  return groups.map((g) =>
    g.key === groupKey ? { ...g, options: g.options.map((o) => (o.key === optionKey ? { ...o, ...change } : o)) } : g,
  );
}

/**
 * Takes an option out of its group. A group's "at most" is lowered with it when it would
 * otherwise ask for more than the group has (the server refuses that).
 */
export function removeOption(groups: readonly GroupDraft[], groupKey: string, optionKey: string): GroupDraft[] {
  return groups.map((g) => {
    if (g.key !== groupKey) return g;
    const options = g.options.filter((o) => o.key !== optionKey);
    const n = options.length;
    const lower = (text: string) => (n > 0 && /^\d+$/.test(text) && Number(text) > n ? String(n) : text);
    return { ...g, options, min: lower(g.min), max: lower(g.max) };
  });
}

export function moveOption(groups: readonly GroupDraft[], groupKey: string, optionKey: string, by: -1 | 1): GroupDraft[] {
  return groups.map((g) => (g.key === groupKey ? { ...g, options: moveByKey(g.options, optionKey, by) } : g));
}

/** The two rules staff pick most: one required choice, or any number of extras up to all of them. */
export type GroupPreset = "exactlyOne" | "upToAll";

export function applyPreset(group: GroupDraft, preset: GroupPreset): GroupDraft {
  return preset === "exactlyOne"
    ? { ...group, min: "1", max: "1" }
    : { ...group, min: "0", max: String(Math.max(1, group.options.length)) };
}

/** What a group's min and max mean to a guest, as a key and its number (strings.options.rule words it). */
export type GroupRule =
  | { kind: "exactly"; n: number }
  | { kind: "upTo"; n: number }
  | { kind: "between"; min: number; max: number }
  | { kind: "invalid" };

export function groupRule(min: number, max: number): GroupRule {
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max < 1 || min > max) return { kind: "invalid" };
  if (min === max) return { kind: "exactly", n: min };
  if (min === 0) return { kind: "upTo", n: max };
  return { kind: "between", min, max };
}

/** The option ids of the cheapest (or the dearest) valid choice in one group; null when none is valid. */
function extremeChoice(group: OptionGroupDto, dearest: boolean): string[] | null {
  const sign = dearest ? -1 : 1;
  const open = group.options.filter((o) => o.available).sort((a, b) => sign * (a.priceDeltaCents - b.priceDeltaCents));
  if (open.length < group.minChoices) return null;
  const chosen = open.slice(0, group.minChoices);
  // Past the required ones, only options that move the price the wanted way are worth taking.
  for (const o of open.slice(group.minChoices, group.maxChoices)) if (sign * o.priceDeltaCents < 0) chosen.push(o);
  return chosen.map((o) => o.id);
}

/**
 * The lowest and highest price one unit can have with valid choices (computed with the
 * contract's unitPriceOf, as the server prices it); null when no choice is valid (e.g.
 * every option of a required group is sold out).
 */
export function priceRange(product: ChoosableProduct): { from: number; to: number } | null {
  const pick = (dearest: boolean) => {
    const ids: string[] = [];
    for (const g of product.optionGroups) {
      const chosen = extremeChoice(g, dearest);
      if (!chosen) return null;
      ids.push(...chosen);
    }
    return choiceProblem(product, ids) === null ? unitPriceOf(product, ids) : null;
  };
  const from = pick(false);
  const to = pick(true);
  return from === null || to === null ? null : { from, to };
}
