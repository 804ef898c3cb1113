/**
 * One-time links that let an account set its password: a new account, or one whose password
 * was reset. The token (192 random bits) travels in the link's #fragment, so it reaches no
 * server log; only its SHA-256 is stored. A new link replaces the account's unused ones.
 */
import { createHash, randomBytes } from "node:crypto";
import { LIMITS, type SetupLinkDto } from "@ordered/contract";
import { z } from "zod";
import { isoText, type SqlRunner, sql, statement, utc } from "../db/sql.js";
import { AppError } from "../errors.js";

export const hashSetupToken = (token: string): string => createHash("sha256").update(token, "utf8").digest("hex");

/** The answer for a link that is unknown, used, replaced or expired: one message, nothing to learn. */
export const deadLink = (): AppError =>
  new AppError("NOT_FOUND", "this link is no longer valid (used, replaced or expired); ask for a new one");

const DROP_UNUSED = statement<{ staffId: string }>(
  "staff.drop-unused-links",
  (p) => sql`DELETE FROM staff_setup_token WHERE staff_id = ${p.staffId}::uuid AND used_at IS NULL`,
);
const INSERT_LINK = statement<{ tokenHash: string; staffId: string; expiresAt: Date }>(
  "staff.insert-link",
  (p) => sql`
    INSERT INTO staff_setup_token (token_hash, staff_id, expires_at)
    VALUES (${p.tokenHash}, ${p.staffId}::uuid, ${utc(p.expiresAt)})`,
);

/** Issues a link for `staffId` in the caller's transaction, replacing its unused ones. */
export async function issueSetupLink(db: SqlRunner, staffId: string, publicUrl: string): Promise<SetupLinkDto> {
  const token = randomBytes(24).toString("base64url");
  const expiresAt = new Date(Date.now() + LIMITS.auth.setupLinkHours * 3600_000);
  await db.run(DROP_UNUSED, { staffId });
  await db.run(INSERT_LINK, { tokenHash: hashSetupToken(token), staffId, expiresAt });
  return { url: `${publicUrl}/setup#${token}`, expiresAt: expiresAt.toISOString() };
}

const LinkRow = z.strictObject({
  staff_id: z.uuid(),
  email: z.string(),
  display_name: z.string(),
  location_name: z.string(),
  expires_at: z.string(),
});

const READ_LINK = statement<{ tokenHash: string }>(
  "staff.read-link",
  (p) => sql`
    SELECT su.id AS staff_id, su.email, su.display_name, l.name AS location_name, ${isoText("t.expires_at")} AS expires_at
    FROM staff_setup_token t JOIN staff_user su ON su.id = t.staff_id JOIN location l ON l.id = su.location_id
    WHERE t.token_hash = ${p.tokenHash} AND t.used_at IS NULL
      AND t.expires_at > (now() AT TIME ZONE 'UTC') AND su.active`,
);

/** Whose link this is, if it still works. */
export async function readSetupLink(db: SqlRunner, token: string): Promise<z.output<typeof LinkRow>> {
  const row = await db.row(LinkRow, READ_LINK, { tokenHash: hashSetupToken(token) });
  if (!row) throw deadLink();
  return row;
}

const SPEND_LINK = statement<{ tokenHash: string }>(
  "staff.spend-link",
  (p) => sql`
    UPDATE staff_setup_token SET used_at = (now() AT TIME ZONE 'UTC')
    WHERE token_hash = ${p.tokenHash} AND used_at IS NULL AND expires_at > (now() AT TIME ZONE 'UTC')
    RETURNING staff_id`,
);

/** Spends the link (once, even when two requests race) and returns its account. */
export async function spendSetupLink(db: SqlRunner, token: string): Promise<string> {
  const row = await db.row(z.strictObject({ staff_id: z.uuid() }), SPEND_LINK, { tokenHash: hashSetupToken(token) });
  if (!row) throw deadLink();
  return row.staff_id;
}
