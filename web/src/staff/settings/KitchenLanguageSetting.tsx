import { KITCHEN_LANGUAGES, type KitchenLanguage, type LocationDto } from "@ordered/contract/client";
import { type FormEvent, useState } from "react";
import { api } from "../../api/http";
import { LANGUAGES } from "../../i18n/languages";
import { strings } from "../../strings";

interface Props {
  token: string;
  /** null while loading. */
  location: LocationDto | null;
  /** Whether this account may change the location's settings (location.settings). */
  maySet: boolean;
  onSaved: (location: LocationDto) => void;
}

/**
 * The language the kitchen's paper tickets print in (issue 34): the cooks', whatever language
 * the guests ordered in. Each language is named in itself, as the phone's switch names them,
 * so whoever reads it finds their own.
 */
export function KitchenLanguageSetting({ token, location, maySet, onSaved }: Props) {
  const s = strings.kitchenLanguage;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const language = String(new FormData(e.currentTarget).get("language")) as KitchenLanguage;
    if (!location || language === location.kitchenLanguage) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const res = await api("PATCH /api/location", { token, body: { kitchenLanguage: language } });
      onSaved(res.location);
      setSaved(true);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card setting kitchen-language" aria-labelledby="kitchen-language-title">
      <h2 id="kitchen-language-title">{s.title}</h2>
      <form
        key={location ? location.kitchenLanguage : "loading"}
        className="ticket-timing-form"
        onSubmit={submit}
        onChange={() => setSaved(false)}
      >
        <label className="field">
          <span>{s.language}</span>
          <select
            name="language"
            defaultValue={location?.kitchenLanguage ?? "en"}
            disabled={!maySet || location === null}
            aria-describedby="kitchen-language-hint"
          >
            {KITCHEN_LANGUAGES.map((code) => (
              <option key={code} value={code} lang={code}>
                {LANGUAGES[code]}
              </option>
            ))}
          </select>
        </label>
        {maySet && (
          <button type="submit" className="button touch" disabled={busy || location === null}>
            {s.save}
          </button>
        )}
        <span role="status" className="saved-status small">
          {saved ? s.saved : ""}
        </span>
      </form>
      <p id="kitchen-language-hint" className="muted small">
        {s.hint} {!maySet && strings.ticketSettings.ownerOnly}
      </p>
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
    </section>
  );
}
