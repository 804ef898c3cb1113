import { LIMITS } from "@ordered/contract/client";
import { type FormEvent, useState } from "react";
import { strings } from "../../strings";

export function NewSessionForm({ onCreate }: { onCreate: (label: string) => Promise<void> }) {
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
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
