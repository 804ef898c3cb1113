import { RECEIPT_LANGUAGES, type ReceiptLanguage, type ReceiptMailResponse } from "@ordered/contract/client";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { ApiError, api } from "../api/http";
import { t } from "../i18n/i18n";
import { LANGUAGES } from "../i18n/languages";
import "./MailReceiptForm.css";

let enabled: Promise<boolean> | undefined;

/** Whether this server mails receipts (GET /api/receipt-mail), asked once per page; no answer: no form. */
function mailEnabled(): Promise<boolean> {
  enabled ??= api("GET /api/receipt-mail")
    .then((r) => r.enabled)
    .catch(() => {
      enabled = undefined; // offline now: ask again next time the form mounts
      return false;
    });
  return enabled;
}

/** "name@example.com": what the server's zod email takes, near enough to say so before sending. */
const ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface Props {
  /** Sends the body to the route of whoever asks (the phone's, or staff's with the session's id). */
  send: (body: { clientMailId: string; to: string; language: ReceiptLanguage }) => Promise<ReceiptMailResponse>;
  /** The receipt's language: the phone's own; staff choose the guest's (a select) when absent. */
  language?: ReceiptLanguage;
}

/**
 * E-mail the receipt (issue 33), under a closed session's receipt on the phone and on the
 * panel. Shown only when the server mails receipts. One client-made id per address: a double
 * tap, or a retry after a failure, sends one mail; a new address is a new mail.
 */
export function MailReceiptForm({ send, language }: Props) {
  const [shown, setShown] = useState(false);
  const [to, setTo] = useState("");
  const [chosen, setChosen] = useState<ReceiptLanguage>(language ?? "en");
  const [mailId, setMailId] = useState(() => crypto.randomUUID());
  const [busy, setBusy] = useState(false);
  // A second tap before React re-renders the disabled button: the ref knows at once.
  const sending = useRef(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ids = useId();

  useEffect(() => {
    let stale = false;
    void mailEnabled().then((on) => !stale && setShown(on));
    return () => {
      stale = true;
    };
  }, []);

  if (!shown) return null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (sending.current) return;
    const address = to.trim();
    if (!ADDRESS.test(address)) return setError(t("receiptMail.invalid"));
    sending.current = true;
    setBusy(true);
    setError(null);
    setSentTo(null);
    try {
      const { mail } = await send({ clientMailId: mailId, to: address, language: language ?? chosen });
      setSentTo(mail.to);
      setMailId(crypto.randomUUID()); // the next one is another mail
    } catch (err) {
      setError(
        err instanceof ApiError && err.code === "MAIL_FAILED" ? t("receiptMail.failed") : err instanceof Error ? err.message : String(err),
      );
    } finally {
      sending.current = false;
      setBusy(false);
    }
  }

  return (
    <form className="mail-receipt no-print" onSubmit={submit} noValidate aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="mail-receipt-title">
        {t("receiptMail.title")}
      </h2>
      <div className="mail-receipt-row">
        <label className="field">
          <span>{t("receiptMail.address")}</span>
          <input
            type="email"
            name="email"
            autoComplete="email"
            inputMode="email"
            value={to}
            onChange={(e) => {
              setTo(e.target.value);
              setMailId(crypto.randomUUID()); // another address: another mail
              setSentTo(null);
            }}
            aria-describedby={`${ids}-hint`}
            aria-invalid={error !== null}
          />
        </label>
        {!language && (
          <label className="field">
            <span>{t("receiptMail.language")}</span>
            <select value={chosen} onChange={(e) => setChosen(e.target.value as ReceiptLanguage)}>
              {RECEIPT_LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {LANGUAGES[l]}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="submit" className="button primary touch" disabled={busy}>
          {busy ? t("receiptMail.sending") : t("receiptMail.send")}
        </button>
      </div>
      <p id={`${ids}-hint`} className="muted small">
        {t("receiptMail.privacy")}
      </p>
      <p role="status" className="mail-receipt-sent small">
        {sentTo ? t("receiptMail.sent", { to: sentTo }) : ""}
      </p>
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
    </form>
  );
}
