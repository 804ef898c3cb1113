import { LocationDto, type LoginResponse, type SetupInfoResponse, STAFF_ROLES, type StaffDto } from "@ordered/contract";
import { z } from "zod";
import type { PrismaClient } from "../db/prisma.js";
import { sql, sqlOn, sqlTransaction, statement } from "../db/sql.js";
import { AppError } from "../errors.js";
import { LOCATION_JSON } from "../locations/location-dto.sql.js";
import { readSetupLink, spendSetupLink } from "../staff/setup-links.js";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./passwords.js";
import type { Tokens } from "./tokens.js";

/**
 * Accounts of one email looked at by a login. An email is unique within a location, so an
 * email may have an account at several; locations are made by the operator, not by sign-up,
 * so this bounds an amplification nobody outside can grow.
 */
const MAX_ACCOUNTS_PER_EMAIL = 10;

/** A staff account with its location, as logins and the account menu read it. */
const Account = z.strictObject({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(STAFF_ROLES),
  locationId: z.uuid(),
  tokenVersion: z.number().int(),
  passwordHash: z.string().nullable(),
  active: z.boolean(),
  location: LocationDto,
});
type Account = z.output<typeof Account>;
const ACCOUNT = sql`SELECT su.id, su.email, su.display_name AS "displayName", su.role, su.location_id AS "locationId",
    su.token_version AS "tokenVersion", su.password_hash AS "passwordHash", su.active, ${LOCATION_JSON} AS location
  FROM staff_user su JOIN location l ON l.id = su.location_id`;
const BY_EMAIL = statement<{ email: string; limit: number }>(
  "auth.accounts-by-email",
  (p) => sql`${ACCOUNT} WHERE su.email = ${p.email} ORDER BY su.created_at LIMIT ${p.limit}`,
);
const BY_ID = statement<{ id: string }>("auth.account", (p) => sql`${ACCOUNT} WHERE su.id = ${p.id}::uuid`);
const accountOf = (prisma: PrismaClient, id: string): Promise<Account | undefined> => sqlOn(prisma).row(Account, BY_ID, { id });

/**
 * Logs in the account of this email whose password matches. An email may have accounts at
 * several locations (unique per location: issue 30 #13d); the password picks the account.
 * If it opens several (the same person kept one password), `locationId` picks one, and
 * without it the answer is a CONFLICT naming them: only to someone who just proved the
 * password of each. A wrong password, an unknown email and a deactivated account all get
 * the same answer.
 */
export async function login(
  deps: { prisma: PrismaClient; tokens: Tokens },
  input: { email: string; password: string; locationId?: string | undefined },
): Promise<LoginResponse> {
  const accounts = await sqlOn(deps.prisma).rows(Account, BY_EMAIL, { email: input.email, limit: MAX_ACCOUNTS_PER_EMAIL });
  // Verify against a dummy hash for unknown emails (and accounts without a password yet) so
  // every failure takes the same time; all at once (argon2 runs on the thread pool), so the
  // time hardly says how many locations have an account of this email.
  const hashes = accounts.length ? accounts.map((a) => a.passwordHash) : [null];
  const ok = await Promise.all(hashes.map(async (h) => verifyPassword(h ?? (await dummyPasswordHash()), input.password)));
  // A deactivated account gets the same answer as a wrong password: nothing to learn from it.
  const opened = accounts.filter((a, i) => ok[i] && a.passwordHash && a.active);
  const chosen = input.locationId ? opened.filter((a) => a.locationId === input.locationId) : opened;
  const [only, ...others] = chosen;
  if (!only) throw new AppError("INVALID_CREDENTIALS", "wrong email or password");
  if (others.length) {
    const names = chosen.map((a) => `${a.location.name} (locationId ${a.locationId})`).join(", ");
    throw new AppError(
      "CONFLICT",
      `this email and password open accounts at ${chosen.length} locations: ${names}; log in again with one's locationId`,
    );
  }
  return loggedIn(deps.tokens, only);
}

function loggedIn(tokens: Tokens, staff: Parameters<typeof toStaffDto>[0] & { locationId: string; tokenVersion: number }): LoginResponse {
  return {
    token: tokens.signStaff({ staffId: staff.id, locationId: staff.locationId, role: staff.role, tokenVersion: staff.tokenVersion }),
    expiresIn: tokens.staffTtlSeconds,
    staff: toStaffDto(staff),
  };
}

/** Whose one-time link this is (it is not spent by looking). */
export async function setupInfo(prisma: PrismaClient, token: string): Promise<SetupInfoResponse> {
  const link = await readSetupLink(sqlOn(prisma), token);
  return { email: link.email, displayName: link.display_name, locationName: link.location_name, expiresAt: link.expires_at };
}

const SET_PASSWORD = statement<{ staffId: string; passwordHash: string }>(
  "auth.set-password",
  (p) =>
    sql`UPDATE staff_user SET password_hash = ${p.passwordHash}, token_version = token_version + 1 WHERE id = ${p.staffId}::uuid AND active`,
);

/**
 * Sets an account's password through its one-time link, and logs it in. The link is spent
 * in the same transaction as the password is set; any older token of the account ends.
 */
export async function setPasswordWithLink(
  deps: { prisma: PrismaClient; tokens: Tokens },
  input: { token: string; password: string },
): Promise<LoginResponse> {
  // Before the transaction: hashing takes ~0.1 s of CPU and must not hold a connection.
  const passwordHash = await hashPassword(input.password);
  const staffId = await sqlTransaction(deps.prisma, async (db) => {
    const id = await spendSetupLink(db, input.token);
    const changed = await db.run(SET_PASSWORD, { staffId: id, passwordHash });
    if (changed === 0) throw new AppError("NOT_FOUND", "this account is deactivated; ask an owner or manager");
    return id;
  });
  const staff = await accountOf(deps.prisma, staffId);
  if (!staff) throw new Error(`account ${staffId} vanished`);
  return loggedIn(deps.tokens, staff);
}

const VersionRow = z.strictObject({ token_version: z.number().int() });
const CHANGE_PASSWORD = statement<{ staffId: string; tokenVersion: number; passwordHash: string }>(
  "auth.change-password",
  (p) => sql`UPDATE staff_user SET password_hash = ${p.passwordHash}, token_version = token_version + 1
    WHERE id = ${p.staffId}::uuid AND token_version = ${p.tokenVersion} AND active
    RETURNING token_version`,
);

/**
 * Staff change their own password, knowing the current one. Every other token of the
 * account ends; the answer carries a new one for the device that asked.
 */
export async function changePassword(
  deps: { prisma: PrismaClient; tokens: Tokens },
  principal: { staffId: string; tokenVersion: number },
  input: { currentPassword: string; newPassword: string },
): Promise<LoginResponse> {
  const staff = await accountOf(deps.prisma, principal.staffId);
  const ok = await verifyPassword(staff?.passwordHash ?? (await dummyPasswordHash()), input.currentPassword);
  if (!staff?.passwordHash || !ok) throw new AppError("INVALID_CREDENTIALS", "the current password is wrong");
  const passwordHash = await hashPassword(input.newPassword);
  // Guarded by the version this token carries: a reset or role change in between wins.
  const row = await sqlOn(deps.prisma).row(VersionRow, CHANGE_PASSWORD, { ...principal, passwordHash });
  if (!row) throw new AppError("UNAUTHENTICATED", "this login has ended; please log in again");
  const updated = await accountOf(deps.prisma, principal.staffId);
  if (!updated) throw new Error(`account ${principal.staffId} vanished`);
  return loggedIn(deps.tokens, updated);
}

export async function getStaff(prisma: PrismaClient, staffId: string): Promise<StaffDto> {
  const staff = await accountOf(prisma, staffId);
  if (!staff) throw new AppError("UNAUTHENTICATED", "this account no longer exists");
  return toStaffDto(staff);
}

function toStaffDto(s: Pick<Account, "id" | "email" | "displayName" | "role" | "location">): StaffDto {
  return { id: s.id, email: s.email, displayName: s.displayName, role: s.role, location: s.location };
}
