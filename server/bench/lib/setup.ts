// The benchmark's own data: a fresh database (dropped and migrated each run), venues with
// staff and menus seeded directly, then sessions opened and phones joined through the REST
// API like real clients.
import { spawnSync } from "node:child_process";
import pg from "pg";
import { hashPassword } from "../../dist/auth/passwords.js";
import { createPrisma } from "../../dist/db/prisma.js";
import { pool } from "./clients.js";

export const STAFF_PASSWORD = "bench-password-0123456789";

/** DROP (with FORCE) and CREATE the bench database, then `prisma migrate deploy`. */
export async function resetDatabase(databaseUrl: string, repoRoot: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^ordered_bench\w*$/.test(name)) throw new Error(`refusing to drop ${name}: the bench database must be named ordered_bench*`);
  const admin = new URL(databaseUrl);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const r = spawnSync("npx", ["--no-install", "prisma", "migrate", "deploy"], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`prisma migrate deploy failed:\n${r.stdout}${r.stderr}`);
}

export interface SeededLocation {
  id: string;
  email: string;
  productIds: string[];
}

/** Venues with an owner each and a menu without stock tracking (so no order is rejected). */
export async function seedLocations(databaseUrl: string, names: string[], productsPerLocation: number): Promise<SeededLocation[]> {
  const prisma = createPrisma(databaseUrl, 2);
  try {
    const passwordHash = await hashPassword(STAFF_PASSWORD);
    const out: SeededLocation[] = [];
    for (const [i, name] of names.entries()) {
      const location = await prisma.location.create({ data: { name, currency: "EUR" } });
      const email = `owner-${i}@bench.ordered`;
      await prisma.staffUser.create({
        data: { locationId: location.id, email, passwordHash, displayName: `Bench owner ${i}`, role: "OWNER" },
      });
      const productIds: string[] = [];
      for (let p = 0; p < productsPerLocation; p++) {
        const product = await prisma.product.create({
          data: {
            locationId: location.id,
            name: `Dish ${p + 1}`,
            description: "A plate of something good, as a menu would describe it",
            category: p % 2 ? "Mains" : "Drinks",
            priceCents: 450 + 50 * p,
            currency: "EUR",
            stock: null,
          },
        });
        productIds.push(product.id);
      }
      out.push({ id: location.id, email, productIds });
    }
    return out;
  } finally {
    await prisma.$disconnect();
  }
}

export async function api<T>(base: string, method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const json = (await res.json()) as T & { error?: { code: string; message: string } };
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${json.error?.code ?? ""} ${json.error?.message ?? ""}`);
  return json;
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
  const locations = await pool(seeded, 4, async (l, i) => {
    const { token } = await api<{ token: string }>(servers[i % servers.length]!, "POST", "/api/auth/login", {
      email: l.email,
      password: STAFF_PASSWORD,
    });
    return { ...l, staffToken: token };
  });
  const opened = await pool(
    Array.from({ length: opts.sessions }, (_, i) => i),
    8,
    async (i) => {
      const location = locations[i % locations.length]!;
      const { session } = await api<{ session: { id: string; joinCode: string } }>(
        servers[i % servers.length]!,
        "POST",
        "/api/sessions",
        { label: `Bench table ${i + 1}` },
        location.staffToken,
      );
      return { ...session, locationId: location.id };
    },
  );
  const joins = Array.from({ length: opts.customers }, (_, i) => ({ session: opened[Math.floor(i / opts.phonesPerSession)]!, i }));
  const customers = await pool(joins, 16, async ({ session, i }) => {
    const { token } = await api<{ token: string }>(servers[i % servers.length]!, "POST", "/api/sessions/join", {
      joinCode: session.joinCode,
      displayName: `Guest ${i + 1}`,
    });
    return { token, sessionId: session.id, locationId: session.locationId };
  });
  const sessions = opened.map((s) => ({ id: s.id, locationId: s.locationId, customers: customers.filter((c) => c.sessionId === s.id) }));
  return { locations, sessions };
}
