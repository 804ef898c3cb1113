import { LIMITS } from "@ordered/contract/client";
import { type FormEvent, useState } from "react";
import { strings } from "../../strings";

export function NewSessionForm({
  onCreate,
  onCounterOrder,
}: {
  onCreate: (label: string) => Promise<void>;
  /** A walk-up order without a table: opens such a session and the order pad on it (issue 32). */
  onCounterOrder?: () => Promise<void>;
}) {
  const [label, setLabel] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!label.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await onCreate(label.trim());
      setLabel("");
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="new-session" onSubmit={submit} aria-label={strings.panel.newSession}>
      <label className="field inline">
        <span>{strings.panel.newSessionLabel}</span>
        <input
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          placeholder={strings.panel.newSessionPlaceholder}
          maxLength={LIMITS.session.labelLength}
          required
        />
      </label>
      <button type="submit" className="button primary" disabled={busy}>
        {busy ? strings.panel.creating : strings.panel.newSession}
      </button>
      {onCounterOrder && (
        <button
          type="button"
          className="button"
          disabled={busy}
          title={strings.counter.hint}
          onClick={async () => {
            setBusy(true);
            setError(null);
            try {
              await onCounterOrder();
            } catch (err) {
              setError(err instanceof Error ? err.message : String(err));
            } finally {
              setBusy(false);
            }
          }}
        >
          {strings.counter.action}
        </button>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
