import {
  type BillDto,
  type CorrectionBody,
  type CorrectionKind,
  correctionAllowed,
  correctionNeedsReason,
  discountOffCents,
  FULL_BPS,
  LIMITS,
  lineStarted,
  type OrderDto,
  type OrderItemDto,
  RECORDED_PAYMENT_METHODS,
  RETRYABLE_ERRORS,
  type RecordedPaymentMethod,
  type StaffRoleName,
} from "@ordered/contract/client";
import { useId, useRef, useState } from "react";
import { ApiError, api } from "../../api/http";
import { useAnnounce } from "../../components/Announcer";
import { Modal } from "../../components/Modal";
import { formatMoney, parseMoney } from "../../lib/money";
import { strings } from "../../strings";
import { correctionStrings as s } from "./strings";
import "./corrections.css";

/** What is corrected: one line of an order, or the whole bill (a discount only). */
export type CorrectionTarget =
  | { kind: "line"; order: OrderDto; item: OrderItemDto; label: string }
  | { kind: "bill"; bill: BillDto; label: string };

interface Props {
  sessionId: string;
  token: string;
  role: StaffRoleName;
  target: CorrectionTarget;
  onClose: () => void;
}

const LINE_KINDS: readonly CorrectionKind[] = ["VOID", "COMP", "DISCOUNT"];

/**
 * Void, comp or discount a line, or discount the bill: the reason, the manager's approval
 * when this account's role does not allow it (contract corrections.ts, the server's rule),
 * and the refund when the line was paid for. One clientCorrectionId per dialog, kept through
 * every retry, so a double tap or a lost answer records it once.
 */
export function CorrectionDialog({ sessionId, token, role, target, onClose }: Props) {
  const ids = useId();
  const announce = useAnnounce();
  const [kind, setKind] = useState<CorrectionKind>(target.kind === "bill" ? "DISCOUNT" : "VOID");
  const [percentMode, setPercentMode] = useState(true);
  const [value, setValue] = useState("");
  const [reason, setReason] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [refundNeeded, setRefundNeeded] = useState<string | null>(null);
  const [method, setMethod] = useState<RecordedPaymentMethod | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [clientCorrectionId] = useState(() => crypto.randomUUID());
  const [refundId] = useState(() => crypto.randomUUID());
  const inFlight = useRef(false);

  const currency = target.kind === "line" ? target.order.currency : target.bill.currency;
  const money = (cents: number) => formatMoney(cents, currency);
  const started = target.kind === "line" && lineStarted(target.order, target.item.stationId);
  const baseCents =
    target.kind === "line"
      ? Math.max(0, target.item.unitPriceCents * target.item.quantity - target.item.corrections.reduce((x, c) => x + c.offCents, 0))
      : target.bill.subtotalCents - target.bill.billDiscountCents;
  const discount = readDiscount(percentMode, value);
  const offCents =
    kind === "DISCOUNT"
      ? typeof discount === "string"
        ? 0
        : discountOffCents(baseCents, {
            percentBps: "percentBps" in discount ? discount.percentBps : null,
            amountCents: "amountCents" in discount ? discount.amountCents : null,
          })
      : baseCents;
  const facts = { kind, started, offCents, baseCents };
  const needsApproval = !correctionAllowed(role, facts);
  const needsReason = correctionNeedsReason(facts);
  const what = target.kind === "line" ? `${target.item.quantity}× ${target.item.productName} (${target.label})` : target.label;

  function body(): CorrectionBody | string {
    if (needsReason && reason.trim() === "") return s.reasonMissing;
    if (kind === "DISCOUNT" && typeof discount === "string") return discount;
    if (refundNeeded && !method) return strings.payment.chooseMethod;
    return {
      clientCorrectionId,
      kind,
      ...(target.kind === "line" ? { orderId: target.order.id, position: target.item.position } : {}),
      ...(kind === "DISCOUNT" && typeof discount !== "string" ? discount : {}),
      ...(reason.trim() ? { reason: reason.trim() } : {}),
      ...(needsApproval ? { approval: { email: email.trim(), password } } : {}),
      ...(refundNeeded && method ? { refund: { clientPaymentId: refundId, method } } : {}),
    };
  }

  async function submit() {
    if (inFlight.current) return;
    const b = body();
    if (typeof b === "string") return setError(b);
    inFlight.current = true;
    setBusy(true);
    setError(null);
    try {
      // Network failures and busy answers go again as they are (the same id: recorded once).
      for (const delay of [500, 1500, null]) {
        try {
          await api("POST /api/sessions/:id/corrections", { token, params: { id: sessionId }, body: b });
          break;
        } catch (err) {
          const retryable = err instanceof ApiError && (err.code === "NETWORK" || RETRYABLE_ERRORS.includes(err.code));
          if (!retryable || delay === null) throw err;
          await new Promise((r) => setTimeout(r, delay));
        }
      }
      announce(s.done(kind, what));
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.code === "REFUND_REQUIRED") setRefundNeeded(err.message);
      else setError(err instanceof Error ? err.message : String(err));
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  return (
    <Modal title={target.kind === "line" ? s.title(what) : s.billTitle(target.label)} onClose={onClose}>
      <div className="correction-dialog">
        {target.kind === "line" && (
          <fieldset className="choice" disabled={busy}>
            <legend>
              {what} · {money(baseCents)}
            </legend>
            {LINE_KINDS.map((k) => (
              <label key={k} className="choice-option">
                <input type="radio" name={`${ids}-kind`} checked={kind === k} onChange={() => setKind(k)} />
                {s.kinds[k]}
                <span className="muted small"> — {s.kindHints[k]}</span>
              </label>
            ))}
          </fieldset>
        )}
        {started && <p className="muted small">{s.started}</p>}
        {kind === "DISCOUNT" && (
          <div className="correction-discount">
            <fieldset className="choice choice-row" disabled={busy}>
              <legend className="visually-hidden">{s.kinds.DISCOUNT}</legend>
              <label className="choice-option">
                <input type="radio" name={`${ids}-mode`} checked={percentMode} onChange={() => setPercentMode(true)} />
                {s.percent}
              </label>
              <label className="choice-option">
                <input type="radio" name={`${ids}-mode`} checked={!percentMode} onChange={() => setPercentMode(false)} />
                {s.amount}
              </label>
            </fieldset>
            <label className="field">
              {s.valueLabel(percentMode)}
              <input inputMode="decimal" value={value} disabled={busy} onChange={(e) => setValue(e.target.value)} />
            </label>
            {offCents > 0 && <p className="small">−{money(offCents)}</p>}
          </div>
        )}
        <label className="field">
          {needsReason ? s.reason : s.reasonOptional}
          <input
            value={reason}
            maxLength={LIMITS.correction.reasonLength}
            placeholder={s.reasonPlaceholder}
            disabled={busy}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        {needsApproval && (
          <fieldset className="correction-approval" disabled={busy}>
            <legend>{s.approvalNeeded}</legend>
            <label className="field">
              {s.approvalEmail}
              <input type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />
            </label>
            <label className="field">
              {s.approvalPassword}
              <input type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} />
            </label>
          </fieldset>
        )}
        {refundNeeded && (
          <fieldset className="choice" disabled={busy}>
            <legend>
              {refundNeeded} {s.refundTitle}
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
          <button type="button" className="button" onClick={onClose}>
            {s.cancel}
          </button>
          <button type="button" className={kind === "DISCOUNT" ? "button primary" : "button danger"} onClick={submit} disabled={busy}>
            {s.submit(kind)}
          </button>
        </div>
      </div>
    </Modal>
  );
}

/** The discount typed: basis points from a percent ("12.5"), or cents from an amount ("2.50"); a message when it is not one. */
function readDiscount(percent: boolean, text: string): { percentBps: number } | { amountCents: number } | string {
  if (text.trim() === "") return s.valueMissing;
  if (!percent) {
    const amount = parseMoney(text);
    if ("error" in amount || amount.cents <= 0) return s.valueMissing;
    return { amountCents: amount.cents };
  }
  const n = Number(text.replace(",", ".").replace("%", "").trim());
  const bps = Math.round(n * 100);
  if (!Number.isFinite(n) || bps < 1 || bps > FULL_BPS) return s.valueMissing;
  return { percentBps: bps };
}
