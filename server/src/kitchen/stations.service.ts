/**
 * A location's stations (Kitchen, Bar…): where its categories' lines are prepared, each with
 * its own display. Added, renamed, deleted only when no category routes to it and it is not
 * the last one (a category always has somewhere to go).
 */
import { LIMITS, StationDto } from "@ordered/contract";
import { z } from "zod";
import { isUniqueViolation } from "../db/errors.js";
import type { PrismaClient } from "../db/prisma.js";
import { type SqlRunner, sql, sqlOn, sqlTransaction, statement } from "../db/sql.js";
import { AppError } from "../errors.js";

const Row = z.strictObject({ dto: StationDto });
const STATION_JSON = sql`json_build_object('id', st.id, 'name', st.name, 'position', st.position,
  'printerIds', (SELECT coalesce(json_agg(sp.printer_id ORDER BY sp.printer_id), '[]'::json) FROM station_printer sp WHERE sp.station_id = st.id),
  'backupPrinterId', st.backup_printer_id, 'capacity', st.capacity)`;

const LIST = statement<{ locationId: string; id: string | null }>(
  "stations.list",
  (p) => sql`SELECT ${STATION_JSON} AS dto FROM station st
    WHERE st.location_id = ${p.locationId}::uuid AND (${p.id}::uuid IS NULL OR st.id = ${p.id}::uuid)
    ORDER BY st.position, st.id`,
);
/** The location row orders concurrent additions and deletions, so counts and positions hold. */
const LOCK_LOCATION = statement<{ locationId: string }>(
  "stations.lock-location",
  (p) => sql`SELECT 1 FROM location WHERE id = ${p.locationId}::uuid FOR NO KEY UPDATE`,
);
const COUNT = statement<{ locationId: string }>(
  "stations.count",
  (p) => sql`SELECT count(*)::int AS n FROM station WHERE location_id = ${p.locationId}::uuid`,
);
const CREATE = statement<{ locationId: string; name: string }>(
  "stations.create",
  (p) => sql`INSERT INTO station (id, location_id, name, position)
    SELECT gen_random_uuid(), ${p.locationId}::uuid, ${p.name},
           coalesce((SELECT max(position) + 1 FROM station WHERE location_id = ${p.locationId}::uuid), 0)
    RETURNING id`,
);
const RENAME = statement<{ id: string; locationId: string; name: string }>(
  "stations.rename",
  (p) => sql`UPDATE station SET name = ${p.name} WHERE id = ${p.id}::uuid AND location_id = ${p.locationId}::uuid`,
);
const CAPACITY = statement<{ id: string; locationId: string; capacity: number | null }>(
  "stations.capacity",
  (p) => sql`UPDATE station SET capacity = ${p.capacity}::smallint WHERE id = ${p.id}::uuid AND location_id = ${p.locationId}::uuid`,
);
const USAGE = statement<{ id: string; locationId: string }>(
  "stations.usage",
  (p) => sql`SELECT (SELECT coalesce(array_agg(c.name ORDER BY c.position), '{}') FROM category c WHERE c.station_id = st.id) AS categories,
           (SELECT count(*)::int FROM station o WHERE o.location_id = st.location_id AND o.id <> st.id) AS others,
           EXISTS (SELECT 1 FROM order_item i WHERE i.station_id = st.id) AS lines
    FROM station st WHERE st.id = ${p.id}::uuid AND st.location_id = ${p.locationId}::uuid FOR UPDATE`,
);
const DELETE = statement<{ id: string }>("stations.delete", (p) => sql`DELETE FROM station WHERE id = ${p.id}::uuid`);

export async function loadStations(db: SqlRunner, locationId: string, id?: string): Promise<StationDto[]> {
  const rows = await db.rows(Row, LIST, { locationId, id: id ?? null });
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
    await db.run(LOCK_LOCATION, { locationId });
    const count = await db.row(z.strictObject({ n: z.number().int() }), COUNT, { locationId });
    if ((count?.n ?? 0) >= LIMITS.kitchen.maxStations) {
      throw new AppError("CONFLICT", `a location has at most ${LIMITS.kitchen.maxStations} stations`);
    }
    const created = await db.row(z.strictObject({ id: z.uuid() }), CREATE, { locationId, name }).catch((err: unknown) => {
      throw isUniqueViolation(err) ? duplicate(name) : err;
    });
    if (!created) throw new Error("station not created");
    return one(db, locationId, created.id);
  });
}

export async function renameStation(prisma: PrismaClient, locationId: string, id: string, name: string): Promise<StationDto> {
  const db = sqlOn(prisma);
  const changed = await db.run(RENAME, { id, locationId, name }).catch((err: unknown) => {
    throw isUniqueViolation(err) ? duplicate(name) : err;
  });
  if (changed === 0) throw AppError.notFound("station");
  return one(db, locationId, id);
}

/** How many items the station prepares at once (pacing); null: none set. */
export async function setStationCapacity(
  prisma: PrismaClient,
  locationId: string,
  id: string,
  capacity: number | null,
): Promise<StationDto> {
  const db = sqlOn(prisma);
  if ((await db.run(CAPACITY, { id, locationId, capacity })) === 0) throw AppError.notFound("station");
  return one(db, locationId, id);
}

const Usage = z.strictObject({ categories: z.array(z.string()), others: z.number().int(), lines: z.boolean() });

/** Deletes a station no category routes to, unless it is the location's last. */
export async function deleteStation(prisma: PrismaClient, locationId: string, id: string): Promise<void> {
  await sqlTransaction(prisma, async (db) => {
    await db.run(LOCK_LOCATION, { locationId });
    const usage = await db.row(Usage, USAGE, { id, locationId });
    if (!usage) throw AppError.notFound("station");
    if (usage.categories.length > 0) {
      throw new AppError("CONFLICT", `categories still go to this station: ${usage.categories.join(", ")}; route them elsewhere first`);
    }
    if (usage.others === 0) throw new AppError("CONFLICT", "a location needs at least one station");
    // Past orders name their station: a station that prepared anything stays (renamed if need be).
    if (usage.lines) throw new AppError("CONFLICT", "past orders were prepared at this station; rename it instead");
    await db.run(DELETE, { id });
  });
}
