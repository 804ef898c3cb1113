import type { BillDto, PaymentDto } from "@ordered/contract/client";
import { BillTotals, PaymentList, ShareTable } from "../../components/ReceiptView";
import { t } from "../../i18n/i18n";
import { formatMoney } from "../../lib/money";
import { strings } from "../../strings";
import { nameOf } from "./session-view";

interface Props {
  label: string;
  /** The running bill (`billOf` over the live orders and payments). */
  bill: BillDto;
  payments: PaymentDto[];
  names: ReadonlyMap<string, string>;
  /** Refund from a payment (managers): the payment and what is left of it to refund. */
  onRefund?: ((payment: PaymentDto, leftCents: number) => void) | undefined;
}

/**
 * A session's running bill, live: what each phone ordered and paid, the totals, and what is
 * still waiting for the kitchen (not owed yet). The lines and payments fold away.
 */
export function BillSummary({ label, bill, payments, names, onRefund }: Props) {
  const money = (cents: number) => formatMoney(cents, bill.currency);
  const byPhone = new Map<string | null, typeof bill.lines>();
  for (const line of bill.lines) byPhone.set(line.customerId, [...(byPhone.get(line.customerId) ?? []), line]);

  return (
    <section className="seat-bill" aria-label={strings.bill.titleFor(label)}>
      <h4 className="seat-heading">{strings.bill.title}</h4>
      {bill.shares.length === 0 ? (
        <p className="muted small">{strings.bill.noLines}</p>
      ) : (
        <ShareTable
          className="receipt-table seat-shares"
          shares={bill.shares}
          currency={bill.currency}
          nameOf={(s) => nameOf(names, s.customerId, s.displayName)}
          labelRows
        />
      )}
      {(bill.totalCents > 0 || payments.length > 0) && <BillTotals bill={bill} />}
      {bill.pendingCents > 0 && <p className="muted small seat-pending">{strings.bill.pending(money(bill.pendingCents))}</p>}
      {bill.lines.length > 0 && (
        <details className="seat-bill-more">
          <summary>{strings.bill.lines(bill.lines.length)}</summary>
          {[...byPhone].map(([customerId, lines]) => (
            <div key={customerId ?? "table"} className="seat-bill-group">
              <p className="small seat-bill-group-name">{nameOf(names, customerId)}</p>
              <ul className="seat-bill-lines">
                {lines.map((l, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: lines of one phone keep their order as orders come in
                  <li key={i}>
                    <span>
                      {t("order.times", { n: l.quantity })} {l.productName}
                    </span>
                    <span className="num">{money(l.lineCents)}</span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </details>
      )}
      {payments.length > 0 && (
        <details className="seat-bill-more">
          <summary>{strings.bill.payments(payments.length)}</summary>
          <PaymentList
            payments={payments}
            currency={bill.currency}
            nameOf={(id) => names.get(id)}
            action={
              onRefund &&
              ((p) => {
                const left = refundableCents(p, payments);
                if (p.kind !== "PAYMENT" || left <= 0) return null;
                const who = p.customerId ? (names.get(p.customerId) ?? "") : "";
                return (
                  <button
                    type="button"
                    className="button small"
                    aria-label={strings.refund.buttonLabel(money(p.amountCents), who)}
                    onClick={() => onRefund(p, left)}
                  >
                    {strings.refund.button(money(left))}
                  </button>
                );
              })
            }
          />
        </details>
      )}
    </section>
  );
}

/** What is left of a payment to refund: its amount less the refunds recorded from it. */
export function refundableCents(payment: PaymentDto, payments: readonly PaymentDto[]): number {
  return payment.amountCents - payments.filter((p) => p.refundOf === payment.id).reduce((sum, p) => sum + p.amountCents, 0);
}
