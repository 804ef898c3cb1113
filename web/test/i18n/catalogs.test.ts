import { describe, expect, it } from "vitest";
import { compileCatalog, readCatalog } from "../../i18n-catalogs";
import { activateLanguage, formatList, t } from "../../src/i18n/i18n";
import { chooseLanguage, formattingLocale, LANGUAGES, type Language } from "../../src/i18n/languages";

// Every language must say everything English says, with the same placeholders, in valid ICU
// syntax, with the plural forms the language needs: a missing key would show its id to a guest.

const english = readCatalog("en");
const languages = Object.keys(LANGUAGES) as Language[];
const translations = languages.filter((l) => l !== "en");

type Compiled = string | Compiled[] | { [key: string]: Compiled };

/** Each argument of a compiled message: its name and kind ("" for a plain {name}), with the cases of a plural or select. */
function argumentsOf(compiled: Compiled, into = new Map<string, { kind: string; cases: Set<string> }>()) {
  if (typeof compiled === "string" || !Array.isArray(compiled)) return into;
  for (const part of compiled) {
    if (!Array.isArray(part)) continue;
    const [name, kind, format] = part as [string, string?, Record<string, Compiled>?];
    if (typeof name !== "string") {
      argumentsOf(part, into);
      continue;
    }
    const entry = into.get(name) ?? { kind: kind ?? "", cases: new Set<string>() };
    into.set(name, entry);
    if (format && typeof format === "object") {
      for (const [key, value] of Object.entries(format)) {
        if (key === "offset") continue;
        entry.cases.add(key);
        argumentsOf(value, into);
      }
    }
  }
  return into;
}

describe("message catalogs", () => {
  const compiledEnglish = compileCatalog("en", english);

  it.each(translations)("%s has exactly the English keys", (language) => {
    const keys = Object.keys(readCatalog(language));
    const missing = Object.keys(english).filter((k) => !keys.includes(k));
    const extra = keys.filter((k) => !Object.hasOwn(english, k));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it.each(languages)("%s: every message is valid ICU, non-empty, with English's placeholders and its own plural forms", (language) => {
    const source = readCatalog(language);
    const compiled = compileCatalog(language, source);
    const pluralForms = new Intl.PluralRules(language).resolvedOptions().pluralCategories.filter((c) => c !== "many");
    const problems: string[] = [];
    for (const [key, message] of Object.entries(source)) {
      if (message.trim() === "") problems.push(`${key}: empty`);
      const ours = argumentsOf(compiled[key] as Compiled);
      const theirs = argumentsOf(compiledEnglish[key] as Compiled);
      const names = (m: Map<string, unknown>) => [...m.keys()].sort().join(",");
      if (names(ours) !== names(theirs)) problems.push(`${key}: placeholders {${names(ours)}}, English has {${names(theirs)}}`);
      for (const [name, { kind, cases }] of ours) {
        const en = theirs.get(name);
        if (en && en.kind !== kind) problems.push(`${key}: {${name}} is ${kind || "plain"}, English has ${en.kind || "plain"}`);
        if (kind === "plural") {
          for (const form of [...pluralForms, "other"]) if (!cases.has(form)) problems.push(`${key}: {${name}, plural} lacks "${form}"`);
        }
        if (kind === "select" && !cases.has("other")) problems.push(`${key}: {${name}, select} lacks "other"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(translations)("%s is translated, not a copy of English", (language) => {
    const source = readCatalog(language);
    const same = Object.keys(english).filter((k) => source[k] === english[k]);
    // A few words are the same in both (e.g. "Total", "Menu", a lone symbol); most are not.
    expect(same.length / Object.keys(english).length).toBeLessThan(0.1);
  });
});

describe("the phone's language", () => {
  it("is the guest's own choice on this phone, else the first of the phone's languages we speak, else English", () => {
    expect(chooseLanguage("fr", ["de-DE", "en"])).toBe("fr");
    expect(chooseLanguage(null, ["de-AT", "en"])).toBe("de");
    expect(chooseLanguage(null, ["pt-BR", "IT-it", "fr"])).toBe("it");
    expect(chooseLanguage(null, ["ja", "zh-CN"])).toBe("en");
    expect(chooseLanguage("xx", [])).toBe("en");
  });

  it("formats money and dates in the phone's own regional variant of that language, else in the phone's region", () => {
    expect(formattingLocale("de", ["en-GB", "de-CH"])).toBe("de-CH");
    expect(formattingLocale("en", ["de-DE"])).toBe("en-DE");
    expect(new Date("2026-12-04T14:05:00Z").toLocaleTimeString(formattingLocale("en", ["de-DE"]), { timeZone: "UTC" })).toBe("14:05:00");
    expect(formattingLocale("fr", ["de", "it"])).toBe("fr");
    expect(formattingLocale("it", ["not a tag"])).toBe("it");
  });

  it.each(languages)("%s: switching fills placeholders and picks the plural form", async (language) => {
    await activateLanguage(language);
    const one = t("phoneMenu.showing", { n: 1 });
    const many = t("phoneMenu.showing", { n: 3 });
    expect(one).toContain("1");
    expect(many).toContain("3");
    expect(one.replace("1", "")).not.toBe(many.replace("3", ""));
    const seen = t("calls.seenBy", { by: "Ana" });
    expect(seen).toContain("Ana");
    expect(seen).not.toContain("{");
    expect(t("customer.place")).toBe(readCatalog(language)["customer.place"]);
    expect(formatList(["a", "b"])).toMatch(/^a.*b$/);
  });
});
