import type { BillDto } from "@ordered/contract/client";
import { formatMoney } from "../lib/money";
import { strings } from "../strings";

interface Props {
  /** The running bill, from the contract's billOf over the live orders and payments. */
  bill: BillDto;
  /** This phone's customer id: its lines and its share are highlighted. */
  me: string;
}

/** The table's running bill on the phone: what is owed so far, what this phone ordered, what is paid. */
export function BillView({ bill, me }: Props) {
  const money = (cents: number) => formatMoney(cents, bill.currency);
  const mine = bill.shares.find((s) => s.customerId === me);
  // Nothing owed and nothing paid yet: the sums would be a column of zeros.
  const blank = bill.lines.length === 0 && bill.paidCents === 0 && bill.tipCents === 0;
  return (
    <section aria-labelledby="bill-title" className="phone-bill">
      <h2 id="bill-title">{strings.phoneBill.title}</h2>
      {bill.lines.length === 0 ? (
        <p className="muted">{strings.phoneBill.empty}</p>
      ) : (
        <ul className="bill-lines" aria-label={strings.phoneBill.lines}>
          {bill.lines.map((line, i) => {
            const yours = line.customerId === me;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: bill lines have no id; billOf lists them in a stable order
              <li key={`${line.orderId}-${i}`} className={`bill-line${yours ? " mine" : ""}`}>
                <span className="bill-qty">{strings.order.times(line.quantity)}</span>
                <span className="bill-name">
                  {line.productName}
                  {yours && <span className="bill-yours">{strings.phoneBill.yours}</span>}
                </span>
                <span className="bill-amount">{money(line.lineCents)}</span>
              </li>
            );
          })}
        </ul>
      )}
      {bill.pendingCents > 0 && <p className="bill-pending">{strings.phoneBill.pending(money(bill.pendingCents))}</p>}
      {!blank && (
        <dl className="bill-sums">
          <div className="bill-sum mine">
            <dt>{strings.phoneBill.yourShare}</dt>
            <dd>
              {money(mine?.subtotalCents ?? 0)}
              {mine && mine.paidCents > 0 && <span className="small"> · {strings.phoneBill.sharePaid(money(mine.paidCents))}</span>}
            </dd>
          </div>
          <div className="bill-sum total">
            <dt>{strings.phoneBill.total}</dt>
            <dd>{money(bill.totalCents)}</dd>
          </div>
          <div className="bill-sum">
            <dt>{strings.phoneBill.paid}</dt>
            <dd>{money(bill.paidCents)}</dd>
          </div>
          {bill.tipCents > 0 && (
            <div className="bill-sum">
              <dt>{strings.phoneBill.tips}</dt>
              <dd>{money(bill.tipCents)}</dd>
            </div>
          )}
          <div className="bill-sum due">
            <dt>{strings.phoneBill.due}</dt>
            <dd>{money(bill.dueCents)}</dd>
          </div>
        </dl>
      )}
      {bill.totalCents > 0 && bill.dueCents === 0 && <p className="bill-settled">{strings.phoneBill.settled}</p>}
    </section>
  );
}
