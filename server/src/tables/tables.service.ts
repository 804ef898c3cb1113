import type { CreateTableBody, ReorderTablesBody, TableDto, UpdateTableBody } from "@ordered/contract";
import { LIMITS } from "@ordered/contract";
import { z } from "zod";
import { label } from "../db/enums.js";
import { isUniqueViolation } from "../db/errors.js";
import type { Db, PrismaClient } from "../db/prisma.js";
import { CLOCK, sql, sqlTransaction, statement } from "../db/sql.js";
import { AppError } from "../errors.js";
import { newJoinCode } from "../sessions/join-code.js";

/** The URL a table's card encodes. */
export const cardUrlFor = (publicUrl: string, cardCode: string): string => `${publicUrl}/t/${cardCode}`;

/** What every table query reads with the table: its open seating, if any. */
const withSeating = { seatings: { where: { status: "OPEN" as const }, select: { id: true }, take: 1 } };
type TableRow = Db.DiningTable & { seatings: { id: string }[] };

export const toTableDto = (t: TableRow, publicUrl: string): TableDto => ({
  id: t.id,
  name: t.name,
  area: t.area,
  seats: t.seats,
  position: t.position,
  cardUrl: cardUrlFor(publicUrl, t.cardCode),
  retired: t.retiredAt !== null,
  seatingId: t.seatings[0]?.id ?? null,
});

const duplicateName = (name: string) => new AppError("CONFLICT", `a table named "${name}" already exists`);

/** The location's tables in floor order (retired ones last, if asked for). */
export async function listTables(
  prisma: PrismaClient,
  publicUrl: string,
  locationId: string,
  includeRetired: boolean,
): Promise<TableDto[]> {
  const rows = await prisma.diningTable.findMany({
    where: { locationId, ...(includeRetired ? {} : { retiredAt: null }) },
    orderBy: [{ retiredAt: { sort: "asc", nulls: "first" } }, { position: "asc" }, { name: "asc" }],
    include: withSeating,
  });
  return rows.map((t) => toTableDto(t, publicUrl));
}

/** One table of the location (retired ones too: their cards still identify them). */
export async function getTable(prisma: PrismaClient, publicUrl: string, locationId: string, tableId: string): Promise<TableDto> {
  const row = await prisma.diningTable.findFirst({ where: { id: tableId, locationId }, include: withSeating });
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
    const row = await prisma.$transaction(async (tx) => {
      const inUse = await tx.diningTable.count({ where: { locationId, retiredAt: null } });
      if (inUse >= LIMITS.table.maxTables) throw new AppError("CONFLICT", `a location has at most ${LIMITS.table.maxTables} tables`);
      const last = await tx.diningTable.aggregate({ where: { locationId, retiredAt: null }, _max: { position: true } });
      return tx.diningTable.create({
        data: { locationId, ...input, position: (last._max.position ?? -1) + 1, cardCode: newJoinCode() },
        include: withSeating,
      });
    });
    return toTableDto(row, publicUrl);
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
    const { count } = await prisma.diningTable.updateMany({ where: { id: tableId, locationId, retiredAt: null }, data: input });
    if (count === 0) throw AppError.notFound("table");
    return toTableDto(await prisma.diningTable.findUniqueOrThrow({ where: { id: tableId }, include: withSeating }), publicUrl);
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
  await prisma.$transaction(async (tx) => {
    const inUse = await tx.diningTable.findMany({ where: { locationId, retiredAt: null }, select: { id: true } });
    const known = new Set(inUse.map((t) => t.id));
    const listed = new Set(input.tableIds);
    if (input.tableIds.some((id) => !known.has(id)) || inUse.some((t) => !listed.has(t.id))) {
      throw new AppError("VALIDATION_FAILED", "body.tableIds: must list every table in use at this location, each once");
    }
    for (const [position, id] of input.tableIds.entries()) await tx.diningTable.update({ where: { id }, data: { position } });
  });
  return listTables(prisma, publicUrl, locationId, false);
}

const RetireRow = z.strictObject({ name: z.string(), retired: z.boolean() });
const Seated = z.strictObject({ seated: z.boolean() });

const RETIRE_TABLE_SQL = statement<{ tableId: string; locationId: string }>(
  "tables.retire-table",
  (p) => sql`SELECT name, retired_at IS NOT NULL AS retired FROM dining_table
          WHERE id = ${p.tableId}::uuid AND location_id = ${p.locationId}::uuid FOR UPDATE`,
);

const RETIRE_TABLE_2_SQL = statement<{ tableId: string }>(
  "tables.retire-table-2",
  (p) =>
    sql`SELECT EXISTS (SELECT 1 FROM order_session WHERE table_id = ${p.tableId}::uuid AND status = ${label("SessionStatus", "OPEN")}) AS seated`,
);

const RETIRE_TABLE_3_SQL = statement<{ tableId: string }>(
  "tables.retire-table-3",
  (p) => sql`UPDATE dining_table SET retired_at = ${CLOCK} WHERE id = ${p.tableId}::uuid`,
);

/**
 * Takes a table off the floor; its name is free again. A seated table is refused (close its
 * session first); retiring a retired table changes nothing. The table row is locked first,
 * and seating a table locks it too (FOR SHARE, sessions.service.ts): a seating and a
 * retirement of the same table at the same instant run one after the other, and the second
 * sees the first.
 */
export async function retireTable(prisma: PrismaClient, publicUrl: string, locationId: string, tableId: string): Promise<TableDto> {
  await sqlTransaction(prisma, async (db) => {
    const table = await db.row(RetireRow, RETIRE_TABLE_SQL, { tableId, locationId });
    if (!table) throw AppError.notFound("table");
    if (table.retired) return;
    // A statement of its own, after the lock: it sees a seating committed while this waited.
    const open = await db.row(Seated, RETIRE_TABLE_2_SQL, { tableId });
    if (open?.seated) throw new AppError("CONFLICT", `${table.name} is seated; close its session first`);
    await db.run(RETIRE_TABLE_3_SQL, { tableId });
  });
  return toTableDto(await prisma.diningTable.findUniqueOrThrow({ where: { id: tableId }, include: withSeating }), publicUrl);
}
