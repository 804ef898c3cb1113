/**
 * A location's courses (Drinks, Starters, Mains, Desserts…): lines carry one (their
 * category's default, or the waiter's choice), so a table's mains can be held and fired
 * later (hold-course.ts). Managed like stations: added, renamed, reordered by position;
 * deleted only while no order line carries it (categories defaulting to it lose the default).
 */
import { CourseDto, LIMITS } from "@ordered/contract";
import { z } from "zod";
import { isUniqueViolation } from "../db/errors.js";
import type { PrismaClient } from "../db/prisma.js";
import { type SqlRunner, sql, sqlOn, sqlTransaction, statement } from "../db/sql.js";
import { AppError } from "../errors.js";

const Row = z.strictObject({ dto: CourseDto });
const COURSE_JSON = sql`json_build_object('id', co.id, 'name', co.name, 'position', co.position)`;

/** The courses every new location starts with, in this order. */
export const DEFAULT_COURSES = ["Drinks", "Starters", "Mains", "Desserts"] as const;

const LIST = statement<{ locationId: string; id: string | null }>(
  "courses.list",
  (p) => sql`SELECT ${COURSE_JSON} AS dto FROM course co
    WHERE co.location_id = ${p.locationId}::uuid AND (${p.id}::uuid IS NULL OR co.id = ${p.id}::uuid)
    ORDER BY co.position, co.id`,
);
/** The location row orders concurrent additions and deletions, so counts and positions hold. */
const LOCK_LOCATION = statement<{ locationId: string }>(
  "courses.lock-location",
  (p) => sql`SELECT 1 FROM location WHERE id = ${p.locationId}::uuid FOR NO KEY UPDATE`,
);
const COUNT = statement<{ locationId: string }>(
  "courses.count",
  (p) => sql`SELECT count(*)::int AS n FROM course WHERE location_id = ${p.locationId}::uuid`,
);
const CREATE = statement<{ locationId: string; name: string }>(
  "courses.create",
  (p) => sql`INSERT INTO course (id, location_id, name, position)
    SELECT gen_random_uuid(), ${p.locationId}::uuid, ${p.name},
           coalesce((SELECT max(position) + 1 FROM course WHERE location_id = ${p.locationId}::uuid), 0)
    RETURNING id`,
);
const RENAME = statement<{ id: string; locationId: string; name: string }>(
  "courses.rename",
  (p) => sql`UPDATE course SET name = ${p.name} WHERE id = ${p.id}::uuid AND location_id = ${p.locationId}::uuid`,
);
const USAGE = statement<{ id: string; locationId: string }>(
  "courses.usage",
  (p) => sql`SELECT EXISTS (SELECT 1 FROM order_item i WHERE i.course_id = co.id) AS lines
    FROM course co WHERE co.id = ${p.id}::uuid AND co.location_id = ${p.locationId}::uuid FOR UPDATE`,
);
const DELETE = statement<{ id: string }>("courses.delete", (p) => sql`DELETE FROM course WHERE id = ${p.id}::uuid`);

export async function loadCourses(db: SqlRunner, locationId: string, id?: string): Promise<CourseDto[]> {
  const rows = await db.rows(Row, LIST, { locationId, id: id ?? null });
  return rows.map((r) => r.dto);
}

const duplicate = (name: string) => new AppError("CONFLICT", `a course named "${name}" already exists`);

async function one(db: SqlRunner, locationId: string, id: string): Promise<CourseDto> {
  const [course] = await loadCourses(db, locationId, id);
  if (!course) throw AppError.notFound("course");
  return course;
}

/** Adds a course after the others. */
export async function createCourse(prisma: PrismaClient, locationId: string, name: string): Promise<CourseDto> {
  return sqlTransaction(prisma, async (db) => {
    await db.run(LOCK_LOCATION, { locationId });
    const count = await db.row(z.strictObject({ n: z.number().int() }), COUNT, { locationId });
    if ((count?.n ?? 0) >= LIMITS.kitchen.maxCourses) {
      throw new AppError("CONFLICT", `a location has at most ${LIMITS.kitchen.maxCourses} courses`);
    }
    const created = await db.row(z.strictObject({ id: z.uuid() }), CREATE, { locationId, name }).catch((err: unknown) => {
      throw isUniqueViolation(err) ? duplicate(name) : err;
    });
    if (!created) throw new Error("course not created");
    return one(db, locationId, created.id);
  });
}

export async function renameCourse(prisma: PrismaClient, locationId: string, id: string, name: string): Promise<CourseDto> {
  const db = sqlOn(prisma);
  const changed = await db.run(RENAME, { id, locationId, name }).catch((err: unknown) => {
    throw isUniqueViolation(err) ? duplicate(name) : err;
  });
  if (changed === 0) throw AppError.notFound("course");
  return one(db, locationId, id);
}

/** Deletes a course no order line carries; categories that defaulted to it have no default course then. */
export async function deleteCourse(prisma: PrismaClient, locationId: string, id: string): Promise<void> {
  await sqlTransaction(prisma, async (db) => {
    await db.run(LOCK_LOCATION, { locationId });
    const usage = await db.row(z.strictObject({ lines: z.boolean() }), USAGE, { id, locationId });
    if (!usage) throw AppError.notFound("course");
    // Past orders name their course: a course that was served stays (renamed if need be).
    if (usage.lines) throw new AppError("CONFLICT", "past orders carry this course; rename it instead");
    await db.run(DELETE, { id });
  });
}
