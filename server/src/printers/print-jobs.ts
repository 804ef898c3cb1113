/**
 * The print jobs' statements (issue 34): which printers have work, a worker's hold on one
 * printer (its lease), a job's moves QUEUED → PRINTING → PRINTED (or back to QUEUED), the
 * move of a failing printer's tickets to their station's backup, and what a printer said.
 * Jobs themselves are made by triggers (migration 20261230000000_print_jobs) and by staff's
 * requests; the worker that prints them is print-worker.ts.
 */
import { BridgePrinterDto, PRINT_JOB_KINDS, PRINTER_CODEPAGES, PRINTER_VIAS, PrinterHealthDto, type PrinterVia } from "@ordered/contract";
import { z } from "zod";
import { label, labels } from "../db/enums.js";
import { CLOCK, isoText, type SqlRunner, sql, statement } from "../db/sql.js";

const OPEN = labels("PrintJobStatus", ["QUEUED", "PRINTING"]);

const PrinterIds = z.strictObject({ printerId: z.uuid() });
const DIRECT = label("PrinterVia", "DIRECT");
const BRIDGE = label("PrinterVia", "BRIDGE");

const OF_LOCATION = statement<{ locationId: string }>(
  "print-jobs.printers-of-location",
  (p) => sql`SELECT DISTINCT j.printer_id AS "printerId", pr.via FROM print_job j JOIN printer pr ON pr.id = j.printer_id
    WHERE j.location_id = ${p.locationId}::uuid AND j.status IN ${OPEN}`,
);
const WithVia = z.strictObject({ printerId: z.uuid(), via: z.enum(PRINTER_VIAS) });

/** The printers of a location with jobs to print, and whether the servers or a bridge reach each. */
export async function printersWithJobs(db: SqlRunner, locationId: string): Promise<{ printerId: string; via: PrinterVia }[]> {
  return db.rows(WithVia, OF_LOCATION, { locationId });
}

const SWEEP = statement<{ afterMs: number }>(
  "print-jobs.sweep",
  (p) => sql`SELECT DISTINCT j.printer_id AS "printerId" FROM print_job j JOIN printer pr ON pr.id = j.printer_id
    WHERE j.status IN ${OPEN} AND pr.via = ${DIRECT}
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
    WHERE problem IS NOT NULL AND via = ${DIRECT} AND (lease_until IS NULL OR lease_until < ${CLOCK})
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
    WHERE pr.via = ${DIRECT} AND (pr.lease_until IS NULL OR pr.lease_until < ${CLOCK})
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

const LEASE = statement<{ id: string; owner: string; ms: number; via: PrinterVia; locationId: string | null }>(
  "print-jobs.lease",
  (p) => sql`UPDATE printer SET lease_owner = ${p.owner}, lease_until = ${CLOCK} + make_interval(secs => ${p.ms}::int / 1000.0)
    WHERE id = ${p.id}::uuid AND via = ${p.via}::"PrinterVia" AND (${p.locationId}::uuid IS NULL OR location_id = ${p.locationId}::uuid)
      AND (lease_until IS NULL OR lease_until < ${CLOCK} OR lease_owner = ${p.owner})
    RETURNING id, location_id AS "locationId", name, host, port, paper_width_mm AS "paperWidthMm", codepage, problem`,
);

/**
 * Takes (or renews) `owner`'s hold on a printer for `ms`: null when another worker (or bridge)
 * holds it. Only the holder sends jobs to a printer, so its tickets come out one at a time, in
 * order. The servers' workers lease DIRECT printers; a bridge, its location's BRIDGE ones.
 */
export async function leasePrinter(
  db: SqlRunner,
  id: string,
  owner: string,
  ms: number,
  reach: { via: PrinterVia; locationId?: string } = { via: "DIRECT" },
): Promise<LeasedPrinter | null> {
  return (await db.row(LeasedPrinter, LEASE, { id, owner, ms, via: reach.via, locationId: reach.locationId ?? null })) ?? null;
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

const PRINTED = statement<{ id: string; content: string | null }>(
  "print-jobs.printed",
  // The copy that printed said REPRINT exactly when one may have been on paper before it (startJob).
  (p) => sql`UPDATE print_job SET status = ${label("PrintJobStatus", "PRINTED")}, printed_at = ${CLOCK},
      content = coalesce(${p.content}, content), reprint = maybe_printed, last_error = NULL
    WHERE id = ${p.id}::uuid AND status = ${label("PrintJobStatus", "PRINTING")}`,
);

/** PRINTED, keeping what it printed (`content` null: kept from when it was handed to a bridge). */
export async function jobPrinted(db: SqlRunner, id: string, content: string | null): Promise<void> {
  await db.run(PRINTED, { id, content });
}

const SET_CONTENT = statement<{ id: string; content: string }>(
  "print-jobs.set-content",
  (p) => sql`UPDATE print_job SET content = ${p.content} WHERE id = ${p.id}::uuid`,
);

/** What a job's copy says, stored when it is handed to a bridge (which sends bytes, not text). */
export async function setJobContent(db: SqlRunner, id: string, content: string): Promise<void> {
  await db.run(SET_CONTENT, { id, content });
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

// --- Print bridges (printers the servers cannot reach; printers/print-bridge.handlers.ts) ---

const BRIDGE_DUE = statement<{ locationId: string; owner: string; retryMs: number }>(
  "print-jobs.bridge-due",
  (p) => sql`SELECT pr.id AS "printerId" FROM printer pr
    JOIN LATERAL (SELECT min(seq) AS first FROM print_job j WHERE j.printer_id = pr.id AND j.status IN ${OPEN}) open ON open.first IS NOT NULL
    WHERE pr.location_id = ${p.locationId}::uuid AND pr.via = ${BRIDGE}
      AND (pr.lease_until IS NULL OR pr.lease_until < ${CLOCK} OR pr.lease_owner = ${p.owner})
      AND (pr.problem IS NULL OR pr.checked_at IS NULL OR pr.checked_at < ${CLOCK} - make_interval(secs => ${p.retryMs}::int / 1000.0))
    ORDER BY open.first`,
);

/** The location's bridge printers with jobs a bridge may take now (a failing one once per `retryMs`), oldest job first. */
export async function bridgePrintersDue(db: SqlRunner, locationId: string, owner: string, retryMs: number): Promise<string[]> {
  return (await db.rows(PrinterIds, BRIDGE_DUE, { locationId, owner, retryMs })).map((r) => r.printerId);
}

const BRIDGE_CHECKS = statement<{ locationId: string; retryMs: number }>(
  "print-jobs.bridge-checks",
  (p) => sql`SELECT id, name, host, port FROM printer
    WHERE location_id = ${p.locationId}::uuid AND via = ${BRIDGE} AND problem IS NOT NULL
      AND (checked_at IS NULL OR checked_at < ${CLOCK} - make_interval(secs => ${p.retryMs}::int / 1000.0))
    ORDER BY lower(name), id`,
);

/** The location's failing bridge printers not asked for `retryMs`: a bridge asks them and reports. */
export async function bridgeChecksDue(db: SqlRunner, locationId: string, retryMs: number): Promise<BridgePrinterDto[]> {
  return db.rows(BridgePrinterDto, BRIDGE_CHECKS, { locationId, retryMs });
}

const BRIDGE_JOB = statement<{ jobId: string; locationId: string; owner: string }>(
  "print-jobs.bridge-job",
  (
    p,
  ) => sql`SELECT pr.id, pr.location_id AS "locationId", pr.name, pr.host, pr.port, pr.paper_width_mm AS "paperWidthMm", pr.codepage, pr.problem
    FROM print_job j JOIN printer pr ON pr.id = j.printer_id
    WHERE j.id = ${p.jobId}::uuid AND j.location_id = ${p.locationId}::uuid AND j.status = ${label("PrintJobStatus", "PRINTING")}
      AND pr.via = ${BRIDGE} AND pr.lease_owner = ${p.owner}`,
);

/** The printer of a job this bridge was given and still holds (null: not its job, or taken over since). */
export async function bridgeJobPrinter(db: SqlRunner, jobId: string, locationId: string, owner: string): Promise<LeasedPrinter | null> {
  return (await db.row(LeasedPrinter, BRIDGE_JOB, { jobId, locationId, owner })) ?? null;
}

const BRIDGE_PRINTER = statement<{ id: string; locationId: string }>(
  "print-jobs.bridge-printer",
  (p) => sql`SELECT id, location_id AS "locationId", name, host, port, paper_width_mm AS "paperWidthMm", codepage, problem
    FROM printer WHERE id = ${p.id}::uuid AND location_id = ${p.locationId}::uuid AND via = ${BRIDGE}`,
);

export async function bridgePrinter(db: SqlRunner, id: string, locationId: string): Promise<LeasedPrinter | null> {
  return (await db.row(LeasedPrinter, BRIDGE_PRINTER, { id, locationId })) ?? null;
}

const UNSERVED = statement<{ waitMs: number }>(
  "print-jobs.bridge-unserved",
  (p) => sql`SELECT DISTINCT pr.id, pr.location_id AS "locationId", pr.name, pr.host, pr.port, pr.paper_width_mm AS "paperWidthMm",
      pr.codepage, pr.problem
    FROM printer pr JOIN print_job j ON j.printer_id = pr.id AND j.status = ${label("PrintJobStatus", "QUEUED")}
    WHERE pr.via = ${BRIDGE} AND pr.problem IS NULL AND (pr.lease_until IS NULL OR pr.lease_until < ${CLOCK})
      AND j.created_at < ${CLOCK} - make_interval(secs => ${p.waitMs}::int / 1000.0)
    LIMIT 200`,
);

/** Bridge printers whose jobs have waited `waitMs` with no bridge taking them: no bridge is connected. */
export async function unservedBridgePrinters(db: SqlRunner, waitMs: number): Promise<LeasedPrinter[]> {
  return db.rows(LeasedPrinter, UNSERVED, { waitMs });
}

const Locations = z.strictObject({ locationId: z.uuid() });
const BRIDGE_WAITING = statement(
  "print-jobs.bridge-waiting",
  () => sql`SELECT DISTINCT pr.location_id AS "locationId" FROM printer pr
    JOIN print_job j ON j.printer_id = pr.id AND j.status IN ${OPEN}
    WHERE pr.via = ${BRIDGE} LIMIT 500`,
);

/** Locations whose bridge printers have jobs (their bridges are woken again, in case a wake was lost). */
export async function locationsWaitingOnBridges(db: SqlRunner): Promise<string[]> {
  return (await db.rows(Locations, BRIDGE_WAITING)).map((r) => r.locationId);
}
