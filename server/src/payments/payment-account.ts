/**
 * A location's payment provider account (payment_account): its owner sets the keys on the
 * settings page; guests pay on their phones only while one is set. The secrets stay on the
 * server: what is read back is a hint of the key ("sk_test_…4f2a") and who set it when.
 */
import { type PaymentAccountBody, PaymentAccountDto } from "@ordered/contract";
import { z } from "zod";
import type { StaffPrincipal } from "../auth/tokens.js";
import type { PrismaClient } from "../db/prisma.js";
import { CLOCK, isoText, type SqlRunner, sql, sqlOn, statement } from "../db/sql.js";
import type { ProviderAccount } from "./provider.js";

const ACCOUNT_DTO = sql`json_build_object('provider', a.provider,
  'secretKeyHint', substring(a.secret_key from '^[a-z]+_[a-z]+_') || '…' || right(a.secret_key, 4),
  'testMode', a.secret_key LIKE '%\\_test\\_%',
  'updatedAt', ${isoText("a.updated_at")}, 'updatedBy', (SELECT display_name FROM staff_user WHERE id = a.updated_by_id))`;

const DtoRow = z.strictObject({ account: PaymentAccountDto });
const SecretRow = z.strictObject({ provider: z.literal("STRIPE"), secret_key: z.string(), webhook_secret: z.string() });

const READ = statement<{ locationId: string }>(
  "payment-account.read",
  (p) => sql`SELECT ${ACCOUNT_DTO} AS account FROM payment_account a WHERE a.location_id = ${p.locationId}::uuid`,
);
const SECRETS = statement<{ locationId: string }>(
  "payment-account.secrets",
  (p) => sql`SELECT provider, secret_key, webhook_secret FROM payment_account WHERE location_id = ${p.locationId}::uuid`,
);
const UPSERT = statement<{ locationId: string; provider: string; secretKey: string; webhookSecret: string; staffId: string }>(
  "payment-account.upsert",
  (p) => sql`
    INSERT INTO payment_account AS a (location_id, provider, secret_key, webhook_secret, updated_at, updated_by_id)
    VALUES (${p.locationId}::uuid, ${p.provider}, ${p.secretKey}, ${p.webhookSecret}, ${CLOCK}, ${p.staffId}::uuid)
    ON CONFLICT (location_id) DO UPDATE SET provider = EXCLUDED.provider, secret_key = EXCLUDED.secret_key,
      webhook_secret = EXCLUDED.webhook_secret, updated_at = EXCLUDED.updated_at, updated_by_id = EXCLUDED.updated_by_id
    RETURNING ${ACCOUNT_DTO} AS account`,
);
const REMOVE = statement<{ locationId: string }>(
  "payment-account.remove",
  (p) => sql`DELETE FROM payment_account WHERE location_id = ${p.locationId}::uuid`,
);

export async function getPaymentAccount(prisma: PrismaClient, locationId: string): Promise<PaymentAccountDto | null> {
  return (await sqlOn(prisma).row(DtoRow, READ, { locationId }))?.account ?? null;
}

export async function setPaymentAccount(
  prisma: PrismaClient,
  staff: StaffPrincipal,
  body: z.output<typeof PaymentAccountBody>,
): Promise<PaymentAccountDto> {
  const row = await sqlOn(prisma).row(DtoRow, UPSERT, { locationId: staff.locationId, ...body, staffId: staff.staffId });
  if (!row) throw new Error("the payment account just saved is not there");
  return row.account;
}

export async function removePaymentAccount(prisma: PrismaClient, locationId: string): Promise<void> {
  await sqlOn(prisma).run(REMOVE, { locationId });
}

/** The keys to call the provider with, or null: the location takes no payments on phones. */
export async function providerAccount(db: SqlRunner, locationId: string): Promise<ProviderAccount | null> {
  const row = await db.row(SecretRow, SECRETS, { locationId });
  return row ? { provider: row.provider, secretKey: row.secret_key, webhookSecret: row.webhook_secret } : null;
}
