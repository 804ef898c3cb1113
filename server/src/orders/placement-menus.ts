import { ProductDto } from "@ordered/contract";
import { z } from "zod";

/** A product as placement reads it: its DTO, and where its category stands. */
export const Offered = z.strictObject({
  p: ProductDto,
  category_hidden: z.boolean(),
  available_from: z.string().nullable(),
  available_until: z.string().nullable(),
  /** Where its lines are prepared: snapshotted on the line. */
  station_id: z.uuid(),
  /** Its category's default course: a phone's line gets it, a waiter's unless they chose another. */
  course_id: z.uuid().nullable(),
  /** Its tax rate (its own, else its category's; 0 and null: none), snapshotted on the line. */
  tax_rate_bps: z.number().int(),
  tax_name: z.string().nullable(),
});
export type Offered = z.output<typeof Offered>;

/** What placement knows of one location's menu, as of `version` (location.menu_version). */
export interface PlacementMenu {
  version: number;
  currency: string;
  timeZone: string;
  /** The products ordered so far at this location (not necessarily its whole menu). */
  products: Map<string, Offered>;
}

/** Most products kept over all locations: about 1-2 KB each. */
const MAX_PRODUCTS = 20_000;

/**
 * Each server instance's copy of the menus it has placed orders against, so that placing an
 * order is one statement (its write) rather than a read and a write. Nothing here needs to be
 * told of changes: the write only inserts while location.menu_version is still the version
 * the copy was read at (triggers bump it with every change of a product, category, option or
 * the location's currency or time zone), and placement reads afresh when it was not. Least
 * recently used locations are dropped past MAX_PRODUCTS.
 */
export class PlacementMenus {
  private readonly menus = new Map<string, PlacementMenu>();
  private products = 0;

  constructor(private readonly maxProducts = MAX_PRODUCTS) {}

  /** The location's menu if it holds every one of `productIds`. */
  lookup(locationId: string, productIds: readonly string[]): PlacementMenu | undefined {
    const menu = this.menus.get(locationId);
    if (!menu || !productIds.every((id) => menu.products.has(id))) return undefined;
    // Most recently used last.
    this.menus.delete(locationId);
    this.menus.set(locationId, menu);
    return menu;
  }

  /** Keeps what one statement read of a location's menu: its version, and the products it read at that version. */
  remember(locationId: string, read: { version: number; currency: string; timeZone: string; products: readonly Offered[] }): void {
    const known = this.menus.get(locationId);
    if (known && known.version > read.version) return; // a slower read of an older menu
    let menu = known;
    if (!menu || menu.version !== read.version) {
      this.forget(locationId);
      menu = { version: read.version, currency: read.currency, timeZone: read.timeZone, products: new Map() };
    } else this.menus.delete(locationId);
    this.menus.set(locationId, menu);
    for (const offered of read.products) {
      if (!menu.products.has(offered.p.id)) this.products++;
      menu.products.set(offered.p.id, offered);
    }
    for (const [id] of this.menus) {
      if (this.products <= this.maxProducts || id === locationId) break;
      this.forget(id);
    }
  }

  /** Products held over all locations. */
  get size(): number {
    return this.products;
  }

  private forget(locationId: string): void {
    const menu = this.menus.get(locationId);
    if (!menu) return;
    this.products -= menu.products.size;
    this.menus.delete(locationId);
  }
}
