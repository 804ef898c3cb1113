// The one seeder: a venue (location), its owner and its menu, written straight to the
// database. Used by the demo (`npm start`), the server tests, the e2e suite and the bench.
import { randomUUID } from "node:crypto";
import { hashPassword } from "../auth/passwords.js";
import { DEFAULT_COURSES } from "../courses/courses.service.js";
import type { PrismaClient } from "../db/prisma.js";
import { newJoinCode } from "../sessions/join-code.js";
import { DEMO_PRODUCTS, type MenuItem } from "./demo-menu.js";

export type { MenuItem } from "./demo-menu.js";

export interface SeedVenueOptions {
  /** The location's name; default `Bistro <tag>` (tag: 8 random hex characters). */
  name?: string;
  /** ISO 4217 code for the location and all its products; default EUR. */
  currency?: string;
  owner?: {
    /** Default `owner-<tag>@<emailDomain>`; stored lower-cased like the API does. */
    email?: string;
    /** Default a random one; returned in `owner.password` so callers can log in. */
    password?: string;
    /** Default `Owner <tag>`. */
    displayName?: string;
    /**
     * hashPassword(password), when the caller seeds many venues with one password and
     * hashes it once (argon2id costs ~0.1 s of CPU by design). Must match `password`.
     */
    passwordHash?: string;
  };
  /** Domain of the generated owner email; default `venue.ordered`. */
  emailDomain?: string;
  /** The menu, in this order; default the demo menu (DEMO_PRODUCTS). */
  products?: readonly MenuItem[];
  /**
   * The stations, in this order, each with the categories routed to it; a category no station
   * names goes to the first. Default: a Kitchen, and a Bar for "Drinks".
   */
  stations?: readonly { name: string; categories?: readonly string[] }[];
  /** The floor, in this order; default none. */
  tables?: readonly { name: string; area?: string; seats?: number }[];
}

export interface SeededProduct {
  id: string;
  name: string;
  category: string;
  categoryId: string;
  priceCents: number;
  stock: number | null;
  available: boolean;
}

export interface SeededVenue {
  locationId: string;
  name: string;
  currency: string;
  owner: { id: string; email: string; password: string; displayName: string };
  /** In display order. */
  stations: { id: string; name: string }[];
  /** Drinks, Starters, Mains, Desserts (DEFAULT_COURSES), in order. */
  courses: { id: string; name: string }[];
  /** In menu order, each with the station its lines go to. */
  categories: { id: string; name: string; stationId: string; courseId: string | null }[];
  /** In the order they were given. */
  products: SeededProduct[];
  /** In floor order, with the code each table's card encodes (`/t/<cardCode>`). */
  tables: { id: string; name: string; cardCode: string }[];
}

const DEFAULT_STATIONS = [{ name: "Kitchen" }, { name: "Bar", categories: ["Drinks"] }];

/** Creates a location with an owner (argon2id hash, like real accounts) and a menu, in one transaction. */
export async function seedVenue(prisma: PrismaClient, options: SeedVenueOptions = {}): Promise<SeededVenue> {
  const tag = randomUUID().slice(0, 8);
  const currency = options.currency ?? "EUR";
  const email = (options.owner?.email ?? `owner-${tag}@${options.emailDomain ?? "venue.ordered"}`).toLowerCase();
  const password = options.owner?.password ?? `pw-${randomUUID()}`;
  const displayName = options.owner?.displayName ?? `Owner ${tag}`;
  const menu = options.products ?? DEMO_PRODUCTS;
  // Hashing takes ~100 ms of CPU: outside the transaction, so it holds no connection meanwhile.
  const passwordHash = options.owner?.passwordHash ?? (await hashPassword(password));
  return prisma.$transaction(async (tx) => {
    const location = await tx.location.create({ data: { name: options.name ?? `Bistro ${tag}`, currency } });
    const owner = await tx.staffUser.create({
      data: { locationId: location.id, email, passwordHash, displayName, role: "OWNER" },
    });
    const stations: { id: string; name: string; categories: readonly string[] }[] = [];
    for (const [position, st] of (options.stations ?? DEFAULT_STATIONS).entries()) {
      const station = await tx.station.create({ data: { locationId: location.id, name: st.name, position } });
      stations.push({ id: station.id, name: station.name, categories: st.categories ?? [] });
    }
    // The usual courses; a category named like one defaults to it, the others to Mains.
    const courses: { id: string; name: string }[] = [];
    for (const [position, name] of DEFAULT_COURSES.entries()) {
      const course = await tx.course.create({ data: { locationId: location.id, name, position } });
      courses.push({ id: course.id, name: course.name });
    }
    const courseOf = (category: string) =>
      (courses.find((c) => c.name.toLowerCase() === category.toLowerCase()) ?? courses.find((c) => c.name === "Mains"))?.id ?? null;
    const stationOf = (category: string) => (stations.find((st) => st.categories.includes(category)) ?? stations[0]!).id;
    // Categories in the order the menu first names them.
    const categories: { id: string; name: string; stationId: string; courseId: string | null }[] = [];
    for (const name of [...new Set(menu.map((p) => p.category))]) {
      const category = await tx.category.create({
        data: { locationId: location.id, name, position: categories.length, stationId: stationOf(name), courseId: courseOf(name) },
      });
      categories.push({ id: category.id, name: category.name, stationId: category.stationId, courseId: category.courseId });
    }
    const categoryId = (name: string) => categories.find((c) => c.name === name)!.id;
    const products = [];
    for (const p of menu) {
      const product = await tx.product.create({
        data: {
          locationId: location.id,
          currency,
          name: p.name,
          categoryId: categoryId(p.category),
          priceCents: p.priceCents,
          description: p.description ?? "",
          stock: p.stock ?? null,
          available: p.available ?? true,
          allergens: [...(p.allergens ?? [])],
          tags: [...(p.tags ?? [])],
          optionGroups: {
            create: (p.optionGroups ?? []).map((g, position) => ({
              name: g.name,
              minChoices: g.minChoices,
              maxChoices: g.maxChoices,
              position,
              options: { create: g.options.map((o, i) => ({ name: o.name, priceDeltaCents: o.priceDeltaCents, position: i })) },
            })),
          },
        },
      });
      products.push({
        id: product.id,
        name: product.name,
        category: p.category,
        categoryId: product.categoryId,
        priceCents: product.priceCents,
        stock: product.stock,
        available: product.available,
      });
    }
    const tables = [];
    for (const [position, t] of (options.tables ?? []).entries()) {
      const table = await tx.diningTable.create({
        data: { locationId: location.id, name: t.name, area: t.area ?? null, seats: t.seats ?? null, position, cardCode: newJoinCode() },
      });
      tables.push({ id: table.id, name: table.name, cardCode: table.cardCode });
    }
    return {
      locationId: location.id,
      name: location.name,
      currency,
      owner: { id: owner.id, email, password, displayName },
      stations: stations.map(({ id, name }) => ({ id, name })),
      courses,
      categories,
      products,
      tables,
    };
  });
}
