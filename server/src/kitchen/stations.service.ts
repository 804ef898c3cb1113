/**
 * A location's stations (Kitchen, Bar…): where its categories' lines are prepared, each with
 * its own display. Added, renamed, deleted only when no category routes to it and it is not
 * the last one (a category always has somewhere to go).
 */
import { LIMITS, StationDto } from "@ordered/contract";
import { z } from "zod";
import { isUniqueViolation } from "../db/errors.js";
import type { PrismaClient } from "../db/prisma.js";
import { type SqlRunner, sql, sqlOn, sqlTransaction } from "../db/sql.js";
import { AppError } from "../errors.js";

const Row = z.strictObject({ dto: StationDto });
const STATION_JSON = sql`json_build_object('id', st.id, 'name', st.name, 'position', st.position)`;

export async function loadStations(db: SqlRunner, locationId: string, id?: string): Promise<StationDto[]> {
  const rows = await db.rows(
    Row,
    sql`SELECT ${STATION_JSON} AS dto FROM station st
        WHERE st.location_id = ${locationId}::uuid AND (${id ?? null}::uuid IS NULL OR st.id = ${id ?? null}::uuid)
        ORDER BY st.position, st.id`,
  );
  return rows.map((r) => r.dto);
}

const duplicate = (name: string) => new AppError("CONFLICT", `a station named "${name}" already exists`);

async function one(db: SqlRunner, locationId: string, id: string): Promise<StationDto> {
  const [station] = await loadStations(db, locationId, id);
  if (!station) throw AppError.notFound("station");
  return station;
}

/** Adds a station after the others. */
export async function createStation(prisma: PrismaClient, locationId: string, name: string): Promise<StationDto> {
  return sqlTransaction(prisma, async (db) => {
    // The location row orders concurrent additions, so the count and the position hold.
    await db.run(sql`SELECT 1 FROM location WHERE id = ${locationId}::uuid FOR NO KEY UPDATE`);
    const count = await db.row(
      z.strictObject({ n: z.number().int() }),
      sql`SELECT count(*)::int AS n FROM station WHERE location_id = ${locationId}::uuid`,
    );
    if ((count?.n ?? 0) >= LIMITS.kitchen.maxStations) {
      throw new AppError("CONFLICT", `a location has at most ${LIMITS.kitchen.maxStations} stations`);
    }
    const created = await db
      .row(
        z.strictObject({ id: z.uuid() }),
        sql`INSERT INTO station (id, location_id, name, position)
            SELECT gen_random_uuid(), ${locationId}::uuid, ${name},
                   coalesce((SELECT max(position) + 1 FROM station WHERE location_id = ${locationId}::uuid), 0)
            RETURNING id`,
      )
      .catch((err: unknown) => {
        throw isUniqueViolation(err) ? duplicate(name) : err;
      });
    if (!created) throw new Error("station not created");
    return one(db, locationId, created.id);
  });
}

export async function renameStation(prisma: PrismaClient, locationId: string, id: string, name: string): Promise<StationDto> {
  const db = sqlOn(prisma);
  const changed = await db
    .run(sql`UPDATE station SET name = ${name} WHERE id = ${id}::uuid AND location_id = ${locationId}::uuid`)
    .catch((err: unknown) => {
      throw isUniqueViolation(err) ? duplicate(name) : err;
    });
  if (changed === 0) throw AppError.notFound("station");
  return one(db, locationId, id);
}

const Usage = z.strictObject({ categories: z.array(z.string()), others: z.number().int(), lines: z.boolean() });

/** Deletes a station no category routes to, unless it is the location's last. */
export async function deleteStation(prisma: PrismaClient, locationId: string, id: string): Promise<void> {
  await sqlTransaction(prisma, async (db) => {
    await db.run(sql`SELECT 1 FROM location WHERE id = ${locationId}::uuid FOR NO KEY UPDATE`);
    const usage = await db.row(
      Usage,
      sql`SELECT (SELECT coalesce(array_agg(c.name ORDER BY c.position), '{}') FROM category c WHERE c.station_id = st.id) AS categories,
                 (SELECT count(*)::int FROM station o WHERE o.location_id = st.location_id AND o.id <> st.id) AS others,
                 EXISTS (SELECT 1 FROM order_item i WHERE i.station_id = st.id) AS lines
          FROM station st WHERE st.id = ${id}::uuid AND st.location_id = ${locationId}::uuid FOR UPDATE`,
    );
    if (!usage) throw AppError.notFound("station");
    if (usage.categories.length > 0) {
      throw new AppError("CONFLICT", `categories still go to this station: ${usage.categories.join(", ")}; route them elsewhere first`);
    }
    if (usage.others === 0) throw new AppError("CONFLICT", "a location needs at least one station");
    // Past orders name their station: a station that prepared anything stays (renamed if need be).
    if (usage.lines) throw new AppError("CONFLICT", "past orders were prepared at this station; rename it instead");
    await db.run(sql`DELETE FROM station WHERE id = ${id}::uuid`);
  });
}
