import { MENU_LANGUAGES, type MenuLanguage } from "@ordered/contract/client";
import type { FormEvent } from "react";
import { LANGUAGES } from "../../i18n/languages";
import { strings } from "../../strings";
import { SavedStatus, SettingError } from "./SettingStatus";
import { type LocationSettingProps, useLocationSave } from "./use-location-save";

/**
 * The language the menu's own names and descriptions are written in (issue 35): phones in that
 * language show them as they are, phones in others show the translations entered on the
 * translations page (/panel/translations). Each language is named in itself, as elsewhere.
 */
export function MenuLanguageSetting({ token, location, maySet, onSaved }: LocationSettingProps) {
  const s = strings.menuLanguage;
  const { busy, error, saved, clearSaved, save } = useLocationSave(token, onSaved);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const language = String(new FormData(e.currentTarget).get("language")) as MenuLanguage;
    if (!location || language === location.menuLanguage) return;
    await save({ menuLanguage: language });
  }

  return (
    <section className="card setting menu-language" aria-labelledby="menu-language-title">
      <h2 id="menu-language-title">{s.title}</h2>
      <form key={location ? location.menuLanguage : "loading"} className="ticket-timing-form" onSubmit={submit} onChange={clearSaved}>
        <label className="field">
          <span>{s.language}</span>
          <select
            name="language"
            defaultValue={location?.menuLanguage ?? "en"}
            disabled={!maySet || location === null}
            aria-describedby="menu-language-hint"
          >
            {MENU_LANGUAGES.map((code) => (
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
      <p id="menu-language-hint" className="muted small">
        {s.hint} {!maySet && strings.ticketSettings.ownerOnly}
      </p>
      <SettingError error={error} />
    </section>
  );
}
