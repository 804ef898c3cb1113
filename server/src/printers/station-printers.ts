/**
 * Where a location's tickets and receipts print (issue 34): a station's printers (one or more,
 * alongside its display) and its backup printer, and the location's receipt printer. Every
 * printer named must be the location's own; a station's set is replaced whole, in one
 * transaction, so two managers saving at once leave one of their choices, never a mix.
 */
import type { LocationDto, ReceiptPrinterBody, StationDto, StationPrintersBody } from "@ordered/contract";
import { z } from "zod";
import type { PrismaClient } from "../db/prisma.js";
import { type SqlRunner, sql, sqlTransaction, statement } from "../db/sql.js";
import { AppError } from "../errors.js";
import { loadStations } from "../kitchen/stations.service.js";
import { getLocation } from "../locations/location-dto.sql.js";

const Id = z.strictObject({ id: z.uuid() });
const LOCK_STATION = statement<{ id: string; locationId: string }>(
  "station-printers.lock-station",
  (p) => sql`SELECT id FROM station WHERE id = ${p.id}::uuid AND location_id = ${p.locationId}::uuid FOR UPDATE`,
);
const OWN_PRINTERS = statement<{ ids: string[]; locationId: string }>(
  "station-printers.own-printers",
  (p) => sql`SELECT id FROM printer WHERE id = ANY(${p.ids}::uuid[]) AND location_id = ${p.locationId}::uuid`,
);
const CLEAR = statement<{ id: string }>("station-printers.clear", (p) => sql`DELETE FROM station_printer WHERE station_id = ${p.id}::uuid`);
const ADD = statement<{ id: string; printerIds: string[] }>(
  "station-printers.add",
  (p) => sql`INSERT INTO station_printer (station_id, printer_id) SELECT ${p.id}::uuid, unnest(${p.printerIds}::uuid[])`,
);
const SET_BACKUP = statement<{ id: string; backup: string | null }>(
  "station-printers.set-backup",
  (p) => sql`UPDATE station SET backup_printer_id = ${p.backup}::uuid WHERE id = ${p.id}::uuid`,
);
const SET_RECEIPT_PRINTER = statement<{ locationId: string; printerId: string | null }>(
  "station-printers.set-receipt-printer",
  (p) => sql`UPDATE location SET receipt_printer_id = ${p.printerId}::uuid WHERE id = ${p.locationId}::uuid`,
);

/** The ids that are not printers of this location (named in the NOT_FOUND). */
async function assertOwnPrinters(db: SqlRunner, locationId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const own = new Set((await db.rows(Id, OWN_PRINTERS, { ids, locationId })).map((r) => r.id));
  if (ids.some((id) => !own.has(id))) throw AppError.notFound("printer");
}

export async function setStationPrinters(
  prisma: PrismaClient,
  locationId: string,
  stationId: string,
  body: z.output<typeof StationPrintersBody>,
): Promise<StationDto> {
  return sqlTransaction(prisma, async (db) => {
    if (!(await db.row(Id, LOCK_STATION, { id: stationId, locationId }))) throw AppError.notFound("station");
    await assertOwnPrinters(db, locationId, [...body.printerIds, ...(body.backupPrinterId ? [body.backupPrinterId] : [])]);
    await db.run(CLEAR, { id: stationId });
    if (body.printerIds.length > 0) await db.run(ADD, { id: stationId, printerIds: body.printerIds });
    await db.run(SET_BACKUP, { id: stationId, backup: body.backupPrinterId });
    const [station] = await loadStations(db, locationId, stationId);
    if (!station) throw new Error("the station vanished under its lock");
    return station;
  });
}

export async function setReceiptPrinter(
  prisma: PrismaClient,
  locationId: string,
  body: z.output<typeof ReceiptPrinterBody>,
): Promise<LocationDto> {
  await sqlTransaction(prisma, async (db) => {
    if (body.printerId) await assertOwnPrinters(db, locationId, [body.printerId]);
    await db.run(SET_RECEIPT_PRINTER, { locationId, printerId: body.printerId });
  });
  return getLocation(prisma, locationId);
}
