import { hashPassword } from "../auth/passwords.js";
import { type Config, loadConfig } from "../config.js";
import type { PrismaClient } from "../db/prisma.js";
import { DEMO_OPTIONS, DEMO_PRODUCTS } from "./demo-menu.js";
import { seedDemoPhotos } from "./demo-photos.js";
import { seedVenue } from "./seed-venue.js";

export { DEMO_PRODUCTS } from "./demo-menu.js";

/** The demo's floor: a terrace and a dining room. */
const DEMO_TABLES = [
  ...[1, 2, 3].map((n) => ({ name: `Terrace ${n}`, area: "Terrace", seats: 2 })),
  ...[1, 2, 3, 4, 5].map((n) => ({ name: `Table ${n}`, area: "Dining room", seats: n === 5 ? 8 : 4 })),
];

export const DEMO_OWNER_EMAIL = "owner@demo.ordered";
/** Printed at start-up; a demo account on a local machine, not a secret. */
export const DEMO_OWNER_PASSWORD = "ordered-demo";

/** The demo's other accounts (same password as the owner's), one per role, to try each. */
export const DEMO_STAFF = [
  { email: "manager@demo.ordered", displayName: "Mia (manager)", role: "MANAGER" },
  { email: "waiter@demo.ordered", displayName: "Wes (waiter)", role: "SERVER" },
  { email: "kitchen@demo.ordered", displayName: "Kitchen", role: "KITCHEN" },
] as const;

/**
 * Creates the demo location, its owner and staff (DEMO_STAFF), its stations (Kitchen, Bar), its floor and its menu (with options, allergens and
 * photos stored in `photoDir`) unless the owner already exists.
 * Returns whether anything was created.
 */
export async function seedDemo(prisma: PrismaClient, photoDir: string): Promise<boolean> {
  if (await prisma.staffUser.findFirst({ where: { email: DEMO_OWNER_EMAIL } })) return false;
  const venue = await seedVenue(prisma, {
    name: "Demo Bistro",
    currency: "EUR",
    owner: { email: DEMO_OWNER_EMAIL, password: DEMO_OWNER_PASSWORD, displayName: "Demo Owner" },
    products: DEMO_PRODUCTS.map((p) => ({ ...p, optionGroups: DEMO_OPTIONS[p.name] ?? [] })),
    tables: DEMO_TABLES,
  });
  const passwordHash = await hashPassword(DEMO_OWNER_PASSWORD);
  await prisma.staffUser.createMany({ data: DEMO_STAFF.map((s) => ({ ...s, locationId: venue.locationId, passwordHash })) });
  // Generated illustrations, so a new user sees a menu with photos.
  await seedDemoPhotos(prisma, photoDir, venue.locationId);
  return true;
}

/**
 * The seed command's configuration. It signs no tokens, so it needs no JWT_SECRET in any
 * NODE_ENV: docker-compose.yml's migrate step runs it in the image (NODE_ENV=production)
 * with only DATABASE_URL.
 */
export function seedConfig(env: NodeJS.ProcessEnv): Config {
  return loadConfig({ ...env, JWT_SECRET: env.JWT_SECRET || "seed-does-not-sign-tokens-".padEnd(32, "x") });
}
