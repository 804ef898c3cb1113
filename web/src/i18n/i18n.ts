import en from "virtual:ordered-messages/en";
import { i18n, type Messages } from "@lingui/core";
import { useSyncExternalStore } from "react";
import { storage } from "../lib/storage";
import type source from "../locales/en.json";
import { chooseLanguage, DEFAULT_LANGUAGE, formattingLocale, type Language } from "./languages";

/** Every message key; the English catalog is the source every other language must match. */
export type MessageId = keyof typeof source;
/** Values for a message's placeholders ({name}, {count, plural, …}). */
export type MessageValues = Record<string, string | number>;

// English ships with the app (and is the staff screens' only language for now); every other
// language is a chunk of its own, fetched once a phone needs it.
const loaders: Record<Exclude<Language, "en">, () => Promise<{ default: Messages }>> = {
  de: () => import("virtual:ordered-messages/de"),
  fr: () => import("virtual:ordered-messages/fr"),
  es: () => import("virtual:ordered-messages/es"),
  it: () => import("virtual:ordered-messages/it"),
};

const CHOSEN_KEY = "ordered:language";

i18n.loadAndActivate({ locale: DEFAULT_LANGUAGE, messages: en });

/** The message `id` in the active language, its placeholders filled from `values`. */
export function t(id: MessageId, values?: MessageValues): string {
  return i18n._(id, values);
}

let locale: string | undefined;

/**
 * The locale money, dates and times are formatted in: the phone's own (regional) locale for
 * the active language; undefined (the browser's) until a phone page chose a language.
 */
export function formatLocale(): string | undefined {
  return locale;
}

export function currentLanguage(): Language {
  return i18n.locale as Language;
}

function preferredLanguages(): readonly string[] {
  return typeof navigator === "undefined" ? [] : (navigator.languages ?? [navigator.language]);
}

/** The language this phone starts in: its guest's earlier choice, else the phone's own languages. */
export function initialLanguage(): Language {
  return chooseLanguage(storage.get<string>(CHOSEN_KEY), preferredLanguages());
}

/**
 * Switches the phone pages to `language` (fetching its catalog the first time), the page's
 * `lang` with it so screen readers and hyphenation follow. `remember` keeps a guest's own
 * choice on this phone over the phone's settings.
 */
export async function activateLanguage(language: Language, { remember = false } = {}): Promise<void> {
  if (remember) storage.set(CHOSEN_KEY, language);
  if (language !== i18n.locale) {
    const messages = language === "en" ? en : (await loaders[language]()).default;
    i18n.loadAndActivate({ locale: language, messages });
  }
  locale = formattingLocale(language, preferredLanguages());
  if (typeof document !== "undefined") document.documentElement.lang = language;
}

const subscribe = (onChange: () => void) => i18n.on("change", onChange);

/** The active language; the component re-renders (and with it every child) when it changes. */
export function useLanguage(): Language {
  return useSyncExternalStore(subscribe, currentLanguage, currentLanguage);
}

const lists = new Map<string, Intl.ListFormat>();

/** "gluten, milk" — a short list in the active language's own way of separating items. */
export function formatList(items: readonly string[]): string {
  const at = locale ?? i18n.locale;
  let f = lists.get(at);
  if (!f) {
    f = new Intl.ListFormat(at, { style: "short", type: "unit" });
    lists.set(at, f);
  }
  return f.format(items);
}
