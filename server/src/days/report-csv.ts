/**
 * A range report as CSV (RFC 4180): a row per business day and a last row with the totals,
 * each amount a plain decimal ("1234.50") with the currency in a column of its own, so a
 * spreadsheet adds the rows up to the total row, and the total row says what the JSON report
 * says. Per tax rate a net, tax and gross column; per payment method (whatever the contract's
 * list holds) what it took net of refunds. UTF-8 with a byte order mark, which Excel needs to
 * read it as UTF-8; CRLF line ends.
 */
import { decimalText, PAYMENT_METHODS, type ReportTotalsDto } from "@ordered/contract";
import type { RangeReport } from "./reports.service.js";

/** A field as CSV writes it: quoted when it holds a quote, comma or line break; text a spreadsheet would run as a formula is defused. */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return "";
  if (typeof value !== "string") return String(value);
  // =, +, -, @ (and tab, CR) start a formula in Excel and its kin (OWASP "CSV injection").
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const rateName = (t: { rateBps: number; name: string | null }) => `${t.name ? `${t.name} ` : ""}${t.rateBps / 100}%`;

export function reportCsv({ report, dayTotals, currency }: RangeReport): string {
  // Every rate that occurs in the range gets its columns, highest first.
  const rates = report.totals.taxes.map((t) => ({ rateBps: t.rateBps, name: t.name }));
  const header = [
    "business_day",
    "closed",
    "currency",
    "receipts",
    "first_receipt",
    "last_receipt",
    "gross",
    "net",
    "tax",
    ...rates.flatMap((r) => [`net ${rateName(r)}`, `tax ${rateName(r)}`, `gross ${rateName(r)}`]),
    "lines",
    "line_corrections",
    "bill_discounts",
    "service_charge",
    ...PAYMENT_METHODS.map((m) => `paid ${m}`),
    "paid",
    "refunded",
    "tips",
    "waived",
    "voided",
    "comped",
    "discounted",
  ];
  const row = (first: string, closed: boolean | null, t: ReportTotalsDto) => {
    const money = (cents: number) => decimalText(cents);
    const taxOf = (r: { rateBps: number; name: string | null }) => t.taxes.find((x) => x.rateBps === r.rateBps && x.name === r.name);
    return [
      first,
      closed === null ? "" : closed ? "yes" : "no",
      currency,
      t.receipts,
      t.firstReceipt,
      t.lastReceipt,
      money(t.totalCents),
      money(t.netCents),
      money(t.taxCents),
      ...rates.flatMap((r) => {
        const x = taxOf(r);
        return [money(x?.netCents ?? 0), money(x?.taxCents ?? 0), money(x?.grossCents ?? 0)];
      }),
      money(t.linesCents),
      money(t.lineCorrectionsCents),
      money(t.billDiscountCents),
      money(t.serviceChargeCents),
      ...PAYMENT_METHODS.map((m) => money(t.payments.find((p) => p.method === m)?.netCents ?? 0)),
      money(t.paidCents),
      money(t.refundedCents),
      money(t.tipCents),
      money(t.waivedCents),
      money(t.voidedCents),
      money(t.compedCents),
      money(t.discountedCents),
    ];
  };
  const lines = [
    header,
    ...report.days.map((d) => row(d.businessDay, d.closed, dayTotals.get(d.businessDay)!)),
    row("Total", null, report.totals),
  ];
  return `\uFEFF${lines.map((l) => l.map(csvField).join(",")).join("\r\n")}\r\n`;
}
