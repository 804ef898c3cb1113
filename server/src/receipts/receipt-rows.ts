/**
 * What a receipt says, row by row, in one of the receipts' languages: its lines with their
 * options and corrections, its totals, its taxes per rate, who paid what and the payments.
 * One wording for every place a receipt leaves the screen — the mail (render-receipt-mail.ts)
 * and the receipt printer (printers/receipt-print.ts) — taken from the stored bill (contract
 * billOf), so paper, mail and the screen (web ReceiptView) show the same amounts to the cent.
 */
import type { BillDto, BillShareDto, PaymentDto, ReceiptLanguage } from "@ordered/contract";
import { type MailMessageId, mailText } from "./mail-messages.js";

/** A row: a label, maybe a detail line under it, and an amount. */
export interface Row {
  label: string;
  detail?: string;
  amount: string;
  strong?: boolean;
}

/** One tax rate's line of the tax table; the amounts in cents, each renderer formats them. */
export interface TaxRow {
  rate: string;
  netCents: number;
  taxCents: number;
  grossCents: number;
}

export interface ReceiptRows {
  /** The message catalog in the receipt's language. */
  t: Translate;
  money: (cents: number) => string;
  /** A date and time on the venue's clock. */
  when: (iso: string) => string;
  lines: Row[];
  sums: Row[];
  /** Rate, net, tax, gross. */
  taxHead: [string, string, string, string];
  taxes: TaxRow[];
  /** Each phone's share, when more than one paid. */
  shares: Row[];
  payments: Row[];
}

export type Translate = (id: MailMessageId, values?: Record<string, string | number>) => string;

/** What the rows are made of: a receipt (ReceiptDto) has all of it; a running bill too. */
export interface RowsInput {
  bill: BillDto;
  payments: readonly PaymentDto[];
  waiveReason: string | null;
  timeZone: string;
}

export const LOCALES: Record<ReceiptLanguage, string> = { en: "en-GB", de: "de-DE", fr: "fr-FR", es: "es-ES", it: "it-IT" };

export function receiptRows({ bill, payments, waiveReason, timeZone }: RowsInput, language: ReceiptLanguage): ReceiptRows {
  const locale = LOCALES[language];
  const t: Translate = (id, values) => mailText(language, id, values);
  const money = (cents: number) => new Intl.NumberFormat(locale, { style: "currency", currency: bill.currency }).format(cents / 100);
  const percent = (bps: number) => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 3 }).format(bps / 10_000);
  const names = shareNames(bill.shares, t);
  const lines: Row[] = bill.lines.map((l) => ({
    label: `${l.quantity} × ${l.productName}${l.taxName ? ` (${l.taxName})` : ""}`,
    detail: [
      ...(l.options.length > 0 ? [l.options.join(" · ")] : []),
      ...l.corrections.map((c) =>
        c.kind === "DISCOUNT"
          ? t("correction.DISCOUNT", { amount: money(c.offCents) })
          : `${t(`correction.${c.kind}`)} (${money(-c.offCents)})`,
      ),
    ].join(" · "),
    amount: money(l.lineCents),
  }));
  return {
    t,
    money,
    when: (iso) => dateTime(iso, locale, timeZone),
    lines,
    sums: totals(bill, waiveReason, t, money, percent),
    taxHead: [t("receipt.rate"), t("receipt.net"), t("receipt.tax"), t("receipt.gross")],
    taxes: bill.taxes.map((r) => ({ rate: `${r.name ? `${r.name} ` : ""}${percent(r.rateBps)}`, ...r })),
    shares:
      bill.shares.length > 1
        ? bill.shares.map((s) => ({
            label: names.get(s.customerId) ?? t("bill.table"),
            amount: `${money(s.subtotalCents)} · ${t("bill.paid")} ${money(s.paidCents)}`,
          }))
        : [],
    payments: payments.map((p) => ({
      label: [
        `${p.kind === "REFUND" ? `${t("bill.refund")} ` : ""}${t(`bill.methods.${p.method}`)}`,
        p.tipCents > 0 ? t("bill.tip", { amount: money(p.tipCents) }) : null,
        p.customerId ? t("receipt.forPhone", { name: names.get(p.customerId) ?? t("receipt.aPhone") }) : null,
        dateTime(p.recordedAt, locale, timeZone, { timeStyle: "short" }),
      ]
        .filter(Boolean)
        .join(" · "),
      amount: money(p.kind === "REFUND" ? -p.amountCents : p.amountCents),
    })),
  };
}

/** Subtotal, discounts, service charge, added tax, total, paid, refunded, tips, waived, due: what the receipt's totals show. */
function totals(
  bill: BillDto,
  waiveReason: string | null,
  t: Translate,
  money: (cents: number) => string,
  percent: (bps: number) => string,
): Row[] {
  const rows: Row[] = [];
  if (bill.billDiscountCents > 0 || bill.serviceChargeCents > 0 || bill.taxAddedCents > 0 || bill.paymentRefundsCents > 0) {
    rows.push({ label: t("bill.subtotal"), amount: money(bill.subtotalCents) });
  }
  if (bill.billDiscountCents > 0) {
    const reasons = bill.discounts.map((d) => d.reason).filter(Boolean);
    rows.push({ label: t("bill.billDiscount"), detail: reasons.join(" · "), amount: money(-bill.billDiscountCents) });
  }
  if (bill.serviceChargeCents > 0) {
    rows.push({ label: t("bill.serviceCharge", { percent: percent(bill.serviceChargeBps) }), amount: money(bill.serviceChargeCents) });
  }
  const rate = (r: { name: string | null; rateBps: number }) => `${r.name ? `${r.name} ` : ""}${percent(r.rateBps)}`;
  // Net prices: each rate's tax added, as on the receipt (ReceiptView's BillAdjustments); once
  // money was given back, the rates' tax is what is left of it, so the tax added is one row.
  if (bill.taxAddedCents > 0 && bill.paymentRefundsCents === 0) {
    for (const r of bill.taxes.filter((x) => x.taxCents > 0))
      rows.push({ label: t("bill.taxAdded", { rate: rate(r) }), amount: money(r.taxCents) });
  }
  if (bill.taxAddedCents > 0 && bill.paymentRefundsCents > 0) {
    rows.push({ label: t("bill.taxAdded", { rate: bill.taxes.map(rate).join(", ") }), amount: money(bill.taxAddedCents) });
  }
  if (bill.paymentRefundsCents > 0) rows.push({ label: t("bill.refunds"), amount: money(-bill.paymentRefundsCents) });
  rows.push({ label: t("bill.total"), amount: money(bill.totalCents), strong: true });
  rows.push({ label: t("bill.paidTotal"), amount: money(bill.paidCents) });
  if (bill.refundedCents > 0) rows.push({ label: t("bill.refunded"), amount: money(bill.refundedCents) });
  if (bill.tipCents > 0) rows.push({ label: t("bill.tips"), amount: money(bill.tipCents) });
  if (bill.waivedCents > 0) {
    rows.push({
      label: t("bill.waived"),
      detail: waiveReason ? t("receipt.waivedReason", { reason: waiveReason }) : "",
      amount: money(bill.waivedCents),
    });
  }
  rows.push({ label: t("bill.due"), amount: money(bill.dueCents), strong: true });
  return rows;
}

/** Names of the shares: the name each phone gave, else "Guest n" in the bill's order (ReceiptView's rule). */
function shareNames(shares: readonly BillShareDto[], t: Translate) {
  let guests = 0;
  return new Map(
    shares.map((s) => [s.customerId, s.customerId === null ? t("bill.table") : (s.displayName ?? t("receipt.guest", { n: ++guests }))]),
  );
}

/** A date and time on the venue's clock; a zone this Node does not know: UTC, said so. */
export function dateTime(
  iso: string,
  locale: string,
  timeZone: string,
  style: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" },
) {
  try {
    return new Date(iso).toLocaleString(locale, { ...style, timeZone });
  } catch {
    return `${new Date(iso).toLocaleString(locale, { ...style, timeZone: "UTC" })} UTC`;
  }
}
