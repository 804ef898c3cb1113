/**
 * The order pad's rules, apart from its screen (issue 32, item 1): which products a waiter
 * can send now and why not, the lines being taken (merged when the same), what was ordered
 * recently, and the `order:enter` payload. Pure, so tested without a browser.
 */
import {
  type CategoryDto,
  type EnterOrderPayload,
  isServedAt,
  LIMITS,
  type OrderDto,
  type ProductDto,
  unitPriceOf,
} from "@ordered/contract/client";
import { matchesSearch } from "../../customer/search-text";

/** A product on the pad, and why it cannot be sent now (sold out, served later), or null. */
export interface PadProduct {
  product: ProductDto;
  category: CategoryDto;
  /** Why it is disabled, in the waiter's words; null: it can be ordered. */
  unavailable: string | null;
}

export const padWords = {
  soldOut: "Sold out",
  servedAt: (from: string, until: string) => `Served ${from}–${until}`,
};

/**
 * The menu as the pad shows it: what the server would take from a waiter (not archived, not
 * hidden, its category not hidden), in menu order, each with the reason it is disabled now.
 */
export function padProducts(
  products: readonly ProductDto[],
  categories: readonly CategoryDto[],
  timeZone: string,
  now: Date,
): PadProduct[] {
  const position = new Map(categories.map((c, i) => [c.id, i]));
  const byId = new Map(categories.map((c) => [c.id, c]));
  return products
    .filter((p) => !p.archived && !p.hidden && byId.has(p.categoryId) && !byId.get(p.categoryId)!.hidden)
    .map((product) => {
      const category = byId.get(product.categoryId)!;
      const served = isServedAt(category, timeZone, now);
      const unavailable = !product.available
        ? padWords.soldOut
        : served
          ? null
          : padWords.servedAt(category.availableFrom ?? "", category.availableUntil ?? "");
      return { product, category, unavailable };
    })
    .sort((a, b) => position.get(a.category.id)! - position.get(b.category.id)!);
}

/** The products whose name, category or description matches what was typed (case and accents ignored). */
export function searchPad(list: readonly PadProduct[], query: string): PadProduct[] {
  return list.filter((p) => matchesSearch(query, p.product.name, p.category.name, p.product.description));
}

/**
 * The most recently ordered distinct products, newest first: this table's when it has
 * ordered enough, topped up with the location's (every order the panel holds).
 */
export function recentProductIds(orders: readonly OrderDto[], sessionId: string, limit = 8): string[] {
  const newest = [...orders].sort((a, b) => b.placedAt.localeCompare(a.placedAt));
  const ids: string[] = [];
  for (const pass of [newest.filter((o) => o.sessionId === sessionId), newest]) {
    for (const o of pass) for (const item of o.items) if (!ids.includes(item.productId) && ids.length < limit) ids.push(item.productId);
  }
  return ids;
}

/** A line being taken. */
export interface PadLine {
  productId: string;
  options: string[];
  quantity: number;
  note: string;
  /** 1…LIMITS.order.maxSeat, or null: not noted. */
  seat: number | null;
  /** The course (the category's default unless changed), or null: none. */
  courseId: string | null;
}

const sameLine = (a: PadLine, b: PadLine) =>
  a.productId === b.productId &&
  a.note.trim() === b.note.trim() &&
  a.seat === b.seat &&
  a.courseId === b.courseId &&
  a.options.length === b.options.length &&
  a.options.every((o) => b.options.includes(o));

/** Adds a line, or one more of the same line (same product, options, note, seat and course). */
export function addLine(lines: readonly PadLine[], line: PadLine): PadLine[] {
  const i = lines.findIndex((l) => sameLine(l, line));
  if (i < 0) return lines.length >= LIMITS.order.maxLines ? [...lines] : [...lines, line];
  return lines.map((l, j) => (j === i ? { ...l, quantity: Math.min(LIMITS.order.maxQuantity, l.quantity + line.quantity) } : l));
}

/** Changes line i; a quantity of 0 removes it. */
export function changeLine(lines: readonly PadLine[], i: number, change: Partial<PadLine>): PadLine[] {
  const next = lines.map((l, j) => (j === i ? { ...l, ...change } : l));
  return next.filter((l) => l.quantity > 0);
}

/** The lines' total at the prices shown (the server prices them again, refusing a difference). */
export function padTotal(lines: readonly PadLine[], products: ReadonlyMap<string, ProductDto>): number {
  return lines.reduce((sum, l) => {
    const p = products.get(l.productId);
    return sum + (p ? unitPriceOf(p, l.options) * l.quantity : 0);
  }, 0);
}

/** The courses of the lines, in the location's order (what can be held). */
export function coursesOf<C extends { id: string }>(lines: readonly PadLine[], courses: readonly C[]): C[] {
  return courses.filter((c) => lines.some((l) => l.courseId === c.id));
}

/**
 * The `order:enter` payload: each line with the price shown (PRICE_CHANGED if the server's
 * differs), its seat and course, and the held courses that are among the lines.
 */
export function enterPayload(
  sessionId: string,
  clientOrderId: string,
  lines: readonly PadLine[],
  products: ReadonlyMap<string, ProductDto>,
  held: ReadonlySet<string>,
): EnterOrderPayload {
  const hold = [...held].filter((id) => lines.some((l) => l.courseId === id));
  return {
    sessionId,
    clientOrderId,
    items: lines.map((l) => {
      const p = products.get(l.productId);
      return {
        productId: l.productId,
        quantity: l.quantity,
        options: l.options,
        seat: l.seat,
        courseId: l.courseId,
        ...(l.note.trim() ? { note: l.note.trim() } : {}),
        ...(p ? { unitPriceCents: unitPriceOf(p, l.options) } : {}),
      };
    }),
    ...(hold.length > 0 ? { hold } : {}),
  };
}

/** A course at a table as its card shows it: held (Fire), or not started yet (Hold). */
export interface TableCourse {
  courseId: string;
  name: string;
  /** Some of its tickets wait held: Fire sends them. */
  held: boolean;
  /** Some of its tickets are fired and no station started them: Hold can still stop them. */
  holdable: boolean;
}

/** The courses of a table's orders being prepared, in ticket order (station, then the location's course order). */
export function tableCourses(orders: readonly OrderDto[]): TableCourse[] {
  const courses = new Map<string, TableCourse>();
  for (const order of orders) {
    if (order.status !== "ACCEPTED") continue;
    for (const t of order.tickets) {
      if (!t.courseId) continue;
      const c = courses.get(t.courseId) ?? { courseId: t.courseId, name: t.course ?? "", held: false, holdable: false };
      if (t.firedAt === null) c.held = true;
      else if (t.status === "NEW") c.holdable = true;
      courses.set(t.courseId, c);
    }
  }
  return [...courses.values()].filter((c) => c.held || c.holdable);
}

/** Where a course of a table stands: held for the waiter, sent, cooking, at the pass, or at the table. */
export type CourseStage = "held" | "fired" | "preparing" | "ready" | "served";

export interface CourseProgress {
  courseId: string;
  name: string;
  stage: CourseStage;
}

/**
 * Every course of a table's orders on the bill, with where it stands (the table's sheet shows
 * them in a row: "Starters ready · Mains held"): its least advanced ticket decides, so a course
 * is ready only when every station finished it and served when every order of it is at the table.
 */
export function courseProgress(orders: readonly OrderDto[]): CourseProgress[] {
  const rank: Record<CourseStage, number> = { held: 0, fired: 1, preparing: 2, ready: 3, served: 4 };
  const courses = new Map<string, CourseProgress>();
  for (const order of orders) {
    if (order.status !== "ACCEPTED" && order.status !== "DELIVERED") continue;
    const atTable = order.status === "DELIVERED" || order.shipment?.status === "DELIVERED";
    for (const t of order.tickets) {
      if (!t.courseId) continue;
      const stage: CourseStage =
        t.firedAt === null ? "held" : t.status === "NEW" ? "fired" : t.status === "PREPARING" ? "preparing" : atTable ? "served" : "ready";
      const known = courses.get(t.courseId);
      if (!known || rank[stage] < rank[known.stage]) courses.set(t.courseId, { courseId: t.courseId, name: t.course ?? "", stage });
    }
  }
  return [...courses.values()];
}
