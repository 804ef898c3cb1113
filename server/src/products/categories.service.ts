/**
 * A location's menu sections: created, renamed, reordered, hidden, given a service window,
 * and deleted only when no product (archived ones included) is in them.
 */
import { CategoryDto, type CreateCategoryBody, LIMITS, type ReorderCategoriesBody, type UpdateCategoryBody } from "@ordered/contract";
import { z } from "zod";
import { isForeignKeyViolation, isUniqueViolation } from "../db/errors.js";
import type { PrismaClient } from "../db/prisma.js";
import { type SqlRunner, sql, sqlOn, sqlTransaction } from "../db/sql.js";
import { AppError } from "../errors.js";

const Row = z.strictObject({ dto: CategoryDto });
const CATEGORY_JSON = sql`json_build_object('id', c.id, 'name', c.name, 'description', c.description, 'position', c.position,
  'stationId', c.station_id,
  'hidden', c.hidden, 'availableFrom', c.available_from, 'availableUntil', c.available_until)`;

export async function loadCategories(db: SqlRunner, locationId: string, id?: string): Promise<CategoryDto[]> {
  const rows = await db.rows(
    Row,
    sql`SELECT ${CATEGORY_JSON} AS dto FROM category c
        WHERE c.location_id = ${locationId}::uuid AND (${id ?? null}::uuid IS NULL OR c.id = ${id ?? null}::uuid)
        ORDER BY c.position, lower(c.name), c.id`,
  );
  return rows.map((r) => r.dto);
}

const duplicate = (name: string) => new AppError("CONFLICT", `a category named "${name}" already exists`);

async function one(db: SqlRunner, locationId: string, id: string): Promise<CategoryDto> {
  const [category] = await loadCategories(db, locationId, id);
  if (!category) throw AppError.notFound("category");
  return category;
}

const IdRow = z.strictObject({ id: z.uuid() });

/** The location's first station: where a new category goes unless told otherwise. */
async function firstStation(db: SqlRunner, locationId: string): Promise<string> {
  const row = await db.row(IdRow, sql`SELECT id FROM station WHERE location_id = ${locationId}::uuid ORDER BY position, id LIMIT 1`);
  if (!row) throw new AppError("CONFLICT", "add a station (e.g. Kitchen) before adding categories");
  return row.id;
}

/** A station of another location is "not found", like any of its things. */
async function assertStation(db: SqlRunner, locationId: string, stationId: string): Promise<void> {
  const row = await db.row(IdRow, sql`SELECT id FROM station WHERE id = ${stationId}::uuid AND location_id = ${locationId}::uuid`);
  if (!row) throw AppError.notFound("station");
}

/** Adds a category at the end of the menu, routed to `stationId` or the location's first station. */
export async function createCategory(
  prisma: PrismaClient,
  locationId: string,
  input: z.output<typeof CreateCategoryBody>,
): Promise<CategoryDto> {
  const db = sqlOn(prisma);
  const count = await db.row(
    z.strictObject({ n: z.number().int() }),
    sql`SELECT count(*)::int AS n FROM category WHERE location_id = ${locationId}::uuid`,
  );
  if ((count?.n ?? 0) >= LIMITS.category.maxCategories) {
    throw new AppError("CONFLICT", `a menu has at most ${LIMITS.category.maxCategories} categories`);
  }
  const stationId = input.stationId ?? (await firstStation(db, locationId));
  await assertStation(db, locationId, stationId);
  const created = await db
    .row(
      z.strictObject({ id: z.uuid() }),
      sql`INSERT INTO category (id, location_id, name, description, position, hidden, available_from, available_until, station_id)
          SELECT gen_random_uuid(), ${locationId}::uuid, ${input.name}, ${input.description},
                 coalesce((SELECT max(position) + 1 FROM category WHERE location_id = ${locationId}::uuid), 0),
                 ${input.hidden}, ${input.availableFrom}, ${input.availableUntil}, ${stationId}::uuid
          RETURNING id`,
    )
    .catch((err: unknown) => {
      throw isUniqueViolation(err) ? duplicate(input.name) : err;
    });
  if (!created) throw new Error("category not created");
  return one(db, locationId, created.id);
}

export async function updateCategory(
  prisma: PrismaClient,
  locationId: string,
  id: string,
  input: z.output<typeof UpdateCategoryBody>,
): Promise<CategoryDto> {
  const db = sqlOn(prisma);
  if (input.stationId) await assertStation(db, locationId, input.stationId);
  const windowGiven = input.availableFrom !== undefined;
  const changed = await db
    .run(sql`
      UPDATE category SET
        name = coalesce(${input.name ?? null}, name),
        description = coalesce(${input.description ?? null}, description),
        hidden = coalesce(${input.hidden ?? null}::boolean, hidden),
        station_id = coalesce(${input.stationId ?? null}::uuid, station_id),
        available_from = CASE WHEN ${windowGiven} THEN ${input.availableFrom ?? null} ELSE available_from END,
        available_until = CASE WHEN ${windowGiven} THEN ${input.availableUntil ?? null} ELSE available_until END
      WHERE id = ${id}::uuid AND location_id = ${locationId}::uuid`)
    .catch((err: unknown) => {
      throw isUniqueViolation(err) ? duplicate(input.name ?? "") : err;
    });
  if (changed === 0) throw AppError.notFound("category");
  return one(db, locationId, id);
}

/** Rewrites the positions: the list must name every category of the location, each once. */
export async function reorderCategories(
  prisma: PrismaClient,
  locationId: string,
  input: z.output<typeof ReorderCategoriesBody>,
): Promise<CategoryDto[]> {
  return sqlTransaction(prisma, async (db) => {
    const ids = await db.rows(
      z.strictObject({ id: z.uuid() }),
      sql`SELECT id FROM category WHERE location_id = ${locationId}::uuid ORDER BY id FOR UPDATE`,
    );
    const all = new Set(ids.map((r) => r.id));
    if (all.size !== input.categoryIds.length || !input.categoryIds.every((id) => all.has(id))) {
      throw new AppError("VALIDATION_FAILED", "body.categoryIds: must list every category of this location, each once");
    }
    await db.run(sql`
      UPDATE category c SET position = t.ord - 1
      FROM unnest(${input.categoryIds}::uuid[]) WITH ORDINALITY AS t(id, ord)
      WHERE c.id = t.id`);
    return loadCategories(db, locationId);
  });
}

/** Deletes an empty category; one with products (archived ones too) is a CONFLICT. */
export async function deleteCategory(prisma: PrismaClient, locationId: string, id: string): Promise<void> {
  const changed = await sqlOn(prisma)
    .run(sql`DELETE FROM category WHERE id = ${id}::uuid AND location_id = ${locationId}::uuid`)
    .catch((err: unknown) => {
      if (isForeignKeyViolation(err))
        throw new AppError("CONFLICT", "this category still has products (archived ones too): move them first");
      throw err;
    });
  if (changed === 0) throw AppError.notFound("category");
}
