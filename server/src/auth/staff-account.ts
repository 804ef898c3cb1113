import { z } from "zod";
import type { PrismaClient } from "../db/prisma.js";
import { sql, sqlOn } from "../db/sql.js";
import { AppError } from "../errors.js";
import type { StaffPrincipal } from "./tokens.js";

const AccountRow = z.strictObject({ active: z.boolean(), token_version: z.number().int(), location_id: z.uuid() });

/**
 * A valid signature is not enough for staff: the account must still exist, be active, and
 * not have ended its tokens since this one was issued (token version). Checked on every
 * REST request, at the socket handshake and on every staff command — one primary-key read —
 * so a deleted or deactivated account is refused everywhere at once, on every instance.
 */
export async function assertActiveStaff(prisma: PrismaClient, staff: StaffPrincipal): Promise<void> {
  const account = await sqlOn(prisma).row(
    AccountRow,
    sql`SELECT active, token_version, location_id FROM staff_user WHERE id = ${staff.staffId}::uuid`,
  );
  if (!account?.active || account.location_id !== staff.locationId) {
    throw new AppError("UNAUTHENTICATED", "this account is no longer active");
  }
  if (account.token_version !== staff.tokenVersion) throw new AppError("UNAUTHENTICATED", "this session has ended; please log in again");
}

const ValidRow = z.strictObject({ id: z.uuid(), token_version: z.number().int(), location_id: z.uuid() });

/**
 * Of these staff principals, the ones whose account is no longer valid (deleted,
 * deactivated, moved, or tokens ended): one query for all of them, for the periodic check
 * of open sockets (realtime/staff-recheck.ts).
 */
export async function invalidStaff(prisma: PrismaClient, staff: StaffPrincipal[]): Promise<Set<StaffPrincipal>> {
  if (staff.length === 0) return new Set();
  const ids = [...new Set(staff.map((s) => s.staffId))];
  const rows = await sqlOn(prisma).rows(
    ValidRow,
    sql`SELECT id, token_version, location_id FROM staff_user WHERE id = ANY(${ids}::uuid[]) AND active`,
  );
  const valid = new Map(rows.map((r) => [r.id, r]));
  return new Set(
    staff.filter((s) => {
      const account = valid.get(s.staffId);
      return !account || account.token_version !== s.tokenVersion || account.location_id !== s.locationId;
    }),
  );
}
