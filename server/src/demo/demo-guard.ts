// A production deployment must not ship with the demo's public password (issue 30): the
// demo accounts' password is printed by `npm start` and written in the README.
import { verifyPassword } from "../auth/passwords.js";
import type { PrismaClient } from "../db/prisma.js";
import { DEMO_OWNER_EMAIL, DEMO_OWNER_PASSWORD, DEMO_STAFF } from "./demo-seed.js";

/** The demo accounts that still open with the public demo password (their emails). */
export async function accountsWithDemoPassword(prisma: PrismaClient): Promise<string[]> {
  const accounts = await prisma.staffUser.findMany({
    where: { email: { in: [DEMO_OWNER_EMAIL, ...DEMO_STAFF.map((s) => s.email)] }, active: true, passwordHash: { not: null } },
    select: { email: true, passwordHash: true },
  });
  const open: string[] = [];
  for (const a of accounts) if (a.passwordHash && (await verifyPassword(a.passwordHash, DEMO_OWNER_PASSWORD))) open.push(a.email);
  return open;
}

/**
 * Refuses to start a production server while a demo account opens with the public password,
 * unless the deployment asked for the demo (SEED_DEMO=true: a public demo site).
 */
export async function assertNoDemoPassword(prisma: PrismaClient, config: { env: string; seedDemo: boolean }): Promise<void> {
  if (config.env !== "production" || config.seedDemo) return;
  const open = await accountsWithDemoPassword(prisma);
  if (open.length > 0) {
    throw new Error(
      `refusing to start in production: ${open.join(", ")} still open with the demo's public password. ` +
        "Delete the demo location or change those passwords, or set SEED_DEMO=true if this deployment is a public demo.",
    );
  }
}
