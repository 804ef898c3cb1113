/**
 * A closed session's receipt as a mail (issue 33): the subject, an HTML body and its plain-text
 * alternative, with what the receipt on screen shows (web/src/components/ReceiptView.tsx): who
 * issues it, its number, the venue's clock, every line with its options and corrections, the
 * discounts, service charge and added tax, the total, the taxes per rate, who ordered what and
 * the payments. Everything comes from the stored ReceiptDto; every value is escaped in the HTML.
 */
import type { BillDto, BillShareDto, ReceiptDto, ReceiptLanguage } from "@ordered/contract";
import { type MailMessageId, mailText } from "./mail-messages.js";

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

/** A row of the mail's tables: a label, maybe a detail line under it, and an amount. */
interface Row {
  label: string;
  detail?: string;
  amount: string;
  strong?: boolean;
}

const LOCALES: Record<ReceiptLanguage, string> = { en: "en-GB", de: "de-DE", fr: "fr-FR", es: "es-ES", it: "it-IT" };

export function renderReceiptMail(receipt: ReceiptDto, language: ReceiptLanguage): RenderedMail {
  const { bill, location } = receipt;
  const locale = LOCALES[language];
  const t = (id: MailMessageId, values?: Record<string, string | number>) => mailText(language, id, values);
  const money = (cents: number) => new Intl.NumberFormat(locale, { style: "currency", currency: bill.currency }).format(cents / 100);
  const percent = (bps: number) => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 3 }).format(bps / 10_000);
  const when = (iso: string) => dateTime(iso, locale, location.timeZone);
  const names = shareNames(bill.shares, t);

  const subject =
    receipt.number === null
      ? t("mail.subjectNoNumber", { venue: location.name })
      : t("mail.subject", { venue: location.name, n: receipt.number });
  const issuer = [
    location.legalName && location.legalName !== location.name ? location.legalName : null,
    ...(location.address?.split("\n") ?? []),
    location.taxId ? t("receipt.taxId", { id: location.taxId }) : null,
  ].filter((l): l is string => Boolean(l));
  const head = [
    receipt.number === null ? receipt.label : `${receipt.label} · ${t("receipt.number", { n: receipt.number })}`,
    t("receipt.opened", { when: when(receipt.openedAt) }),
    t("receipt.closed", { when: when(receipt.closedAt) }),
  ];

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
  const sums = totals(bill, receipt.waiveReason, t, money, percent);
  const taxes: string[][] = bill.taxes.map((r) => [
    `${r.name ? `${r.name} ` : ""}${percent(r.rateBps)}`,
    money(r.netCents),
    money(r.taxCents),
    money(r.grossCents),
  ]);
  const shares: Row[] =
    bill.shares.length > 1
      ? bill.shares.map((s) => ({
          label: names.get(s.customerId) ?? t("bill.table"),
          amount: `${money(s.subtotalCents)} · ${t("bill.paid")} ${money(s.paidCents)}`,
        }))
      : [];
  const payments: Row[] = receipt.payments.map((p) => ({
    label: [
      `${p.kind === "REFUND" ? `${t("bill.refund")} ` : ""}${t(`bill.methods.${p.method}`)}`,
      p.tipCents > 0 ? t("bill.tip", { amount: money(p.tipCents) }) : null,
      p.customerId ? t("receipt.forPhone", { name: names.get(p.customerId) ?? t("receipt.aPhone") }) : null,
      dateTime(p.recordedAt, locale, location.timeZone, { timeStyle: "short" }),
    ]
      .filter(Boolean)
      .join(" · "),
    amount: money(p.kind === "REFUND" ? -p.amountCents : p.amountCents),
  }));

  const intro = t("mail.intro", { venue: location.name });
  const taxHead = [t("receipt.rate"), t("receipt.net"), t("receipt.tax"), t("receipt.gross")];

  // Plain text: one column of labels, amounts after a tab-like gap; readable in any client.
  const text = [
    intro,
    "",
    location.name,
    ...issuer,
    "",
    ...head,
    "",
    ...(lines.length === 0 ? [t("receipt.noItems")] : lines.flatMap((r) => textRow(r))),
    "",
    ...sums.flatMap((r) => textRow(r)),
    ...(taxes.length > 0
      ? [
          "",
          t("receipt.taxes"),
          ...(bill.pricesIncludeTax ? [] : [t("receipt.netPrices")]),
          taxHead.join(" | "),
          ...taxes.map((r) => r.join(" | ")),
        ]
      : []),
    ...(shares.length > 0 ? ["", t("receipt.byPhone"), ...shares.flatMap((r) => textRow(r))] : []),
    "",
    t("receipt.payments"),
    ...(payments.length === 0 ? [t("receipt.noPayments")] : payments.flatMap((r) => textRow(r))),
    "",
  ].join("\n");

  const html = `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${esc(subject)}</title></head>
<body style="margin:0;padding:16px;background:#f5f5f4;font-family:Arial,Helvetica,sans-serif;color:#1c1917">
<div style="max-width:480px;margin:0 auto;background:#ffffff;padding:20px;border-radius:8px">
<p style="margin:0 0 16px">${esc(intro)}</p>
<div style="text-align:center">
<h1 style="font-size:20px;margin:0">${esc(location.name)}</h1>
${issuer.map((l) => `<div style="color:#57534e;font-size:13px">${esc(l)}</div>`).join("\n")}
<p style="margin:8px 0 0;font-weight:bold">${esc(head[0]!)}</p>
<p style="margin:4px 0 0;color:#57534e;font-size:13px">${esc(head[1]!)}<br>${esc(head[2]!)}</p>
</div>
${lines.length === 0 ? `<p>${esc(t("receipt.noItems"))}</p>` : htmlRows(lines, [t("receipt.item"), t("receipt.amount")])}
${htmlRows(sums)}
${
  taxes.length > 0
    ? `<h2 style="font-size:13px;text-transform:uppercase;color:#57534e;margin:16px 0 4px">${esc(t("receipt.taxes"))}</h2>
${bill.pricesIncludeTax ? "" : `<p style="margin:0 0 4px;font-size:13px;color:#57534e">${esc(t("receipt.netPrices"))}</p>`}
<table role="presentation" style="width:100%;border-collapse:collapse;font-size:14px">
<tr>${taxHead.map((h, i) => `<th style="text-align:${i === 0 ? "left" : "right"};font-size:12px;color:#57534e;padding:4px 0">${esc(h)}</th>`).join("")}</tr>
${taxes.map((r) => `<tr>${r.map((c, i) => `<td style="text-align:${i === 0 ? "left" : "right"};padding:4px 0;border-top:1px solid #e7e5e4">${esc(c)}</td>`).join("")}</tr>`).join("\n")}
</table>`
    : ""
}
${shares.length > 0 ? `<h2 style="font-size:13px;text-transform:uppercase;color:#57534e;margin:16px 0 4px">${esc(t("receipt.byPhone"))}</h2>\n${htmlRows(shares)}` : ""}
<h2 style="font-size:13px;text-transform:uppercase;color:#57534e;margin:16px 0 4px">${esc(t("receipt.payments"))}</h2>
${payments.length === 0 ? `<p style="font-size:14px">${esc(t("receipt.noPayments"))}</p>` : htmlRows(payments)}
</div>
</body></html>
`;
  return { subject, html, text };
}

/** Subtotal, discounts, service charge, added tax, total, paid, refunded, tips, waived, due: what the receipt's totals show. */
function totals(
  bill: BillDto,
  waiveReason: string | null,
  t: (id: MailMessageId, values?: Record<string, string | number>) => string,
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

function textRow(r: Row): string[] {
  return [`${r.label}  ${r.amount}`, ...(r.detail ? [`  ${r.detail}`] : [])];
}

function htmlRows(rows: readonly Row[], head?: [string, string]): string {
  const cell = "padding:4px 0;border-top:1px solid #e7e5e4;vertical-align:top";
  return `<table role="presentation" style="width:100%;border-collapse:collapse;font-size:14px;margin-top:12px">
${head ? `<tr><th style="text-align:left;font-size:12px;color:#57534e;padding:4px 0">${esc(head[0])}</th><th style="text-align:right;font-size:12px;color:#57534e;padding:4px 0">${esc(head[1])}</th></tr>` : ""}
${rows
  .map(
    (r) =>
      `<tr><td style="${cell}${r.strong ? ";font-weight:bold" : ""}">${esc(r.label)}${r.detail ? `<br><span style="color:#57534e;font-size:12px">${esc(r.detail)}</span>` : ""}</td><td style="${cell};text-align:right;white-space:nowrap${r.strong ? ";font-weight:bold" : ""}">${esc(r.amount)}</td></tr>`,
  )
  .join("\n")}
</table>`;
}

/** Names of the shares: the name each phone gave, else "Guest n" in the bill's order (ReceiptView's rule). */
function shareNames(shares: readonly BillShareDto[], t: (id: MailMessageId, values?: Record<string, string | number>) => string) {
  let guests = 0;
  return new Map(
    shares.map((s) => [s.customerId, s.customerId === null ? t("bill.table") : (s.displayName ?? t("receipt.guest", { n: ++guests }))]),
  );
}

/** A date and time on the venue's clock; a zone this Node does not know: UTC, said so. */
function dateTime(
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

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text into HTML: a product or a guest named `<script>` stays text. */
function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}
