// The benchmark's own data: a fresh database (dropped, then created and migrated by the
// server's migrateDatabase), venues with staff and menus seeded by the server's seedVenue,
// then sessions opened and phones joined through the REST API (the kit's client) like real
// clients.
import pg from "pg";
import { hashPassword } from "../../dist/auth/passwords.js";
import { migrateDatabase } from "../../dist/db/migrate.js";
import { createPrisma } from "../../dist/db/prisma.js";
import { type MenuItem, seedVenue } from "../../dist/demo/seed-venue.js";
import { type ApiClient, createApiClient } from "../../dist/tools/api-client.js";
import { pool } from "./clients.js";

export const STAFF_PASSWORD = "bench-password-0123456789";

/** The REST client for a server (or the baseline), with the bench's request timeout. */
export const clientFor = (base: string): ApiClient => createApiClient(base, { timeoutMs: 30_000 });

/** DROP (with FORCE) the bench database, then create and migrate it afresh. */
export async function resetDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^ordered_bench\w*$/.test(name)) throw new Error(`refusing to drop ${name}: the bench database must be named ordered_bench*`);
  const admin = new URL(databaseUrl);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
  await migrateDatabase(databaseUrl);
}

export interface SeededLocation {
  id: string;
  email: string;
  productIds: string[];
}

/** A menu without stock tracking (so no order is rejected). */
function benchMenu(products: number): MenuItem[] {
  return Array.from({ length: products }, (_, p) => ({
    name: `Dish ${p + 1}`,
    description: "A plate of something good, as a menu would describe it",
    category: p % 2 ? "Mains" : "Drinks",
    priceCents: 450 + 50 * p,
    stock: null,
  }));
}

/** Venues with an owner each (all with STAFF_PASSWORD) and `productsPerLocation` products. */
export async function seedLocations(databaseUrl: string, names: string[], productsPerLocation: number): Promise<SeededLocation[]> {
  const prisma = createPrisma(databaseUrl, 2);
  try {
    const passwordHash = await hashPassword(STAFF_PASSWORD);
    const out: SeededLocation[] = [];
    for (const [i, name] of names.entries()) {
      const venue = await seedVenue(prisma, {
        name,
        currency: "EUR",
        owner: { email: `owner-${i}@bench.ordered`, password: STAFF_PASSWORD, passwordHash, displayName: `Bench owner ${i}` },
        products: benchMenu(productsPerLocation),
      });
      out.push({ id: venue.locationId, email: venue.owner.email, productIds: venue.products.map((p) => p.id) });
    }
    return out;
  } finally {
    await prisma.$disconnect();
  }
}

export interface Customer {
  token: string;
  sessionId: string;
  locationId: string;
}

export interface FixtureSession {
  id: string;
  locationId: string;
  customers: Customer[];
}

export interface FixtureLocation extends SeededLocation {
  staffToken: string;
}

/**
 * Logs each venue's owner in, opens `sessions` table sessions round-robin over the venues
 * and joins `phones` customers to each (the last one may get fewer so the total is exact).
 * Requests alternate between the given servers.
 */
export async function openAndJoin(
  servers: string[],
  seeded: SeededLocation[],
  opts: { sessions: number; customers: number; phonesPerSession: number },
): Promise<{ locations: FixtureLocation[]; sessions: FixtureSession[] }> {
  const clients = servers.map(clientFor);
  const client = (i: number) => clients[i % clients.length]!;
  const locations = await pool(seeded, 4, async (l, i) => {
    const { token } = await client(i).login({ email: l.email, password: STAFF_PASSWORD });
    return { ...l, staffToken: token };
  });
  const opened = await pool(
    Array.from({ length: opts.sessions }, (_, i) => i),
    8,
    async (i) => {
      const location = locations[i % locations.length]!;
      const { session } = await client(i).openSession(location.staffToken, `Bench table ${i + 1}`);
      return { ...session, locationId: location.id };
    },
  );
  const joins = Array.from({ length: opts.customers }, (_, i) => ({ session: opened[Math.floor(i / opts.phonesPerSession)]!, i }));
  const customers = await pool(joins, 16, async ({ session, i }) => {
    const { token } = await client(i).joinSession(session.joinCode, `Guest ${i + 1}`);
    return { token, sessionId: session.id, locationId: session.locationId };
  });
  const sessions = opened.map((s) => ({ id: s.id, locationId: s.locationId, customers: customers.filter((c) => c.sessionId === s.id) }));
  return { locations, sessions };
}
