/**
 * A location's products: staff create, edit (with a version: an edit made from an older
 * version is refused, so two staff editing at once never silently lose one edit), hide,
 * archive and restore them; phones read the visible menu. Products are never deleted:
 * past orders refer to them (and keep their own snapshot of names and prices).
 */
import { type CreateProductBody, LIMITS, type MenuResponse, type ProductDto, priceRange, type UpdateProductBody } from "@ordered/contract";
import { z } from "zod";
import { isUniqueViolation } from "../db/errors.js";
import type { PrismaClient } from "../db/prisma.js";
import { type Sql, type SqlRunner, sql, sqlOn, sqlTransaction } from "../db/sql.js";
import { AppError } from "../errors.js";
import { loadCategories } from "./categories.service.js";
import { loadProducts } from "./product-dto.sql.js";

type CreateInput = z.output<typeof CreateProductBody>;
type UpdateInput = z.output<typeof UpdateProductBody>;
type GroupsInput = CreateInput["optionGroups"];

/** The staff's list: every product not archived (or all), in menu order. */
export async function listProducts(prisma: PrismaClient, locationId: string, includeArchived = false): Promise<ProductDto[]> {
  return loadProducts(
    sqlOn(prisma),
    includeArchived ? sql`p.location_id = ${locationId}::uuid` : sql`p.location_id = ${locationId}::uuid AND p.archived_at IS NULL`,
  );
}

export async function getProduct(prisma: PrismaClient, locationId: string, productId: string): Promise<ProductDto> {
  const [product] = await loadProducts(sqlOn(prisma), sql`p.id = ${productId}::uuid AND p.location_id = ${locationId}::uuid`);
  if (!product) throw AppError.notFound("product");
  return product;
}

/** What a phone shows: visible categories in order, and their visible products. */
export async function loadMenu(prisma: PrismaClient, locationId: string): Promise<MenuResponse> {
  const db = sqlOn(prisma);
  const location = await db.row(TimeZoneRow, sql`SELECT time_zone FROM location WHERE id = ${locationId}::uuid`);
  const categories = (await loadCategories(db, locationId)).filter((c) => !c.hidden);
  const products = await loadProducts(
    db,
    sql`p.location_id = ${locationId}::uuid AND p.archived_at IS NULL AND NOT p.hidden AND NOT cat.hidden`,
  );
  return { categories, products, timeZone: location?.time_zone ?? "UTC" };
}

const TimeZoneRow = z.strictObject({ time_zone: z.string() });
const IdRow = z.strictObject({ id: z.uuid() });
const Current = z.strictObject({ version: z.number().int(), name: z.string(), archived: z.boolean(), price_cents: z.number().int() });

const duplicateName = (name: string) => new AppError("CONFLICT", `a product named "${name}" is already on the menu`);

export async function createProduct(prisma: PrismaClient, locationId: string, input: CreateInput): Promise<ProductDto> {
  assertPriceBound(input.name, input.priceCents, input.optionGroups);
  const id = await sqlTransaction(prisma, async (db) => {
    await assertCategory(db, locationId, input.categoryId);
    const created = await write(
      () =>
        db.row(
          IdRow,
          sql`INSERT INTO product (id, location_id, name, description, category_id, price_cents, currency, available, stock, hidden,
                                   allergens, tags, version, updated_at)
              SELECT gen_random_uuid(), l.id, ${input.name}, ${input.description}, ${input.categoryId}::uuid, ${input.priceCents}, l.currency,
                     ${input.available}, ${input.stock}, ${input.hidden}, ${input.allergens}::text[], ${input.tags}::text[], 0, now()
              FROM location l WHERE l.id = ${locationId}::uuid
              RETURNING id`,
        ),
      input.name,
    );
    if (!created) throw AppError.notFound("location");
    await replaceOptionGroups(db, created.id, input.optionGroups);
    return created.id;
  });
  return getProduct(prisma, locationId, id);
}

/**
 * Applies an edit made from `input.version`. The product row is locked and its version
 * compared: an edit from an older version is refused (CONFLICT) and changes nothing; a
 * change raises the version. `optionGroups`, when given, is the whole new list.
 */
export async function updateProduct(prisma: PrismaClient, locationId: string, productId: string, input: UpdateInput): Promise<ProductDto> {
  await sqlTransaction(prisma, async (db) => {
    const current = await lockProduct(db, locationId, productId);
    if (current.version !== input.version) {
      throw new AppError("CONFLICT", `${current.name} was changed by someone else since you opened it; reload to see the newer version`);
    }
    if (current.archived) throw new AppError("CONFLICT", `${current.name} is archived; restore it first`);
    if (input.categoryId) await assertCategory(db, locationId, input.categoryId);
    if (input.priceCents !== undefined || input.optionGroups) {
      const groups = input.optionGroups ?? (await currentGroups(db, productId));
      assertPriceBound(input.name ?? current.name, input.priceCents ?? current.price_cents, groups);
    }
    await write(
      () =>
        db.run(sql`
          UPDATE product SET
            name = coalesce(${input.name ?? null}, name),
            description = coalesce(${input.description ?? null}, description),
            category_id = coalesce(${input.categoryId ?? null}::uuid, category_id),
            price_cents = coalesce(${input.priceCents ?? null}::int, price_cents),
            available = coalesce(${input.available ?? null}::boolean, available),
            stock = CASE WHEN ${input.stock !== undefined} THEN ${input.stock ?? null}::int ELSE stock END,
            hidden = coalesce(${input.hidden ?? null}::boolean, hidden),
            allergens = coalesce(${input.allergens ?? null}::text[], allergens),
            tags = coalesce(${input.tags ?? null}::text[], tags),
            version = version + 1, updated_at = now()
          WHERE id = ${productId}::uuid`),
      input.name ?? current.name,
    );
    if (input.optionGroups) await replaceOptionGroups(db, productId, input.optionGroups);
  });
  return getProduct(prisma, locationId, productId);
}

/** The sold-out toggle: no version needed (it changes one flag), but it raises the version. */
export async function setAvailability(prisma: PrismaClient, locationId: string, productId: string, available: boolean) {
  return setFlag(prisma, locationId, productId, sql`available = ${available}`, sql`available IS DISTINCT FROM ${available}`);
}

/** Archive (off the products page and the menu) or restore; doing it twice changes nothing. */
export async function setArchived(prisma: PrismaClient, locationId: string, productId: string, archived: boolean) {
  try {
    return await setFlag(
      prisma,
      locationId,
      productId,
      archived ? sql`archived_at = now()` : sql`archived_at = NULL`,
      archived ? sql`archived_at IS NULL` : sql`archived_at IS NOT NULL`,
    );
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const { name } = await getProduct(prisma, locationId, productId);
    throw new AppError("CONFLICT", `another product named "${name}" is on the menu; rename one of them first`);
  }
}

async function setFlag(
  prisma: PrismaClient,
  locationId: string,
  productId: string,
  set: Sql,
  changes: Sql,
): Promise<{ product: ProductDto; changed: boolean }> {
  const changed = await sqlOn(prisma).run(sql`
    UPDATE product SET ${set}, version = version + 1, updated_at = now()
    WHERE id = ${productId}::uuid AND location_id = ${locationId}::uuid AND ${changes}`);
  return { product: await getProduct(prisma, locationId, productId), changed: changed > 0 };
}

async function lockProduct(db: SqlRunner, locationId: string, productId: string) {
  const row = await db.row(
    Current,
    sql`SELECT version, name, archived_at IS NOT NULL AS archived, price_cents FROM product
        WHERE id = ${productId}::uuid AND location_id = ${locationId}::uuid FOR NO KEY UPDATE`,
  );
  if (!row) throw AppError.notFound("product");
  return row;
}

async function assertCategory(db: SqlRunner, locationId: string, categoryId: string): Promise<void> {
  const found = await db.row(IdRow, sql`SELECT id FROM category WHERE id = ${categoryId}::uuid AND location_id = ${locationId}::uuid`);
  if (!found) throw new AppError("NOT_FOUND", "category not found");
}

async function write<T>(run: () => Promise<T>, name: string): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateName(name);
    throw err;
  }
}

/**
 * Every valid choice must keep a line's unit price at zero or more (a negative line would
 * lower the bill and the day's takings) and within the bound every total relies on.
 */
function assertPriceBound(name: string, priceCents: number, groups: GroupsInput): void {
  const { cheapest, dearest } = priceRange({ priceCents, optionGroups: groups });
  if (cheapest < 0) {
    throw new AppError(
      "VALIDATION_FAILED",
      `body.optionGroups: ${name} with its cheapest choices would cost ${cheapest} cents: no choice may take a line below zero`,
    );
  }
  if (dearest > LIMITS.product.maxUnitPriceCents) {
    throw new AppError(
      "VALIDATION_FAILED",
      `body.optionGroups: ${name} with its dearest choices would cost ${dearest} cents, more than the ${LIMITS.product.maxUnitPriceCents} allowed`,
    );
  }
}

const GroupRow = z.strictObject({
  name: z.string(),
  min_choices: z.number().int(),
  max_choices: z.number().int(),
  deltas: z.array(z.number().int()),
});

async function currentGroups(db: SqlRunner, productId: string): Promise<GroupsInput> {
  const rows = await db.rows(
    GroupRow,
    sql`SELECT g.name, g.min_choices, g.max_choices,
               (SELECT coalesce(array_agg(o.price_delta_cents), '{}') FROM product_option o WHERE o.group_id = g.id) AS deltas
        FROM option_group g WHERE g.product_id = ${productId}::uuid`,
  );
  return rows.map((g) => ({
    name: g.name,
    minChoices: g.min_choices,
    maxChoices: g.max_choices,
    options: g.deltas.map((d, i) => ({ name: `option ${i + 1}`, priceDeltaCents: d, available: true })),
  }));
}

const OwnedRow = z.strictObject({ group_ids: z.array(z.uuid()), option_ids: z.array(z.uuid()) });

/**
 * Makes the product's option groups exactly `groups`: those with an id (which must be this
 * product's) are updated, new ones inserted, missing ones deleted with their options. Order
 * lines keep their own snapshot of what was chosen, so nothing past changes.
 */
async function replaceOptionGroups(db: SqlRunner, productId: string, groups: GroupsInput): Promise<void> {
  const owned = await db.row(
    OwnedRow,
    sql`SELECT coalesce((SELECT array_agg(id) FROM option_group WHERE product_id = ${productId}::uuid), '{}') AS group_ids,
               coalesce((SELECT array_agg(o.id) FROM product_option o JOIN option_group g ON g.id = o.group_id
                         WHERE g.product_id = ${productId}::uuid), '{}') AS option_ids`,
  );
  const groupIds = new Set(owned?.group_ids);
  const optionIds = new Set(owned?.option_ids);
  for (const g of groups) {
    if (g.id && !groupIds.has(g.id)) throw new AppError("NOT_FOUND", `option group ${g.id} is not one of this product's`);
    for (const o of g.options)
      if (o.id && !optionIds.has(o.id)) throw new AppError("NOT_FOUND", `option ${o.id} is not one of this product's`);
  }
  const keptGroups = groups.flatMap((g) => (g.id ? [g.id] : []));
  const keptOptions = groups.flatMap((g) => g.options.flatMap((o) => (o.id ? [o.id] : [])));
  await db.run(sql`DELETE FROM option_group WHERE product_id = ${productId}::uuid AND NOT (id = ANY(${keptGroups}::uuid[]))`);
  await db.run(sql`
    DELETE FROM product_option o USING option_group g
    WHERE o.group_id = g.id AND g.product_id = ${productId}::uuid AND NOT (o.id = ANY(${keptOptions}::uuid[]))`);
  for (const [position, g] of groups.entries()) {
    const group = await db.row(
      IdRow,
      sql`INSERT INTO option_group (id, product_id, name, min_choices, max_choices, position)
          VALUES (coalesce(${g.id ?? null}::uuid, gen_random_uuid()), ${productId}::uuid, ${g.name}, ${g.minChoices}, ${g.maxChoices}, ${position})
          ON CONFLICT (id) DO UPDATE SET name = excluded.name, min_choices = excluded.min_choices,
            max_choices = excluded.max_choices, position = excluded.position
          RETURNING id`,
    );
    if (!group) throw new Error("option group not written");
    for (const [optionPosition, o] of g.options.entries()) {
      await db.run(sql`
        INSERT INTO product_option (id, group_id, name, price_delta_cents, available, position)
        VALUES (coalesce(${o.id ?? null}::uuid, gen_random_uuid()), ${group.id}::uuid, ${o.name}, ${o.priceDeltaCents}, ${o.available}, ${optionPosition})
        ON CONFLICT (id) DO UPDATE SET group_id = excluded.group_id, name = excluded.name,
          price_delta_cents = excluded.price_delta_cents, available = excluded.available, position = excluded.position`);
    }
  }
}
