import { type JoinResponse, LIMITS } from "@ordered/contract";
import { type FormEvent, useState } from "react";
import { ApiError, api } from "../api/http";
import { strings } from "../strings";

interface Props {
  code: string;
  onJoined: (token: string) => void;
  onClosed: () => void;
  onInvalid: () => void;
}

export function JoinScreen({ code, onJoined, onClosed, onInvalid }: Props) {
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const displayName = name.trim();
      const res = await api<JoinResponse>("/sessions/join", { body: displayName ? { joinCode: code, displayName } : { joinCode: code } });
      onJoined(res.token);
    } catch (err) {
      if (err instanceof ApiError && err.code === "SESSION_CLOSED") return onClosed();
      if (err instanceof ApiError && (err.code === "NOT_FOUND" || err.code === "VALIDATION_FAILED")) return onInvalid();
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  }

  return (
    <main className="centered customer">
      <form className="centered-card stack" onSubmit={submit}>
        <h1>{strings.customer.joinTitle}</h1>
        <p>{strings.customer.joinIntro}</p>
        <label className="field">
          <span>{strings.customer.nameLabel}</span>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={strings.customer.namePlaceholder}
            autoComplete="given-name"
            maxLength={LIMITS.session.displayNameLength}
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" className="button primary large" disabled={busy}>
          {busy ? strings.customer.joining : strings.customer.join}
        </button>
      </form>
    </main>
  );
}
