import {
  type BillDto,
  type CloseSessionBody,
  can,
  kitchenStarted,
  LIMITS,
  type OrderDto,
  type StaffRoleName,
} from "@ordered/contract/client";
import { useId, useState } from "react";
import { ApiError } from "../../api/http";
import { useAnnounce } from "../../components/Announcer";
import { Modal } from "../../components/Modal";
import { OrderStatusBadge } from "../../components/OrderStatusBadge";
import { BillTotals } from "../../components/ReceiptView";
import { t } from "../../i18n/i18n";
import { formatMoney } from "../../lib/money";
import { strings } from "../../strings";
import { unfinishedOrders } from "./session-view";

interface Props {
  label: string;
  bill: BillDto;
  orders: OrderDto[];
  /** "Table 4 #2" per order id. */
  orderLabels: ReadonlyMap<string, string>;
  /** The signed-in account's role: cancelling started food and waiving need a manager. */
  role: StaffRoleName;
  onPay: () => void;
  onClose: () => void;
  close: (body: CloseSessionBody) => Promise<unknown>;
}

type Unfinished = NonNullable<CloseSessionBody["unfinished"]>;

/**
 * Closing a session: the bill, what is not finished and what is still due, each with its way
 * out (deliver or cancel the orders; pay, or waive the rest with a reason). The server has
 * the last word: it checks the same rules against what it holds, and its refusal (say, for an
 * order placed a moment ago) is shown here with the same choices.
 */
export function SessionCloseDialog({ label, bill, orders, orderLabels, role, onPay, onClose, close }: Props) {
  const announce = useAnnounce();
  const ids = useId();
  const money = (cents: number) => formatMoney(cents, bill.currency);
  const [choice, setChoice] = useState<Unfinished | null>(null);
  const [waive, setWaive] = useState(false);
  const [reason, setReason] = useState("");
  const [cancelReason, setCancelReason] = useState("");
  const [refusal, setRefusal] = useState<{ code: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const unfinished = unfinishedOrders(orders);
  const askUnfinished = unfinished.length > 0 || refusal?.code === "UNFINISHED_ORDERS" || choice !== null;
  const askDue = bill.dueCents > 0 || refusal?.code === "BILL_UNPAID" || waive;
  // Cancelling food the kitchen started, and waiving, are a manager's call, with a reason.
  const cancelsStarted = choice === "cancel" && unfinished.some(kitchenStarted);
  const mayVoid = can(role, "orders.void");
  const mayWaive = can(role, "bill.waive");

  async function submit() {
    if (busy) return;
    if (waive && reason.trim() === "") {
      setRefusal({ code: "LOCAL", message: strings.session.waiveReasonMissing });
      return;
    }
    if (cancelsStarted && cancelReason.trim() === "") {
      setRefusal({ code: "LOCAL", message: strings.session.cancelReasonMissing });
      return;
    }
    setBusy(true);
    setRefusal(null);
    try {
      await close({
        ...(choice ? { unfinished: choice } : {}),
        ...(cancelsStarted ? { cancelReason: cancelReason.trim() } : {}),
        ...(waive ? { waiveReason: reason.trim() } : {}),
      });
      announce(strings.announce.sessionClosed(label));
      onClose();
    } catch (err) {
      setRefusal(err instanceof ApiError ? { code: err.code, message: err.message } : { code: "", message: String(err) });
      setBusy(false);
    }
  }

  return (
    <Modal title={strings.session.closeTitle} onClose={onClose} className="close-dialog">
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p>{strings.session.closeIntro(label)}</p>
        <BillTotals bill={bill} />
        {bill.pendingCents > 0 && <p className="muted small">{strings.bill.pending(money(bill.pendingCents))}</p>}

        {askUnfinished && (
          <section className="close-step" aria-labelledby={`${ids}-unfinished`}>
            <h3 id={`${ids}-unfinished`} className="close-step-title">
              {unfinished.length > 0 ? strings.session.unfinishedTitle(unfinished.length) : strings.session.unfinishedServer}
            </h3>
            {unfinished.length > 0 && (
              <ul className="unfinished-list">
                {unfinished.map((o) => (
                  <li key={o.id}>
                    <strong>{orderLabels.get(o.id) ?? label}</strong>{" "}
                    <span className="small">
                      {o.items.map((i) => `${t("order.times", { n: i.quantity })} ${i.productName}`).join(", ")}
                    </span>{" "}
                    <OrderStatusBadge order={o} />
                  </li>
                ))}
              </ul>
            )}
            <fieldset className="choice" disabled={busy}>
              <legend>{strings.session.unfinishedChoice}</legend>
              {(["finish", "cancel"] as const).map((c) => (
                <label key={c} className="choice-option">
                  <input type="radio" name={`${ids}-unfinished-choice`} checked={choice === c} onChange={() => setChoice(c)} />
                  {c === "finish" ? strings.session.finishThem : strings.session.cancelThem}
                </label>
              ))}
            </fieldset>
            <p className="muted small">{strings.session.unfinishedHint}</p>
            {cancelsStarted && !mayVoid && <p className="error small">{strings.session.cancelStartedNeedsManager}</p>}
            {cancelsStarted && mayVoid && (
              <label className="field">
                {strings.session.cancelStartedWhy}
                <input
                  value={cancelReason}
                  maxLength={LIMITS.order.cancelReasonLength}
                  disabled={busy}
                  onChange={(e) => setCancelReason(e.target.value)}
                />
              </label>
            )}
          </section>
        )}

        {askDue && (
          <section className="close-step" aria-labelledby={`${ids}-due`}>
            <h3 id={`${ids}-due`} className="close-step-title">
              {bill.dueCents > 0 ? strings.session.dueTitle(money(bill.dueCents)) : strings.session.dueServer}
            </h3>
            <div className="close-due-actions">
              <button type="button" className="button" onClick={onPay} disabled={busy}>
                {strings.session.payFirst}
              </button>
              <label className="field inline">
                <input
                  type="checkbox"
                  className="plain-check"
                  checked={waive}
                  disabled={busy || !mayWaive}
                  onChange={(e) => setWaive(e.target.checked)}
                />
                {strings.session.waive}
              </label>
            </div>
            {!mayWaive && <p className="muted small">{strings.session.waiveNeedsManager}</p>}
            {waive && (
              <label className="field">
                {strings.session.waiveReason}
                <input
                  value={reason}
                  maxLength={LIMITS.bill.waiveReasonLength}
                  placeholder={strings.session.waiveReasonPlaceholder}
                  disabled={busy}
                  onChange={(e) => setReason(e.target.value)}
                />
              </label>
            )}
          </section>
        )}

        {!askUnfinished && !askDue && <p className="close-ok">{strings.session.readyToClose}</p>}

        {refusal && (
          <p role="alert" className="error">
            {refusal.message}
          </p>
        )}
        <div className="actions">
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" className="button danger" disabled={busy}>
            {busy ? strings.session.closing : strings.session.closeConfirm}
          </button>
        </div>
      </form>
    </Modal>
  );
}
