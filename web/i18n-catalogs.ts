/// <reference types="node" />
// The phone's message catalogs (src/locales/<language>.json, ICU MessageFormat, one flat
// object of key → message) are compiled at build time with Lingui's own compiler, so the
// browser gets ready-to-run messages and the small @lingui/core runtime, never the ICU parser.
// Imported as `virtual:ordered-messages/<language>`: English is in the main bundle, every
// other language is a chunk of its own, fetched only by phones that use it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { compileMessage } from "@lingui/message-utils/compileMessage";
import type { Plugin } from "vite";

const PREFIX = "virtual:ordered-messages/";
const RESOLVED = "\0ordered-messages:";
const LOCALES = path.resolve(import.meta.dirname, "src/locales");

/** key → ICU message, as written by translators. */
export type SourceCatalog = Record<string, string>;

export function readCatalog(language: string): SourceCatalog {
  return JSON.parse(readFileSync(path.join(LOCALES, `${language}.json`), "utf8")) as SourceCatalog;
}

/** key → compiled message (what @lingui/core's `i18n.load` takes); throws naming the key whose ICU syntax is wrong. */
export function compileCatalog(language: string, source: SourceCatalog): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(source).map(([key, message]) => {
      try {
        return [key, compileMessage(message)];
      } catch (err) {
        throw new Error(`${language}.json: "${key}" is not a valid ICU message: ${(err as Error).message}`);
      }
    }),
  );
}

export function messageCatalogs(): Plugin {
  return {
    name: "ordered:message-catalogs",
    resolveId(id) {
      return id.startsWith(PREFIX) ? RESOLVED + id.slice(PREFIX.length) : null;
    },
    load(id) {
      if (!id.startsWith(RESOLVED)) return null;
      const language = id.slice(RESOLVED.length);
      if (!/^[a-z]{2}$/.test(language)) throw new Error(`no catalog "${language}"`);
      this.addWatchFile(path.join(LOCALES, `${language}.json`));
      const compiled = compileCatalog(language, readCatalog(language));
      // JSON.parse of a string literal is faster to start than the same object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(compiled))});`;
    },
  };
}
