import { describe, expect, test } from "vitest";
import { applyProductUpdate, reconcileMenu } from "../../src/realtime/use-products";
import { category, id, menu, product } from "../support/fixtures";

const mains = category(1, { name: "Mains" });
const a = product(1, { name: "A", version: 3 });
const b = product(2, { name: "B", version: 1 });
const base = menu([mains], [a, b]);

describe("product:updated on a phone's menu", () => {
  test("replaces the product in place", () => {
    const soldOut = { ...a, available: false, version: 4 };
    expect(applyProductUpdate(base, soldOut).products).toEqual([soldOut, b]);
  });

  test("drops it once hidden or archived", () => {
    expect(applyProductUpdate(base, { ...a, hidden: true, version: 4 }).products).toEqual([b]);
    expect(applyProductUpdate(base, { ...b, archived: true, version: 2 }).products).toEqual([a]);
  });

  test("drops it once moved to a category the menu does not show (a hidden one)", () => {
    expect(applyProductUpdate(base, { ...a, categoryId: id(699), version: 4 }).products).toEqual([b]);
  });

  test("adds a product new to the menu (made, or shown again)", () => {
    const c = product(3, { name: "C" });
    expect(applyProductUpdate(base, c).products).toEqual([a, b, c]);
  });

  test("an update older than what the menu holds changes nothing; a hidden product unknown to the menu neither", () => {
    expect(applyProductUpdate(base, { ...a, name: "Old A", version: 2 })).toBe(base);
    expect(applyProductUpdate(base, product(4, { hidden: true }))).toBe(base);
  });
});

describe("a menu load and the updates heard while it loaded", () => {
  test("updates newer than the load's answer are applied on top; older ones are not", () => {
    const loaded = menu([mains], [{ ...a, version: 5, name: "A v5" }, b]);
    const heard = [
      { ...a, version: 4, name: "A v4" },
      { ...b, version: 2, available: false },
    ];
    expect(reconcileMenu(loaded, heard).products).toEqual([loaded.products[0], { ...b, version: 2, available: false }]);
  });

  test("a product hidden while the menu loaded stays off it", () => {
    expect(reconcileMenu(base, [{ ...b, hidden: true, version: 2 }]).products).toEqual([a]);
  });
});
