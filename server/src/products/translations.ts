import { MENU_LANGUAGES, type Translations } from "@ordered/contract";

/**
 * Translations as stored (issue 35): the languages and texts given, empty ones left out (an
 * empty text is no translation: the phone falls back), as a JSON string for a jsonb parameter.
 */
export function translationsJson<F extends string>(given: Translations<F> | undefined): string {
  const kept: Translations<F> = {};
  for (const language of MENU_LANGUAGES) {
    const texts = Object.entries(given?.[language] ?? {}).filter((e): e is [F, string] => typeof e[1] === "string" && e[1].trim() !== "");
    if (texts.length > 0) kept[language] = Object.fromEntries(texts.map(([k, v]) => [k, v.trim()])) as Partial<Record<F, string>>;
  }
  return JSON.stringify(kept);
}
