/**
 * A location's network printers (issue 34): added by their address on the venue's network,
 * their paper width and code page; names unique per location (in any case); at most
 * LIMITS.printer.maxPerLocation. Stations and receipts print to them (print jobs, next).
 */
import { LIMITS, type PrinterBody, PrinterDto, type PrinterVia, type UpdatePrinterBody } from "@ordered/contract";
import { z } from "zod";
import { label, labels } from "../db/enums.js";
import { isUniqueViolation } from "../db/errors.js";
import type { PrismaClient } from "../db/prisma.js";
import { isoText, type SqlRunner, sql, sqlTransaction, statement } from "../db/sql.js";
import { AppError } from "../errors.js";

const Row = z.strictObject({ dto: PrinterDto });
const PRINTER_JSON = sql`json_build_object('id', p.id, 'name', p.name, 'host', p.host, 'port', p.port,
  'paperWidthMm', p.paper_width_mm, 'codepage', p.codepage, 'via', p.via, 'createdAt', ${isoText("p.created_at")})`;

const LIST = statement<{ locationId: string; id: string | null }>(
  "printers.list",
  (q) => sql`SELECT ${PRINTER_JSON} AS dto FROM printer p
    WHERE p.location_id = ${q.locationId}::uuid AND (${q.id}::uuid IS NULL OR p.id = ${q.id}::uuid)
    ORDER BY lower(p.name), p.id`,
);
/** The location row orders concurrent additions, so the count holds. */
const LOCK_LOCATION = statement<{ locationId: string }>(
  "printers.lock-location",
  (q) => sql`SELECT 1 FROM location WHERE id = ${q.locationId}::uuid FOR NO KEY UPDATE`,
);
const COUNT = statement<{ locationId: string }>(
  "printers.count",
  (q) => sql`SELECT count(*)::int AS n FROM printer WHERE location_id = ${q.locationId}::uuid`,
);
const CREATE = statement<{
  locationId: string;
  name: string;
  host: string;
  port: number;
  paperWidthMm: number;
  codepage: string;
  via: PrinterVia;
}>(
  "printers.create",
  (q) => sql`INSERT INTO printer AS p (id, location_id, name, host, port, paper_width_mm, codepage, via)
    VALUES (gen_random_uuid(), ${q.locationId}::uuid, ${q.name}, ${q.host}, ${q.port}::int, ${q.paperWidthMm}::int, ${q.codepage},
            ${q.via}::"PrinterVia")
    RETURNING ${PRINTER_JSON} AS dto`,
);
const UPDATE = statement<{
  id: string;
  locationId: string;
  name: string | null;
  host: string | null;
  port: number | null;
  paperWidthMm: number | null;
  codepage: string | null;
  via: PrinterVia | null;
}>(
  "printers.update",
  (q) => sql`UPDATE printer p SET name = coalesce(${q.name}, p.name), host = coalesce(${q.host}, p.host),
      port = coalesce(${q.port}::int, p.port), paper_width_mm = coalesce(${q.paperWidthMm}::int, p.paper_width_mm),
      codepage = coalesce(${q.codepage}, p.codepage), via = coalesce(${q.via}::"PrinterVia", p.via)
    WHERE p.id = ${q.id}::uuid AND p.location_id = ${q.locationId}::uuid
    RETURNING ${PRINTER_JSON} AS dto`,
);
const DELETE = statement<{ id: string; locationId: string }>(
  "printers.delete",
  (q) => sql`DELETE FROM printer WHERE id = ${q.id}::uuid AND location_id = ${q.locationId}::uuid RETURNING id`,
);
/** Its jobs not printed yet are given up, saying why (their paper has nowhere to come out). */
const CANCEL_JOBS = statement<{ id: string; locationId: string }>(
  "printers.cancel-jobs",
  (q) => sql`UPDATE print_job SET status = ${label("PrintJobStatus", "CANCELLED")}, last_error = 'its printer was removed'
    WHERE printer_id = ${q.id}::uuid AND location_id = ${q.locationId}::uuid AND status IN ${labels("PrintJobStatus", ["QUEUED", "PRINTING"])}`,
);
const Count = z.strictObject({ n: z.number().int() });
const Deleted = z.strictObject({ id: z.uuid() });

const duplicate = (name: string) => new AppError("CONFLICT", `a printer named "${name}" already exists`);

export async function loadPrinters(db: SqlRunner, locationId: string, id?: string): Promise<PrinterDto[]> {
  return (await db.rows(Row, LIST, { locationId, id: id ?? null })).map((r) => r.dto);
}

export async function loadPrinter(db: SqlRunner, locationId: string, id: string): Promise<PrinterDto> {
  const [printer] = await loadPrinters(db, locationId, id);
  if (!printer) throw AppError.notFound("printer");
  return printer;
}

export async function createPrinter(prisma: PrismaClient, locationId: string, body: z.output<typeof PrinterBody>): Promise<PrinterDto> {
  try {
    return await sqlTransaction(prisma, async (db) => {
      await db.run(LOCK_LOCATION, { locationId });
      const count = (await db.row(Count, COUNT, { locationId }))?.n ?? 0;
      if (count >= LIMITS.printer.maxPerLocation) {
        throw new AppError("CONFLICT", `a location has at most ${LIMITS.printer.maxPerLocation} printers: remove one first`);
      }
      const row = await db.row(Row, CREATE, { locationId, ...body });
      if (!row) throw new Error("the printer just inserted is not there");
      return row.dto;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicate(body.name);
    throw err;
  }
}

export async function updatePrinter(
  prisma: PrismaClient,
  locationId: string,
  id: string,
  body: z.output<typeof UpdatePrinterBody>,
): Promise<PrinterDto> {
  try {
    const row = await sqlTransaction(prisma, (db) =>
      db.row(Row, UPDATE, {
        id,
        locationId,
        name: body.name ?? null,
        host: body.host ?? null,
        port: body.port ?? null,
        paperWidthMm: body.paperWidthMm ?? null,
        codepage: body.codepage ?? null,
        via: body.via ?? null,
      }),
    );
    if (!row) throw AppError.notFound("printer");
    return row.dto;
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicate(body.name ?? "");
    throw err;
  }
}

export async function deletePrinter(prisma: PrismaClient, locationId: string, id: string): Promise<void> {
  const gone = await sqlTransaction(prisma, async (db) => {
    await db.run(CANCEL_JOBS, { id, locationId });
    return db.row(Deleted, DELETE, { id, locationId });
  });
  if (!gone) throw AppError.notFound("printer");
}
