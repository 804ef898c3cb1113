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
  const mine = customerId ? receipt.bill.shares.find((s) => s.customerId === customerId) : undefined;
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
        {mine && (
          <p className="phone-receipt-share">
            <span>{t("phoneReceipt.yourShare")}</span>
            <strong>{formatMoney(mine.subtotalCents, receipt.bill.currency)}</strong>
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
