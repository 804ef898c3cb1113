import type { BillDto } from "@ordered/contract/client";
import { CorrectionTags, isVoided } from "../components/CorrectionTags";
import { BillAdjustments } from "../components/ReceiptView";
import { t } from "../i18n/i18n";
import { formatMoney } from "../lib/money";

interface Props {
  /** The running bill, from the contract's billOf over the live orders and payments. */
  bill: BillDto;
  /** This phone's customer id: its lines and its share are highlighted. */
  me: string;
  /** Once the table splits by item: this phone's share of the split (else: what it ordered). */
  share?: { totalCents: number; paidCents: number } | undefined;
}

/** The table's running bill on the phone: what is owed so far, what this phone ordered, what is paid. */
export function BillView({ bill, me, share }: Props) {
  const money = (cents: number) => formatMoney(cents, bill.currency);
  const ordered = bill.shares.find((s) => s.customerId === me);
  const mine = share ? { subtotalCents: share.totalCents, paidCents: share.paidCents } : ordered;
  // Nothing owed and nothing paid yet: the sums would be a column of zeros.
  const blank = bill.lines.length === 0 && bill.paidCents === 0 && bill.tipCents === 0;
  return (
    <section aria-labelledby="bill-title" className="phone-bill">
      <h2 id="bill-title">{t("phoneBill.title")}</h2>
      {bill.lines.length === 0 ? (
        <p className="muted">{t("phoneBill.empty")}</p>
      ) : (
        <ul className="bill-lines" aria-label={t("phoneBill.lines")}>
          {bill.lines.map((line) => {
            // Split by item: the split below says who pays each line; "yours" (who ordered it) would contradict it.
            const yours = !share && line.customerId === me;
            return (
              // A line is its order and position (contract BillLineDto).
              <li
                key={`${line.orderId}-${line.position}`}
                className={`bill-line${yours ? " mine" : ""}${isVoided(line) ? " voided" : ""}`}
                data-position={line.position}
              >
                <span className="bill-qty">{t("order.times", { n: line.quantity })}</span>
                <span className="bill-name">
                  {line.productName}
                  {yours && <span className="bill-yours">{t("phoneBill.yours")}</span>}
                  <CorrectionTags corrections={line.corrections} currency={bill.currency} />
                </span>
                <span className="bill-amount">{money(line.lineCents)}</span>
              </li>
            );
          })}
        </ul>
      )}
      {bill.pendingCents > 0 && <p className="bill-pending">{t("phoneBill.pending", { amount: money(bill.pendingCents) })}</p>}
      {!blank && (
        <dl className="bill-sums">
          <div className="bill-sum mine">
            <dt>{t("phoneBill.yourShare")}</dt>
            <dd>
              {money(mine?.subtotalCents ?? 0)}
              {mine && mine.paidCents > 0 && (
                <span className="small"> · {t("phoneBill.sharePaid", { amount: money(mine.paidCents) })}</span>
              )}
            </dd>
          </div>
          <BillAdjustments bill={bill} className="bill-sum" />
          <div className="bill-sum total">
            <dt>{t("phoneBill.total")}</dt>
            <dd>{money(bill.totalCents)}</dd>
          </div>
          <div className="bill-sum">
            <dt>{t("phoneBill.paid")}</dt>
            <dd>{money(bill.paidCents)}</dd>
          </div>
          {bill.tipCents > 0 && (
            <div className="bill-sum">
              <dt>{t("phoneBill.tips")}</dt>
              <dd>{money(bill.tipCents)}</dd>
            </div>
          )}
          <div className="bill-sum due">
            <dt>{t("phoneBill.due")}</dt>
            <dd>{money(bill.dueCents)}</dd>
          </div>
        </dl>
      )}
      {bill.totalCents > 0 && bill.dueCents === 0 && <p className="bill-settled">{t("phoneBill.settled")}</p>}
    </section>
  );
}
