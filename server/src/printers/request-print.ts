/**
 * Staff ask for a session's bill (open) or receipt (closed) on paper (issue 34): one print_job
 * on the location's receipt printer, made by one statement, which the print workers deliver
 * as they deliver kitchen tickets (print-worker.ts). What it says is rendered when it prints
 * (receipt-print.ts): a bill printed a minute later shows the minute's bill.
 *
 * Exactly once per (session, clientPrintId), as a payment's id: the job's source
 * `bill:<session>:<clientPrintId>` is looked up first and is UNIQUE per printer, so a double
 * tap, a retry after a lost answer or two instances answering it make one job; a repeat
 * answers that job (200). A repeat asking another language is a CONFLICT: a new print needs a
 * new id.
 */
import { type PrintDocumentBody, PrintJobDto, type ReceiptLanguage } from "@ordered/contract";
import { z } from "zod";
import type { StaffPrincipal } from "../auth/tokens.js";
import { label } from "../db/enums.js";
import { isoText, type SqlRunner, sql, statement } from "../db/sql.js";
import { AppError } from "../errors.js";

type Document = z.output<typeof PrintDocumentBody>["document"];

const JOB_JSON = sql`json_build_object('id', j.id, 'kind', j.kind, 'status', j.status,
  'printer', (SELECT name FROM printer WHERE id = j.printer_id), 'language', coalesce(j.language, 'en'),
  'lastError', j.last_error, 'createdAt', ${isoText("j.created_at")}, 'printedAt', ${isoText("j.printed_at")})`;

const JobRow = z.strictObject({ dto: PrintJobDto });
const JOB = statement<{ id: string | null; source: string | null; locationId: string }>(
  "print-request.job",
  (p) => sql`SELECT ${JOB_JSON} AS dto FROM print_job j
    WHERE j.location_id = ${p.locationId}::uuid AND (j.id = ${p.id}::uuid OR j.source = ${p.source})
      AND j.kind IN (${label("PrintJobKind", "BILL")}, ${label("PrintJobKind", "RECEIPT")})
    ORDER BY j.seq LIMIT 1`,
);

const Requested = z.strictObject({
  session_status: z.enum(["OPEN", "CLOSED"]).nullable(),
  has_printer: z.boolean(),
  made: z.uuid().nullable(),
  earlier: z.uuid().nullable(),
});

/**
 * The job, unless this id asked before, the session is not this location's, it is in the
 * wrong state for the document, or there is no receipt printer: what was found says which.
 */
const REQUEST = statement<{
  sessionId: string;
  locationId: string;
  staffId: string;
  kind: Document;
  source: string;
  language: ReceiptLanguage;
}>(
  "print-request.make",
  (p) => sql`WITH s AS (
      SELECT s.id, s.status, l.receipt_printer_id AS printer_id
      FROM order_session s JOIN location l ON l.id = s.location_id
      WHERE s.id = ${p.sessionId}::uuid AND s.location_id = ${p.locationId}::uuid
    ), earlier AS (
      SELECT id FROM print_job WHERE location_id = ${p.locationId}::uuid AND source = ${p.source} ORDER BY seq LIMIT 1
    ), made AS (
      INSERT INTO print_job (id, location_id, printer_id, made_for_id, kind, source, session_id, requested_by_id, language)
      SELECT gen_random_uuid(), ${p.locationId}::uuid, s.printer_id, s.printer_id, ${p.kind}::"PrintJobKind", ${p.source},
             s.id, ${p.staffId}::uuid, ${p.language}
      FROM s
      WHERE s.printer_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM earlier)
        AND (s.status = ${label("SessionStatus", "OPEN")}) = (${p.kind}::"PrintJobKind" = ${label("PrintJobKind", "BILL")})
      ON CONFLICT (source, made_for_id) DO NOTHING
      RETURNING id
    )
    SELECT (SELECT status::text FROM s) AS session_status, coalesce((SELECT printer_id IS NOT NULL FROM s), false) AS has_printer,
           (SELECT id FROM made) AS made, (SELECT id FROM earlier) AS earlier`,
);

/** The job a bill's or receipt's print request made (`created`) or made before (a repeat). */
export async function requestPrint(
  db: SqlRunner,
  staff: StaffPrincipal,
  sessionId: string,
  body: z.output<typeof PrintDocumentBody>,
): Promise<{ job: PrintJobDto; created: boolean }> {
  const source = `${body.document.toLowerCase()}:${sessionId}:${body.clientPrintId}`;
  const r = await db.row(Requested, REQUEST, {
    sessionId,
    locationId: staff.locationId,
    staffId: staff.staffId,
    kind: body.document,
    source,
    language: body.language,
  });
  if (!r?.session_status) throw AppError.notFound("session");
  const made = r.made ?? r.earlier;
  if (made) {
    const job = await loadPrintJob(db, staff.locationId, made);
    if (!r.made && job.language !== body.language) {
      throw new AppError("CONFLICT", `print ${body.clientPrintId} was already asked in another language: a new print needs a new id`);
    }
    return { job, created: r.made !== null };
  }
  if (!r.has_printer) {
    throw new AppError(
      "NO_RECEIPT_PRINTER",
      "this location has no receipt printer: a manager sets one under Products → Printers (Bills and receipts print on)",
    );
  }
  if (body.document === "RECEIPT" && r.session_status === "OPEN") {
    throw new AppError("CONFLICT", "this table is still open: its receipt prints once it is closed (print its bill instead)");
  }
  if (body.document === "BILL" && r.session_status === "CLOSED") {
    throw new AppError("CONFLICT", "this table is closed: print its receipt instead of a bill");
  }
  // Another request with this id got in between our look and our insert (two instances).
  const other = await db.row(JobRow, JOB, { id: null, source, locationId: staff.locationId });
  if (!other) throw new Error(`print job ${source} neither made nor found`);
  return { job: other.dto, created: false };
}

/** A bill's or receipt's job of this location (another location's, or a ticket's: not found). */
export async function loadPrintJob(db: SqlRunner, locationId: string, id: string): Promise<PrintJobDto> {
  const row = await db.row(JobRow, JOB, { id, source: null, locationId });
  if (!row) throw AppError.notFound("print job");
  return row.dto;
}
