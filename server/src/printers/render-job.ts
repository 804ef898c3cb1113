/**
 * A print job's bytes, made when it prints (not when it is queued): a ticket shows its order
 * as it is then, and a copy that may already be on paper says REPRINT.
 */
import type { SqlRunner } from "../db/sql.js";
import type { OpenJob } from "./print-jobs.js";
import { renderReceiptJob } from "./receipt-print.js";
import type { PrintablePrinter, RenderedJob } from "./rendered.js";
import { renderTicketJob } from "./ticket-print.js";

export async function renderJob(db: SqlRunner, job: OpenJob, printer: PrintablePrinter, reprint: boolean): Promise<RenderedJob> {
  switch (job.kind) {
    case "TICKET":
    case "VOID":
      if (!job.ticketId) throw new Error(`print job ${job.id} (${job.kind}) has no ticket`);
      return renderTicketJob(
        db,
        { kind: job.kind, ticketId: job.ticketId, correctionId: job.correctionId, source: job.source, reprint },
        printer,
      );
    case "BILL":
    case "RECEIPT":
      if (!job.sessionId) throw new Error(`print job ${job.id} (${job.kind}) has no session`);
      return renderReceiptJob(db, { id: job.id, kind: job.kind, sessionId: job.sessionId, reprint }, printer);
  }
}
