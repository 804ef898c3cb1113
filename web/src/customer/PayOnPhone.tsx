import type { BillDto, CheckoutDto, PaymentDto } from "@ordered/contract/client";
import { useEffect, useId, useState } from "react";
import { ApiError, api } from "../api/http";
import { currentLanguage, t } from "../i18n/i18n";
import { formatMoney } from "../lib/money";
import { type AmountChoice, amountOf, paymentReturn, TIP_CHOICES, tipOf } from "./pay-on-phone";

interface Props {
  token: string;
  bill: BillDto;
  /** What this phone would pay as its share now (its split share, else what it ordered, less what it paid); null: none. */
  shareCents: number | null;
  payments: readonly PaymentDto[];
}

type Outcome = { kind: "confirming" | "paid" | "unpaid" | "expired"; clientPaymentId: string; amountCents?: number };

/**
 * Pay on the phone through the venue's payment provider (issue 33): the guest picks their
 * share, the whole bill or an amount, and a tip, and is sent to the provider's page (Stripe
 * Checkout: cards, Apple Pay, Google Pay; no card data touches Ordered). Coming back, the
 * phone asks how it went until the provider's answer is in; the payment also arrives live.
 */
export function PayOnPhone({ token, bill, shareCents, payments }: Props) {
  const ids = useId();
  const money = (cents: number) => formatMoney(cents, bill.currency);
  const share = shareCents !== null && shareCents > 0 && shareCents < bill.dueCents ? shareCents : null;
  const [choice, setChoice] = useState<AmountChoice>(share ? "share" : "all");
  const [other, setOther] = useState("");
  const [tipBps, setTipBps] = useState(0);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(() => {
    const back = paymentReturn(location.search);
    return back ? { kind: back.paid ? "confirming" : "unpaid", clientPaymentId: back.clientPaymentId } : null;
  });

  // Back from the provider's page: the query says which payment; ask until it is settled.
  useEffect(() => {
    if (outcome?.kind !== "confirming") return;
    history.replaceState(history.state, "", location.pathname);
    let stop = false;
    const ask = async (tries: number) => {
      try {
        const { checkout } = await api("GET /api/sessions/checkouts/:clientPaymentId", {
          token,
          params: { clientPaymentId: outcome.clientPaymentId },
        });
        if (stop) return;
        if (checkout.status !== "OPEN" || tries <= 0) return void setOutcome(settled(checkout));
      } catch {
        if (stop || tries <= 0) return;
      }
      setTimeout(() => void ask(tries - 1), 1500);
    };
    void ask(20);
    return () => {
      stop = true;
    };
  }, [outcome, token]);
  useEffect(() => {
    if (outcome?.kind === "unpaid") history.replaceState(history.state, "", location.pathname);
  }, [outcome]);
  // The payment's own event may come first.
  const recorded = outcome ? payments.find((p) => p.clientPaymentId === outcome.clientPaymentId && p.kind === "PAYMENT") : undefined;
  const shown = recorded ? { ...outcome!, kind: "paid" as const, amountCents: recorded.amountCents + recorded.tipCents } : outcome;

  const amount = amountOf(choice, { dueCents: bill.dueCents, shareCents: share, other });
  const tip = amount === null ? 0 : tipOf(amount, tipBps);

  async function pay() {
    if (amount === null) return;
    setBusy(true);
    setProblem(null);
    try {
      const { checkout } = await api("POST /api/sessions/checkout", {
        token,
        body: {
          clientPaymentId: crypto.randomUUID(),
          amountCents: amount,
          tipCents: tip,
          returnPath: location.pathname,
          language: currentLanguage(),
        },
      });
      if (!checkout.url) throw new ApiError("PROVIDER_FAILED", t("pay.notStarted"), 502);
      location.assign(checkout.url);
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={`${ids}-title`} className="phone-pay">
      <h2 id={`${ids}-title`}>{t("pay.title")}</h2>
      {shown && (
        <p role="status" className={`pay-outcome ${shown.kind}`}>
          {shown.kind === "confirming" && t("pay.confirming")}
          {shown.kind === "paid" && t("pay.paid", { amount: money(shown.amountCents ?? 0) })}
          {shown.kind === "unpaid" && t("pay.unpaid")}
          {shown.kind === "expired" && t("pay.expired")}
        </p>
      )}
      {bill.dueCents > 0 && (
        <form
          className="pay-form"
          onSubmit={(e) => {
            e.preventDefault();
            void pay();
          }}
        >
          <fieldset>
            <legend>{t("pay.amount")}</legend>
            {share !== null && (
              <label className="pay-choice">
                <input type="radio" name={`${ids}-amount`} checked={choice === "share"} onChange={() => setChoice("share")} />
                {t("pay.myShare", { amount: money(share) })}
              </label>
            )}
            <label className="pay-choice">
              <input type="radio" name={`${ids}-amount`} checked={choice === "all"} onChange={() => setChoice("all")} />
              {t("pay.wholeBill", { amount: money(bill.dueCents) })}
            </label>
            <label className="pay-choice">
              <input type="radio" name={`${ids}-amount`} checked={choice === "other"} onChange={() => setChoice("other")} />
              {t("pay.otherAmount")}
            </label>
            {choice === "other" && (
              <input
                className="pay-other"
                inputMode="decimal"
                aria-label={t("pay.otherAmountLabel", { max: money(bill.dueCents) })}
                value={other}
                onChange={(e) => setOther(e.target.value)}
                placeholder={money(bill.dueCents)}
              />
            )}
          </fieldset>
          <fieldset>
            <legend>{t("pay.tip")}</legend>
            <div className="pay-tips">
              {TIP_CHOICES.map((bps) => (
                <label key={bps} className={`pay-tip${tipBps === bps ? " chosen" : ""}`}>
                  <input type="radio" name={`${ids}-tip`} checked={tipBps === bps} onChange={() => setTipBps(bps)} />
                  {bps === 0 ? t("pay.noTip") : `${bps / 100} %`}
                </label>
              ))}
            </div>
          </fieldset>
          {problem && (
            <p role="alert" className="error">
              {problem}
            </p>
          )}
          <button type="submit" className="primary pay-button" disabled={busy || amount === null || amount > bill.dueCents}>
            {amount === null ? t("pay.chooseAmount") : t("pay.button", { amount: money(amount + tip) })}
          </button>
          {amount !== null && amount > bill.dueCents && <p className="error small">{t("pay.tooMuch", { amount: money(bill.dueCents) })}</p>}
          <p className="muted small">{t("pay.secure")}</p>
        </form>
      )}
    </section>
  );
}

function settled(checkout: CheckoutDto): Outcome {
  if (checkout.status === "PAID")
    return { kind: "paid", clientPaymentId: checkout.clientPaymentId, amountCents: checkout.amountCents + checkout.tipCents };
  if (checkout.status === "EXPIRED") return { kind: "expired", clientPaymentId: checkout.clientPaymentId };
  return { kind: "confirming", clientPaymentId: checkout.clientPaymentId };
}
