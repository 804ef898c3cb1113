/// <reference types="node" />
// A Vite build step: writes /sw.js, the service worker that keeps the guest app's shell for
// a reload without network (offline/service-worker.js says what it caches and why). It lists
// only the guest's files, found from the bundle's own graph: a phone never downloads the
// staff panel or the kitchen display ahead, not even for the cache.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Plugin, Rollup } from "vite";

/**
 * Modules whose lazy chunks belong to the guest's app: its own screens, and the message
 * catalogs of its languages (a few KB each, so a phone that reloads offline still speaks the
 * guest's language).
 */
const GUEST_SOURCE = /\/src\/customer\/|^\0ordered-messages:/;

/**
 * The files of the guest's app, as absolute paths: the entry, what it imports, its CSS and
 * assets, and the lazy chunks that start in the guest's code (with theirs); never the
 * chunks the staff's or the kitchen's routes load.
 */
export function guestShell(bundle: Rollup.OutputBundle): string[] {
  const files = new Set<string>();
  const visit = (fileName: string) => {
    const chunk = bundle[fileName];
    if (chunk?.type !== "chunk" || files.has(fileName)) return;
    files.add(fileName);
    for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
    for (const asset of chunk.viteMetadata?.importedAssets ?? []) files.add(asset);
    for (const imported of chunk.imports) visit(imported);
    for (const lazy of chunk.dynamicImports) {
      const target = bundle[lazy];
      if (target?.type === "chunk" && GUEST_SOURCE.test(target.facadeModuleId ?? "")) visit(lazy);
    }
  };
  for (const chunk of Object.values(bundle)) if (chunk.type === "chunk" && chunk.isEntry) visit(chunk.fileName);
  return [...files].sort().map((f) => `/${f}`);
}

export function offlineShell(): Plugin {
  return {
    name: "ordered:offline-shell",
    apply: "build",
    generateBundle(_options, bundle) {
      const shell = guestShell(bundle);
      // A new list is a new cache: the worker updates and drops the old one.
      const version = createHash("sha256").update(shell.join("\n")).digest("hex").slice(0, 16);
      const template = readFileSync(new URL("./service-worker.js", import.meta.url), "utf8");
      const source = template.replace("__VERSION__", version).replace("__SHELL__", JSON.stringify(shell));
      this.emitFile({ type: "asset", fileName: "sw.js", source });
    },
  };
}
