import { KITCHEN_LANGUAGES, type KitchenLanguage } from "@ordered/contract/client";
import type { FormEvent } from "react";
import { LANGUAGES } from "../../i18n/languages";
import { strings } from "../../strings";
import { SavedStatus, SettingError } from "./SettingStatus";
import { type LocationSettingProps, useLocationSave } from "./use-location-save";

/**
 * The language the kitchen's paper tickets print in (issue 34): the cooks', whatever language
 * the guests ordered in. Each language is named in itself, as the phone's switch names them,
 * so whoever reads it finds their own.
 */
export function KitchenLanguageSetting({ token, location, maySet, onSaved }: LocationSettingProps) {
  const s = strings.kitchenLanguage;
  const { busy, error, saved, clearSaved, save } = useLocationSave(token, onSaved);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const language = String(new FormData(e.currentTarget).get("language")) as KitchenLanguage;
    if (!location || language === location.kitchenLanguage) return;
    await save({ kitchenLanguage: language });
  }

  return (
    <section className="card setting kitchen-language" aria-labelledby="kitchen-language-title">
      <h2 id="kitchen-language-title">{s.title}</h2>
      <form key={location ? location.kitchenLanguage : "loading"} className="ticket-timing-form" onSubmit={submit} onChange={clearSaved}>
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
        <SavedStatus text={saved ? s.saved : ""} />
      </form>
      <p id="kitchen-language-hint" className="muted small">
        {s.hint} {!maySet && strings.ticketSettings.ownerOnly}
      </p>
      <SettingError error={error} />
    </section>
  );
}
