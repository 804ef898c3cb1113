import { activateLanguage, t, useLanguage } from "../i18n/i18n";
import { isLanguage, LANGUAGES } from "../i18n/languages";

/**
 * The guest's language, on every phone screen: starts as the phone's own, and a guest who
 * picks another keeps it on this phone. Each language is named in itself, so a guest finds
 * theirs whatever the page is in now.
 */
export function LanguageSwitch() {
  const language = useLanguage();
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t("language.label")}</span>
      <select
        className="touch"
        value={language}
        onChange={(e) => {
          const picked = e.target.value;
          if (isLanguage(picked)) void activateLanguage(picked, { remember: true });
        }}
      >
        {Object.entries(LANGUAGES).map(([code, name]) => (
          <option key={code} value={code} lang={code}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
