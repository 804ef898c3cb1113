import { LIMITS } from "@ordered/contract";
import { describe, expect, test } from "vitest";
import { addOne, canAdd, placeOrderPayload, setNote, setQuantity } from "../../src/customer/cart";
import type { CartLine } from "../../src/customer/customer-storage";

const { maxLines, maxQuantity, noteLength } = LIMITS.order;
const line = (productId: string, quantity = 1, note = ""): CartLine => ({ productId, quantity, note });

describe("cart", () => {
  test("adding a product makes a line, adding it again counts it up", () => {
    expect(addOne(addOne([], "p1"), "p1")).toEqual([line("p1", 2)]);
  });

  test("a line stops at the server's quantity limit", () => {
    const full = [line("p1", maxQuantity)];
    expect(canAdd(full, "p1")).toBe(false);
    expect(addOne(full, "p1")).toBe(full);
    expect(setQuantity([line("p1")], "p1", maxQuantity + 49)).toEqual([line("p1", maxQuantity)]);
  });

  test("an order stops at the server's number of lines", () => {
    const full = Array.from({ length: maxLines }, (_, i) => line(`p${i}`));
    expect(canAdd(full, "another")).toBe(false);
    expect(addOne(full, "another")).toBe(full);
    expect(canAdd(full, "p0")).toBe(true);
  });

  test("a quantity of zero removes the line", () => {
    expect(setQuantity([line("p1"), line("p2")], "p1", 0)).toEqual([line("p2")]);
  });

  test("notes are cut at the server's length", () => {
    expect(setNote([line("p1")], "p1", "x".repeat(noteLength + 10))[0]!.note).toHaveLength(noteLength);
  });

  test("the payload trims notes and leaves blank ones out", () => {
    expect(placeOrderPayload({ clientOrderId: "client-order-1", lines: [line("p1", 2, "  extra basil "), line("p2", 1, "   ")] })).toEqual({
      clientOrderId: "client-order-1",
      items: [
        { productId: "p1", quantity: 2, note: "extra basil" },
        { productId: "p2", quantity: 1 },
      ],
    });
  });
});
