import { type OrderDto, orderName, type ReceiptDto } from "@ordered/contract/client";
import { useEffect, useState } from "react";
import { api } from "../../api/http";
import { MailReceiptForm } from "../../components/MailReceiptForm";
import { Modal } from "../../components/Modal";
import { OrderItems } from "../../components/OrderItems";
import { OrderStatusBadge } from "../../components/OrderStatusBadge";
import { ReceiptView } from "../../components/ReceiptView";
import { t } from "../../i18n/i18n";
import { formatMoney, formatTime } from "../../lib/money";
import { strings } from "../../strings";
import { PrintDocument } from "./PrintDocument";
import type { StaffSession } from "./staff-sessions";

interface Props {
  session: StaffSession;
  token: string;
  /** The receipt the `session:closed` event brought, shown while the full record loads. */
  knownReceipt?: ReceiptDto | undefined;
  onClose: () => void;
}

/** A closed session, read-only and printable: its receipt and its orders as they ended. */
export function SessionRecordDialog({ session, token, knownReceipt, onClose }: Props) {
  const [record, setRecord] = useState<{ receipt: ReceiptDto | null; orders: OrderDto[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stale = false;
    api("GET /api/sessions/:id", { token, params: { id: session.id } })
      .then(
        (res) =>
          !stale && setRecord({ receipt: res.receipt, orders: [...res.orders].sort((a, b) => a.placedAt.localeCompare(b.placedAt)) }),
      )
      .catch((err: Error) => !stale && setError(err.message));
    return () => {
      stale = true;
    };
  }, [session.id, token]);

  const receipt = record?.receipt ?? knownReceipt ?? null;
  const orders = record?.orders ?? [];

  return (
    <Modal title={strings.session.recordTitle(session.label)} onClose={onClose} className="record-dialog print-area">
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {receipt ? <ReceiptView receipt={receipt} /> : !error && <p className="muted">{t("common.loading")}</p>}
      {/* The location as the server has it now: a receipt printer set since this panel signed in counts. */}
      {record?.receipt?.location.receiptPrinterId && <PrintDocument sessionId={session.id} token={token} document="RECEIPT" />}
      {receipt && (
        <MailReceiptForm send={(body) => api("POST /api/sessions/:id/receipt/mail", { token, params: { id: session.id }, body })} />
      )}
      {record && (
        <section className="record-orders" aria-label={strings.session.recordOrders}>
          <h3 className="seat-heading">{strings.session.recordOrders}</h3>
          {orders.length === 0 ? (
            <p className="muted small">{strings.panel.noOrders}</p>
          ) : (
            <ol className="orders">
              {orders.map((o) => (
                <li key={o.id} className={`order-card order-${o.status.toLowerCase()}`}>
                  <div className="order-head">
                    <strong>{orderName(session.label, o.number)}</strong>
                    <OrderStatusBadge order={o} />
                    <span className="muted small">
                      {formatTime(o.placedAt)}
                      {o.customerName
                        ? ` · ${strings.order.from(o.customerName)}`
                        : o.enteredBy
                          ? ` · ${strings.order.takenBy(o.enteredBy)}`
                          : ""}
                    </span>
                    <span className="total">{formatMoney(o.totalCents, o.currency)}</span>
                  </div>
                  <OrderItems items={o.items} currency={o.currency} />
                  {o.statusReason && <p className="reason small">{o.statusReason}</p>}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
      {receipt && (
        <div className="actions no-print">
          <button type="button" className="button primary" onClick={() => window.print()}>
            {strings.session.print}
          </button>
        </div>
      )}
    </Modal>
  );
}
