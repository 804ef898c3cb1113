import type { PresenceState } from "@ordered/contract/client";
import { LIMITS } from "@ordered/contract/client";
import { type FormEvent, type RefObject, useId, useState } from "react";
import { ApiError, api } from "../api/http";
import { t } from "../i18n/i18n";

interface Props {
  token: string;
  /** What this phone must do before it may order (never VERIFIED here). */
  presence: Exclude<PresenceState, "VERIFIED">;
  /** The PIN was right (the `customer:verified` event follows), or the server says what to do now. */
  onPresence: (presence: PresenceState) => void;
  /** Focused when a refused order brings the guest here. */
  inputRef?: RefObject<HTMLInputElement | null>;
}

/**
 * A phone that joined through the table's card shows it is at the table before its first
 * order (docs/architecture.md, "Sessions, cards and the bill"): it types the PIN staff show
 * for the session, or waits until staff accept it. The cart is kept meanwhile.
 */
export function PresenceCheck({ token, presence, onPresence, inputRef }: Props) {
  const [pin, setPin] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await api("POST /api/sessions/verify", { token, body: { pin } });
      onPresence("VERIFIED");
    } catch (err) {
      setPin("");
      const code = err instanceof ApiError ? err.code : null;
      setError(code === "WRONG_PIN" || code === "VALIDATION_FAILED" ? t("presence.wrongPin") : t("presence.failed"));
      // Out of tries, or the venue changed how it checks phones: the server says what now.
      if (code === "WRONG_PIN" || code === "PRESENCE_REQUIRED") {
        const current = await api("GET /api/sessions/current", { token }).catch(() => null);
        if (current) onPresence(current.customer.presence);
      }
    } finally {
      setBusy(false);
    }
  }

  if (presence === "STAFF") {
    return (
      <section className="presence-check" aria-labelledby={`${inputId}-title`} aria-live="polite">
        <h2 id={`${inputId}-title`}>{t("presence.staffTitle")}</h2>
        <p>{t("presence.staffBody")}</p>
      </section>
    );
  }
  return (
    <section className="presence-check" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>{t("presence.pinTitle")}</h2>
      <p>{t("presence.pinBody")}</p>
      <form onSubmit={submit} className="presence-form">
        <label htmlFor={inputId}>{t("presence.pinLabel")}</label>
        <input
          ref={inputRef}
          id={inputId}
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, "").slice(0, LIMITS.presence.pinLength))}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern={`\\d{${LIMITS.presence.pinLength}}`}
          maxLength={LIMITS.presence.pinLength}
          required
        />
        <button type="submit" className="button primary" disabled={busy || pin.length !== LIMITS.presence.pinLength}>
          {busy ? t("presence.checking") : t("presence.confirm")}
        </button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
