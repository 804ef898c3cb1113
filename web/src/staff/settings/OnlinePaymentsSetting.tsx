import type { PaymentAccountResponse } from "@ordered/contract/client";
import { type FormEvent, useEffect, useState } from "react";
import { api } from "../../api/http";
import { strings } from "../../strings";
import { SavedStatus, SettingError } from "./SettingStatus";
import type { LocationSettingProps } from "./use-location-save";

/**
 * The location's Stripe keys (payments/payment-account.ts on the server): set, the phones
 * offer to pay; removed, staff record payments only. The webhook's address is shown to paste
 * into Stripe's dashboard; the secrets are never read back.
 */
export function OnlinePaymentsSetting({ token, location, maySet, onSaved }: LocationSettingProps) {
  const s = strings.onlinePayments;
  const [state, setState] = useState<PaymentAccountResponse | null>(null);
  const [secretKey, setSecretKey] = useState("");
  const [webhookSecret, setWebhookSecret] = useState("");
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!maySet) return;
    let stale = false;
    api("GET /api/payments/account", { token })
      .then((res) => !stale && setState(res))
      .catch((err: Error) => !stale && setError(err.message));
    return () => {
      stale = true;
    };
  }, [token, maySet]);

  async function refreshLocation() {
    onSaved((await api("GET /api/location", { token })).location);
  }

  async function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setStatus("");
    try {
      setState(await api("PUT /api/payments/account", { token, body: { provider: "STRIPE", secretKey, webhookSecret } }));
      setSecretKey("");
      setWebhookSecret("");
      setStatus(s.saved);
      await refreshLocation();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!window.confirm(s.confirmRemove)) return;
    setBusy(true);
    setError(null);
    try {
      await api("DELETE /api/payments/account", { token });
      setState((st) => (st ? { ...st, account: null } : st));
      setStatus(s.removed);
      await refreshLocation();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  const account = state?.account ?? null;
  return (
    <section className="card setting online-payments-setting" aria-labelledby="online-payments-title">
      <h2 id="online-payments-title">{s.title}</h2>
      <p className="muted small">
        {s.intro} {!maySet && strings.ticketSettings.ownerOnly}
      </p>
      <p>
        <strong data-testid="online-payments-state">
          {account ? s.on(account.secretKeyHint, account.testMode) : location?.onlinePayments ? s.on("…", false) : s.off}
        </strong>
        {account && <span className="muted small"> · {s.updated(account.updatedBy)}</span>}
      </p>
      {maySet && state && (
        <form className="stack online-payments-form" onSubmit={save}>
          <p className="small">
            {s.webhookHint} <code data-testid="webhook-url">{state.webhookUrl}</code>
          </p>
          <label className="field">
            <span>{s.secretKey}</span>
            <input
              name="secretKey"
              type="password"
              autoComplete="off"
              value={secretKey}
              onChange={(e) => setSecretKey(e.target.value)}
              placeholder="sk_live_…"
              aria-describedby="secret-key-hint"
              required
            />
          </label>
          <small id="secret-key-hint" className="muted">
            {s.secretKeyHint}
          </small>
          <label className="field">
            <span>{s.webhookSecret}</span>
            <input
              name="webhookSecret"
              type="password"
              autoComplete="off"
              value={webhookSecret}
              onChange={(e) => setWebhookSecret(e.target.value)}
              placeholder="whsec_…"
              required
            />
          </label>
          <div className="actions">
            <button type="submit" className="button touch primary" disabled={busy || !secretKey || !webhookSecret}>
              {s.save}
            </button>
            {account && (
              <button type="button" className="button touch" disabled={busy} onClick={() => void remove()}>
                {s.remove}
              </button>
            )}
          </div>
          <SavedStatus text={status} />
        </form>
      )}
      <SettingError error={error} />
    </section>
  );
}
