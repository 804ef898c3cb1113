/**
 * A location's menu sections: created, renamed, reordered, hidden, given a service window,
 * and deleted only when no product (archived ones included) is in them.
 */
import { CategoryDto, type CreateCategoryBody, LIMITS, type ReorderCategoriesBody, type UpdateCategoryBody } from "@ordered/contract";
import { z } from "zod";
import { isForeignKeyViolation, isUniqueViolation } from "../db/errors.js";
import type { PrismaClient } from "../db/prisma.js";
import { type SqlRunner, sql, sqlOn, sqlTransaction, statement } from "../db/sql.js";
import { AppError } from "../errors.js";
import { assertTaxRate, namingTaxRate } from "./tax-rates.service.js";
import { translationsJson } from "./translations.js";

const Row = z.strictObject({ dto: CategoryDto });
const CATEGORY_JSON = sql`json_build_object('id', c.id, 'name', c.name, 'description', c.description, 'position', c.position,
  'stationId', c.station_id, 'courseId', c.default_course_id, 'taxRateId', c.tax_rate_id,
  'hidden', c.hidden, 'availableFrom', c.available_from, 'availableUntil', c.available_until, 'translations', c.translations)`;

const LOAD_CATEGORIES_SQL = statement<{ locationId: string; id: string | null }>(
  "categories.load-categories",
  (p) => sql`SELECT ${CATEGORY_JSON} AS dto FROM category c
        WHERE c.location_id = ${p.locationId}::uuid AND (${p.id}::uuid IS NULL OR c.id = ${p.id}::uuid)
        ORDER BY c.position, lower(c.name), c.id`,
);

export async function loadCategories(db: SqlRunner, locationId: string, id?: string): Promise<CategoryDto[]> {
  const rows = await db.rows(Row, LOAD_CATEGORIES_SQL, { locationId, id: id ?? null });
  return rows.map((r) => r.dto);
}

const duplicate = (name: string) => new AppError("CONFLICT", `a category named "${name}" already exists`);

async function one(db: SqlRunner, locationId: string, id: string): Promise<CategoryDto> {
  const [category] = await loadCategories(db, locationId, id);
  if (!category) throw AppError.notFound("category");
  return category;
}

const IdRow = z.strictObject({ id: z.uuid() });

const FIRST_STATION_SQL = statement<{ locationId: string }>(
  "categories.first-station",
  (p) => sql`SELECT id FROM station WHERE location_id = ${p.locationId}::uuid ORDER BY position, id LIMIT 1`,
);

/** The location's first station: where a new category goes unless told otherwise. */
async function firstStation(db: SqlRunner, locationId: string): Promise<string> {
  const row = await db.row(IdRow, FIRST_STATION_SQL, { locationId });
  if (!row) throw new AppError("CONFLICT", "add a station (e.g. Kitchen) before adding categories");
  return row.id;
}

const ASSERT_STATION_SQL = statement<{ stationId: string; locationId: string }>(
  "categories.assert-station",
  (p) => sql`SELECT id FROM station WHERE id = ${p.stationId}::uuid AND location_id = ${p.locationId}::uuid`,
);

const ASSERT_COURSE_SQL = statement<{ courseId: string; locationId: string }>(
  "categories.assert-course",
  (p) => sql`SELECT id FROM course WHERE id = ${p.courseId}::uuid AND location_id = ${p.locationId}::uuid`,
);

/** A course of another location is "not found", like a station. */
async function assertCourse(db: SqlRunner, locationId: string, courseId: string | null | undefined): Promise<void> {
  if (!courseId) return;
  const row = await db.row(IdRow, ASSERT_COURSE_SQL, { courseId, locationId });
  if (!row) throw AppError.notFound("course");
}

/** A station of another location is "not found", like any of its things. */
async function assertStation(db: SqlRunner, locationId: string, stationId: string): Promise<void> {
  const row = await db.row(IdRow, ASSERT_STATION_SQL, { stationId, locationId });
  if (!row) throw AppError.notFound("station");
}

const COUNT_CATEGORIES_SQL = statement<{ locationId: string }>(
  "categories.count",
  (p) => sql`SELECT count(*)::int AS n FROM category WHERE location_id = ${p.locationId}::uuid`,
);

const INSERT_CATEGORY_SQL = statement<{
  locationId: string;
  name: string;
  description: string;
  hidden: boolean;
  availableFrom: string | null;
  availableUntil: string | null;
  stationId: string;
  courseId: string | null;
  taxRateId: string | null;
  translations: string;
}>(
  "categories.insert",
  (p) => sql`INSERT INTO category (id, location_id, name, description, position, hidden, available_from, available_until,
                                   station_id, default_course_id, tax_rate_id, translations)
          SELECT gen_random_uuid(), ${p.locationId}::uuid, ${p.name}, ${p.description},
                 coalesce((SELECT max(position) + 1 FROM category WHERE location_id = ${p.locationId}::uuid), 0),
                 ${p.hidden}, ${p.availableFrom}, ${p.availableUntil}, ${p.stationId}::uuid, ${p.courseId}::uuid, ${p.taxRateId}::uuid,
                 ${p.translations}::jsonb
          RETURNING id`,
);

/** Adds a category at the end of the menu, routed to `stationId` or the location's first station. */
export async function createCategory(
  prisma: PrismaClient,
  locationId: string,
  input: z.output<typeof CreateCategoryBody>,
): Promise<CategoryDto> {
  const db = sqlOn(prisma);
  const count = await db.row(z.strictObject({ n: z.number().int() }), COUNT_CATEGORIES_SQL, { locationId });
  if ((count?.n ?? 0) >= LIMITS.category.maxCategories) {
    throw new AppError("CONFLICT", `a menu has at most ${LIMITS.category.maxCategories} categories`);
  }
  const stationId = input.stationId ?? (await firstStation(db, locationId));
  await assertStation(db, locationId, stationId);
  await assertCourse(db, locationId, input.courseId);
  await assertTaxRate(db, locationId, input.taxRateId);
  const created = await namingTaxRate(db, locationId, input.taxRateId, () =>
    db.row(z.strictObject({ id: z.uuid() }), INSERT_CATEGORY_SQL, {
      locationId,
      name: input.name,
      description: input.description,
      hidden: input.hidden,
      availableFrom: input.availableFrom,
      availableUntil: input.availableUntil,
      stationId,
      courseId: input.courseId,
      taxRateId: input.taxRateId,
      translations: translationsJson(input.translations),
    }),
  ).catch((err: unknown) => {
    throw isUniqueViolation(err) ? duplicate(input.name) : err;
  });
  if (!created) throw new Error("category not created");
  return one(db, locationId, created.id);
}

const UPDATE_CATEGORY_SQL = statement<{
  name: string | null;
  description: string | null;
  hidden: boolean | null;
  stationId: string | null;
  courseGiven: boolean;
  courseId: string | null;
  taxRateGiven: boolean;
  taxRateId: string | null;
  windowGiven: boolean;
  availableFrom: string | null;
  availableUntil: string | null;
  translations: string | null;
  id: string;
  locationId: string;
}>(
  "categories.update-category",
  (p) => sql`
      UPDATE category SET
        name = coalesce(${p.name}, name),
        description = coalesce(${p.description}, description),
        hidden = coalesce(${p.hidden}::boolean, hidden),
        station_id = coalesce(${p.stationId}::uuid, station_id),
        default_course_id = CASE WHEN ${p.courseGiven} THEN ${p.courseId}::uuid ELSE default_course_id END,
        tax_rate_id = CASE WHEN ${p.taxRateGiven} THEN ${p.taxRateId}::uuid ELSE tax_rate_id END,
        available_from = CASE WHEN ${p.windowGiven} THEN ${p.availableFrom} ELSE available_from END,
        available_until = CASE WHEN ${p.windowGiven} THEN ${p.availableUntil} ELSE available_until END,
        translations = coalesce(${p.translations}::jsonb, translations)
      WHERE id = ${p.id}::uuid AND location_id = ${p.locationId}::uuid`,
);

export async function updateCategory(
  prisma: PrismaClient,
  locationId: string,
  id: string,
  input: z.output<typeof UpdateCategoryBody>,
): Promise<CategoryDto> {
  const db = sqlOn(prisma);
  if (input.stationId) await assertStation(db, locationId, input.stationId);
  await assertCourse(db, locationId, input.courseId);
  await assertTaxRate(db, locationId, input.taxRateId);
  const windowGiven = input.availableFrom !== undefined;
  const changed = await namingTaxRate(db, locationId, input.taxRateId, () =>
    db.run(UPDATE_CATEGORY_SQL, {
      name: input.name ?? null,
      description: input.description ?? null,
      hidden: input.hidden ?? null,
      stationId: input.stationId ?? null,
      courseGiven: input.courseId !== undefined,
      courseId: input.courseId ?? null,
      taxRateGiven: input.taxRateId !== undefined,
      taxRateId: input.taxRateId ?? null,
      windowGiven,
      availableFrom: input.availableFrom ?? null,
      availableUntil: input.availableUntil ?? null,
      translations: input.translations === undefined ? null : translationsJson(input.translations),
      id,
      locationId,
    }),
  ).catch((err: unknown) => {
    throw isUniqueViolation(err) ? duplicate(input.name ?? "") : err;
  });
  if (changed === 0) throw AppError.notFound("category");
  return one(db, locationId, id);
}

const LOCK_CATEGORIES_SQL = statement<{ locationId: string }>(
  "categories.lock-all",
  (p) => sql`SELECT id FROM category WHERE location_id = ${p.locationId}::uuid ORDER BY id FOR UPDATE`,
);

const SET_CATEGORY_POSITIONS_SQL = statement<{ categoryIds: string[] }>(
  "categories.set-positions",
  (p) => sql`
      UPDATE category c SET position = t.ord - 1
      FROM unnest(${p.categoryIds}::uuid[]) WITH ORDINALITY AS t(id, ord)
      WHERE c.id = t.id`,
);

/** Rewrites the positions: the list must name every category of the location, each once. */
export async function reorderCategories(
  prisma: PrismaClient,
  locationId: string,
  input: z.output<typeof ReorderCategoriesBody>,
): Promise<CategoryDto[]> {
  return sqlTransaction(prisma, async (db) => {
    const ids = await db.rows(z.strictObject({ id: z.uuid() }), LOCK_CATEGORIES_SQL, { locationId });
    const all = new Set(ids.map((r) => r.id));
    if (all.size !== input.categoryIds.length || !input.categoryIds.every((id) => all.has(id))) {
      throw new AppError("VALIDATION_FAILED", "body.categoryIds: must list every category of this location, each once");
    }
    await db.run(SET_CATEGORY_POSITIONS_SQL, { categoryIds: input.categoryIds });
    return loadCategories(db, locationId);
  });
}

const DELETE_CATEGORY_SQL = statement<{ id: string; locationId: string }>(
  "categories.delete-category",
  (p) => sql`DELETE FROM category WHERE id = ${p.id}::uuid AND location_id = ${p.locationId}::uuid`,
);

/** Deletes an empty category; one with products (archived ones too) is a CONFLICT. */
export async function deleteCategory(prisma: PrismaClient, locationId: string, id: string): Promise<void> {
  const changed = await sqlOn(prisma)
    .run(DELETE_CATEGORY_SQL, { id, locationId })
    .catch((err: unknown) => {
      if (isForeignKeyViolation(err))
        throw new AppError("CONFLICT", "this category still has products (archived ones too): move them first");
      throw err;
    });
  if (changed === 0) throw AppError.notFound("category");
}
