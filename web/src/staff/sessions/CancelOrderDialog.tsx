import {
  can,
  kitchenStarted,
  LIMITS,
  movedOnSince,
  ORDER_VIEW_WORDS,
  type OrderDto,
  type OrderView,
  orderViewOf,
  RECORDED_PAYMENT_METHODS,
  type RecordedPaymentMethod,
  type StaffRoleName,
} from "@ordered/contract/client";
import { useId, useState } from "react";
import { Modal } from "../../components/Modal";
import { CommandError } from "../../realtime/command";
import { useCommands } from "../../realtime/live-context";
import { strings } from "../../strings";

interface Props {
  /** The order as it is now: the dialog follows it live. */
  order: OrderDto;
  label: string;
  role: StaffRoleName;
  onCancelled: () => void;
  onClose: () => void;
}

/**
 * "Cancel this order?" that acts only on what the person saw: it sends the order's state from
 * when it opened (`seen`), says so at once when another device moved the order on, asks why
 * when the kitchen has started the food (and shows who may), and asks how the money goes
 * back when the order was paid (the server's REFUND_REQUIRED names the amount).
 */
export function CancelOrderDialog({ order, label, role, onCancelled, onClose }: Props) {
  const commands = useCommands();
  const ids = useId();
  const now = orderViewOf(order);
  const [seen, setSeen] = useState<OrderView>(now);
  const [reason, setReason] = useState("");
  const [refundNeeded, setRefundNeeded] = useState<string | null>(null);
  const [method, setMethod] = useState<RecordedPaymentMethod | null>(null);
  // One id per dialog: a retried cancel records its refund once.
  const [refundId] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const moved = movedOnSince(seen, now);
  const started = kitchenStarted(order);
  const mayVoid = can(role, "orders.void");

  async function confirm() {
    if (busy) return;
    if (started && reason.trim() === "") return setError(strings.order.cancelWhyMissing);
    if (refundNeeded && !method) return setError(strings.payment.chooseMethod);
    setBusy(true);
    setError(null);
    try {
      await commands.send("order:cancel", {
        orderId: order.id,
        seen,
        reason: reason.trim() || strings.order.cancelReason,
        ...(refundNeeded && method ? { refund: { clientPaymentId: refundId, method } } : {}),
      });
      onCancelled();
      onClose();
    } catch (err) {
      if (err instanceof CommandError && err.code === "REFUND_REQUIRED") setRefundNeeded(err.message);
      else setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  }

  return (
    <Modal title={strings.order.cancelOrder(label)} onClose={onClose}>
      <p>
        {strings.order.confirmCancel} {strings.order.cancelIsNow(ORDER_VIEW_WORDS[now])}
      </p>
      {moved && (
        <p role="alert" className="error">
          {strings.order.cancelMoved(ORDER_VIEW_WORDS[seen], ORDER_VIEW_WORDS[now])}
        </p>
      )}
      {started && !mayVoid && <p className="error">{strings.order.cancelStartedNeedsManager}</p>}
      {started && mayVoid && (
        <label className="field">
          {strings.order.cancelStarted} {strings.order.cancelWhy}
          <input
            value={reason}
            maxLength={LIMITS.order.cancelReasonLength}
            placeholder={strings.order.cancelWhyPlaceholder}
            disabled={busy}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
      )}
      {refundNeeded && (
        <fieldset className="choice" disabled={busy}>
          <legend>
            {refundNeeded} {strings.order.refundTitle}
          </legend>
          {RECORDED_PAYMENT_METHODS.map((m) => (
            <label key={m} className="choice-option">
              <input type="radio" name={`${ids}-refund`} checked={method === m} onChange={() => setMethod(m)} />
              {strings.payment.methods[m]}
            </label>
          ))}
        </fieldset>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button" onClick={onClose} autoFocus>
          {strings.order.keep}
        </button>
        {moved ? (
          <button type="button" className="button danger" onClick={() => setSeen(now)} disabled={busy}>
            {strings.order.acknowledgeMoved(ORDER_VIEW_WORDS[now])}
          </button>
        ) : (
          <button type="button" className="button danger" onClick={confirm} disabled={busy || (started && !mayVoid)}>
            {refundNeeded ? strings.order.refundButton : strings.order.confirmCancelButton}
          </button>
        )}
      </div>
    </Modal>
  );
}
