/** The languages the phone pages speak, each named in itself (what the switch shows). */
export const LANGUAGES = {
  en: "English",
  de: "Deutsch",
  fr: "Français",
  es: "Español",
  it: "Italiano",
} as const;

export type Language = keyof typeof LANGUAGES;

export const DEFAULT_LANGUAGE: Language = "en";

export function isLanguage(code: string): code is Language {
  return Object.hasOwn(LANGUAGES, code);
}

/**
 * The language a phone starts in: the guest's own choice if it made one on this phone, else
 * the first of the phone's languages (navigator.languages, most preferred first) that we
 * speak, matched on the language alone ("de-AT" → de), else English.
 */
export function chooseLanguage(chosen: string | null, preferred: readonly string[]): Language {
  if (chosen && isLanguage(chosen)) return chosen;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split("-")[0] ?? "";
    if (isLanguage(base)) return base;
  }
  return DEFAULT_LANGUAGE;
}

/**
 * The locale for money, dates and times in `language`: the phone's own regional variant when
 * it has one for that language ("de-CH" keeps Swiss number formats); else that language as
 * written in the phone's region, when such a locale exists (English on a German phone: en-DE,
 * a 24-hour clock); else the language itself.
 */
export function formattingLocale(language: Language, preferred: readonly string[]): string {
  const own = preferred.find((tag) => tag.toLowerCase().split("-")[0] === language);
  if (own) return own;
  const region = preferred.map(regionOf).find((r) => r !== undefined);
  if (region) {
    const local = `${language}-${region}`;
    if (Intl.DateTimeFormat.supportedLocalesOf(local)[0] === local) return local;
  }
  return language;
}

function regionOf(tag: string): string | undefined {
  try {
    return new Intl.Locale(tag).region;
  } catch {
    return undefined; // not a language tag
  }
}
