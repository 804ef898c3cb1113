import { billOf, type CardJoinCheck, type CloseSessionBody, type StaffRoleName, ticketUrgency } from "@ordered/contract/client";
import { useState } from "react";
import { formatAge } from "../../lib/age";
import { formatMoney, formatTime } from "../../lib/money";
import { alertsOf, customersOf, discountsOf, ordersOf, paymentsOf } from "../../realtime/live-state";
import { strings } from "../../strings";
import { CorrectionDialog } from "../corrections/CorrectionDialog";
import { correctionStrings } from "../corrections/strings";
import { AgePill } from "../floor/OrderAge";
import { type Thresholds, waitingSince } from "../floor/triage";
import { useNow } from "../use-now";
import { AlertList } from "./AlertList";
import { BillSummary } from "./BillSummary";
import { PaymentDialog } from "./PaymentDialog";
import { SessionCloseDialog } from "./SessionCloseDialog";
import { SessionPhones } from "./SessionPhones";
import { StaffOrderCard } from "./StaffOrderCard";
import { orderLabels, phoneNames } from "./session-view";
import type { StaffSession, StaffState } from "./staff-sessions";

interface Props {
  session: StaffSession;
  /** The panel's live state: the session's orders, phones, calls and payments are read from it. */
  state: StaffState;
  token: string;
  currency: string;
  /** How the location checks card-joined phones: with OFF, no phone waits to be accepted. */
  cardJoinCheck: CardJoinCheck;
  /** The location's amber and red minutes for order ages and waits. */
  thresholds: Thresholds;
  /** The signed-in account's role: what it may cancel and waive. */
  role: StaffRoleName;
  onShowQr: () => void;
  onClose: (body: CloseSessionBody) => Promise<unknown>;
}

/** Which dialog is open; a payment started from the close dialog goes back to it. */
type Dialog = { kind: "pay"; thenClose: boolean } | { kind: "close" } | { kind: "discount" } | null;

/**
 * An open session, live: its calls, phones, orders and running bill, with recording payments
 * and closing. Everything shown is derived from the live state, so every staff device sees
 * the same session without polling.
 */
export function OpenSessionCard({ session, state, token, currency, cardJoinCheck, thresholds, role, onShowQr, onClose }: Props) {
  const [dialog, setDialog] = useState<Dialog>(null);
  // Ages are shown in whole minutes: a tick every 10 s keeps them at most that late.
  const now = useNow(10_000);
  const since = waitingSince(state, session.id);
  const waitedMs = since === null ? 0 : Math.max(0, now - Date.parse(since));
  const orders = ordersOf(state, session.id);
  const customers = customersOf(state, session.id);
  const payments = paymentsOf(state, session.id);
  const names = phoneNames(customers);
  const labels = orderLabels(session.label, orders);
  const bill = billOf({
    currency,
    orders,
    payments,
    customers,
    corrections: discountsOf(state, session.id),
    serviceChargeBps: session.serviceChargeBps,
  });

  return (
    <article className="card session open" aria-label={session.label}>
      <header className="session-header">
        <h3>
          <button
            type="button"
            className="session-title"
            aria-haspopup="dialog"
            onClick={onShowQr}
            title={strings.panel.openQr(session.label)}
          >
            {session.label}
            <span className="qr-badge" aria-hidden="true">
              {strings.panel.qrBadge}
            </span>
          </button>
        </h3>
        <span className="muted small">{strings.panel.openedAt(formatTime(session.openedAt))}</span>
        {session.pin && (
          <span className="small session-pin-pill" title={strings.session.pinHint}>
            {strings.session.pin} <span className="session-pin">{session.pin}</span>
          </span>
        )}
        {since !== null && <AgePill age={formatAge(waitedMs)} urgency={ticketUrgency(waitedMs, thresholds)} showWaiting />}
        {(bill.totalCents > 0 || payments.length > 0) && (
          <span className={bill.dueCents > 0 ? "due-pill owing" : "due-pill"}>
            {strings.bill.duePill(formatMoney(bill.dueCents, currency))}
          </span>
        )}
      </header>

      <AlertList alerts={alertsOf(state, session.id)} names={names} label={session.label} now={now} />

      <div className="seat-body">
        <div className="seat-orders">
          <h4 className="seat-heading">
            {strings.session.orders} <span className="count">{orders.length}</span>
          </h4>
          {orders.length === 0 ? (
            <p className="muted small">{strings.panel.noOrders}</p>
          ) : (
            <ol className="orders">
              {orders.map((o) => (
                <li key={o.id}>
                  <StaffOrderCard
                    order={o}
                    label={labels.get(o.id) ?? session.label}
                    now={now}
                    thresholds={thresholds}
                    role={role}
                    token={token}
                  />
                </li>
              ))}
            </ol>
          )}
        </div>
        <div className="seat-side">
          <SessionPhones
            sessionId={session.id}
            label={session.label}
            customers={customers}
            names={names}
            token={token}
            now={now}
            checked={cardJoinCheck !== "OFF"}
          />
          <BillSummary label={session.label} bill={bill} payments={payments} names={names} />
        </div>
      </div>

      <footer className="session-actions">
        <button type="button" className="button primary" onClick={() => setDialog({ kind: "pay", thenClose: false })}>
          {strings.session.recordPayment}
        </button>
        {bill.subtotalCents - bill.billDiscountCents > 0 && (
          <button type="button" className="button" aria-haspopup="dialog" onClick={() => setDialog({ kind: "discount" })}>
            {correctionStrings.billButton}
          </button>
        )}
        <button type="button" className="button" onClick={() => setDialog({ kind: "close" })}>
          {strings.panel.closeSession}
        </button>
      </footer>

      {dialog?.kind === "pay" && (
        <PaymentDialog
          sessionId={session.id}
          label={session.label}
          bill={bill}
          names={names}
          token={token}
          onClose={() => setDialog(dialog.thenClose ? { kind: "close" } : null)}
        />
      )}
      {dialog?.kind === "discount" && (
        <CorrectionDialog
          sessionId={session.id}
          token={token}
          role={role}
          target={{ kind: "bill", bill, label: session.label }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === "close" && (
        <SessionCloseDialog
          label={session.label}
          bill={bill}
          orders={orders}
          orderLabels={labels}
          role={role}
          onPay={() => setDialog({ kind: "pay", thenClose: true })}
          onClose={() => setDialog(null)}
          close={onClose}
        />
      )}
    </article>
  );
}
