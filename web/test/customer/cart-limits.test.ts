import { LIMITS } from "@ordered/contract";
import { describe, expect, test } from "vitest";
import {
  addLine,
  addLines,
  atQuantityLimit,
  cartTotal,
  isFull,
  isUnorderable,
  linesOfOrder,
  shortOfStock,
  unorderableLines,
} from "../../src/customer/cart";
import { id, order, pizza, product } from "../support/fixtures";

const { maxLines, maxQuantity } = LIMITS.order;
const LARGE = id(1021);
const BACON = id(1040);

describe("lines that cannot be ordered", () => {
  const water = product(2, { priceCents: 350 });
  const soldOut = product(3, { priceCents: 800, available: false });
  const noneLeft = product(4, { priceCents: 600, stock: 0 });
  const lines = [water, soldOut, noneLeft].reduce(
    (ls, p) => addLine(ls, { productId: p.id, options: [] }),
    addLine([], { productId: id(999), options: [] }),
  );
  const products = new Map([water, soldOut, noneLeft].map((p) => [p.id, p]));

  test("sold out (unavailable or no stock) and gone from the menu are not orderable", () => {
    expect(isUnorderable(water)).toBe(false);
    expect(isUnorderable(soldOut)).toBe(true);
    expect(isUnorderable(noneLeft)).toBe(true);
    expect(isUnorderable(undefined)).toBe(true);
    expect(unorderableLines(lines, products).map((l) => l.productId)).toEqual([id(999), soldOut.id, noneLeft.id]);
  });

  test("they are left out of the total", () => {
    expect(cartTotal(lines, products)).toBe(350);
  });
});

test("shortOfStock: more in the cart than the menu says are left, over all lines of the product", () => {
  const burrata = product(5, { stock: 8 });
  const water = product(2);
  const products = new Map([burrata, water].map((p) => [p.id, p]));
  const eight = addLine([], { productId: burrata.id, options: [], quantity: 8 });
  expect(shortOfStock(eight, products)).toEqual(new Map());
  const nine = addLine(eight, { productId: burrata.id, options: [], note: "no pesto" });
  expect(shortOfStock(nine, products)).toEqual(new Map([[burrata.id, 8]]));
  expect(shortOfStock(addLine([], { productId: water.id, options: [], quantity: 40 }), products)).toEqual(new Map());
});

describe("the contract's limits", () => {
  test("a line at LIMITS.order.maxQuantity is at its limit, one below is not", () => {
    expect(atQuantityLimit({ quantity: maxQuantity })).toBe(true);
    expect(atQuantityLimit({ quantity: maxQuantity - 1 })).toBe(false);
  });

  test("a cart with LIMITS.order.maxLines lines is full", () => {
    const lines = addLines(
      [],
      Array.from({ length: maxLines }, (_, i) => ({ productId: id(2000 + i), options: [] })),
    );
    expect(lines).toHaveLength(maxLines);
    expect(isFull(lines)).toBe(true);
    expect(isFull(lines.slice(1))).toBe(false);
  });
});

describe("putting a refused order back into the cart", () => {
  const pz = pizza(1);
  const products = new Map([[pz.id, pz]]);

  test("its lines come back with their quantity, note and choices (matched by group and name)", () => {
    const o = order(1, "placed", {
      status: "REJECTED",
      items: [
        {
          position: 0,
          productId: pz.id,
          productName: "Pizza",
          unitPriceCents: 1350,
          quantity: 2,
          note: "well done",
          options: [
            { group: "Size", name: "Large", priceDeltaCents: 300 },
            { group: "Extras", name: "Bacon", priceDeltaCents: 150 },
            { group: "Extras", name: "Pineapple", priceDeltaCents: 100 }, // no longer offered
          ],
          allergens: [],
          stationId: id(800),
          seat: null,
          courseId: null,
        },
      ],
    });
    const items = linesOfOrder(o, products);
    expect(items).toEqual([{ productId: pz.id, options: [LARGE, BACON], note: "well done", quantity: 2 }]);
    const lines = addLines([], items);
    expect(lines).toEqual([expect.objectContaining({ productId: pz.id, options: [LARGE, BACON], note: "well done", quantity: 2 })]);
  });

  test("added to what the cart already holds, never past the line's limit", () => {
    const water = product(2);
    const o = order(1, "placed", {
      items: [
        {
          position: 0,
          productId: water.id,
          productName: "Water",
          unitPriceCents: 950,
          quantity: 3,
          note: null,
          options: [],
          allergens: [],
          stationId: id(800),
          seat: null,
          courseId: null,
        },
      ],
    });
    const held = addLine([], { productId: water.id, options: [], quantity: maxQuantity - 1 });
    const lines = addLines(held, linesOfOrder(o, new Map([[water.id, water]])));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.quantity).toBe(maxQuantity);
  });
});
