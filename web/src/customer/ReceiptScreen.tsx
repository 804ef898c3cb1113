import { billSplit } from "@ordered/contract/client";
import { api } from "../api/http";
import { MailReceiptForm } from "../components/MailReceiptForm";
import { ReceiptView } from "../components/ReceiptView";
import { currentLanguage, t } from "../i18n/i18n";
import { formatMoney } from "../lib/money";
import type { KeptReceipt } from "./customer-storage";
import { LanguageSwitch } from "./LanguageSwitch";

interface Props {
  kept: KeptReceipt;
  /** A table card's phone may join the table's next session; a join code's may not. */
  onRejoin?: () => void;
}

/** The closed session's receipt on the phone, with this phone's share, printable and kept on the phone. */
export function ReceiptScreen({ kept, onRejoin }: Props) {
  const { receipt, customerId, token } = kept;
  const ordered = customerId ? receipt.bill.shares.find((s) => s.customerId === customerId)?.subtotalCents : undefined;
  // Split by item: this phone's share of the split, not what it ordered.
  const splitShare =
    customerId && receipt.claims.length > 0
      ? billSplit(receipt.bill, receipt.claims, receipt.payments).payers.find((p) => p.payer === `phone:${customerId}`)?.totalCents
      : undefined;
  const mine = splitShare ?? ordered;
  return (
    <main className="phone-receipt customer">
      <header className="phone-receipt-head no-print">
        <LanguageSwitch />
        <h1>{t("customer.closedTitle")}</h1>
        <p>{t("phoneReceipt.thanks")}</p>
        <div className="phone-receipt-actions">
          <button type="button" className="button primary large" onClick={() => window.print()}>
            {t("phoneReceipt.print")}
          </button>
          {onRejoin && (
            <button type="button" className="button large" onClick={onRejoin}>
              {t("cardJoin.rejoin")}
            </button>
          )}
        </div>
      </header>
      <section aria-label={t("phoneReceipt.title")} className="phone-receipt-card print-area">
        <h2 className="visually-hidden">{t("phoneReceipt.title")}</h2>
        {mine !== undefined && (
          <p className="phone-receipt-share">
            <span>{t("phoneReceipt.yourShare")}</span>
            <strong>{formatMoney(mine, receipt.bill.currency)}</strong>
          </p>
        )}
        <ReceiptView receipt={receipt} />
      </section>
      {token && (
        <section className="phone-receipt-card no-print">
          <MailReceiptForm language={currentLanguage()} send={(body) => api("POST /api/sessions/receipt/mail", { token, body })} />
        </section>
      )}
    </main>
  );
}
