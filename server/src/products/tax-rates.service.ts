/**
 * A location's tax rates (issue 33): "Standard" 19 %, "Reduced" 7 %… A category names the rate
 * its products are sold at and a product may name its own (products.service.ts); placement
 * copies the rate onto each line, so changing or renaming a rate moves no line already ordered.
 * Added, renamed, re-rated, deleted only while no category or product (archived ones too)
 * names it. The database's trigger bumps the menu version on every change (placement re-reads).
 */
import { LIMITS, TaxRateDto, type UpdateTaxRateBody } from "@ordered/contract";
import { z } from "zod";
import { isForeignKeyViolation, isUniqueViolation } from "../db/errors.js";
import type { PrismaClient } from "../db/prisma.js";
import { type SqlRunner, sql, sqlOn, sqlTransaction, statement } from "../db/sql.js";
import { AppError } from "../errors.js";

const Row = z.strictObject({ dto: TaxRateDto });
const TAX_RATE_JSON = sql`json_build_object('id', tr.id, 'name', tr.name, 'rateBps', tr.rate_bps, 'position', tr.position)`;

const LIST = statement<{ locationId: string; id: string | null }>(
  "tax-rates.list",
  (p) => sql`SELECT ${TAX_RATE_JSON} AS dto FROM tax_rate tr
    WHERE tr.location_id = ${p.locationId}::uuid AND (${p.id}::uuid IS NULL OR tr.id = ${p.id}::uuid)
    ORDER BY tr.position, tr.id`,
);
/** The location row orders concurrent additions, so the count and the positions hold. */
const LOCK_LOCATION = statement<{ locationId: string }>(
  "tax-rates.lock-location",
  (p) => sql`SELECT 1 FROM location WHERE id = ${p.locationId}::uuid FOR NO KEY UPDATE`,
);
const COUNT = statement<{ locationId: string }>(
  "tax-rates.count",
  (p) => sql`SELECT count(*)::int AS n FROM tax_rate WHERE location_id = ${p.locationId}::uuid`,
);
const CREATE = statement<{ locationId: string; name: string; rateBps: number }>(
  "tax-rates.create",
  (p) => sql`INSERT INTO tax_rate (id, location_id, name, rate_bps, position)
    SELECT gen_random_uuid(), ${p.locationId}::uuid, ${p.name}, ${p.rateBps}::int,
           coalesce((SELECT max(position) + 1 FROM tax_rate WHERE location_id = ${p.locationId}::uuid), 0)
    RETURNING id`,
);
const UPDATE = statement<{ id: string; locationId: string; name: string | null; rateBps: number | null }>(
  "tax-rates.update",
  (p) => sql`UPDATE tax_rate SET name = coalesce(${p.name}, name), rate_bps = coalesce(${p.rateBps}::int, rate_bps)
    WHERE id = ${p.id}::uuid AND location_id = ${p.locationId}::uuid`,
);
/**
 * The rate locked against new users: a category or product naming it checks the key (FOR KEY
 * SHARE, the foreign key's check), which waits for this lock; USAGE, a statement of its own
 * after it, then sees every user committed before.
 */
const LOCK = statement<{ id: string; locationId: string }>(
  "tax-rates.lock",
  (p) => sql`SELECT name FROM tax_rate WHERE id = ${p.id}::uuid AND location_id = ${p.locationId}::uuid FOR UPDATE`,
);
const USAGE = statement<{ id: string }>(
  "tax-rates.usage",
  (p) => sql`SELECT
      (SELECT coalesce(array_agg(c.name ORDER BY c.position, c.id), '{}') FROM category c WHERE c.tax_rate_id = ${p.id}::uuid) AS categories,
      (SELECT coalesce(array_agg(CASE WHEN pr.archived_at IS NULL THEN pr.name ELSE pr.name || ' (archived)' END
                                 ORDER BY pr.archived_at IS NOT NULL, lower(pr.name), pr.id), '{}')
         FROM product pr WHERE pr.tax_rate_id = ${p.id}::uuid) AS products`,
);
const DELETE = statement<{ id: string }>("tax-rates.delete", (p) => sql`DELETE FROM tax_rate WHERE id = ${p.id}::uuid`);
const FIND = statement<{ id: string; locationId: string }>(
  "tax-rates.find",
  (p) => sql`SELECT id FROM tax_rate WHERE id = ${p.id}::uuid AND location_id = ${p.locationId}::uuid`,
);

export async function loadTaxRates(db: SqlRunner, locationId: string, id?: string): Promise<TaxRateDto[]> {
  const rows = await db.rows(Row, LIST, { locationId, id: id ?? null });
  return rows.map((r) => r.dto);
}

const duplicate = (name: string) => new AppError("CONFLICT", `a tax rate named "${name}" already exists`);

async function one(db: SqlRunner, locationId: string, id: string): Promise<TaxRateDto> {
  const [rate] = await loadTaxRates(db, locationId, id);
  if (!rate) throw AppError.notFound("tax rate");
  return rate;
}

/**
 * That `taxRateId` (when one is given) is a rate of this location: another location's is "not
 * found", like any of its things. Categories and products call it before they name a rate.
 */
export async function assertTaxRate(db: SqlRunner, locationId: string, taxRateId: string | null | undefined): Promise<void> {
  if (!taxRateId) return;
  const row = await db.row(z.strictObject({ id: z.uuid() }), FIND, { id: taxRateId, locationId });
  if (!row) throw AppError.notFound("tax rate");
}

/**
 * `write`, which names `taxRateId`: a rate deleted between the check and the write fails the
 * foreign key; that is the rate "not found", as if the check had come after the delete.
 */
export async function namingTaxRate<T>(
  db: SqlRunner,
  locationId: string,
  taxRateId: string | null | undefined,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (taxRateId && isForeignKeyViolation(err)) await assertTaxRate(db, locationId, taxRateId);
    throw err;
  }
}

/** Adds a rate after the others. */
export async function createTaxRate(
  prisma: PrismaClient,
  locationId: string,
  input: { name: string; rateBps: number },
): Promise<TaxRateDto> {
  return sqlTransaction(prisma, async (db) => {
    await db.run(LOCK_LOCATION, { locationId });
    const count = await db.row(z.strictObject({ n: z.number().int() }), COUNT, { locationId });
    if ((count?.n ?? 0) >= LIMITS.tax.maxRates) {
      throw new AppError("CONFLICT", `a location has at most ${LIMITS.tax.maxRates} tax rates`);
    }
    const created = await db
      .row(z.strictObject({ id: z.uuid() }), CREATE, { locationId, name: input.name, rateBps: input.rateBps })
      .catch((err: unknown) => {
        throw isUniqueViolation(err) ? duplicate(input.name) : err;
      });
    if (!created) throw new Error("tax rate not created");
    return one(db, locationId, created.id);
  });
}

/** Renames a rate or changes its rate: lines already ordered keep the rate they were ordered at. */
export async function updateTaxRate(
  prisma: PrismaClient,
  locationId: string,
  id: string,
  input: z.output<typeof UpdateTaxRateBody>,
): Promise<TaxRateDto> {
  const db = sqlOn(prisma);
  const changed = await db
    .run(UPDATE, { id, locationId, name: input.name ?? null, rateBps: input.rateBps ?? null })
    .catch((err: unknown) => {
      throw isUniqueViolation(err) ? duplicate(input.name ?? "") : err;
    });
  if (changed === 0) throw AppError.notFound("tax rate");
  return one(db, locationId, id);
}

const Usage = z.strictObject({ categories: z.array(z.string()), products: z.array(z.string()) });

/** "Pizza, Pasta and 3 more". */
function listed(names: readonly string[], max = 5): string {
  const shown = names.slice(0, max).join(", ");
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}

/** Deletes a rate no category or product names; one in use is a CONFLICT naming who uses it (nothing changes). */
export async function deleteTaxRate(prisma: PrismaClient, locationId: string, id: string): Promise<void> {
  await sqlTransaction(prisma, async (db) => {
    const rate = await db.row(z.strictObject({ name: z.string() }), LOCK, { id, locationId });
    if (!rate) throw AppError.notFound("tax rate");
    const usage = await db.row(Usage, USAGE, { id });
    const users = [
      ...(usage?.categories.length ? [`categories ${listed(usage.categories)}`] : []),
      ...(usage?.products.length ? [`products ${listed(usage.products)}`] : []),
    ];
    if (users.length > 0) {
      throw new AppError("CONFLICT", `the tax rate "${rate.name}" is in use by ${users.join(" and ")}: give them another rate first`);
    }
    await db.run(DELETE, { id }).catch((err: unknown) => {
      // Not expected (the lock keeps new users out), but never a 500 for a rate in use.
      throw isForeignKeyViolation(err)
        ? new AppError("CONFLICT", `the tax rate "${rate.name}" is in use: give its users another rate first`)
        : err;
    });
  });
}
