import { describe, expect, test } from "vitest";
import {
  addLine,
  changeLine,
  courseProgress,
  enterPayload,
  type PadLine,
  padProducts,
  padTotal,
  recentProductIds,
  searchPad,
  tableCourses,
} from "../../../src/staff/order-pad/pad-model";
import { category, id, order, product, SESSION, ticket } from "../../support/fixtures";

const MAINS = id(1302);
const STARTERS = id(1301);
const line = (n: number, extra: Partial<PadLine> = {}): PadLine => ({
  productId: id(900 + n),
  options: [],
  quantity: 1,
  note: "",
  seat: null,
  courseId: null,
  ...extra,
});

describe("the order pad's menu", () => {
  const lunch = category(1, { availableFrom: "11:00", availableUntil: "15:00", name: "Lunch" });
  const drinks = category(2, { name: "Drinks" });
  const hidden = category(3, { hidden: true });
  const products = [
    product(1, { name: "Risotto", categoryId: lunch.id }),
    product(2, { name: "Spritz", categoryId: drinks.id }),
    product(3, { name: "Café crème", categoryId: drinks.id, available: false }),
    product(4, { categoryId: drinks.id, archived: true }),
    product(5, { categoryId: drinks.id, hidden: true }),
    product(6, { categoryId: hidden.id }),
  ];

  test("what a waiter may send, in menu order, each disabled with its reason", () => {
    const evening = new Date("2026-11-21T19:00:00Z");
    expect(padProducts(products, [lunch, drinks, hidden], "UTC", evening).map((p) => [p.product.name, p.unavailable])).toEqual([
      ["Risotto", "Served 11:00–15:00"],
      ["Spritz", null],
      ["Café crème", "Sold out"],
    ]);
    const noon = new Date("2026-11-21T12:00:00Z");
    expect(padProducts(products, [lunch, drinks], "UTC", noon)[0]!.unavailable).toBeNull();
  });

  test("search ignores case and accents, and finds by category too", () => {
    const menu = padProducts(products, [lunch, drinks], "UTC", new Date("2026-11-21T12:00:00Z"));
    expect(searchPad(menu, "CAFE").map((p) => p.product.name)).toEqual(["Café crème"]);
    expect(searchPad(menu, "drinks").map((p) => p.product.name)).toEqual(["Spritz", "Café crème"]);
  });

  test("recently ordered: this table's products first, newest first, then the location's, each once", () => {
    const at = (m: number) => `2026-11-21T12:${String(m).padStart(2, "0")}:00.000Z`;
    const item = (n: number) => ({ ...order(1, "placed").items[0]!, productId: id(900 + n) });
    const orders = [
      order(1, "placed", { placedAt: at(1), items: [item(1), item(2)] }),
      order(2, "placed", { placedAt: at(5), items: [item(3)], sessionId: id(2) }),
      order(3, "placed", { placedAt: at(3), items: [item(2)] }),
    ];
    expect(recentProductIds(orders, SESSION)).toEqual([id(902), id(901), id(903)]);
    expect(recentProductIds(orders, SESSION, 2)).toEqual([id(902), id(901)]);
  });
});

describe("the order pad's lines", () => {
  test("the same line again is one more; a different seat, course, note or option is its own line", () => {
    let lines = addLine([], line(1, { seat: 1 }));
    lines = addLine(lines, line(1, { seat: 1 }));
    lines = addLine(lines, line(1, { seat: 2 }));
    lines = addLine(lines, line(1, { seat: 1, courseId: MAINS }));
    lines = addLine(lines, line(1, { seat: 1, note: "no salt" }));
    lines = addLine(lines, line(1, { seat: 1, options: [id(700)] }));
    expect(lines.map((l) => l.quantity)).toEqual([2, 1, 1, 1, 1]);
    expect(changeLine(lines, 0, { quantity: 0 })).toHaveLength(4);
  });

  test("the payload: prices shown, seats, courses, and only the held courses among the lines", () => {
    const products = new Map([[id(901), product(1, { priceCents: 1200 })]]);
    const lines = [line(1, { seat: 2, courseId: MAINS, quantity: 2, note: " well done " })];
    expect(padTotal(lines, products)).toBe(2400);
    expect(enterPayload(SESSION, "c-1", lines, products, new Set([MAINS, STARTERS]))).toEqual({
      sessionId: SESSION,
      clientOrderId: "c-1",
      items: [{ productId: id(901), quantity: 2, options: [], seat: 2, courseId: MAINS, note: "well done", unitPriceCents: 1200 }],
      hold: [MAINS],
    });
    expect(enterPayload(SESSION, "c-1", lines, products, new Set())).not.toHaveProperty("hold");
  });
});

describe("a table's courses on its card", () => {
  test("held ones to fire, unstarted ones to hold; started, course-less and finished ones not at all", () => {
    const o = order(1, "preparing", {
      tickets: [
        ticket(1, { courseId: STARTERS, course: "Starters", status: "PREPARING" }),
        ticket(2, { courseId: MAINS, course: "Mains", firedAt: null }),
        ticket(3, { courseId: id(1303), course: "Desserts" }),
        ticket(4, {}),
      ],
    });
    expect(tableCourses([o, order(2, "delivered", { tickets: [ticket(5, { courseId: STARTERS, course: "Starters" })] })])).toEqual([
      { courseId: MAINS, name: "Mains", held: true, holdable: false },
      { courseId: id(1303), name: "Desserts", held: false, holdable: true },
    ]);
  });
});

describe("where each course of a table stands (the sheet's row)", () => {
  const DESSERTS = id(1303);
  test("the least advanced ticket of a course decides; served once every order of it is at the table", () => {
    const first = order(1, "ready", {
      tickets: [
        ticket(1, { courseId: STARTERS, course: "Starters", status: "READY" }),
        ticket(2, { courseId: MAINS, course: "Mains", firedAt: null }),
      ],
    });
    const second = order(2, "preparing", {
      tickets: [
        ticket(3, { courseId: MAINS, course: "Mains", status: "PREPARING" }),
        ticket(4, { courseId: DESSERTS, course: "Desserts" }),
        ticket(5, {}),
      ],
    });
    expect(courseProgress([first, second])).toEqual([
      { courseId: STARTERS, name: "Starters", stage: "ready" },
      { courseId: MAINS, name: "Mains", stage: "held" },
      { courseId: DESSERTS, name: "Desserts", stage: "fired" },
    ]);
    const served = order(3, "delivered", { tickets: [ticket(6, { courseId: STARTERS, course: "Starters", status: "READY" })] });
    expect(courseProgress([served])).toEqual([{ courseId: STARTERS, name: "Starters", stage: "served" }]);
    expect(courseProgress([second]).find((c) => c.courseId === MAINS)?.stage).toBe("preparing");
    // Orders off the bill (placed, cancelled) have no course to show.
    expect(courseProgress([order(4, "cancelled", { tickets: [ticket(7, { courseId: STARTERS, course: "Starters" })] })])).toEqual([]);
  });
});
