import type { BillDto, PaymentDto } from "@ordered/contract/client";
import { useId, useRef, useState } from "react";
import { api } from "../../api/http";
import { useAnnounce } from "../../components/Announcer";
import { Modal } from "../../components/Modal";
import { t } from "../../i18n/i18n";
import { centsToInput, formatMoney, parseMoney } from "../../lib/money";
import { strings } from "../../strings";

interface Props {
  sessionId: string;
  label: string;
  bill: BillDto;
  payment: PaymentDto;
  /** What is left of it to refund (its amount less its refunds so far). */
  leftCents: number;
  token: string;
  onClose: () => void;
}

/**
 * A manager gives money back from one payment, with a reason; a line may be picked to refund
 * what it cost. One clientRefundId for the dialog's life: a retry after a lost answer refunds
 * once (the provider sees it as its idempotency key).
 */
export function RefundDialog({ sessionId, label, bill, payment, leftCents, token, onClose }: Props) {
  const ids = useId();
  const announce = useAnnounce();
  const money = (cents: number) => formatMoney(cents, bill.currency);
  const clientRefundId = useRef(crypto.randomUUID());
  const [lineKey, setLineKey] = useState("");
  const [amountText, setAmountText] = useState(centsToInput(leftCents));
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const lines = bill.lines.filter((l) => l.lineCents > 0 && l.lineCents <= leftCents);

  function chooseLine(key: string) {
    setLineKey(key);
    const line = bill.lines.find((l) => l.key === key);
    if (line) {
      setAmountText(centsToInput(line.lineCents));
      if (!reason) setReason(`${t("order.times", { n: line.quantity })} ${line.productName}: `);
    }
  }

  async function submit() {
    const amount = parseMoney(amountText);
    if ("error" in amount) return setProblem(strings.payment.amountErrors[amount.error]);
    if (amount.cents === 0 || amount.cents > leftCents) return setProblem(strings.refund.tooMuch(money(leftCents)));
    if (!reason.trim()) return setProblem(strings.refund.needReason);
    setBusy(true);
    setProblem(null);
    try {
      await api("POST /api/sessions/:id/refunds", {
        token,
        params: { id: sessionId },
        body: { clientRefundId: clientRefundId.current, paymentId: payment.id, amountCents: amount.cents, reason: reason.trim() },
      });
      announce(strings.refund.done(money(amount.cents)));
      onClose();
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  }

  return (
    <Modal title={strings.refund.title(label)} onClose={onClose} className="refund-dialog">
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p>{strings.refund.of(money(payment.amountCents), strings.payment.methods[payment.method], money(leftCents))}</p>
        <p className="muted small">{payment.method === "ONLINE" ? strings.refund.online : strings.refund.offline}</p>
        {lines.length > 0 && (
          <label className="field">
            {strings.refund.line}
            <select value={lineKey} onChange={(e) => chooseLine(e.target.value)}>
              <option value="">{strings.refund.noLine}</option>
              {lines.map((l) => (
                <option key={l.key} value={l.key}>
                  {t("order.times", { n: l.quantity })} {l.productName} — {money(l.lineCents)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          {strings.refund.amount}
          <input inputMode="decimal" value={amountText} onChange={(e) => setAmountText(e.target.value)} aria-describedby={`${ids}-left`} />
        </label>
        <span id={`${ids}-left`} className="muted small">
          {strings.refund.tooMuch(money(leftCents))}
        </span>
        <label className="field">
          {strings.refund.reason}
          <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} aria-describedby={`${ids}-reason`} />
        </label>
        <span id={`${ids}-reason`} className="muted small">
          {strings.refund.reasonHint}
        </span>
        {problem && (
          <p role="alert" className="error">
            {problem}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? strings.refund.sending : strings.refund.submit}
          </button>
        </div>
      </form>
    </Modal>
  );
}
