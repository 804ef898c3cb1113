import type { BillDto, BillShareDto, PaymentDto, ReceiptDto } from "@ordered/contract/client";
import { formatMoney, formatTime } from "../lib/money";
import { strings } from "../strings";

/**
 * A closed seating's receipt: what was ordered, who ordered what, what was paid how, and
 * what was waived. Presentational (the staff's record of a seating and the phone's receipt
 * screen both show it) and printable: it prints as it is shown, inside a `.print-area`.
 */
export function ReceiptView({ receipt }: { receipt: ReceiptDto }) {
  const { bill } = receipt;
  const money = (cents: number) => formatMoney(cents, bill.currency);
  const names = shareNames(bill.shares);

  return (
    <div className="receipt">
      <header className="receipt-head">
        <h3>{receipt.location.name}</h3>
        <p className="receipt-label">{receipt.label}</p>
        <p className="muted small">
          {strings.receipt.opened(formatDateTime(receipt.openedAt), receipt.openedBy)}
          <br />
          {strings.receipt.closed(formatDateTime(receipt.closedAt), receipt.closedBy)}
        </p>
      </header>

      <section aria-label={strings.receipt.items}>
        {bill.lines.length === 0 ? (
          <p className="muted">{strings.receipt.noItems}</p>
        ) : (
          <table className="receipt-table receipt-lines">
            <thead>
              <tr>
                <th scope="col">{strings.receipt.item}</th>
                <th scope="col" className="num">
                  {strings.receipt.qty}
                </th>
                <th scope="col" className="num">
                  {strings.receipt.price}
                </th>
                <th scope="col" className="num">
                  {strings.receipt.amount}
                </th>
              </tr>
            </thead>
            <tbody>
              {bill.lines.map((l, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a closed bill's lines never move
                <tr key={i}>
                  <td>{l.productName}</td>
                  <td className="num">{l.quantity}</td>
                  <td className="num">{money(l.unitPriceCents)}</td>
                  <td className="num">{money(l.lineCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <BillTotals bill={bill} waiveReason={receipt.waiveReason} />

      {bill.shares.length > 1 && (
        <section aria-label={strings.receipt.byPhone}>
          <h4 className="receipt-heading">{strings.receipt.byPhone}</h4>
          <table className="receipt-table">
            <thead>
              <tr>
                <th scope="col">{strings.bill.phone}</th>
                <th scope="col" className="num">
                  {strings.bill.ordered}
                </th>
                <th scope="col" className="num">
                  {strings.bill.paid}
                </th>
              </tr>
            </thead>
            <tbody>
              {bill.shares.map((s) => (
                <tr key={s.customerId ?? "table"}>
                  <th scope="row">{names.get(s.customerId) ?? strings.bill.table}</th>
                  <td className="num">{money(s.subtotalCents)}</td>
                  <td className="num">{money(s.paidCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <section aria-label={strings.receipt.payments}>
        <h4 className="receipt-heading">{strings.receipt.payments}</h4>
        <PaymentList payments={receipt.payments} currency={bill.currency} nameOf={(id) => names.get(id)} />
      </section>
    </div>
  );
}

/** Total, paid, tips, waived and due of a bill, as a definition list. */
export function BillTotals({ bill, waiveReason = null }: { bill: BillDto; waiveReason?: string | null }) {
  const money = (cents: number) => formatMoney(cents, bill.currency);
  return (
    <dl className="receipt-totals">
      <div>
        <dt>{strings.bill.total}</dt>
        <dd>{money(bill.totalCents)}</dd>
      </div>
      <div>
        <dt>{strings.bill.paidTotal}</dt>
        <dd>{money(bill.paidCents)}</dd>
      </div>
      {bill.tipCents > 0 && (
        <div>
          <dt>{strings.bill.tips}</dt>
          <dd>{money(bill.tipCents)}</dd>
        </div>
      )}
      {bill.waivedCents > 0 && (
        <div>
          <dt>{strings.bill.waived}</dt>
          <dd>
            {money(bill.waivedCents)}
            {waiveReason && <span className="muted small waive-reason">{strings.receipt.waivedReason(waiveReason)}</span>}
          </dd>
        </div>
      )}
      <div className={`receipt-due ${bill.dueCents > 0 ? "owing" : "settled"}`}>
        <dt>{strings.bill.due}</dt>
        <dd>{money(bill.dueCents)}</dd>
      </div>
    </dl>
  );
}

/** Payments as recorded: amount and method, the tip apart, for whom, and who recorded it when. */
export function PaymentList({
  payments,
  currency,
  nameOf,
}: {
  payments: readonly PaymentDto[];
  currency: string;
  /** The name of the phone a payment was for; undefined falls back to a plain "a phone". */
  nameOf: (customerId: string) => string | undefined;
}) {
  if (payments.length === 0) return <p className="muted small">{strings.receipt.noPayments}</p>;
  const money = (cents: number) => formatMoney(cents, currency);
  return (
    <ul className="payment-list">
      {payments.map((p) => (
        <li key={p.id}>
          <span className="payment-main">
            <strong>{money(p.amountCents)}</strong> {strings.bill.methods[p.method]}
            {p.tipCents > 0 && <span> · {strings.bill.tip(money(p.tipCents))}</span>}
            {p.customerId && <span> · {strings.receipt.forPhone(nameOf(p.customerId) ?? strings.receipt.aPhone)}</span>}
            {p.note && <span> · {p.note}</span>}
          </span>
          <span className="muted small">{strings.receipt.recorded(formatTime(p.recordedAt), p.recordedBy)}</span>
        </li>
      ))}
    </ul>
  );
}

/** Names of a closed bill's shares: the name each phone gave, else "Guest n" in the bill's order. */
function shareNames(shares: readonly BillShareDto[]): Map<string | null, string> {
  let guests = 0;
  return new Map(
    shares.map((s) => [s.customerId, s.customerId === null ? strings.bill.table : (s.displayName ?? strings.receipt.guest(++guests))]),
  );
}

function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}
