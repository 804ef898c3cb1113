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
import { type SqlRunner, sql, sqlTransaction } from "../db/sql.js";
import { AppError } from "../errors.js";
import { issueSetupLink } from "./setup-links.js";

const Row = z.strictObject({ dto: StaffAccountDto });
const ACCOUNT_JSON = sql`json_build_object('id', su.id, 'email', su.email, 'displayName', su.display_name, 'role', su.role,
  'active', su.active, 'passwordSet', su.password_hash IS NOT NULL,
  'createdAt', to_char(su.created_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`;
const ROLE_ORDER = sql`array_position(${[...STAFF_ROLES]}::text[], su.role::text)`;

export async function listStaff(db: SqlRunner, locationId: string, id?: string): Promise<StaffAccountDto[]> {
  const rows = await db.rows(
    Row,
    sql`SELECT ${ACCOUNT_JSON} AS dto FROM staff_user su
        WHERE su.location_id = ${locationId}::uuid AND (${id ?? null}::uuid IS NULL OR su.id = ${id ?? null}::uuid)
        ORDER BY su.active DESC, ${ROLE_ORDER}, lower(su.display_name), su.id`,
  );
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
      .row(
        z.strictObject({ id: z.uuid() }),
        sql`INSERT INTO staff_user (id, location_id, email, password_hash, display_name, role)
            VALUES (gen_random_uuid(), ${actor.locationId}::uuid, ${input.email}, NULL, ${input.displayName}, ${input.role}::"StaffRole")
            RETURNING id`,
      )
      .catch((err: unknown) => {
        throw isUniqueViolation(err) ? new AppError("CONFLICT", `an account with the email ${input.email} already exists`) : err;
      });
    if (!created) throw new Error("account not created");
    const setupLink = await issueSetupLink(db, created.id, publicUrl);
    return { staff: await one(db, actor.locationId, created.id), setupLink, ended: false };
  });
}

const Target = z.strictObject({ id: z.uuid(), role: z.enum(STAFF_ROLES), active: z.boolean() });

/** Locks an account of the actor's location that the actor may manage. */
async function lockTarget(db: SqlRunner, actor: StaffPrincipal, id: string): Promise<z.output<typeof Target>> {
  const target = await db.row(
    Target,
    sql`SELECT id, role, active FROM staff_user WHERE id = ${id}::uuid AND location_id = ${actor.locationId}::uuid FOR UPDATE`,
  );
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
    await db.run(sql`
      UPDATE staff_user SET
        display_name = coalesce(${input.displayName ?? null}, display_name),
        role = coalesce(${input.role ?? null}::"StaffRole", role),
        active = coalesce(${input.active ?? null}::boolean, active),
        token_version = token_version + ${ended ? 1 : 0}
      WHERE id = ${id}::uuid`);
    return { staff: await one(db, actor.locationId, id), ended };
  });
}

/** Clears the password (the old one stops working), ends every token, and issues a new link. */
export async function resetPassword(prisma: PrismaClient, actor: StaffPrincipal, id: string, publicUrl: string): Promise<AccountChange> {
  return sqlTransaction(prisma, async (db) => {
    const target = await lockTarget(db, actor, id);
    if (target.id === actor.staffId) throw new AppError("CONFLICT", "change your own password from your account menu");
    if (!target.active) throw new AppError("CONFLICT", "this account is deactivated; reactivate it first");
    await db.run(sql`UPDATE staff_user SET password_hash = NULL, token_version = token_version + 1 WHERE id = ${id}::uuid`);
    const setupLink = await issueSetupLink(db, id, publicUrl);
    return { staff: await one(db, actor.locationId, id), setupLink, ended: true };
  });
}
