import {
  type BillDto,
  LIMITS,
  type PaymentDto,
  RECORDED_PAYMENT_METHODS,
  type RecordedPaymentMethod,
  type RecordPaymentBody,
} from "@ordered/contract/client";
import { useId, useRef, useState } from "react";
import { api } from "../../api/http";
import { useAnnounce } from "../../components/Announcer";
import { Modal } from "../../components/Modal";
import { t } from "../../i18n/i18n";
import { centsToInput, formatMoney, parseMoney } from "../../lib/money";
import { strings } from "../../strings";
import { isRetryablePayment, type SplitShare, sendPayment, shareDueCents, splitPlan } from "./payment-plan";
import { nameOf } from "./session-view";

type Scope = "whole" | "phone" | "split";
const SCOPES: readonly Scope[] = ["whole", "phone", "split"];
const MAX_PARTS = LIMITS.bill.maxSplit;

interface Props {
  sessionId: string;
  label: string;
  /** The live bill: the suggested amounts follow it until staff type their own. */
  bill: BillDto;
  names: ReadonlyMap<string, string>;
  token: string;
  /** Paying one payer's share of a split by item: the amount follows what it still owes, the payment names it. */
  payer?: { key: string; name: string; dueCents: number } | undefined;
  onClose: () => void;
}

/** A payment being sent, or one whose answer never came: sent again only as it is (same clientPaymentId). */
interface Attempt {
  body: RecordPaymentBody;
  /** The split share it pays, if any. */
  share?: SplitShare;
}

/**
 * Records money against a session's bill: the whole due, one phone's share, or an equal split
 * recorded share by share. Every submission gets one clientPaymentId, kept through every
 * retry, so a double tap or a lost answer still records it once.
 */
export function PaymentDialog({ sessionId, label, bill, names, token, payer, onClose }: Props) {
  const announce = useAnnounce();
  const ids = useId();
  const money = (cents: number) => formatMoney(cents, bill.currency);
  const [method, setMethod] = useState<RecordedPaymentMethod | null>(null);
  const [scope, setScope] = useState<Scope>("whole");
  const phones = bill.shares.filter((s) => s.customerId !== null);
  const [customerId, setCustomerId] = useState<string>("");
  // null: the amount follows the scope's suggestion (and the live bill) until staff edit it.
  const [amountText, setAmountText] = useState<string | null>(null);
  const [tipText, setTipText] = useState("");
  const [parts, setParts] = useState(2);
  // The due the split divides: fixed once a share is recorded, so the other shares keep their amounts.
  const [splitBase, setSplitBase] = useState<number | null>(null);
  const [recorded, setRecorded] = useState<Record<number, PaymentDto>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [unanswered, setUnanswered] = useState<Attempt | null>(null);
  const inFlight = useRef(false);
  const recordedRef = useRef(recorded);
  recordedRef.current = recorded;

  const suggested = payer
    ? Math.min(payer.dueCents, bill.dueCents)
    : scope === "whole"
      ? bill.dueCents
      : scope === "phone" && customerId
        ? shareDueCents(bill, customerId)
        : 0;
  const amountShown = amountText ?? centsToInput(suggested);
  const shares = splitPlan(splitBase ?? bill.dueCents, parts);
  const locked = busy || unanswered !== null;

  function chooseScope(next: Scope) {
    setScope(next);
    setAmountText(null);
    setProblem(null);
  }

  function changeParts(n: number) {
    if (!Number.isInteger(n) || n < 2 || n > MAX_PARTS) return;
    setParts(n);
    setSplitBase(null);
    setRecorded({});
  }

  /** Reads the form into a payment, or says what is missing. */
  function read(share?: SplitShare): Omit<RecordPaymentBody, "clientPaymentId"> | string {
    if (!method) return strings.payment.chooseMethod;
    const tip = tipText.trim() === "" ? { cents: 0 } : parseMoney(tipText);
    if ("error" in tip) return strings.payment.tipError(strings.payment.amountErrors[tip.error]);
    if (share) return { method, amountCents: share.cents, tipCents: tip.cents, note: share.note };
    if (payer) {
      const amount = parseMoney(amountShown);
      if ("error" in amount) return strings.payment.amountErrors[amount.error];
      if (amount.cents === 0 && tip.cents === 0) return strings.payment.nothing;
      return { method, amountCents: amount.cents, tipCents: tip.cents, payer: payer.key, note: payer.name };
    }
    if (scope === "phone" && !customerId) return strings.payment.choosePhone;
    const amount = parseMoney(amountShown);
    if ("error" in amount) return strings.payment.amountErrors[amount.error];
    if (amount.cents === 0 && tip.cents === 0) return strings.payment.nothing;
    return { method, amountCents: amount.cents, tipCents: tip.cents, ...(scope === "phone" ? { customerId } : {}) };
  }

  async function send(attempt: Attempt) {
    // A second tap lands before React re-renders the button disabled; this catches it.
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setProblem(null);
    setUnanswered(null);
    try {
      const { payment } = await sendPayment(
        (body) => api("POST /api/sessions/:id/payments", { token, params: { id: sessionId }, body }),
        attempt.body,
      );
      announce(strings.announce.paymentRecorded(label));
      if (attempt.share) {
        const { index } = attempt.share;
        setRecorded((r) => ({ ...r, [index]: payment }));
        setTipText("");
      } else {
        onClose();
      }
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
      // Unanswered: it may have been recorded; only the same request may go again.
      if (isRetryablePayment(err)) setUnanswered(attempt);
      // Refused before any share was recorded: the split may follow the live bill again.
      else if (attempt.share && Object.keys(recordedRef.current).length === 0) setSplitBase(null);
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  function submit(share?: SplitShare) {
    if (inFlight.current) return;
    const form = read(share);
    if (typeof form === "string") {
      setProblem(form);
      return;
    }
    if (share && splitBase === null) setSplitBase(bill.dueCents);
    void send({ body: { ...form, clientPaymentId: crypto.randomUUID() }, ...(share ? { share } : {}) });
  }

  const splitDone = scope === "split" && shares.every((s) => recorded[s.index] || s.cents === 0);

  return (
    <Modal title={strings.payment.title(label)} onClose={onClose} className="payment-dialog">
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (scope !== "split") submit();
        }}
      >
        <p className="payment-due">
          {strings.payment.dueNow(money(bill.dueCents))}
          {bill.pendingCents > 0 && <span className="muted small"> · {strings.bill.pending(money(bill.pendingCents))}</span>}
        </p>

        <fieldset className="choice" disabled={locked}>
          <legend>{strings.payment.method}</legend>
          {RECORDED_PAYMENT_METHODS.map((m) => (
            <label key={m} className="choice-option">
              <input type="radio" name={`${ids}-method`} checked={method === m} onChange={() => setMethod(m)} />
              {strings.payment.methods[m]}
            </label>
          ))}
        </fieldset>

        {payer ? (
          <p className="payment-for">{strings.split.payFor(payer.name, money(payer.dueCents))}</p>
        ) : (
          <fieldset className="choice" disabled={locked || Object.keys(recorded).length > 0}>
            <legend>{strings.payment.scope}</legend>
            {SCOPES.map((s) => (
              <label key={s} className="choice-option">
                <input type="radio" name={`${ids}-scope`} checked={scope === s} onChange={() => chooseScope(s)} />
                {strings.payment.scopes[s]}
              </label>
            ))}
          </fieldset>
        )}

        {scope === "phone" &&
          (phones.length === 0 ? (
            <p className="muted">{strings.payment.noPhones}</p>
          ) : (
            <label className="field">
              {strings.payment.phone}
              <select
                value={customerId}
                disabled={locked}
                onChange={(e) => {
                  setCustomerId(e.target.value);
                  setAmountText(null);
                }}
              >
                <option value="">{strings.payment.choosePhoneOption}</option>
                {phones.map((s) => (
                  <option key={s.customerId} value={s.customerId ?? ""}>
                    {strings.payment.phoneOption(
                      nameOf(names, s.customerId, s.displayName),
                      money(shareDueCents(bill, s.customerId ?? "")),
                    )}
                  </option>
                ))}
              </select>
            </label>
          ))}

        {scope === "split" && (
          <>
            <label className="field inline">
              {strings.payment.parts}
              <input
                type="number"
                inputMode="numeric"
                min={2}
                max={MAX_PARTS}
                value={parts}
                disabled={locked}
                className="parts-input"
                onChange={(e) => changeParts(Number(e.target.value))}
              />
            </label>
            <p className="muted small">{strings.payment.splitOf(money(splitBase ?? bill.dueCents), parts)}</p>
          </>
        )}

        <div className="row money-row">
          {scope !== "split" && (
            <label className="field">
              {strings.payment.amount}
              <input
                inputMode="decimal"
                autoComplete="off"
                value={amountShown}
                disabled={locked}
                onChange={(e) => setAmountText(e.target.value)}
              />
            </label>
          )}
          <label className="field">
            {strings.payment.tip}
            <input
              inputMode="decimal"
              autoComplete="off"
              placeholder="0.00"
              value={tipText}
              disabled={locked}
              onChange={(e) => setTipText(e.target.value)}
            />
          </label>
        </div>
        <p className="muted small pay-hint">{scope === "split" ? strings.payment.splitTipHint : strings.payment.tipHint}</p>

        {scope === "split" && (
          <ol className="split-shares" aria-label={strings.payment.sharesTitle}>
            {shares.map((s) => {
              const done = recorded[s.index];
              return (
                <li key={s.index} className={done ? "split-share done" : "split-share"}>
                  <span>{strings.payment.share(s.index, parts)}</span>
                  <strong className="num">{money(s.cents)}</strong>
                  {done ? (
                    <span className="badge status-ready">
                      {strings.payment.shareRecorded(t(`bill.methods.${done.method}`), done.tipCents > 0 ? money(done.tipCents) : null)}
                    </span>
                  ) : (
                    <button
                      type="button"
                      className="button primary small"
                      disabled={locked || s.cents === 0}
                      onClick={() => submit(s)}
                      aria-label={strings.payment.recordShareLabel(s.index, parts)}
                    >
                      {strings.payment.recordShare}
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
        )}

        {problem && (
          <p role="alert" className="error">
            {problem}
          </p>
        )}
        {unanswered && (
          <div className="banner warn pay-retry">
            <p>{strings.payment.unanswered}</p>
            <div className="actions">
              <button type="button" className="button" onClick={() => setUnanswered(null)}>
                {strings.payment.discard}
              </button>
              <button type="button" className="button primary" onClick={() => void send(unanswered)}>
                {strings.payment.retry}
              </button>
            </div>
          </div>
        )}

        <div className="actions">
          {scope === "split" ? (
            <button type="button" className={splitDone ? "button primary" : "button"} onClick={onClose} disabled={busy}>
              {strings.payment.done}
            </button>
          ) : (
            <>
              <button type="button" className="button" onClick={onClose}>
                {t("common.cancel")}
              </button>
              <button type="submit" className="button primary" disabled={locked}>
                {busy ? strings.payment.recording : strings.payment.record}
              </button>
            </>
          )}
        </div>
      </form>
    </Modal>
  );
}
