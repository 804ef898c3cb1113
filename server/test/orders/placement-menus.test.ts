import { randomUUID } from "node:crypto";
import type { ProductDto } from "@ordered/contract";
import { type Offered, PlacementMenus } from "../../src/orders/placement-menus.js";
import { describe, expect, it } from "../support/kit.js";

const offered = (id = randomUUID()): Offered => ({
  p: { id } as ProductDto,
  category_hidden: false,
  available_from: null,
  available_until: null,
  station_id: randomUUID(),
  course_id: null,
  tax_rate_bps: 0,
  tax_name: null,
});
const read = (version: number, products: Offered[]) => ({ version, currency: "EUR", timeZone: "UTC", products });

describe("placement's menu copies", () => {
  it("answer only when they hold every product asked for, gather products read at one version, and start again at a newer one", () => {
    const menus = new PlacementMenus();
    const [a, b] = [offered(), offered()];
    menus.remember("loc", read(3, [a]));
    expect(menus.lookup("loc", [a.p.id])?.version).toBe(3);
    expect(menus.lookup("loc", [a.p.id, b.p.id])).toBeUndefined();
    menus.remember("loc", read(3, [b]));
    expect(menus.lookup("loc", [a.p.id, b.p.id])?.products.size).toBe(2);
    menus.remember("loc", read(2, [offered()])); // a slower read of an older menu: ignored
    expect(menus.lookup("loc", [a.p.id, b.p.id])?.version).toBe(3);
    menus.remember("loc", read(4, [b]));
    expect(menus.lookup("loc", [a.p.id])).toBeUndefined();
    expect(menus.lookup("loc", [b.p.id])?.version).toBe(4);
    expect(menus.size).toBe(1);
  });

  it("drop the least recently used locations past their product budget", () => {
    const menus = new PlacementMenus(4);
    const products = Array.from({ length: 3 }, () => [offered(), offered()]);
    menus.remember("first", read(1, products[0]!));
    menus.remember("second", read(1, products[1]!));
    expect(menus.lookup("first", [products[0]![0]!.p.id])).toBeDefined(); // "second" is now the least recently used
    menus.remember("third", read(1, products[2]!));
    expect(menus.lookup("second", [products[1]![0]!.p.id])).toBeUndefined();
    expect(menus.lookup("first", [products[0]![0]!.p.id])).toBeDefined();
    expect(menus.lookup("third", [products[2]![0]!.p.id])).toBeDefined();
    expect(menus.size).toBe(4);
  });
});
