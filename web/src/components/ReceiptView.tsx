import { type BillDto, type BillShareDto, billSplit, type PaymentDto, parsePayer, type ReceiptDto } from "@ordered/contract/client";
import type { ReactNode } from "react";
import { formatLocale, t } from "../i18n/i18n";
import { formatMoney, formatTime } from "../lib/money";
import { CorrectionTags, isVoided } from "./CorrectionTags";
import "./ReceiptView.css";

/**
 * A closed session's receipt, as the law of the venue's country asks it (issue 33): who issues
 * it (legal name, address, tax id), its number, date and time in the venue's time zone, every
 * line with its options, corrections and tax rate, the discounts and service charge, the total,
 * net/tax/gross per rate, who ordered what, and what was paid how. Presentational (the staff's
 * record of a session and the phone's receipt screen both show it) and printable: it prints as
 * it is shown, inside a `.print-area`.
 */
export function ReceiptView({ receipt }: { receipt: ReceiptDto }) {
  const { bill, location } = receipt;
  const money = (cents: number) => formatMoney(cents, bill.currency);
  const names = shareNames(bill.shares);
  const when = (iso: string) => formatDateTime(iso, location.timeZone);
  // Lines carry their rate's mark ("A", "B") when the venue names its rates, as receipts do.
  const marked = bill.lines.some((l) => l.taxName);
  // Split by item: each payer's share (the same computation as the panel's and the phones').
  const split = receipt.claims.length > 0 ? billSplit(bill, receipt.claims, receipt.payments) : null;

  return (
    <div className="receipt">
      <header className="receipt-head">
        <h3>{location.name}</h3>
        {(location.legalName || location.address || location.taxId) && (
          <address className="receipt-issuer small">
            {location.legalName && location.legalName !== location.name && <span>{location.legalName}</span>}
            {location.address?.split("\n").map((line) => (
              <span key={line}>{line}</span>
            ))}
            {location.taxId && <span>{t("receipt.taxId", { id: location.taxId })}</span>}
          </address>
        )}
        <p className="receipt-label">
          {receipt.label}
          {receipt.number !== null && <span className="receipt-number">{t("receipt.number", { n: receipt.number })}</span>}
        </p>
        <p className="muted small">
          {receipt.openedBy
            ? t("receipt.openedBy", { when: when(receipt.openedAt), by: receipt.openedBy })
            : t("receipt.opened", { when: when(receipt.openedAt) })}
          <br />
          {receipt.closedBy
            ? t("receipt.closedBy", { when: when(receipt.closedAt), by: receipt.closedBy })
            : t("receipt.closed", { when: when(receipt.closedAt) })}
        </p>
      </header>

      <section aria-label={t("receipt.items")}>
        {bill.lines.length === 0 ? (
          <p className="muted">{t("receipt.noItems")}</p>
        ) : (
          <table className="receipt-table receipt-lines">
            <thead>
              <tr>
                <th scope="col">{t("receipt.item")}</th>
                <th scope="col" className="num">
                  {t("receipt.qty")}
                </th>
                <th scope="col" className="num">
                  {t("receipt.price")}
                </th>
                <th scope="col" className="num">
                  {t("receipt.amount")}
                </th>
                {marked && <th scope="col">{t("receipt.taxMark")}</th>}
              </tr>
            </thead>
            <tbody>
              {bill.lines.map((l, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a closed bill's lines never move
                <tr key={i} className={isVoided(l) ? "voided" : undefined}>
                  <td>
                    {l.productName}
                    {l.options.length > 0 && <span className="receipt-options">{l.options.join(" · ")}</span>}
                    <CorrectionTags corrections={l.corrections} currency={bill.currency} />
                  </td>
                  <td className="num">{l.quantity}</td>
                  <td className="num">{money(l.unitPriceCents)}</td>
                  <td className="num">{money(l.lineCents)}</td>
                  {marked && <td className="receipt-mark">{l.taxName ?? ""}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <BillTotals bill={bill} waiveReason={receipt.waiveReason} />

      <TaxTable bill={bill} />

      <CorrectionList bill={bill} timeZone={location.timeZone} />

      {split ? (
        <section aria-label={t("split.title")}>
          <h4 className="receipt-heading">{t("split.title")}</h4>
          <table className="receipt-table receipt-split">
            <thead>
              <tr>
                <th scope="col">{t("receipt.payer")}</th>
                <th scope="col" className="num">
                  {t("receipt.share")}
                </th>
                <th scope="col" className="num">
                  {t("bill.paid")}
                </th>
              </tr>
            </thead>
            <tbody>
              {split.payers.map((p) => (
                <tr key={p.payer}>
                  <th scope="row">{payerLabel(p.payer, names)}</th>
                  <td className="num">{money(p.totalCents)}</td>
                  <td className="num">{money(p.paidCents)}</td>
                </tr>
              ))}
              {split.unclaimedCents !== 0 && (
                <tr>
                  <th scope="row">{t("bill.table")}</th>
                  <td className="num">{money(split.unclaimedCents)}</td>
                  <td className="num" />
                </tr>
              )}
            </tbody>
          </table>
        </section>
      ) : (
        bill.shares.length > 1 && (
          <section aria-label={t("receipt.byPhone")}>
            <h4 className="receipt-heading">{t("receipt.byPhone")}</h4>
            <ShareTable shares={bill.shares} currency={bill.currency} nameOf={(s) => names.get(s.customerId) ?? t("bill.table")} />
          </section>
        )
      )}

      <section aria-label={t("receipt.payments")}>
        <h4 className="receipt-heading">{t("receipt.payments")}</h4>
        <PaymentList payments={receipt.payments} currency={bill.currency} nameOf={(id) => names.get(id)} timeZone={location.timeZone} />
      </section>
    </div>
  );
}

/** Net, tax and gross per rate (contract tax.ts: on each rate's total), with their sums. */
export function TaxTable({ bill }: { bill: BillDto }) {
  if (bill.taxes.length === 0) return null;
  const money = (cents: number) => formatMoney(cents, bill.currency);
  const sum = (pick: (r: BillDto["taxes"][number]) => number) => bill.taxes.reduce((s, r) => s + pick(r), 0);
  return (
    <section aria-label={t("receipt.taxes")}>
      <h4 className="receipt-heading">{t("receipt.taxes")}</h4>
      {!bill.pricesIncludeTax && <p className="muted small receipt-net-note">{t("receipt.netPrices")}</p>}
      <table className="receipt-table receipt-taxes">
        <thead>
          <tr>
            <th scope="col">{t("receipt.rate")}</th>
            <th scope="col" className="num">
              {t("receipt.net")}
            </th>
            <th scope="col" className="num">
              {t("receipt.tax")}
            </th>
            <th scope="col" className="num">
              {t("receipt.gross")}
            </th>
          </tr>
        </thead>
        <tbody>
          {bill.taxes.map((r) => (
            <tr key={`${r.rateBps}-${r.name ?? ""}`} data-rate={r.rateBps}>
              <th scope="row">
                {r.name ? `${r.name} ` : ""}
                {percentText(r.rateBps)}
              </th>
              <td className="num">{money(r.netCents)}</td>
              <td className="num">{money(r.taxCents)}</td>
              <td className="num">{money(r.grossCents)}</td>
            </tr>
          ))}
        </tbody>
        {bill.taxes.length > 1 && (
          <tfoot>
            <tr>
              <th scope="row">{t("bill.total")}</th>
              <td className="num">{money(sum((r) => r.netCents))}</td>
              <td className="num">{money(sum((r) => r.taxCents))}</td>
              <td className="num">{money(sum((r) => r.grossCents))}</td>
            </tr>
          </tfoot>
        )}
      </table>
    </section>
  );
}

/** What each phone (and the table) ordered and paid, a row each: the receipt and the panel's running bill. */
export function ShareTable({
  shares,
  currency,
  nameOf,
  className = "receipt-table",
  labelRows = false,
}: {
  shares: readonly BillShareDto[];
  currency: string;
  nameOf: (share: BillShareDto) => string;
  className?: string;
  /** Name each row by its phone (the panel's tests and screen readers find a phone's row so). */
  labelRows?: boolean;
}) {
  const money = (cents: number) => formatMoney(cents, currency);
  // Paid for the table as a whole (an equal split, cash at the table): a phone's own paid
  // column cannot say who paid, so it shows a dash, not a misleading zero.
  const tablePaid = shares.some((s) => s.customerId === null && s.paidCents !== 0);
  return (
    <table className={className}>
      <thead>
        <tr>
          <th scope="col">{t("bill.phone")}</th>
          <th scope="col" className="num">
            {t("bill.ordered")}
          </th>
          <th scope="col" className="num">
            {t("bill.paid")}
          </th>
        </tr>
      </thead>
      <tbody>
        {shares.map((s) => (
          <tr key={s.customerId ?? "table"} aria-label={labelRows ? nameOf(s) : undefined}>
            <th scope="row">{nameOf(s)}</th>
            <td className="num">{money(s.subtotalCents)}</td>
            <td className="num">{s.customerId !== null && s.paidCents === 0 && tablePaid ? "—" : money(s.paidCents)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A rate as a receipt names it: its mark and its percent ("A 19 %"). */
function rateText(r: { name: string | null; rateBps: number }): string {
  return `${r.name ? `${r.name} ` : ""}${percentText(r.rateBps)}`;
}

/** A percent from basis points, in the reader's locale ("12.5 %"). */
export function percentText(bps: number): string {
  return new Intl.NumberFormat(formatLocale(), { style: "percent", maximumFractionDigits: 2 }).format(bps / 10_000);
}

/**
 * What comes between the lines and the total (issue 32): the subtotal once anything changes
 * it, the bill's discounts, the service charge and, with net prices, each rate's tax added
 * (issue 33), each its own row. Rows of a `<dl>`.
 */
export function BillAdjustments({ bill, className }: { bill: BillDto; className?: string }) {
  const money = (cents: number) => formatMoney(cents, bill.currency);
  if (bill.billDiscountCents === 0 && bill.serviceChargeCents === 0 && bill.taxAddedCents === 0 && bill.paymentRefundsCents === 0) {
    return null;
  }
  return (
    <>
      <div className={className} data-sum="subtotal">
        <dt>{t("bill.subtotal")}</dt>
        <dd>{money(bill.subtotalCents)}</dd>
      </div>
      {bill.billDiscountCents > 0 && (
        <div className={className} data-sum="discount">
          <dt>
            {t("bill.billDiscount")}
            {bill.discounts.map(
              (d) =>
                d.reason && (
                  <span key={d.id} className="muted small waive-reason">
                    {d.reason}
                  </span>
                ),
            )}
          </dt>
          <dd>{money(-bill.billDiscountCents)}</dd>
        </div>
      )}
      {bill.serviceChargeCents > 0 && (
        <div className={className} data-sum="service-charge">
          <dt>{t("bill.serviceCharge", { percent: percentText(bill.serviceChargeBps) })}</dt>
          <dd>{money(bill.serviceChargeCents)}</dd>
        </div>
      )}
      {/* Net prices (issue 33): each rate's tax added on top, as its own row; once money was given
          back the rates' tax is what is left (the tax table), so the tax added shows as one row. */}
      {bill.taxAddedCents > 0 &&
        bill.paymentRefundsCents === 0 &&
        bill.taxes
          .filter((r) => r.taxCents > 0)
          .map((r) => (
            <div key={`${r.rateBps}-${r.name ?? ""}`} className={className} data-sum="tax" data-rate={r.rateBps}>
              <dt>{t("bill.taxAdded", { rate: rateText(r) })}</dt>
              <dd>{money(r.taxCents)}</dd>
            </div>
          ))}
      {bill.taxAddedCents > 0 && bill.paymentRefundsCents > 0 && (
        <div className={className} data-sum="tax">
          <dt>{t("bill.taxAdded", { rate: bill.taxes.map(rateText).join(", ") })}</dt>
          <dd>{money(bill.taxAddedCents)}</dd>
        </div>
      )}
      {bill.paymentRefundsCents > 0 && (
        <div className={className} data-sum="refunds">
          <dt>{t("bill.refunds")}</dt>
          <dd>{money(-bill.paymentRefundsCents)}</dd>
        </div>
      )}
    </>
  );
}

/** Total, paid, tips, waived and due of a bill, as a definition list. */
export function BillTotals({ bill, waiveReason = null }: { bill: BillDto; waiveReason?: string | null }) {
  const money = (cents: number) => formatMoney(cents, bill.currency);
  return (
    <dl className="receipt-totals">
      <BillAdjustments bill={bill} />
      <div>
        <dt>{t("bill.total")}</dt>
        <dd>{money(bill.totalCents)}</dd>
      </div>
      {bill.voidedCents > 0 && (
        <div>
          <dt>{t("bill.voided")}</dt>
          <dd>{money(bill.voidedCents)}</dd>
        </div>
      )}
      <div>
        <dt>{t("bill.paidTotal")}</dt>
        <dd>{money(bill.paidCents)}</dd>
      </div>
      {/* Refunds of payments show above the total (BillAdjustments); these are a cancelled order's. */}
      {bill.refundedCents - bill.paymentRefundsCents > 0 && (
        <div>
          <dt>{t("bill.refunded")}</dt>
          <dd>{money(bill.refundedCents - bill.paymentRefundsCents)}</dd>
        </div>
      )}
      {bill.tipCents > 0 && (
        <div>
          <dt>{t("bill.tips")}</dt>
          <dd>{money(bill.tipCents)}</dd>
        </div>
      )}
      {bill.waivedCents > 0 && (
        <div>
          <dt>{t("bill.waived")}</dt>
          <dd>
            {money(bill.waivedCents)}
            {waiveReason && <span className="muted small waive-reason">{t("receipt.waivedReason", { reason: waiveReason })}</span>}
          </dd>
        </div>
      )}
      <div className={`receipt-due ${bill.dueCents > 0 ? "owing" : "settled"}`}>
        <dt>{t("bill.due")}</dt>
        <dd>{money(bill.dueCents)}</dd>
      </div>
    </dl>
  );
}

/** Every correction of a bill with its reason, who made it and who approved it: the receipt's record of them. */
export function CorrectionList({ bill, timeZone }: { bill: BillDto; timeZone?: string }) {
  const corrections = [
    ...bill.lines.flatMap((l) => l.corrections.map((c) => ({ c, what: `${t("order.times", { n: l.quantity })} ${l.productName}` }))),
    ...bill.discounts.map((c) => ({ c, what: t("receipt.wholeBill") })),
  ].sort((a, b) => a.c.at.localeCompare(b.c.at));
  if (corrections.length === 0) return null;
  const money = (cents: number) => formatMoney(cents, bill.currency);
  return (
    <section aria-label={t("receipt.corrections")}>
      <h4 className="receipt-heading">{t("receipt.corrections")}</h4>
      <ul className="payment-list correction-list">
        {corrections.map(({ c, what }) => (
          <li key={c.id} data-correction={c.kind}>
            <span className="payment-main">
              <strong>{money(-c.offCents)}</strong>{" "}
              {t("receipt.correctionBy", {
                kind: c.kind === "DISCOUNT" ? t("correction.DISCOUNT", { amount: "" }).trim() : t(`correction.${c.kind}`),
                what,
                reason: c.reason ?? "—",
                by: c.by ?? "—",
              })}
              {c.approvedBy && <span> ({t("receipt.approvedBy", { name: c.approvedBy })})</span>}
            </span>
            <span className="muted small">{formatTime(c.at, timeZone)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Payments as recorded: amount and method, the tip apart, for whom, and who recorded it when. */
export function PaymentList({
  payments,
  currency,
  nameOf,
  timeZone,
  action,
}: {
  payments: readonly PaymentDto[];
  currency: string;
  /** Something staff can do with a payment (refund it), shown at its end. */
  action?: (payment: PaymentDto) => ReactNode;
  /** The venue's time zone: a receipt's times are its clock's (the browser's when absent). */
  timeZone?: string;
  /** The name of the phone a payment was for; undefined falls back to a plain "a phone". */
  nameOf: (customerId: string) => string | undefined;
}) {
  if (payments.length === 0) return <p className="muted small">{t("receipt.noPayments")}</p>;
  const money = (cents: number) => formatMoney(cents, currency);
  return (
    <ul className="payment-list">
      {payments.map((p) => (
        <li key={p.id}>
          <span className="payment-main">
            {p.kind === "REFUND" && <span>{t("bill.refund")} </span>}
            <strong>{money(p.kind === "REFUND" ? -p.amountCents : p.amountCents)}</strong> {t(`bill.methods.${p.method}`)}
            {p.tipCents > 0 && <span> · {t("bill.tip", { amount: money(p.tipCents) })}</span>}
            {p.customerId && <span> · {t("receipt.forPhone", { name: nameOf(p.customerId) ?? t("receipt.aPhone") })}</span>}
            {p.note && <span> · {p.note}</span>}
          </span>
          <span className="muted small">
            {p.recordedBy
              ? t("receipt.recordedBy", { time: formatTime(p.recordedAt, timeZone), by: p.recordedBy })
              : formatTime(p.recordedAt, timeZone)}
          </span>
          {action?.(p)}
        </li>
      ))}
    </ul>
  );
}

/** Names of a closed bill's shares: the name each phone gave, else "Guest n" in the bill's order. */
function shareNames(shares: readonly BillShareDto[]): Map<string | null, string> {
  let guests = 0;
  return new Map(
    shares.map((s) => [s.customerId, s.customerId === null ? t("bill.table") : (s.displayName ?? t("receipt.guest", { n: ++guests }))]),
  );
}

/** A date and time as the venue's clock showed it (its time zone), in the reader's language. */
function formatDateTime(iso: string, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" };
  try {
    return new Date(iso).toLocaleString(formatLocale(), { ...options, timeZone });
  } catch {
    // A zone this browser does not know: its own clock rather than nothing.
    return new Date(iso).toLocaleString(formatLocale(), options);
  }
}

/** A payer of a split by item on the receipt: a phone by its name, else "Person 3", "Seat 2". */
function payerLabel(payer: string, names: ReadonlyMap<string | null, string>): string {
  const p = parsePayer(payer);
  if (!p) return payer;
  if (p.kind === "phone") return names.get(p.customerId) ?? t("split.guest");
  return p.kind === "person" ? t("split.person", { n: p.number }) : t("split.seat", { n: p.number });
}
