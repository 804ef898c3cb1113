/**
 * A closed session's receipt as a mail (issue 33): the subject, an HTML body and its plain-text
 * alternative, with what the receipt on screen shows (web/src/components/ReceiptView.tsx): who
 * issues it, its number, the venue's clock, every line with its options and corrections, the
 * discounts, service charge and added tax, the total, the taxes per rate, who ordered what and
 * the payments. Everything comes from the stored ReceiptDto; every value is escaped in the HTML.
 */
import type { ReceiptDto, ReceiptLanguage } from "@ordered/contract";
import { type Row, receiptRows } from "./receipt-rows.js";

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

export function renderReceiptMail(receipt: ReceiptDto, language: ReceiptLanguage): RenderedMail {
  const { bill, location } = receipt;
  const rows = receiptRows({ bill, payments: receipt.payments, waiveReason: receipt.waiveReason, timeZone: location.timeZone }, language);
  const { t, money, when, lines, sums, shares, payments } = rows;

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
  const taxes: string[][] = rows.taxes.map((r) => [r.rate, money(r.netCents), money(r.taxCents), money(r.grossCents)]);

  const intro = t("mail.intro", { venue: location.name });
  const { taxHead } = rows;

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

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text into HTML: a product or a guest named `<script>` stays text. */
function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}
