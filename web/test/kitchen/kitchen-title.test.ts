import { describe, expect, test } from "vitest";
import { kitchenTitle } from "../../src/kitchen/kitchen-title";

describe("kitchenTitle: the tab counts new tickets nobody has looked at", () => {
  test("with and without a count", () => {
    expect(kitchenTitle("Kitchen", 3)).toBe("(3) Kitchen · Ordered");
    expect(kitchenTitle("Bar", 0)).toBe("Bar · Ordered");
    expect(kitchenTitle(null, 1)).toBe("(1) Kitchen display · Ordered");
  });
});
