/**
 * A bill or a receipt on the receipt printer (issue 34), rendered when its job prints:
 *
 * - the bill of an open table, headed "BILL - not a receipt" (no proof of payment): its lines
 *   with options and corrections, discounts, service charge, taxes per rate, total, paid, due;
 * - the receipt of a closed one: who issues it (legal name, address, tax id), its number, when
 *   it closed on the venue's clock, its lines, its totals, the tax table (net, tax, gross per
 *   rate), who paid what and the payments.
 *
 * Both in the language staff asked for, with the mailed receipt's wording and rows
 * (receipts/receipt-rows.ts) over the bill the contract's `billOf` computed: the same amounts
 * as the receipt on screen and in the mail, to the cent. Laid out to the paper's columns.
 */
import { type BillDto, LocationDto, type PaymentDto, RECEIPT_LANGUAGES, type ReceiptLanguage } from "@ordered/contract";
import { z } from "zod";
import { type SqlRunner, sql, statement } from "../db/sql.js";
import { LOCATION_JSON } from "../locations/location-dto.sql.js";
import { LOCALES, type ReceiptRows, type Row, receiptRows } from "../receipts/receipt-rows.js";
import { loadBill, loadReceipt } from "../sessions/session-extras.sql.js";
import { amountRow, centre, encodePaper, type PaperLine, paperText, plainText, tableRow, wrap } from "./paper.js";
import { printText } from "./print-messages.js";
import type { PrintablePrinter, RenderedJob } from "./rendered.js";
import { COLUMNS } from "./test-page.js";

/** What a bill's or receipt's job says about itself. */
export interface ReceiptJob {
  id: string;
  kind: "BILL" | "RECEIPT";
  sessionId: string;
  /** A copy may be on paper already: this one says REPRINT. */
  reprint: boolean;
}

const Context = z.strictObject({
  language: z.enum(RECEIPT_LANGUAGES).nullable(),
  label: z.string(),
  location: LocationDto,
});
const CONTEXT = statement<{ id: string }>(
  "printers.receipt-context",
  (p) => sql`SELECT j.language, s.label, ${LOCATION_JSON} AS location
    FROM print_job j JOIN order_session s ON s.id = j.session_id JOIN location l ON l.id = s.location_id
    WHERE j.id = ${p.id}::uuid`,
);

/** What the document is about, whichever of the two it is. */
interface Paper {
  location: LocationDto;
  label: string;
  bill: BillDto;
  payments: readonly PaymentDto[];
  waiveReason: string | null;
  /** The receipt's own: its number and when it closed; absent on a bill. */
  receipt?: { number: number | null; closedAt: string };
}

export async function renderReceiptJob(db: SqlRunner, job: ReceiptJob, printer: PrintablePrinter, now = new Date()): Promise<RenderedJob> {
  const context = await db.row(Context, CONTEXT, { id: job.id });
  if (!context) throw new Error(`print job ${job.id}: its session is gone`);
  const language = context.language ?? "en";
  let paper: Paper;
  if (job.kind === "RECEIPT") {
    const receipt = await loadReceipt(db, job.sessionId);
    if (!receipt) throw new Error(`print job ${job.id}: session ${job.sessionId} has no receipt (not closed)`);
    paper = { ...receipt, receipt: { number: receipt.number, closedAt: receipt.closedAt } };
  } else {
    const { bill, payments } = await loadBill(db, job.sessionId);
    paper = { location: context.location, label: context.label, bill, payments, waiveReason: null };
  }
  const lines = layOut(paper, language, COLUMNS[printer.paperWidthMm], job.reprint, now);
  return { bytes: encodePaper(printer, lines), text: paperText(printer, lines) };
}

/** The document as lines of paper `width` characters wide. */
export function layOut(paper: Paper, language: ReceiptLanguage, width: number, reprint: boolean, now: Date): PaperLine[] {
  const { location, bill } = paper;
  const rows = receiptRows({ bill, payments: paper.payments, waiveReason: paper.waiveReason, timeZone: location.timeZone }, language);
  const { t, when } = rows;
  const p = (id: Parameters<typeof printText>[1], values?: Record<string, string>) => printText(language, id, values);
  const out: PaperLine[] = [];
  const centered = (text: string, style: Omit<PaperLine, "text"> = {}) => {
    for (const l of centre(text, width)) out.push({ text: l, ...style });
  };
  const rule = () => out.push({ text: "-".repeat(width) });
  const blank = () => out.push({ text: "" });

  if (reprint) centered(p("reprint"), { bold: true });
  centered(location.name, { bold: true, tall: true });
  if (paper.receipt) {
    if (location.legalName && location.legalName !== location.name) centered(location.legalName);
    for (const line of location.address?.split("\n") ?? []) centered(line);
    if (location.taxId) centered(t("receipt.taxId", { id: location.taxId }));
    blank();
    if (paper.receipt.number !== null) centered(t("receipt.number", { n: paper.receipt.number }), { bold: true });
    centered(paper.label);
    centered(t("receipt.closed", { when: when(paper.receipt.closedAt) }));
  } else {
    blank();
    centered(p("bill"), { bold: true });
    centered(paper.label);
    centered(p("printedAt", { when: when(now.toISOString()) }));
  }
  rule();
  if (rows.lines.length === 0) out.push(...plain(wrap(plainText(t("receipt.noItems")), width)));
  for (const row of rows.lines) out.push(...rowLines(row, width));
  rule();
  for (const row of rows.sums) out.push(...rowLines(row, width));
  out.push(...taxTable(rows, bill, language, width));
  if (rows.shares.length > 0) {
    blank();
    out.push({ text: t("receipt.byPhone"), bold: true });
    for (const row of rows.shares) out.push(...rowLines(row, width));
  }
  if (rows.payments.length > 0) {
    blank();
    out.push({ text: t("receipt.payments"), bold: true });
    for (const row of rows.payments) out.push(...rowLines(row, width));
  }
  return out;
}

function plain(lines: string[], style: Omit<PaperLine, "text"> = {}): PaperLine[] {
  return lines.map((text) => ({ text, ...style }));
}

/** A row: its label and amount, then its detail (options, corrections, reasons) indented under it. */
function rowLines(row: Row, width: number): PaperLine[] {
  return [
    ...plain(amountRow(row.label, row.amount, width), row.strong ? { bold: true } : {}),
    ...(row.detail ? plain(wrap(plainText(row.detail), width - 2).map((l) => `  ${l}`)) : []),
  ];
}

/** Net, tax and gross per rate, in the bill's currency (named once in the heading, so the columns fit). */
function taxTable(rows: ReceiptRows, bill: BillDto, language: ReceiptLanguage, width: number): PaperLine[] {
  if (rows.taxes.length === 0) return [];
  const { t } = rows;
  const amount = new Intl.NumberFormat(LOCALES[language], { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const amounts = rows.taxes.map((r) => [r.netCents, r.taxCents, r.grossCents].map((c) => amount.format(c / 100)));
  // Columns as wide as the widest amount and a space: an amount is never cut (a heading may be).
  const column = Math.max(width >= 48 ? 12 : 8, ...amounts.flat().map((a) => a.length + 1));
  return [
    { text: "" },
    { text: printText(language, "taxesIn", { currency: bill.currency }), bold: true },
    ...(bill.pricesIncludeTax ? [] : plain(wrap(plainText(t("receipt.netPrices")), width))),
    ...plain(tableRow(rows.taxHead, width, column)),
    ...rows.taxes.flatMap((r, i) => plain(tableRow([r.rate, ...amounts[i]!], width, column))),
  ];
}
