import { KITCHEN_LANGUAGES, type KitchenLanguage, MENU_LANGUAGES, type MenuLanguage } from "@ordered/contract/client";
import type { FormEvent } from "react";
import { LANGUAGES } from "../../i18n/languages";
import { strings } from "../../strings";
import { SavedStatus, SettingError } from "./SettingStatus";
import { type LocationSettingProps, useLocationSave } from "./use-location-save";

/** The location's language settings, each a choice of the same five languages. */
const SETTINGS = {
  /** The language the kitchen's paper tickets print in (issue 34): the cooks', whatever the guests speak. */
  kitchenLanguage: { languages: KITCHEN_LANGUAGES, words: () => strings.kitchenLanguage, id: "kitchen-language" },
  /**
   * The language the menu's own names and descriptions are written in (issue 35): phones in that
   * language show them as they are, others the translations entered on /panel/translations.
   */
  menuLanguage: { languages: MENU_LANGUAGES, words: () => strings.menuLanguage, id: "menu-language" },
} as const;

type Field = keyof typeof SETTINGS;

/** One language setting; each language named in itself, as the phone's switch names them, so whoever reads it finds their own. */
export function LanguageSetting({ field, token, location, maySet, onSaved }: LocationSettingProps & { field: Field }) {
  const { languages, words, id } = SETTINGS[field];
  const s = words();
  const { busy, error, saved, clearSaved, save } = useLocationSave(token, onSaved);
  const current = location?.[field];

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const language = String(new FormData(e.currentTarget).get("language")) as KitchenLanguage & MenuLanguage;
    if (!location || language === current) return;
    await save(field === "kitchenLanguage" ? { kitchenLanguage: language } : { menuLanguage: language });
  }

  return (
    <section className={`card setting ${id}`} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{s.title}</h2>
      <form key={current ?? "loading"} className="ticket-timing-form" onSubmit={submit} onChange={clearSaved}>
        <label className="field">
          <span>{s.language}</span>
          <select name="language" defaultValue={current ?? "en"} disabled={!maySet || location === null} aria-describedby={`${id}-hint`}>
            {languages.map((code) => (
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
      <p id={`${id}-hint`} className="muted small">
        {s.hint} {!maySet && strings.ticketSettings.ownerOnly}
      </p>
      <SettingError error={error} />
    </section>
  );
}
