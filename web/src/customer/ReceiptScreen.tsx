import { ReceiptView } from "../components/ReceiptView";
import { formatMoney } from "../lib/money";
import { strings } from "../strings";
import type { KeptReceipt } from "./customer-storage";

interface Props {
  kept: KeptReceipt;
  /** A table card's phone may join the table's next seating; a join code's may not. */
  onRejoin?: () => void;
}

/** The closed seating's receipt on the phone, with this phone's share, printable and kept on the phone. */
export function ReceiptScreen({ kept, onRejoin }: Props) {
  const { receipt, customerId } = kept;
  const mine = customerId ? receipt.bill.shares.find((s) => s.customerId === customerId) : undefined;
  return (
    <main className="phone-receipt customer">
      <header className="phone-receipt-head no-print">
        <h1>{strings.customer.closedTitle}</h1>
        <p>{strings.phoneReceipt.thanks}</p>
        <div className="phone-receipt-actions">
          <button type="button" className="button primary large" onClick={() => window.print()}>
            {strings.phoneReceipt.print}
          </button>
          {onRejoin && (
            <button type="button" className="button large" onClick={onRejoin}>
              {strings.cardJoin.rejoin}
            </button>
          )}
        </div>
      </header>
      <section aria-label={strings.phoneReceipt.title} className="phone-receipt-card print-area">
        <h2 className="visually-hidden">{strings.phoneReceipt.title}</h2>
        {mine && (
          <p className="phone-receipt-share">
            <span>{strings.phoneReceipt.yourShare}</span>
            <strong>{formatMoney(mine.subtotalCents, receipt.bill.currency)}</strong>
          </p>
        )}
        <ReceiptView receipt={receipt} />
      </section>
    </main>
  );
}
