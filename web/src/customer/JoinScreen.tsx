import { type JoinResponse, LIMITS } from "@ordered/contract/client";
import { type FormEvent, useId, useState } from "react";
import { ApiError, api } from "../api/http";
import { t } from "../i18n/i18n";
import type { Entry } from "./customer-storage";
import { LanguageSwitch } from "./LanguageSwitch";
import { type JoinRefusal, joinBody, joinRefusalOf } from "./phone-flow";
import type { EntryGreeting } from "./use-entry-info";

interface Props {
  entry: Entry;
  /** The table and venue the code belongs to, checked before this screen (null when that check could not be made). */
  greeting: EntryGreeting | null;
  onJoined: (res: JoinResponse) => void;
  /** The join was refused: the session closed, the code is not one, or the card's table is free. */
  onRefused: (refusal: JoinRefusal, displayName: string) => void;
}

/**
 * The first screen: the table and venue at once, one tap on "See the menu" to join; the
 * name is optional (blank is fine) and asked under it, never required.
 */
export function JoinScreen({ entry, greeting, onJoined, onRefused }: Props) {
  const hintId = useId();
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onJoined(await api("POST /api/sessions/join", { body: joinBody(entry, name) }));
    } catch (err) {
      const refusal = err instanceof ApiError ? joinRefusalOf(err.code) : null;
      if (refusal) return onRefused(refusal, name);
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  }

  return (
    <main className="centered customer join-screen with-language">
      <LanguageSwitch />
      <form className="centered-card stack join-card" onSubmit={submit}>
        {greeting ? <h1>{t("customer.joinAt", { table: greeting.table, venue: greeting.venue })}</h1> : <h1>{t("customer.joinTitle")}</h1>}
        <p>{greeting ? t("customer.joinWelcome") : t("customer.joinIntro")}</p>
        <label className="field join-name">
          <span>{t("customer.nameLabel")}</span>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={t("customer.namePlaceholder")}
            autoComplete="given-name"
            enterKeyHint="go"
            aria-describedby={hintId}
            maxLength={LIMITS.session.displayNameLength}
          />
        </label>
        <p id={hintId} className="muted small join-hint">
          {t("customer.nameHint")}
        </p>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" className="button primary large" disabled={busy}>
          {busy ? t("customer.joining") : t("customer.join")}
        </button>
      </form>
    </main>
  );
}
