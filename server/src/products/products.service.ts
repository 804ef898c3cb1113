/**
 * A location's products: staff create, edit (with a version: an edit made from an older
 * version is refused, so two staff editing at once never silently lose one edit), hide,
 * archive and restore them; phones read the visible menu. Products are never deleted:
 * past orders refer to them (and keep their own snapshot of names and prices).
 */
import {
  type Allergen,
  type CreateProductBody,
  type DietTag,
  LIMITS,
  MENU_LANGUAGES,
  type MenuResponse,
  type ProductDto,
  priceRange,
  SessionStatus,
  type UpdateProductBody,
} from "@ordered/contract";
import { z } from "zod";
import { isUniqueViolation } from "../db/errors.js";
import type { PrismaClient } from "../db/prisma.js";
import { type Args, type Params, type Sql, type SqlRunner, type Statement, sql, sqlOn, sqlTransaction, statement } from "../db/sql.js";
import { AppError } from "../errors.js";
import { loadCategories } from "./categories.service.js";
import { loadProducts, productsWhere } from "./product-dto.sql.js";
import { assertTaxRate, namingTaxRate } from "./tax-rates.service.js";
import { translationsJson } from "./translations.js";

type CreateInput = z.output<typeof CreateProductBody>;
type UpdateInput = z.output<typeof UpdateProductBody>;
type GroupsInput = CreateInput["optionGroups"];

const ALL = productsWhere<{ locationId: string }>("products.all", (p) => sql`p.location_id = ${p.locationId}::uuid`);
const LISTED = productsWhere<{ locationId: string }>(
  "products.listed",
  (p) => sql`p.location_id = ${p.locationId}::uuid AND p.archived_at IS NULL`,
);
const ONE = productsWhere<{ locationId: string; productId: string }>(
  "products.one",
  (p) => sql`p.id = ${p.productId}::uuid AND p.location_id = ${p.locationId}::uuid`,
);
const ON_MENU = productsWhere<{ locationId: string }>(
  "products.on-menu",
  (p) => sql`p.location_id = ${p.locationId}::uuid AND p.archived_at IS NULL AND NOT p.hidden AND NOT cat.hidden`,
);

/** The staff's list: every product not archived (or all), in menu order. */
export async function listProducts(prisma: PrismaClient, locationId: string, includeArchived = false): Promise<ProductDto[]> {
  return loadProducts(sqlOn(prisma), includeArchived ? ALL : LISTED, { locationId });
}

export async function getProduct(prisma: PrismaClient, locationId: string, productId: string): Promise<ProductDto> {
  const [product] = await loadProducts(sqlOn(prisma), ONE, { locationId, productId });
  if (!product) throw AppError.notFound("product");
  return product;
}

const LOAD_MENU_SQL = statement<{ locationId: string }>(
  "products.load-menu",
  (p) => sql`SELECT time_zone, menu_language FROM location WHERE id = ${p.locationId}::uuid`,
);

const SESSION_STATUS = statement<{ sessionId: string }>(
  "products.session-status",
  (p) => sql`SELECT status FROM order_session WHERE id = ${p.sessionId}::uuid`,
);
const StatusRow = z.strictObject({ status: SessionStatus });

/** The menu of a phone's session, while it is open. */
export async function loadPhoneMenu(prisma: PrismaClient, customer: { sessionId: string; locationId: string }): Promise<MenuResponse> {
  const session = await sqlOn(prisma).row(StatusRow, SESSION_STATUS, { sessionId: customer.sessionId });
  if (session?.status !== "OPEN") throw new AppError("SESSION_CLOSED", "this table's session is closed");
  return loadMenu(prisma, customer.locationId);
}

/** What a phone shows: visible categories in order, and their visible products. */
export async function loadMenu(prisma: PrismaClient, locationId: string): Promise<MenuResponse> {
  const db = sqlOn(prisma);
  const location = await db.row(TimeZoneRow, LOAD_MENU_SQL, { locationId });
  const categories = (await loadCategories(db, locationId)).filter((c) => !c.hidden);
  const products = await loadProducts(db, ON_MENU, { locationId });
  return { categories, products, timeZone: location?.time_zone ?? "UTC", menuLanguage: location?.menu_language ?? "en" };
}

const TimeZoneRow = z.strictObject({ time_zone: z.string(), menu_language: z.enum(MENU_LANGUAGES) });
const IdRow = z.strictObject({ id: z.uuid() });
const Current = z.strictObject({ version: z.number().int(), name: z.string(), archived: z.boolean(), price_cents: z.number().int() });

const duplicateName = (name: string) => new AppError("CONFLICT", `a product named "${name}" is already on the menu`);

const CREATE_PRODUCT_SQL = statement<{
  name: string;
  description: string;
  categoryId: string;
  priceCents: number;
  available: boolean;
  stock: number | null;
  hidden: boolean;
  allergens: Allergen[];
  tags: DietTag[];
  taxRateId: string | null;
  translations: string;
  locationId: string;
}>(
  "products.create-product",
  (p) => sql`INSERT INTO product (id, location_id, name, description, category_id, price_cents, currency, available, stock, hidden,
                                   allergens, tags, tax_rate_id, translations, version, updated_at)
              SELECT gen_random_uuid(), l.id, ${p.name}, ${p.description}, ${p.categoryId}::uuid, ${p.priceCents}, l.currency,
                     ${p.available}, ${p.stock}, ${p.hidden}, ${p.allergens}::text[], ${p.tags}::text[], ${p.taxRateId}::uuid,
                     ${p.translations}::jsonb, 0, now()
              FROM location l WHERE l.id = ${p.locationId}::uuid
              RETURNING id`,
);

export async function createProduct(prisma: PrismaClient, locationId: string, input: CreateInput): Promise<ProductDto> {
  assertPriceBound(input.name, input.priceCents, input.optionGroups);
  const id = await namingTaxRate(sqlOn(prisma), locationId, input.taxRateId, () =>
    sqlTransaction(prisma, async (db) => {
      await assertCategory(db, locationId, input.categoryId);
      await assertTaxRate(db, locationId, input.taxRateId);
      const created = await write(
        () =>
          db.row(IdRow, CREATE_PRODUCT_SQL, {
            name: input.name,
            description: input.description,
            categoryId: input.categoryId,
            priceCents: input.priceCents,
            available: input.available,
            stock: input.stock,
            hidden: input.hidden,
            allergens: input.allergens,
            tags: input.tags,
            taxRateId: input.taxRateId,
            translations: translationsJson(input.translations),
            locationId,
          }),
        input.name,
      );
      if (!created) throw AppError.notFound("location");
      await replaceOptionGroups(db, created.id, input.optionGroups);
      return created.id;
    }),
  );
  return getProduct(prisma, locationId, id);
}

const UPDATE_PRODUCT_SQL = statement<{
  name: string | null;
  description: string | null;
  categoryId: string | null;
  priceCents: number | null;
  available: boolean | null;
  v: boolean;
  stock: number | null;
  hidden: boolean | null;
  allergens: Allergen[] | null;
  tags: DietTag[] | null;
  taxRateGiven: boolean;
  taxRateId: string | null;
  translations: string | null;
  productId: string;
}>(
  "products.update-product",
  (p) => sql`
          UPDATE product SET
            name = coalesce(${p.name}, name),
            description = coalesce(${p.description}, description),
            category_id = coalesce(${p.categoryId}::uuid, category_id),
            price_cents = coalesce(${p.priceCents}::int, price_cents),
            available = coalesce(${p.available}::boolean, available),
            stock = CASE WHEN ${p.v} THEN ${p.stock}::int ELSE stock END,
            hidden = coalesce(${p.hidden}::boolean, hidden),
            allergens = coalesce(${p.allergens}::text[], allergens),
            tags = coalesce(${p.tags}::text[], tags),
            tax_rate_id = CASE WHEN ${p.taxRateGiven} THEN ${p.taxRateId}::uuid ELSE tax_rate_id END,
            translations = coalesce(${p.translations}::jsonb, translations),
            version = version + 1, updated_at = now()
          WHERE id = ${p.productId}::uuid`,
);

/**
 * Applies an edit made from `input.version`. The product row is locked and its version
 * compared: an edit from an older version is refused (CONFLICT) and changes nothing; a
 * change raises the version. `optionGroups`, when given, is the whole new list.
 */
export async function updateProduct(prisma: PrismaClient, locationId: string, productId: string, input: UpdateInput): Promise<ProductDto> {
  await namingTaxRate(sqlOn(prisma), locationId, input.taxRateId, () =>
    sqlTransaction(prisma, async (db) => {
      const current = await lockProduct(db, locationId, productId);
      if (current.version !== input.version) {
        throw new AppError("CONFLICT", `${current.name} was changed by someone else since you opened it; reload to see the newer version`);
      }
      if (current.archived) throw new AppError("CONFLICT", `${current.name} is archived; restore it first`);
      if (input.categoryId) await assertCategory(db, locationId, input.categoryId);
      await assertTaxRate(db, locationId, input.taxRateId);
      if (input.priceCents !== undefined || input.optionGroups) {
        const groups = input.optionGroups ?? (await currentGroups(db, productId));
        assertPriceBound(input.name ?? current.name, input.priceCents ?? current.price_cents, groups);
      }
      await write(
        () =>
          db.run(UPDATE_PRODUCT_SQL, {
            name: input.name ?? null,
            description: input.description ?? null,
            categoryId: input.categoryId ?? null,
            priceCents: input.priceCents ?? null,
            available: input.available ?? null,
            v: input.stock !== undefined,
            stock: input.stock ?? null,
            hidden: input.hidden ?? null,
            allergens: input.allergens ?? null,
            tags: input.tags ?? null,
            taxRateGiven: input.taxRateId !== undefined,
            taxRateId: input.taxRateId ?? null,
            translations: input.translations === undefined ? null : translationsJson(input.translations),
            productId,
          }),
        input.name ?? current.name,
      );
      if (input.optionGroups) await replaceOptionGroups(db, productId, input.optionGroups);
    }),
  );
  return getProduct(prisma, locationId, productId);
}

/** The sold-out toggle: no version needed (it changes one flag), but it raises the version. */
export async function setAvailability(prisma: PrismaClient, locationId: string, productId: string, available: boolean) {
  return setFlag(prisma, SET_AVAILABLE, { locationId, productId, available });
}

/** Archive (off the products page and the menu) or restore; doing it twice changes nothing. */
export async function setArchived(prisma: PrismaClient, locationId: string, productId: string, archived: boolean) {
  try {
    return await setFlag(prisma, archived ? ARCHIVE : RESTORE, { locationId, productId });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const { name } = await getProduct(prisma, locationId, productId);
    throw new AppError("CONFLICT", `another product named "${name}" is on the menu; rename one of them first`);
  }
}

interface Flagged {
  locationId: string;
  productId: string;
}

/** An update of one flag that raises the version, when it changes anything. */
const flagStatement = <P extends Flagged>(name: string, change: (p: Params<P>) => { set: Sql; changes: Sql }) =>
  statement<P>(name, (p) => {
    const { set, changes } = change(p);
    return sql`
      UPDATE product SET ${set}, version = version + 1, updated_at = now()
      WHERE id = ${p.productId}::uuid AND location_id = ${p.locationId}::uuid AND ${changes}`;
  });

const SET_AVAILABLE = flagStatement<Flagged & { available: boolean }>("products.set-available", (p) => ({
  set: sql`available = ${p.available}`,
  changes: sql`available IS DISTINCT FROM ${p.available}`,
}));
const ARCHIVE = flagStatement("products.archive", () => ({ set: sql`archived_at = now()`, changes: sql`archived_at IS NULL` }));
const RESTORE = flagStatement("products.restore", () => ({ set: sql`archived_at = NULL`, changes: sql`archived_at IS NOT NULL` }));

async function setFlag<P extends Flagged>(
  prisma: PrismaClient,
  flag: Statement<P>,
  params: P,
): Promise<{ product: ProductDto; changed: boolean }> {
  const changed = await sqlOn(prisma).run(flag, ...([params] as Args<P>));
  return { product: await getProduct(prisma, params.locationId, params.productId), changed: changed > 0 };
}

const LOCK_PRODUCT_SQL = statement<{ productId: string; locationId: string }>(
  "products.lock-product",
  (p) => sql`SELECT version, name, archived_at IS NOT NULL AS archived, price_cents FROM product
        WHERE id = ${p.productId}::uuid AND location_id = ${p.locationId}::uuid FOR NO KEY UPDATE`,
);

async function lockProduct(db: SqlRunner, locationId: string, productId: string) {
  const row = await db.row(Current, LOCK_PRODUCT_SQL, { productId, locationId });
  if (!row) throw AppError.notFound("product");
  return row;
}

const ASSERT_CATEGORY_SQL = statement<{ categoryId: string; locationId: string }>(
  "products.assert-category",
  (p) => sql`SELECT id FROM category WHERE id = ${p.categoryId}::uuid AND location_id = ${p.locationId}::uuid`,
);

async function assertCategory(db: SqlRunner, locationId: string, categoryId: string): Promise<void> {
  const found = await db.row(IdRow, ASSERT_CATEGORY_SQL, { categoryId, locationId });
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

const CURRENT_GROUPS_SQL = statement<{ productId: string }>(
  "products.current-groups",
  (p) => sql`SELECT g.name, g.min_choices, g.max_choices,
               (SELECT coalesce(array_agg(o.price_delta_cents), '{}') FROM product_option o WHERE o.group_id = g.id) AS deltas
        FROM option_group g WHERE g.product_id = ${p.productId}::uuid`,
);

async function currentGroups(db: SqlRunner, productId: string): Promise<GroupsInput> {
  const rows = await db.rows(GroupRow, CURRENT_GROUPS_SQL, { productId });
  return rows.map((g) => ({
    name: g.name,
    minChoices: g.min_choices,
    maxChoices: g.max_choices,
    translations: {},
    options: g.deltas.map((d, i) => ({ name: `option ${i + 1}`, priceDeltaCents: d, available: true, translations: {} })),
  }));
}

const OwnedRow = z.strictObject({ group_ids: z.array(z.uuid()), option_ids: z.array(z.uuid()) });

const CURRENT_OPTION_IDS_SQL = statement<{ productId: string }>(
  "products.current-option-ids",
  (p) => sql`SELECT coalesce((SELECT array_agg(id) FROM option_group WHERE product_id = ${p.productId}::uuid), '{}') AS group_ids,
               coalesce((SELECT array_agg(o.id) FROM product_option o JOIN option_group g ON g.id = o.group_id
                         WHERE g.product_id = ${p.productId}::uuid), '{}') AS option_ids`,
);

const DELETE_DROPPED_GROUPS_SQL = statement<{ productId: string; keptGroups: string[] }>(
  "products.delete-dropped-groups",
  (p) => sql`DELETE FROM option_group WHERE product_id = ${p.productId}::uuid AND NOT (id = ANY(${p.keptGroups}::uuid[]))`,
);

const DELETE_DROPPED_OPTIONS_SQL = statement<{ productId: string; keptOptions: string[] }>(
  "products.delete-dropped-options",
  (p) => sql`
    DELETE FROM product_option o USING option_group g
    WHERE o.group_id = g.id AND g.product_id = ${p.productId}::uuid AND NOT (o.id = ANY(${p.keptOptions}::uuid[]))`,
);

const UPSERT_OPTION_GROUP_SQL = statement<{
  id: string | null;
  productId: string;
  name: string;
  minChoices: number;
  maxChoices: number;
  position: number;
  translations: string;
}>(
  "products.upsert-option-group",
  (p) => sql`INSERT INTO option_group (id, product_id, name, min_choices, max_choices, position, translations)
          VALUES (coalesce(${p.id}::uuid, gen_random_uuid()), ${p.productId}::uuid, ${p.name}, ${p.minChoices}, ${p.maxChoices}, ${p.position},
                  ${p.translations}::jsonb)
          ON CONFLICT (id) DO UPDATE SET name = excluded.name, min_choices = excluded.min_choices,
            max_choices = excluded.max_choices, position = excluded.position, translations = excluded.translations
          RETURNING id`,
);

const UPSERT_OPTION_SQL = statement<{
  id: string | null;
  groupId: string;
  name: string;
  priceDeltaCents: number;
  available: boolean;
  optionPosition: number;
  translations: string;
}>(
  "products.upsert-option",
  (p) => sql`
        INSERT INTO product_option (id, group_id, name, price_delta_cents, available, position, translations)
        VALUES (coalesce(${p.id}::uuid, gen_random_uuid()), ${p.groupId}::uuid, ${p.name}, ${p.priceDeltaCents}, ${p.available}, ${p.optionPosition},
                ${p.translations}::jsonb)
        ON CONFLICT (id) DO UPDATE SET group_id = excluded.group_id, name = excluded.name,
          price_delta_cents = excluded.price_delta_cents, available = excluded.available, position = excluded.position,
          translations = excluded.translations`,
);

/**
 * Makes the product's option groups exactly `groups`: those with an id (which must be this
 * product's) are updated, new ones inserted, missing ones deleted with their options. Order
 * lines keep their own snapshot of what was chosen, so nothing past changes.
 */
async function replaceOptionGroups(db: SqlRunner, productId: string, groups: GroupsInput): Promise<void> {
  const owned = await db.row(OwnedRow, CURRENT_OPTION_IDS_SQL, { productId });
  const groupIds = new Set(owned?.group_ids);
  const optionIds = new Set(owned?.option_ids);
  for (const g of groups) {
    if (g.id && !groupIds.has(g.id)) throw new AppError("NOT_FOUND", `option group ${g.id} is not one of this product's`);
    for (const o of g.options)
      if (o.id && !optionIds.has(o.id)) throw new AppError("NOT_FOUND", `option ${o.id} is not one of this product's`);
  }
  const keptGroups = groups.flatMap((g) => (g.id ? [g.id] : []));
  const keptOptions = groups.flatMap((g) => g.options.flatMap((o) => (o.id ? [o.id] : [])));
  await db.run(DELETE_DROPPED_GROUPS_SQL, { productId, keptGroups });
  await db.run(DELETE_DROPPED_OPTIONS_SQL, { productId, keptOptions });
  for (const [position, g] of groups.entries()) {
    const group = await db.row(IdRow, UPSERT_OPTION_GROUP_SQL, {
      id: g.id ?? null,
      productId,
      name: g.name,
      minChoices: g.minChoices,
      maxChoices: g.maxChoices,
      position,
      translations: translationsJson(g.translations),
    });
    if (!group) throw new Error("option group not written");
    for (const [optionPosition, o] of g.options.entries()) {
      await db.run(UPSERT_OPTION_SQL, {
        id: o.id ?? null,
        groupId: group.id,
        name: o.name,
        priceDeltaCents: o.priceDeltaCents,
        available: o.available,
        optionPosition,
        translations: translationsJson(o.translations),
      });
    }
  }
}
