/**
 * A kitchen ticket on paper (issue 34): what a cook reads at a glance, in the kitchen's
 * language (`location.kitchen_language`, ticket-words.ts), never the guest's. Rendered when the
 * job prints, from the order as it is then: a line voided meanwhile is marked VOID, not left
 * out (the cook may have started it). It shows what the kitchen display shows:
 *
 *   [REPRINT] [RE-FIRE | VOID]      inverted banners, double size
 *   Table 4 #2                      double size (contract orderName, as the screens say it)
 *   moved from Bar #1
 *   Grill              19:42        station, fired on the venue's clock
 *   Course: Mains
 *   2 x Margherita                  bold, double height
 *     Seat 2 / + options / Note: …
 *    ALLERGY                        inverted, the most prominent thing on the paper, over
 *    Declared: Peanuts · Vegan       the guest's declared allergies, diets and words (issue 35),
 *    CONTAINS: Peanuts               what of them the dish holds,
 *    + the note                      and a note that reads like an allergy
 *     Allergens: Gluten, Milk        the dish's own, compact: not shouting over the guest's
 *   [QR ordered:bump:<ticket>]      a scanner at the display bumps it
 *   cut
 *
 * A VOID slip (kind VOID) is the same header under a VOID banner with only the line(s) of its
 * correction, at the time of the void, without a QR code (it is nothing to bump).
 */
import {
  ALLERGENS,
  type AllergyDeclarationDto,
  bumpScanCode,
  conflictsOf,
  guestOfLine,
  isAllergyNote,
  isDeclared,
  KITCHEN_LANGUAGES,
  type OrderItemDto,
  orderName,
} from "@ordered/contract";
import { z } from "zod";
import { loadSessionAllergies } from "../allergies/allergies.sql.js";
import { type SqlRunner, sql, statement } from "../db/sql.js";
import { loadOrderDto } from "../orders/order-dto.sql.js";
import { encodePaper, type PaperItem, type PaperLine, type PrintablePrinter, paperText, type RenderedJob, wrapLines } from "./paper.js";
import { COLUMNS } from "./test-page.js";
import { TICKET_WORDS, type TicketWords } from "./ticket-words.js";

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
  sessionId: z.uuid(),
  locationId: z.uuid(),
  stationId: z.uuid(),
  courseId: z.uuid().nullable(),
  table: z.string(),
  timeZone: z.string(),
  language: z.enum(KITCHEN_LANGUAGES),
});
const CONTEXT = statement<{ ticketId: string }>(
  "printers.ticket-context",
  (
    p,
  ) => sql`SELECT t.order_id AS "orderId", o.session_id AS "sessionId", o.location_id AS "locationId", t.station_id AS "stationId", t.course_id AS "courseId", s.label AS "table",
      l.time_zone AS "timeZone", l.kitchen_language AS language
    FROM ticket t JOIN "order" o ON o.id = t.order_id JOIN order_session s ON s.id = o.session_id
    JOIN location l ON l.id = o.location_id
    WHERE t.id = ${p.ticketId}::uuid`,
);

const INDENT = "  ";
const isVoided = (item: OrderItemDto) => item.corrections.some((c) => c.kind === "VOID");

export async function renderTicketJob(db: SqlRunner, job: TicketJob, printer: PrintablePrinter): Promise<RenderedJob> {
  const context = await db.row(Context, CONTEXT, { ticketId: job.ticketId });
  if (!context) throw new Error(`ticket ${job.ticketId} is gone`);
  const order = await loadOrderDto(db, { id: context.orderId });
  if (!order) throw new Error(`order ${context.orderId} is gone`);
  const ticket = order.tickets.find((t) => t.id === job.ticketId);
  // The guests' declarations as they are when it prints (the display shows them live).
  const declarations = (await loadSessionAllergies(db, context.locationId, context.sessionId))?.declarations ?? [];
  const declaredFor = (item: OrderItemDto) => {
    const guest = guestOfLine(order, item);
    const found = declarations.find((d) => d.guest === guest);
    return isDeclared(found) ? found : null;
  };
  const words = TICKET_WORDS[context.language];
  const lines = order.items.filter((i) => i.stationId === context.stationId && i.courseId === context.courseId);
  const voiding = job.kind === "VOID";
  const shown = voiding ? lines.filter((i) => i.corrections.some((c) => c.id === job.correctionId)) : lines;
  const voidedAt = shown.flatMap((i) => i.corrections).find((c) => c.id === job.correctionId)?.at;
  const clock = new Intl.DateTimeFormat("en-GB", { timeZone: context.timeZone, timeStyle: "short" });
  const at = voiding ? voidedAt : ticket?.firedAt;

  const items: PaperItem[] = [];
  const add = (line: PaperLine, indent = "") => items.push(...wrapLines(printer, line, indent));
  const banner = (text: string) => add({ text: ` ${text} `, invert: true, big: true, bold: true, center: true });

  if (job.reprint) banner(words.reprint);
  if (voiding) banner(words.void);
  else if (job.source.startsWith("refire:")) banner(words.refire);
  add({ text: orderName(context.table, order.number), big: true, bold: true });
  if (order.movedFrom) add({ text: words.movedFrom(order.movedFrom) });
  add({ text: stationLine(ticket?.station ?? "", clock.format(at ? new Date(at) : new Date()), printer), bold: true });
  if (ticket?.course) add({ text: `${words.course}: ${ticket.course}`, bold: true });
  items.push({ rule: true });
  for (const item of shown) {
    for (const line of itemLines(item, words, !voiding && isVoided(item), declaredFor(item))) add(line.line, line.indent);
    items.push({ rule: true });
  }
  if (!voiding) items.push({ qr: bumpScanCode(job.ticketId) });
  return { bytes: encodePaper(printer, items), text: paperText(printer, items) };
}

/** The station's name and the time, the time at the right edge when both fit on a line. */
function stationLine(station: string, time: string, printer: PrintablePrinter): string {
  const width = COLUMNS[printer.paperWidthMm];
  const gap = width - station.length - time.length;
  return gap >= 1 ? `${station}${" ".repeat(gap)}${time}` : `${station} ${time}`;
}

/**
 * One order line as the cook reads it; `voided`: struck on a ticket printed after its void;
 * `declared`: the declaration of the guest it is for.
 */
function itemLines(
  item: OrderItemDto,
  words: TicketWords,
  voided: boolean,
  declared: AllergyDeclarationDto | null,
): { line: PaperLine; indent?: string }[] {
  const out: { line: PaperLine; indent?: string }[] = [];
  if (voided) out.push({ line: { text: ` ${words.void} `, invert: true, bold: true } });
  out.push({ line: { text: `${item.quantity} x ${item.productName}`, bold: true, tall: true }, indent: INDENT });
  if (item.seat !== null) out.push({ line: { text: `${INDENT}${words.seat(item.seat)}` }, indent: INDENT });
  for (const o of item.options) out.push({ line: { text: `${INDENT}+ ${o.name}` }, indent: `${INDENT}  ` });
  const allergyNote = !!item.note && isAllergyNote(item.note);
  // Inverted and bold, twice: a missed allergy can cost far more than a glance.
  if (declared || allergyNote) out.push({ line: { text: ` !! ${words.allergy} !! `, invert: true, bold: true, big: true } });
  if (declared) {
    const said = [...declared.allergens.map((a) => words.allergenNames[a]), ...declared.diets.map((d) => words.dietNames[d])];
    if (said.length > 0) out.push({ line: { text: `${words.declared}: ${said.join(" · ")}`, invert: true, bold: true, tall: true } });
    if (declared.note) out.push({ line: { text: `"${declared.note}"`, invert: true, bold: true } });
    const contains = conflictsOf(declared, item).allergens.map((a) => words.allergenNames[a]);
    if (contains.length > 0)
      out.push({ line: { text: `>> ${words.contains}: ${contains.join(", ")} <<`, invert: true, bold: true, tall: true } });
  }
  if (item.note && allergyNote) out.push({ line: { text: item.note, invert: true, bold: true, tall: true } });
  else if (item.note) out.push({ line: { text: `${INDENT}${words.note}: ${item.note}` }, indent: INDENT });
  // The dish's own allergens, compact: the guest's declaration above is what must stand out.
  const allergens = ALLERGENS.filter((a) => item.allergens.includes(a)).map((a) => words.allergenNames[a]);
  if (allergens.length > 0) out.push({ line: { text: `${INDENT}${words.allergens}: ${allergens.join(", ")}` }, indent: INDENT });
  return out;
}
