/**
 * Staff accounts as owners and managers manage them: add (the account sets its password
 * through a one-time link), rename, change role, deactivate and reactivate, reset a password.
 * Who may touch whom is the contract's `canManageRole`: owners manage everyone, managers
 * everyone but owners. A role change, a deactivation or a reset raises the account's token
 * version: every token it holds stops working at once (auth/staff-account.ts), and the caller
 * tells its open sockets (publisher.staffEnded).
 */
import {
  type CreateStaffBody,
  canManageRole,
  type SetupLinkDto,
  STAFF_ROLES,
  StaffAccountDto,
  type StaffRoleName,
  type UpdateStaffBody,
} from "@ordered/contract";
import { z } from "zod";
import type { StaffPrincipal } from "../auth/tokens.js";
import { isUniqueViolation } from "../db/errors.js";
import type { PrismaClient } from "../db/prisma.js";
import { isoText, type SqlRunner, sql, sqlTransaction, statement } from "../db/sql.js";
import { AppError } from "../errors.js";
import { issueSetupLink } from "./setup-links.js";

const Row = z.strictObject({ dto: StaffAccountDto });
const ACCOUNT_JSON = sql`json_build_object('id', su.id, 'email', su.email, 'displayName', su.display_name, 'role', su.role,
  'active', su.active, 'passwordSet', su.password_hash IS NOT NULL,
  'createdAt', ${isoText("su.created_at")})`;
const ROLE_ORDER = sql`array_position(${[...STAFF_ROLES]}::text[], su.role::text)`;

const LIST = statement<{ locationId: string; id: string | null }>(
  "staff.list",
  (p) => sql`SELECT ${ACCOUNT_JSON} AS dto FROM staff_user su
    WHERE su.location_id = ${p.locationId}::uuid AND (${p.id}::uuid IS NULL OR su.id = ${p.id}::uuid)
    ORDER BY su.active DESC, ${ROLE_ORDER}, lower(su.display_name), su.id`,
);

export async function listStaff(db: SqlRunner, locationId: string, id?: string): Promise<StaffAccountDto[]> {
  const rows = await db.rows(Row, LIST, { locationId, id: id ?? null });
  return rows.map((r) => r.dto);
}

async function one(db: SqlRunner, locationId: string, id: string): Promise<StaffAccountDto> {
  const [account] = await listStaff(db, locationId, id);
  if (!account) throw AppError.notFound("staff account");
  return account;
}

const forbidden = (actor: StaffRoleName, role: StaffRoleName) =>
  new AppError("FORBIDDEN", `a ${actor} account cannot manage ${role} accounts (needs OWNER)`);

export interface AccountChange {
  staff: StaffAccountDto;
  setupLink?: SetupLinkDto;
  /** The account's tokens ended: its sockets must be told and closed. */
  ended: boolean;
}

const CREATE = statement<{ locationId: string; email: string; displayName: string; role: StaffRoleName }>(
  "staff.create",
  (p) => sql`INSERT INTO staff_user (id, location_id, email, password_hash, display_name, role)
    VALUES (gen_random_uuid(), ${p.locationId}::uuid, ${p.email}, NULL, ${p.displayName}, ${p.role}::"StaffRole")
    RETURNING id`,
);

/** Adds an account without a password, and the link that sets it. */
export async function createStaff(
  prisma: PrismaClient,
  actor: StaffPrincipal,
  input: z.output<typeof CreateStaffBody>,
  publicUrl: string,
): Promise<AccountChange> {
  if (!canManageRole(actor.role, input.role)) throw forbidden(actor.role, input.role);
  return sqlTransaction(prisma, async (db) => {
    const created = await db
      .row(z.strictObject({ id: z.uuid() }), CREATE, {
        locationId: actor.locationId,
        email: input.email,
        displayName: input.displayName,
        role: input.role,
      })
      .catch((err: unknown) => {
        throw isUniqueViolation(err) ? new AppError("CONFLICT", `an account with the email ${input.email} already exists`) : err;
      });
    if (!created) throw new Error("account not created");
    const setupLink = await issueSetupLink(db, created.id, publicUrl);
    return { staff: await one(db, actor.locationId, created.id), setupLink, ended: false };
  });
}

const Target = z.strictObject({ id: z.uuid(), role: z.enum(STAFF_ROLES), active: z.boolean() });
const LOCK_TARGET = statement<{ id: string; locationId: string }>(
  "staff.lock",
  (p) => sql`SELECT id, role, active FROM staff_user WHERE id = ${p.id}::uuid AND location_id = ${p.locationId}::uuid FOR UPDATE`,
);
const UPDATE = statement<{ id: string; displayName: string | null; role: StaffRoleName | null; active: boolean | null; ended: boolean }>(
  "staff.update",
  (p) => sql`
    UPDATE staff_user SET
      display_name = coalesce(${p.displayName}, display_name),
      role = coalesce(${p.role}::"StaffRole", role),
      active = coalesce(${p.active}::boolean, active),
      token_version = token_version + CASE WHEN ${p.ended}::boolean THEN 1 ELSE 0 END
    WHERE id = ${p.id}::uuid`,
);
const CLEAR_PASSWORD = statement<{ id: string }>(
  "staff.clear-password",
  (p) => sql`UPDATE staff_user SET password_hash = NULL, token_version = token_version + 1 WHERE id = ${p.id}::uuid`,
);

/** Locks an account of the actor's location that the actor may manage. */
async function lockTarget(db: SqlRunner, actor: StaffPrincipal, id: string): Promise<z.output<typeof Target>> {
  const target = await db.row(Target, LOCK_TARGET, { id, locationId: actor.locationId });
  if (!target) throw AppError.notFound("staff account");
  if (!canManageRole(actor.role, target.role)) throw forbidden(actor.role, target.role);
  return target;
}

/**
 * Renames, changes the role of, deactivates or reactivates an account. Nobody changes their
 * own role or deactivates themselves (so a location always keeps the owner doing this).
 */
export async function updateStaff(
  prisma: PrismaClient,
  actor: StaffPrincipal,
  id: string,
  input: z.output<typeof UpdateStaffBody>,
): Promise<AccountChange> {
  return sqlTransaction(prisma, async (db) => {
    const target = await lockTarget(db, actor, id);
    const roleChanges = input.role !== undefined && input.role !== target.role;
    const deactivates = input.active === false && target.active;
    if (target.id === actor.staffId && (roleChanges || input.active === false)) {
      throw new AppError("CONFLICT", "you cannot change your own role or deactivate your own account; ask another owner");
    }
    if (input.role !== undefined && !canManageRole(actor.role, input.role)) throw forbidden(actor.role, input.role);
    const ended = roleChanges || deactivates;
    await db.run(UPDATE, {
      id,
      displayName: input.displayName ?? null,
      role: input.role ?? null,
      active: input.active ?? null,
      ended,
    });
    return { staff: await one(db, actor.locationId, id), ended };
  });
}

/** Clears the password (the old one stops working), ends every token, and issues a new link. */
export async function resetPassword(prisma: PrismaClient, actor: StaffPrincipal, id: string, publicUrl: string): Promise<AccountChange> {
  return sqlTransaction(prisma, async (db) => {
    const target = await lockTarget(db, actor, id);
    if (target.id === actor.staffId) throw new AppError("CONFLICT", "change your own password from your account menu");
    if (!target.active) throw new AppError("CONFLICT", "this account is deactivated; reactivate it first");
    await db.run(CLEAR_PASSWORD, { id });
    const setupLink = await issueSetupLink(db, id, publicUrl);
    return { staff: await one(db, actor.locationId, id), setupLink, ended: true };
  });
}
