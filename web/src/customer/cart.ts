/**
 * The cart's rules, bounded by the server's own limits so that a cart the phone lets you
 * build is one the server accepts. A line is a product with its chosen options and its note:
 * adding the same choice again counts the line up, another choice or note is another line
 * (the contract's `lineKey`).
 */
import { LIMITS, lineKey, type OrderDto, type PlaceOrderPayload, type ProductDto, unitPriceOf } from "@ordered/contract/client";

/**
 * A line of the cart: one product with its choices and note (its content, `lineKey`), so a
 * plain Margherita and one "without basil" are two lines. What a phone keeps per entry, so
 * a reload or a sleeping phone resumes.
 */
export interface CartLine {
  /** Stable while the line lives (the React key, what edits name); the note may change under it. */
  id: string;
  productId: string;
  /** The chosen options' ids. */
  options: string[];
  quantity: number;
  note: string;
  /** The guest confirmed it although it goes against the allergies or diets they declared (sent as `allergyConfirmed`). */
  allergyConfirmed?: boolean;
}

export interface Submission {
  /** Made once per cart submission; every retry reuses it, so the server stores one order. */
  clientOrderId: string;
  lines: CartLine[];
  /**
   * The unit price the phone showed for each line (by `priceKey`) when the guest tapped Place
   * order: sent with the order, so the server refuses (PRICE_CHANGED) a price the guest did
   * not see. Absent in carts saved by older versions of the app.
   */
  prices?: Record<string, number>;
}

/** What a line's unit price depends on: its product and its choices. */
export const priceKey = (l: Pick<CartLine, "productId" | "options">): string => JSON.stringify([l.productId, [...l.options].sort()]);

export interface SavedCart {
  lines: CartLine[];
  submission: Submission | null;
}

const { maxLines, maxQuantity, noteLength, maxOptionsPerLine } = LIMITS.order;

/** What the menu or the options sheet adds: a product, its choices, a note, how many. */
export interface NewLine {
  productId: string;
  options: readonly string[];
  note?: string;
  quantity?: number;
  /** Confirmed against the guest's declared allergies when it was added. */
  allergyConfirmed?: boolean;
}

/** A line's content key: the same product with other choices or another note is another line. */
export const keyOf = (l: { productId: string; options: readonly string[]; note?: string }) => lineKey(l.productId, l.options, l.note ?? "");

const sameAs = (item: NewLine) => {
  const key = keyOf(item);
  return (l: CartLine) => keyOf(l) === key;
};

/** Whether one more of this choice fits: the line it joins is below the quantity cap, or there is room for a new line. */
export function canAdd(lines: readonly CartLine[], item: NewLine): boolean {
  const line = lines.find(sameAs(item));
  return line ? line.quantity < maxQuantity : lines.length < maxLines;
}

/** Adds `quantity` (1 by default) of a choice: to its line when there is one (up to the cap), else as a new line. */
export function addLine(lines: CartLine[], item: NewLine): CartLine[] {
  if (!canAdd(lines, item)) return lines;
  const quantity = Math.max(1, Math.min(maxQuantity, item.quantity ?? 1));
  const same = sameAs(item);
  const confirmed = item.allergyConfirmed ? { allergyConfirmed: true } : {};
  if (lines.some(same)) {
    return lines.map((l) => (same(l) ? { ...l, ...confirmed, quantity: Math.min(maxQuantity, l.quantity + quantity) } : l));
  }
  const note = (item.note ?? "").trim().slice(0, noteLength);
  const line = { productId: item.productId, options: [...item.options], note, quantity, ...confirmed };
  return [...lines, { id: freshId(lines, keyOf(line)), ...line }];
}

/** Sets a line's quantity within 1…maxQuantity; 0 or less removes the line. */
export function setQuantity(lines: CartLine[], lineId: string, quantity: number): CartLine[] {
  return lines
    .map((l) => (l.id === lineId ? { ...l, quantity: Math.min(maxQuantity, Math.max(0, quantity)) } : l))
    .filter((l) => l.quantity > 0);
}

/** The guest confirms a line that goes against their declared allergies or diets. */
export function confirmAllergy(lines: CartLine[], lineId: string): CartLine[] {
  return lines.map((l) => (l.id === lineId ? { ...l, allergyConfirmed: true } : l));
}

/** Edits a line's note in place (the line keeps its id, so the field being typed in stays put). */
export function setNote(lines: CartLine[], lineId: string, note: string): CartLine[] {
  return lines.map((l) => (l.id === lineId ? { ...l, note: note.slice(0, noteLength) } : l));
}

/** How many of a product the cart holds, over all its lines (the menu's "Add · 2"). */
export const quantityOf = (lines: readonly CartLine[], productId: string) =>
  lines.reduce((n, l) => (l.productId === productId ? n + l.quantity : n), 0);

/** A line's price: the contract's unit price with its options, times its quantity. */
export const lineCents = (line: CartLine, product: ProductDto) => unitPriceOf(product, line.options) * line.quantity;

/** Whether a line cannot be ordered at all now: its product is gone from the menu or sold out (the server would refuse the order). */
export const isUnorderable = (product: ProductDto | undefined) => !product?.available || product.stock === 0;

/**
 * The cart's total over the lines that can be ordered: a line whose product is gone or sold
 * out counts nothing (the guest is asked to remove it before placing the order).
 */
export function cartTotal(lines: readonly CartLine[], products: ReadonlyMap<string, ProductDto>): number {
  return lines.reduce((sum, l) => {
    const p = products.get(l.productId);
    return p && !isUnorderable(p) ? sum + lineCents(l, p) : sum;
  }, 0);
}

/** The lines that block placing the order: their product is gone or sold out. */
export const unorderableLines = (lines: readonly CartLine[], products: ReadonlyMap<string, ProductDto>) =>
  lines.filter((l) => isUnorderable(products.get(l.productId)));

/**
 * The products the cart holds more of than the menu says are left (over all their lines),
 * with how many are left: the server would refuse the order ("only 8 Burrata left").
 */
export function shortOfStock(lines: readonly CartLine[], products: ReadonlyMap<string, ProductDto>): Map<string, number> {
  const short = new Map<string, number>();
  for (const l of lines) {
    const stock = products.get(l.productId)?.stock;
    if (stock != null && stock > 0 && quantityOf(lines, l.productId) > stock) short.set(l.productId, stock);
  }
  return short;
}

/** Why a line's "+" is off: it holds the most one line may (LIMITS.order.maxQuantity), or null. */
export const atQuantityLimit = (line: Pick<CartLine, "quantity">) => line.quantity >= maxQuantity;

/** Whether the cart holds as many lines as an order may (LIMITS.order.maxLines): a new choice does not fit. */
export const isFull = (lines: readonly CartLine[]) => lines.length >= maxLines;

/**
 * An order's lines as the cart would add them again ("Put back in cart" after a rejection).
 * The order names its choices by group and option name (as they were); they are matched to
 * the product's options now, and a choice no longer offered is left out (the cart then says
 * the choices changed, if a required one is missing).
 */
export function linesOfOrder(order: Pick<OrderDto, "items">, products: ReadonlyMap<string, ProductDto>): NewLine[] {
  return order.items.map((item) => {
    const p = products.get(item.productId);
    const options = item.options.flatMap((chosen) => {
      const group = p?.optionGroups.find((g) => g.name === chosen.group);
      const option = group?.options.find((o) => o.name === chosen.name);
      return option ? [option.id] : [];
    });
    return { productId: item.productId, options, note: item.note ?? "", quantity: item.quantity };
  });
}

/** Adds lines (an order put back) to the cart, each as `addLine` would: what does not fit is left out. */
export const addLines = (lines: CartLine[], items: readonly NewLine[]): CartLine[] => items.reduce(addLine, lines);

/**
 * Lines with the same content (say, a note edited into another line's) become one, unless
 * together they would pass the quantity cap: then they stay two lines, both valid.
 */
export function mergeLines(lines: readonly CartLine[]): CartLine[] {
  const merged: CartLine[] = [];
  for (const l of lines) {
    const key = keyOf(l);
    const i = merged.findIndex((m) => keyOf(m) === key && m.quantity + l.quantity <= maxQuantity);
    if (i >= 0) {
      const confirmed = merged[i]!.allergyConfirmed || l.allergyConfirmed ? { allergyConfirmed: true } : {};
      merged[i] = { ...merged[i]!, ...confirmed, quantity: merged[i]!.quantity + l.quantity };
    } else merged.push(l);
  }
  return merged;
}

/** The `order:place` payload of a submission: equal lines merged, notes trimmed, blank notes and empty choices left out. */
export function placeOrderPayload(s: Submission): PlaceOrderPayload {
  return {
    clientOrderId: s.clientOrderId,
    items: mergeLines(s.lines).map((l) => {
      const note = l.note.trim();
      const shown = s.prices?.[priceKey(l)];
      return {
        productId: l.productId,
        quantity: l.quantity,
        ...(note ? { note } : {}),
        ...(l.options.length > 0 ? { options: [...l.options] } : {}),
        ...(shown === undefined ? {} : { unitPriceCents: shown }),
        ...(l.allergyConfirmed ? { allergyConfirmed: true } : {}),
      };
    }),
  };
}

const EMPTY: SavedCart = { lines: [], submission: null };

/**
 * A stored cart, as this or an older app wrote it: lines from before options (no `options`,
 * no `id`) are plain lines; anything else unexpected gives an empty cart rather than a
 * broken one.
 */
export function readCart(stored: unknown): SavedCart {
  if (!isObject(stored)) return EMPTY;
  const lines = readLines(stored.lines);
  if (!lines) return EMPTY;
  const s = stored.submission;
  if (s === null || s === undefined) return { lines, submission: null };
  if (!isObject(s) || typeof s.clientOrderId !== "string") return EMPTY;
  const submitted = readLines(s.lines);
  if (!submitted || submitted.length === 0) return EMPTY;
  const prices = readPrices(s.prices);
  return { lines, submission: { clientOrderId: s.clientOrderId, lines: submitted, ...(prices ? { prices } : {}) } };
}

function readPrices(value: unknown): Record<string, number> | undefined {
  if (!isObject(value)) return undefined;
  const prices: Record<string, number> = {};
  for (const [key, cents] of Object.entries(value)) {
    if (typeof cents !== "number" || !Number.isInteger(cents) || cents < 0) return undefined;
    prices[key] = cents;
  }
  return prices;
}

function readLines(value: unknown): CartLine[] | null {
  if (!Array.isArray(value) || value.length > maxLines) return null;
  const lines: CartLine[] = [];
  for (const raw of value) {
    if (!isObject(raw)) return null;
    const { productId, quantity, note = "", options = [], id, allergyConfirmed } = raw;
    if (typeof productId !== "string" || typeof note !== "string") return null;
    if (typeof quantity !== "number" || !Number.isInteger(quantity) || quantity < 1 || quantity > maxQuantity) return null;
    if (!Array.isArray(options) || options.length > maxOptionsPerLine || !options.every((o) => typeof o === "string")) return null;
    const line = {
      productId,
      options: options as string[],
      note: note.slice(0, noteLength),
      quantity,
      ...(allergyConfirmed === true ? { allergyConfirmed: true } : {}),
    };
    const kept = typeof id === "string" && !lines.some((l) => l.id === id) ? id : freshId(lines, keyOf(line));
    lines.push({ id: kept, ...line });
  }
  return lines;
}

/** An id no line has yet: the line's key, numbered when that is taken (its note was edited since). */
function freshId(lines: readonly CartLine[], key: string): string {
  let id = key;
  for (let n = 2; lines.some((l) => l.id === id); n++) id = `${key}#${n}`;
  return id;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
