// A production deployment must not ship with the demo's public password (issue 30): the
// demo accounts' password is printed by `npm start` and written in the README.

import { z } from "zod";
import { verifyPassword } from "../auth/passwords.js";
import type { PrismaClient } from "../db/prisma.js";
import { sql, sqlOn, statement } from "../db/sql.js";
import { DEMO_OWNER_EMAIL, DEMO_OWNER_PASSWORD, DEMO_STAFF } from "./demo-seed.js";

const Account = z.strictObject({ email: z.string(), password_hash: z.string() });
const WITH_PASSWORD = statement<{ emails: string[] }>(
  "demo.accounts-with-password",
  (p) => sql`SELECT email, password_hash FROM staff_user WHERE email = ANY(${p.emails}::text[]) AND active AND password_hash IS NOT NULL`,
);

/** The demo accounts that still open with the public demo password (their emails). */
export async function accountsWithDemoPassword(prisma: PrismaClient): Promise<string[]> {
  const accounts = await sqlOn(prisma).rows(Account, WITH_PASSWORD, { emails: [DEMO_OWNER_EMAIL, ...DEMO_STAFF.map((s) => s.email)] });
  const open: string[] = [];
  for (const a of accounts) if (await verifyPassword(a.password_hash, DEMO_OWNER_PASSWORD)) open.push(a.email);
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
