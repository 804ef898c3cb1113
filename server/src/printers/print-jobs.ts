/**
 * The print jobs' statements (issue 34): which printers have work, a worker's hold on one
 * printer (its lease), a job's moves QUEUED → PRINTING → PRINTED (or back to QUEUED), the
 * move of a failing printer's tickets to their station's backup, and what a printer said.
 * Jobs themselves are made by triggers (migration 20261230000000_print_jobs) and by staff's
 * requests; the worker that prints them is print-worker.ts.
 */
import { PRINT_JOB_KINDS, PRINTER_CODEPAGES, PrinterHealthDto } from "@ordered/contract";
import { z } from "zod";
import { label, labels } from "../db/enums.js";
import { CLOCK, isoText, type SqlRunner, sql, statement } from "../db/sql.js";

const OPEN = labels("PrintJobStatus", ["QUEUED", "PRINTING"]);

const PrinterIds = z.strictObject({ printerId: z.uuid() });

const OF_LOCATION = statement<{ locationId: string }>(
  "print-jobs.printers-of-location",
  (p) => sql`SELECT DISTINCT printer_id AS "printerId" FROM print_job
    WHERE location_id = ${p.locationId}::uuid AND status IN ${OPEN} AND printer_id IS NOT NULL`,
);

/** The printers of a location with jobs to print. */
export async function printersWithJobs(db: SqlRunner, locationId: string): Promise<string[]> {
  return (await db.rows(PrinterIds, OF_LOCATION, { locationId })).map((r) => r.printerId);
}

const SWEEP = statement<{ afterMs: number }>(
  "print-jobs.sweep",
  (p) => sql`SELECT DISTINCT j.printer_id AS "printerId" FROM print_job j JOIN printer pr ON pr.id = j.printer_id
    WHERE j.status IN ${OPEN}
      AND (pr.lease_until IS NULL OR pr.lease_until < ${CLOCK})
      AND (j.created_at < ${CLOCK} - make_interval(secs => ${p.afterMs}::int / 1000.0)
           OR (j.status = ${label("PrintJobStatus", "PRINTING")} AND pr.lease_until IS NOT NULL))
    LIMIT 200`,
);

/**
 * Printers nobody holds with jobs waiting longer than `afterMs` (no wake reached a worker), or
 * with a job left PRINTING by a worker whose lease ran out (it died mid-job).
 */
export async function abandonedPrinters(db: SqlRunner, afterMs: number): Promise<string[]> {
  return (await db.rows(PrinterIds, SWEEP, { afterMs })).map((r) => r.printerId);
}

const FAILING_DUE = statement<{ ids: string[]; retryMs: number; afterMs: number }>(
  "print-jobs.failing-due",
  (p) => sql`SELECT id AS "printerId" FROM printer
    WHERE problem IS NOT NULL AND (lease_until IS NULL OR lease_until < ${CLOCK})
      AND (checked_at IS NULL OR checked_at < ${CLOCK} - make_interval(secs => (CASE WHEN id = ANY(${p.ids}::uuid[])
            THEN ${p.retryMs}::int ELSE greatest(${p.retryMs}::int, ${p.afterMs}::int) END) / 1000.0))
    LIMIT 200`,
);

/**
 * Failing printers nobody holds, to ask again: those in `ids` (this worker saw them fail) not
 * asked for `retryMs`, any other not asked for `afterMs` (a worker that saw it fail died).
 */
export async function failingPrintersDue(db: SqlRunner, ids: string[], retryMs: number, afterMs: number): Promise<string[]> {
  return (await db.rows(PrinterIds, FAILING_DUE, { ids, retryMs, afterMs })).map((r) => r.printerId);
}

const IDLE_DUE = statement<{ everyMs: number }>(
  "print-jobs.idle-due",
  (p) => sql`SELECT pr.id AS "printerId" FROM printer pr
    WHERE (pr.lease_until IS NULL OR pr.lease_until < ${CLOCK})
      AND (pr.checked_at IS NULL OR pr.checked_at < ${CLOCK} - make_interval(secs => ${p.everyMs}::int / 1000.0))
      AND (EXISTS (SELECT 1 FROM station_printer sp WHERE sp.printer_id = pr.id)
           OR EXISTS (SELECT 1 FROM station s WHERE s.backup_printer_id = pr.id)
           OR EXISTS (SELECT 1 FROM location l WHERE l.receipt_printer_id = pr.id))
    LIMIT 50`,
);

/** Printers in use not asked their status for `everyMs`. */
export async function idlePrintersDue(db: SqlRunner, everyMs: number): Promise<string[]> {
  return (await db.rows(PrinterIds, IDLE_DUE, { everyMs })).map((r) => r.printerId);
}

export const LeasedPrinter = z.strictObject({
  id: z.uuid(),
  locationId: z.uuid(),
  name: z.string(),
  host: z.string(),
  port: z.number().int(),
  paperWidthMm: z.union([z.literal(58), z.literal(80)]),
  codepage: z.enum(PRINTER_CODEPAGES),
  problem: z.string().nullable(),
});
export type LeasedPrinter = z.infer<typeof LeasedPrinter>;

const LEASE = statement<{ id: string; owner: string; ms: number }>(
  "print-jobs.lease",
  (p) => sql`UPDATE printer SET lease_owner = ${p.owner}, lease_until = ${CLOCK} + make_interval(secs => ${p.ms}::int / 1000.0)
    WHERE id = ${p.id}::uuid AND (lease_until IS NULL OR lease_until < ${CLOCK} OR lease_owner = ${p.owner})
    RETURNING id, location_id AS "locationId", name, host, port, paper_width_mm AS "paperWidthMm", codepage, problem`,
);

/**
 * Takes (or renews) `owner`'s hold on a printer for `ms`: null when another worker holds it.
 * Only the holder sends jobs to a printer, so its tickets come out one at a time, in order.
 */
export async function leasePrinter(db: SqlRunner, id: string, owner: string, ms: number): Promise<LeasedPrinter | null> {
  return (await db.row(LeasedPrinter, LEASE, { id, owner, ms })) ?? null;
}

const RELEASE = statement<{ id: string; owner: string }>(
  "print-jobs.release",
  (p) => sql`UPDATE printer SET lease_owner = NULL, lease_until = NULL WHERE id = ${p.id}::uuid AND lease_owner = ${p.owner}`,
);

export async function releasePrinter(db: SqlRunner, id: string, owner: string): Promise<void> {
  await db.run(RELEASE, { id, owner });
}

export const OpenJob = z.strictObject({
  id: z.uuid(),
  kind: z.enum(PRINT_JOB_KINDS),
  source: z.string(),
  ticketId: z.uuid().nullable(),
  sessionId: z.uuid().nullable(),
  correctionId: z.uuid().nullable(),
});
export type OpenJob = z.infer<typeof OpenJob>;

const NEXT = statement<{ printerId: string }>(
  "print-jobs.next",
  (p) => sql`SELECT id, kind, source, ticket_id AS "ticketId", session_id AS "sessionId", correction_id AS "correctionId"
    FROM print_job WHERE printer_id = ${p.printerId}::uuid AND status IN ${OPEN} ORDER BY seq LIMIT 1`,
);

/** The printer's oldest job not printed yet: tickets come out in the order they were made. */
export async function nextJob(db: SqlRunner, printerId: string): Promise<OpenJob | null> {
  return (await db.row(OpenJob, NEXT, { printerId })) ?? null;
}

const Started = z.strictObject({ reprint: z.boolean() });
const START = statement<{ id: string; printerId: string; owner: string }>(
  "print-jobs.start",
  (p) => sql`UPDATE print_job j SET status = ${label("PrintJobStatus", "PRINTING")}, attempts = j.attempts + 1, started_at = ${CLOCK},
      maybe_printed = j.maybe_printed OR j.status = ${label("PrintJobStatus", "PRINTING")}
    WHERE j.id = ${p.id}::uuid AND j.printer_id = ${p.printerId}::uuid AND j.status IN ${OPEN}
      AND EXISTS (SELECT 1 FROM printer WHERE id = ${p.printerId}::uuid AND lease_owner = ${p.owner} AND lease_until > ${CLOCK})
    RETURNING j.maybe_printed AS reprint`,
);

/**
 * Marks a job PRINTING (committed before a byte is sent): a job found PRINTING later was being
 * sent by a worker that died, so its next copy says REPRINT. Null: the job moved on, or the
 * lease was lost.
 */
export async function startJob(db: SqlRunner, id: string, printerId: string, owner: string): Promise<{ reprint: boolean } | null> {
  return (await db.row(Started, START, { id, printerId, owner })) ?? null;
}

const PRINTED = statement<{ id: string; content: string; reprint: boolean }>(
  "print-jobs.printed",
  (p) => sql`UPDATE print_job SET status = ${label("PrintJobStatus", "PRINTED")}, printed_at = ${CLOCK}, content = ${p.content},
      reprint = ${p.reprint}::boolean, last_error = NULL
    WHERE id = ${p.id}::uuid AND status = ${label("PrintJobStatus", "PRINTING")}`,
);

export async function jobPrinted(db: SqlRunner, id: string, content: string, reprint: boolean): Promise<void> {
  await db.run(PRINTED, { id, content, reprint });
}

const REQUEUE = statement<{ id: string; error: string; sent: boolean }>(
  "print-jobs.requeue",
  (p) => sql`UPDATE print_job SET status = ${label("PrintJobStatus", "QUEUED")}, last_error = ${p.error},
      maybe_printed = maybe_printed OR ${p.sent}::boolean
    WHERE id = ${p.id}::uuid AND status = ${label("PrintJobStatus", "PRINTING")}`,
);

/** Back to QUEUED after a failed attempt; `sent`: bytes went out, so the next copy says REPRINT. */
export async function requeueJob(db: SqlRunner, id: string, error: string, sent: boolean): Promise<void> {
  await db.run(REQUEUE, { id, error, sent });
}

const CANCEL = statement<{ id: string; error: string }>(
  "print-jobs.cancel",
  (p) => sql`UPDATE print_job SET status = ${label("PrintJobStatus", "CANCELLED")}, last_error = ${p.error}
    WHERE id = ${p.id}::uuid AND status IN ${OPEN}`,
);

/** Gives up a job (it cannot be rendered, or its printer was removed), saying why. */
export async function cancelJob(db: SqlRunner, id: string, error: string): Promise<void> {
  await db.run(CANCEL, { id, error });
}

const Moved = z.strictObject({ printerId: z.uuid() });
const TO_BACKUP = statement<{ printerId: string }>(
  "print-jobs.to-backup",
  (p) => sql`UPDATE print_job j SET printer_id = s.backup_printer_id
    FROM ticket t JOIN station s ON s.id = t.station_id JOIN printer b ON b.id = s.backup_printer_id
    WHERE j.printer_id = ${p.printerId}::uuid AND j.status = ${label("PrintJobStatus", "QUEUED")} AND j.ticket_id = t.id
      AND s.backup_printer_id <> ${p.printerId}::uuid AND b.problem IS NULL
    RETURNING j.printer_id AS "printerId"`,
);

/**
 * A failing printer's waiting tickets and voids go to their station's backup printer (when it
 * has one and it is not failing too), in the order they were made. Returns the backups that
 * got jobs.
 */
export async function moveToBackups(db: SqlRunner, printerId: string): Promise<string[]> {
  return [...new Set((await db.rows(Moved, TO_BACKUP, { printerId })).map((r) => r.printerId))];
}

const Changed = z.strictObject({ changed: z.boolean() });
const RECORD_STATUS = statement<{ id: string; problem: string | null }>(
  "print-jobs.record-status",
  // `before` is the row as this statement's snapshot saw it (a self-join: RETURNING shows only the new row).
  (p) => sql`UPDATE printer pr SET problem = ${p.problem}, checked_at = ${CLOCK},
      failing_since = CASE WHEN ${p.problem}::text IS NULL THEN NULL ELSE coalesce(pr.failing_since, ${CLOCK}) END
    FROM printer before
    WHERE pr.id = ${p.id}::uuid AND before.id = pr.id
    RETURNING before.problem IS DISTINCT FROM ${p.problem}::text AS changed`,
);

/** Stores what the printer said (null: ready); true when that differs from what was stored (an alert to send). */
export async function recordPrinterStatus(db: SqlRunner, id: string, problem: string | null): Promise<boolean> {
  return (await db.row(Changed, RECORD_STATUS, { id, problem }))?.changed ?? false;
}

const HealthRow = z.strictObject({ dto: PrinterHealthDto });
const HEALTH = statement<{ locationId: string; id: string | null }>(
  "print-jobs.health",
  (p) => sql`SELECT json_build_object(
      'printerId', pr.id, 'name', pr.name, 'problem', pr.problem, 'failingSince', ${isoText("pr.failing_since")},
      'waiting', (SELECT count(*)::int FROM print_job j WHERE j.printer_id = pr.id AND j.status IN ${OPEN}),
      'backups', coalesce((SELECT json_agg(DISTINCT b.name) FROM station_printer sp JOIN station s ON s.id = sp.station_id
                           JOIN printer b ON b.id = s.backup_printer_id
                           WHERE sp.printer_id = pr.id AND b.id <> pr.id), '[]'::json)) AS dto
    FROM printer pr
    WHERE pr.location_id = ${p.locationId}::uuid AND (${p.id}::uuid IS NULL OR pr.id = ${p.id}::uuid)
    ORDER BY pr.problem IS NULL, lower(pr.name), pr.id`,
);

/** How the location's printers are doing, failing ones first (GET /api/printers/health, `printer:status`). */
export async function printerHealth(db: SqlRunner, locationId: string, id?: string): Promise<PrinterHealthDto[]> {
  return (await db.rows(HealthRow, HEALTH, { locationId, id: id ?? null })).map((r) => r.dto);
}
