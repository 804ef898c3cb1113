import type { CreateTableBody, ReorderTablesBody, TableDto, UpdateTableBody } from "@ordered/contract";
import { LIMITS } from "@ordered/contract";
import { z } from "zod";
import { label } from "../db/enums.js";
import { isUniqueViolation } from "../db/errors.js";
import type { PrismaClient } from "../db/prisma.js";
import { CLOCK, sql, sqlOn, sqlTransaction, statement } from "../db/sql.js";
import { AppError } from "../errors.js";
import { newJoinCode } from "../sessions/join-code.js";

/** The URL a table's card encodes. */
export const cardUrlFor = (publicUrl: string, cardCode: string): string => `${publicUrl}/t/${cardCode}`;

/** `t` is the table row; its open session, if any, comes with it. */
const TABLE = sql`SELECT t.id, t.name, t.area, t.seats, t.position, t.card_code, t.retired_at IS NOT NULL AS retired,
    (SELECT s.id FROM order_session s WHERE s.table_id = t.id AND s.status = ${label("SessionStatus", "OPEN")} LIMIT 1) AS open_session_id
  FROM dining_table t`;
const TableRow = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  area: z.string().nullable(),
  seats: z.number().int().nullable(),
  position: z.number().int(),
  card_code: z.string(),
  retired: z.boolean(),
  open_session_id: z.uuid().nullable(),
});
type TableRow = z.output<typeof TableRow>;

export const toTableDto = (t: TableRow, publicUrl: string): TableDto => ({
  id: t.id,
  name: t.name,
  area: t.area,
  seats: t.seats,
  position: t.position,
  cardUrl: cardUrlFor(publicUrl, t.card_code),
  retired: t.retired,
  openSessionId: t.open_session_id,
  seatingId: t.open_session_id,
});

const duplicateName = (name: string) => new AppError("CONFLICT", `a table named "${name}" already exists`);

const LIST = statement<{ locationId: string; includeRetired: boolean }>(
  "tables.list",
  (p) => sql`${TABLE} WHERE t.location_id = ${p.locationId}::uuid AND (${p.includeRetired}::boolean OR t.retired_at IS NULL)
    ORDER BY t.retired_at ASC NULLS FIRST, t.position, t.name`,
);
const ONE = statement<{ id: string; locationId: string }>(
  "tables.one",
  (p) => sql`${TABLE} WHERE t.id = ${p.id}::uuid AND t.location_id = ${p.locationId}::uuid`,
);
const IN_USE = statement<{ locationId: string }>(
  "tables.in-use",
  (p) => sql`SELECT id, position FROM dining_table WHERE location_id = ${p.locationId}::uuid AND retired_at IS NULL`,
);
const CREATE = statement<{
  locationId: string;
  name: string;
  area: string | null;
  seats: number | null;
  position: number;
  cardCode: string;
}>(
  "tables.create",
  (p) => sql`INSERT INTO dining_table (id, location_id, name, area, seats, position, card_code)
    VALUES (gen_random_uuid(), ${p.locationId}::uuid, ${p.name}, ${p.area}, ${p.seats}::int, ${p.position}, ${p.cardCode})
    RETURNING id`,
);
/** A field absent from the edit keeps its value; area and seats may be set to null. */
const UPDATE = statement<{
  id: string;
  locationId: string;
  name: string | null;
  setArea: boolean;
  area: string | null;
  setSeats: boolean;
  seats: number | null;
}>(
  "tables.update",
  (p) => sql`UPDATE dining_table SET name = coalesce(${p.name}, name),
      area = CASE WHEN ${p.setArea}::boolean THEN ${p.area} ELSE area END,
      seats = CASE WHEN ${p.setSeats}::boolean THEN ${p.seats}::int ELSE seats END
    WHERE id = ${p.id}::uuid AND location_id = ${p.locationId}::uuid AND retired_at IS NULL`,
);
const REORDER = statement<{ ids: string[] }>(
  "tables.reorder",
  (p) => sql`UPDATE dining_table t SET position = o.ord - 1 FROM unnest(${p.ids}::uuid[]) WITH ORDINALITY AS o(id, ord) WHERE t.id = o.id`,
);

/** The location's tables in floor order (retired ones last, if asked for). */
export async function listTables(
  prisma: PrismaClient,
  publicUrl: string,
  locationId: string,
  includeRetired: boolean,
): Promise<TableDto[]> {
  const rows = await sqlOn(prisma).rows(TableRow, LIST, { locationId, includeRetired });
  return rows.map((t) => toTableDto(t, publicUrl));
}

/** One table of the location (retired ones too: their cards still identify them). */
export async function getTable(prisma: PrismaClient, publicUrl: string, locationId: string, tableId: string): Promise<TableDto> {
  const row = await sqlOn(prisma).row(TableRow, ONE, { id: tableId, locationId });
  if (!row) throw AppError.notFound("table");
  return toTableDto(row, publicUrl);
}

/**
 * Adds a table at the end of the floor, with a new permanent card. A name already used by a
 * table in use (any case) is a CONFLICT; the database's partial unique index decides races.
 */
export async function createTable(
  prisma: PrismaClient,
  publicUrl: string,
  locationId: string,
  input: z.output<typeof CreateTableBody>,
): Promise<TableDto> {
  try {
    const id = await sqlTransaction(prisma, async (db) => {
      const inUse = await db.rows(InUseRow, IN_USE, { locationId });
      if (inUse.length >= LIMITS.table.maxTables) throw new AppError("CONFLICT", `a location has at most ${LIMITS.table.maxTables} tables`);
      const position = Math.max(-1, ...inUse.map((t) => t.position)) + 1;
      const created = await db.row(IdRow, CREATE, { locationId, ...input, position, cardCode: newJoinCode() });
      if (!created) throw new Error("table not created");
      return created.id;
    });
    return getTable(prisma, publicUrl, locationId, id);
  } catch (err) {
    throw isUniqueViolation(err) ? duplicateName(input.name) : err;
  }
}

/** Renames a table, or changes its area or seats. Another location's table is "not found". */
export async function updateTable(
  prisma: PrismaClient,
  publicUrl: string,
  locationId: string,
  tableId: string,
  input: z.output<typeof UpdateTableBody>,
): Promise<TableDto> {
  try {
    const count = await sqlOn(prisma).run(UPDATE, {
      id: tableId,
      locationId,
      name: input.name ?? null,
      setArea: input.area !== undefined,
      area: input.area ?? null,
      setSeats: input.seats !== undefined,
      seats: input.seats ?? null,
    });
    if (count === 0) throw AppError.notFound("table");
    return getTable(prisma, publicUrl, locationId, tableId);
  } catch (err) {
    throw isUniqueViolation(err) && input.name ? duplicateName(input.name) : err;
  }
}

/** Puts the tables in use in the given order; the list must name each of them exactly once. */
export async function reorderTables(
  prisma: PrismaClient,
  publicUrl: string,
  locationId: string,
  input: z.output<typeof ReorderTablesBody>,
): Promise<TableDto[]> {
  await sqlTransaction(prisma, async (db) => {
    const inUse = await db.rows(InUseRow, IN_USE, { locationId });
    const known = new Set(inUse.map((t) => t.id));
    const listed = new Set(input.tableIds);
    if (input.tableIds.some((id) => !known.has(id)) || inUse.some((t) => !listed.has(t.id))) {
      throw new AppError("VALIDATION_FAILED", "body.tableIds: must list every table in use at this location, each once");
    }
    await db.run(REORDER, { ids: input.tableIds });
  });
  return listTables(prisma, publicUrl, locationId, false);
}

const InUseRow = z.strictObject({ id: z.uuid(), position: z.number().int() });
const IdRow = z.strictObject({ id: z.uuid() });
const RetireRow = z.strictObject({ name: z.string(), retired: z.boolean() });
const Seated = z.strictObject({ seated: z.boolean() });

const LOCK_TABLE_SQL = statement<{ tableId: string; locationId: string }>(
  "tables.lock",
  (p) => sql`SELECT name, retired_at IS NOT NULL AS retired FROM dining_table
          WHERE id = ${p.tableId}::uuid AND location_id = ${p.locationId}::uuid FOR UPDATE`,
);

const TABLE_SEATED_SQL = statement<{ tableId: string }>(
  "tables.is-seated",
  (p) =>
    sql`SELECT EXISTS (SELECT 1 FROM order_session WHERE table_id = ${p.tableId}::uuid AND status = ${label("SessionStatus", "OPEN")}) AS seated`,
);

const MARK_TABLE_RETIRED_SQL = statement<{ tableId: string }>(
  "tables.mark-retired",
  (p) => sql`UPDATE dining_table SET retired_at = ${CLOCK} WHERE id = ${p.tableId}::uuid`,
);

/**
 * Takes a table off the floor; its name is free again. A seated table is refused (close its
 * session first); retiring a retired table changes nothing. The table row is locked first,
 * and opening a session on a table locks it too (FOR SHARE, sessions.service.ts): the two
 * at the same instant on the same table run one after the other, and the second sees the
 * first.
 */
export async function retireTable(prisma: PrismaClient, publicUrl: string, locationId: string, tableId: string): Promise<TableDto> {
  await sqlTransaction(prisma, async (db) => {
    const table = await db.row(RetireRow, LOCK_TABLE_SQL, { tableId, locationId });
    if (!table) throw AppError.notFound("table");
    if (table.retired) return;
    // A statement of its own, after the lock: it sees a session opened while this waited.
    const open = await db.row(Seated, TABLE_SEATED_SQL, { tableId });
    if (open?.seated) throw new AppError("CONFLICT", `${table.name} is seated; close its session first`);
    await db.run(MARK_TABLE_RETIRED_SQL, { tableId });
  });
  return getTable(prisma, publicUrl, locationId, tableId);
}
