import { z } from "zod";
import type { PrismaClient } from "../db/prisma.js";
import { sql, sqlOn, statement } from "../db/sql.js";
import { AppError } from "../errors.js";
import type { StaffPrincipal } from "./tokens.js";

const AccountRow = z.strictObject({ id: z.uuid(), active: z.boolean(), token_version: z.number().int(), location_id: z.uuid() });
const ACCOUNTS = statement<{ ids: string[] }>(
  "auth.staff-accounts",
  (p) => sql`SELECT id, active, token_version, location_id FROM staff_user WHERE id = ANY(${p.ids}::uuid[])`,
);
type AccountRow = z.infer<typeof AccountRow>;

/** Why this token no longer stands for its account, or null while it does. One wording for every path. */
function whyEnded(account: AccountRow | undefined, staff: StaffPrincipal): string | null {
  if (!account?.active || account.location_id !== staff.locationId) return "this account is no longer active";
  if (account.token_version !== staff.tokenVersion) return "this login has ended; please log in again";
  return null;
}

/**
 * A valid signature is not enough for staff: the account must still exist, be active, and
 * not have ended its tokens since this one was issued (token version). Checked on every
 * REST request, at the socket handshake and on every staff command — one primary-key read —
 * so a deleted or deactivated account is refused everywhere at once, on every instance.
 */
export async function assertActiveStaff(prisma: PrismaClient, staff: StaffPrincipal): Promise<void> {
  const account = await sqlOn(prisma).row(AccountRow, ACCOUNTS, { ids: [staff.staffId] });
  const why = whyEnded(account ?? undefined, staff);
  if (why) throw new AppError("UNAUTHENTICATED", why);
}

/**
 * Of these staff principals, the ones whose account is no longer valid (deleted,
 * deactivated, moved, or tokens ended), each with the reason assertActiveStaff would give:
 * one query for all of them, for the periodic check of open sockets (realtime/staff-recheck.ts).
 */
export async function invalidStaff(prisma: PrismaClient, staff: StaffPrincipal[]): Promise<Map<StaffPrincipal, string>> {
  const invalid = new Map<StaffPrincipal, string>();
  if (staff.length === 0) return invalid;
  const ids = [...new Set(staff.map((s) => s.staffId))];
  const rows = await sqlOn(prisma).rows(AccountRow, ACCOUNTS, { ids });
  const accounts = new Map(rows.map((r) => [r.id, r]));
  for (const s of staff) {
    const why = whyEnded(accounts.get(s.staffId), s);
    if (why) invalid.set(s, why);
  }
  return invalid;
}
