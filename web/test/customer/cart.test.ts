import { LIMITS, lineKey } from "@ordered/contract";
import { describe, expect, test } from "vitest";
import {
  addLine,
  canAdd,
  cartTotal,
  confirmAllergy,
  keyOf,
  mergeLines,
  placeOrderPayload,
  priceKey,
  quantityOf,
  readCart,
  setNote,
  setQuantity,
} from "../../src/customer/cart";
import type { CartLine } from "../../src/customer/customer-storage";
import { id, pizza, product } from "../support/fixtures";

const { maxLines, maxQuantity, noteLength } = LIMITS.order;
const SMALL = id(1020);
const LARGE = id(1021);
const BACON = id(1040);
const CHEESE = id(1041);

/** A plain line of product p, as addLine makes it. */
const plain = (productId: string, quantity = 1, note = ""): CartLine => ({
  id: lineKey(productId, [], note),
  productId,
  options: [],
  quantity,
  note,
});

describe("cart lines: one per product, choice and note", () => {
  test("adding a plain product makes a line, adding it again counts it up", () => {
    expect(addLine(addLine([], { productId: "p1", options: [] }), { productId: "p1", options: [] })).toEqual([plain("p1", 2)]);
  });

  test("a plain Margherita and one without basil are two lines", () => {
    let lines = addLine([], { productId: "p1", options: [] });
    lines = addLine(lines, { productId: "p1", options: [], note: "without basil" });
    lines = addLine(lines, { productId: "p1", options: [], note: "  without basil " });
    expect(lines).toEqual([plain("p1"), plain("p1", 2, "without basil")]);
    expect(quantityOf(lines, "p1")).toBe(3);
  });

  test("the same options in another order are the same line; other options another line", () => {
    let lines = addLine([], { productId: "pz", options: [LARGE, BACON, CHEESE] });
    lines = addLine(lines, { productId: "pz", options: [CHEESE, LARGE, BACON], quantity: 2 });
    lines = addLine(lines, { productId: "pz", options: [SMALL] });
    expect(lines.map((l) => [l.options, l.quantity])).toEqual([
      [[LARGE, BACON, CHEESE], 3],
      [[SMALL], 1],
    ]);
    expect(new Set(lines.map((l) => l.id)).size).toBe(2);
  });

  test("a line stops at the server's quantity limit, however it is added", () => {
    const full = [plain("p1", maxQuantity)];
    expect(canAdd(full, { productId: "p1", options: [] })).toBe(false);
    expect(addLine(full, { productId: "p1", options: [] })).toBe(full);
    expect(addLine([plain("p1", maxQuantity - 1)], { productId: "p1", options: [], quantity: 5 })[0]!.quantity).toBe(maxQuantity);
    expect(setQuantity([plain("p1")], plain("p1").id, maxQuantity + 49)).toEqual([plain("p1", maxQuantity)]);
  });

  test("an order stops at the server's number of lines; an existing line still counts up", () => {
    const full = Array.from({ length: maxLines }, (_, i) => plain(`p${i}`));
    expect(canAdd(full, { productId: "another", options: [] })).toBe(false);
    expect(canAdd(full, { productId: "p0", options: [], note: "another note" })).toBe(false);
    expect(addLine(full, { productId: "another", options: [] })).toBe(full);
    expect(canAdd(full, { productId: "p0", options: [] })).toBe(true);
  });

  test("edits name the line by its id: a quantity of zero removes it, a note is cut at the server's length", () => {
    const lines = [plain("p1"), plain("p2")];
    expect(setQuantity(lines, plain("p1").id, 0)).toEqual([plain("p2")]);
    const edited = setNote(lines, plain("p1").id, "x".repeat(noteLength + 10));
    expect(edited[0]!.note).toHaveLength(noteLength);
    expect(edited[0]!.id).toBe(plain("p1").id); // the field being typed in keeps its line
  });

  test("a line whose note was edited away from its key does not lend its id to a new line", () => {
    let lines = addLine([], { productId: "p1", options: [] });
    lines = setNote(lines, lines[0]!.id, "well done");
    lines = addLine(lines, { productId: "p1", options: [] });
    expect(lines).toHaveLength(2);
    expect(new Set(lines.map((l) => l.id)).size).toBe(2);
  });

  test("the total prices each line with its options (the contract's unitPriceOf)", () => {
    const pz = pizza(1);
    const water = product(2, { priceCents: 350 });
    const lines = addLine(addLine([], { productId: pz.id, options: [LARGE, BACON, CHEESE], quantity: 2 }), {
      productId: water.id,
      options: [],
    });
    // (900 + 300 + 150 + 100) × 2 + 350
    expect(
      cartTotal(
        lines,
        new Map([
          [pz.id, pz],
          [water.id, water],
        ]),
      ),
    ).toBe(3250);
    expect(cartTotal(lines, new Map([[water.id, water]]))).toBe(350); // a product no longer on the menu counts nothing
  });
});

describe("the order:place payload", () => {
  test("sends options, trims notes and leaves blank notes and empty choices out", () => {
    const lines = [
      { ...plain("p1", 2, "  extra basil "), id: "a" },
      { ...plain("p2", 1, "   "), id: "b" },
      { id: "c", productId: "pz", options: [LARGE, BACON], quantity: 1, note: "" },
    ];
    expect(placeOrderPayload({ clientOrderId: "client-order-1", lines })).toEqual({
      clientOrderId: "client-order-1",
      items: [
        { productId: "p1", quantity: 2, note: "extra basil" },
        { productId: "p2", quantity: 1 },
        { productId: "pz", quantity: 1, options: [LARGE, BACON] },
      ],
    });
  });

  test("carries the unit price the phone showed for each line, by product and choices", () => {
    const lines = [
      { ...plain("p1", 2), id: "a" },
      { id: "c", productId: "pz", options: [LARGE, BACON], quantity: 1, note: "" },
    ];
    const prices = { [priceKey(lines[0]!)]: 450, [priceKey({ productId: "pz", options: [BACON, LARGE] })]: 1350 };
    expect(placeOrderPayload({ clientOrderId: "client-order-1", lines, prices }).items).toEqual([
      { productId: "p1", quantity: 2, unitPriceCents: 450 },
      { productId: "pz", quantity: 1, options: [LARGE, BACON], unitPriceCents: 1350 },
    ]);
    // Kept across a reload; a stored cart with something else there keeps its lines without prices.
    const saved = { lines: [], submission: { clientOrderId: "client-order-1", lines, prices } };
    expect(readCart(JSON.parse(JSON.stringify(saved)))).toEqual(saved);
    expect(readCart({ ...saved, submission: { ...saved.submission, prices: { x: -1 } } }).submission).toEqual({
      clientOrderId: "client-order-1",
      lines,
    });
  });

  test("lines that became equal (a note edited into another's) are merged, unless that passes the quantity cap", () => {
    const a = { ...plain("p1", 2, "no basil"), id: "a" };
    const b = { ...plain("p1", 3, "no basil "), id: "b" };
    expect(mergeLines([a, b])).toEqual([{ ...a, quantity: 5 }]);
    const big = { ...a, quantity: maxQuantity - 1 };
    expect(mergeLines([big, b])).toEqual([big, b]);
    expect(keyOf(a)).toBe(keyOf(b));
  });
});

describe("a stored cart", () => {
  test("as this app stores it, reads back the same", () => {
    const cart = { lines: [plain("p1", 2)], submission: { clientOrderId: "client-order-1", lines: [plain("p2")] } };
    expect(readCart(JSON.parse(JSON.stringify(cart)))).toEqual(cart);
  });

  test("from before options (no ids, no options) reads as plain lines", () => {
    const old = { lines: [{ productId: "p1", quantity: 2, note: "extra basil" }], submission: null };
    expect(readCart(old)).toEqual({ lines: [plain("p1", 2, "extra basil")], submission: null });
    const sending = { lines: [], submission: { clientOrderId: "client-order-1", lines: [{ productId: "p1", quantity: 1, note: "" }] } };
    expect(readCart(sending).submission).toEqual({ clientOrderId: "client-order-1", lines: [plain("p1")] });
  });

  test("of any other shape is an empty cart", () => {
    const empty = { lines: [], submission: null };
    for (const stored of [
      null,
      "cart",
      [],
      { lines: "p1" },
      { lines: [{ productId: 7, quantity: 1, note: "" }] },
      { lines: [{ productId: "p1", quantity: 0, note: "" }] },
      { lines: [{ productId: "p1", quantity: 1.5, note: "" }] },
      { lines: [{ productId: "p1", quantity: maxQuantity + 1, note: "" }] },
      { lines: [{ productId: "p1", quantity: 1, note: "", options: "large" }] },
      { lines: [{ productId: "p1", quantity: 1, note: "", options: [3] }] },
      { lines: [], submission: { lines: [] } },
      { lines: [], submission: { clientOrderId: "client-order-1", lines: [] } },
      { lines: Array.from({ length: maxLines + 1 }, (_, i) => ({ productId: `p${i}`, quantity: 1, note: "" })) },
    ]) {
      expect(readCart(stored)).toEqual(empty);
    }
  });

  test("two stored lines with one id get two ids", () => {
    const lines = readCart({ lines: [plain("p1"), { ...plain("p1"), note: "edited" }], submission: null }).lines;
    expect(new Set(lines.map((l) => l.id)).size).toBe(2);
  });
});

describe("a line against the guest's declared allergies (issue 35)", () => {
  test("keeps the guest's yes from the add, through a merge and a reload, and sends it as allergyConfirmed", () => {
    let lines = addLine([], { productId: "satay", options: [], allergyConfirmed: true });
    lines = addLine(lines, { productId: "satay", options: [] }); // the same dish again: still confirmed
    lines = addLine(lines, { productId: "salad", options: [] });
    expect(lines.map((l) => [l.productId, l.quantity, l.allergyConfirmed ?? false])).toEqual([
      ["satay", 2, true],
      ["salad", 1, false],
    ]);
    // Added before the guest declared it: confirmed in the cart later.
    lines = confirmAllergy(lines, lines[1]!.id);
    expect(readCart(JSON.parse(JSON.stringify({ lines, submission: null }))).lines).toEqual(lines);
    expect(placeOrderPayload({ clientOrderId: "client-order-1", lines }).items).toEqual([
      { productId: "satay", quantity: 2, allergyConfirmed: true },
      { productId: "salad", quantity: 1, allergyConfirmed: true },
    ]);
    // An unconfirmed line sends nothing about it; a stored non-boolean is dropped.
    expect(placeOrderPayload({ clientOrderId: "c", lines: [plain("p1")] }).items).toEqual([{ productId: "p1", quantity: 1 }]);
    expect(readCart({ lines: [{ ...plain("p1"), allergyConfirmed: "yes" }], submission: null }).lines[0]).not.toHaveProperty(
      "allergyConfirmed",
    );
  });
});
