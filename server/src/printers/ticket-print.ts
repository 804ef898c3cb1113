/**
 * A kitchen ticket on paper (issue 34): what a cook reads at a glance. Rendered when the job
 * prints, from the order as it is then (a line voided meanwhile shows voided), in the
 * kitchen's language.
 */
import { type OrderDto, orderName } from "@ordered/contract";
import { z } from "zod";
import { isoText, type SqlRunner, sql, statement } from "../db/sql.js";
import { loadOrderDto } from "../orders/order-dto.sql.js";
import type { PrintablePrinter, RenderedJob } from "./rendered.js";
import { encoderFor } from "./test-page.js";

/** What a ticket's or a void slip's job says about itself. */
export interface TicketJob {
  kind: "TICKET" | "VOID";
  ticketId: string;
  correctionId: string | null;
  source: string;
  /** A copy may be on paper already: this one says REPRINT. */
  reprint: boolean;
}

const Context = z.strictObject({
  orderId: z.uuid(),
  stationId: z.uuid(),
  courseId: z.uuid().nullable(),
  table: z.string(),
  location: z.string(),
  timeZone: z.string(),
  firedAt: z.string().nullable(),
});
const CONTEXT = statement<{ ticketId: string }>(
  "printers.ticket-context",
  (p) => sql`SELECT t.order_id AS "orderId", t.station_id AS "stationId", t.course_id AS "courseId", s.label AS "table",
      l.name AS location, l.time_zone AS "timeZone", ${isoText("t.fired_at")} AS "firedAt"
    FROM ticket t JOIN "order" o ON o.id = t.order_id JOIN order_session s ON s.id = o.session_id
    JOIN location l ON l.id = o.location_id
    WHERE t.id = ${p.ticketId}::uuid`,
);

export async function renderTicketJob(db: SqlRunner, job: TicketJob, printer: PrintablePrinter): Promise<RenderedJob> {
  const context = await db.row(Context, CONTEXT, { ticketId: job.ticketId });
  if (!context) throw new Error(`ticket ${job.ticketId} is gone`);
  const order = await loadOrderDto(db, { id: context.orderId });
  if (!order) throw new Error(`order ${context.orderId} is gone`);
  const ticket = order.tickets.find((t) => t.id === job.ticketId);
  const items = order.items.filter((i) => i.stationId === context.stationId && i.courseId === context.courseId);
  const lines: string[] = [];
  const voided = (i: OrderDto["items"][number]) => i.corrections.some((c) => c.kind === "VOID");
  if (job.reprint) lines.push("*** REPRINT ***");
  if (job.kind === "VOID") lines.push("*** VOID ***");
  else if (job.source.startsWith("refire:")) lines.push("*** RE-FIRE ***");
  lines.push(orderName(context.table, order.number));
  if (ticket?.station) lines.push(ticket.station + (ticket.course ? ` · ${ticket.course}` : ""));
  const time = new Intl.DateTimeFormat("en-GB", { timeZone: context.timeZone, timeStyle: "short" }).format(
    context.firedAt ? new Date(context.firedAt) : new Date(),
  );
  lines.push(time);
  const shown = job.kind === "VOID" ? items.filter((i) => i.corrections.some((c) => c.id === job.correctionId)) : items;
  for (const item of shown) {
    lines.push(`${item.quantity} x ${item.productName}${voided(item) && job.kind !== "VOID" ? " VOID" : ""}`);
    if (item.seat !== null) lines.push(`  seat ${item.seat}`);
    for (const o of item.options) lines.push(`  + ${o.name}`);
    if (item.note) lines.push(`  ! ${item.note}`);
    if (item.allergens.length) lines.push(`  allergens: ${item.allergens.join(", ")}`);
  }
  let encoder = encoderFor(printer);
  for (const line of lines) encoder = encoder.line(line);
  return { bytes: encoder.newline().cut().encode(), text: lines.join("\n") };
}
