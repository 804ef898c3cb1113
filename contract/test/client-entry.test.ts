import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../src");

/** The modules a file loads at run time: `import`/`export ... from`, minus type-only ones. */
function runtimeImports(file: string): string[] {
  const text = readFileSync(path.join(src, file), "utf8");
  const specs: string[] = [];
  for (const m of text.matchAll(/^(import|export)\s+(type\s+)?[^;]*?\sfrom\s+"([^"]+)";/gms)) {
    if (!m[2]) specs.push(m[3]!);
  }
  return specs;
}

/** Every module `file` brings into a bundle, itself included. */
function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const spec of runtimeImports(file)) {
    if (spec.startsWith("./")) closure(spec.slice(2).replace(/\.js$/, ".ts"), seen);
    else seen.add(spec);
  }
  return seen;
}

describe("@ordered/contract/client", () => {
  it("brings no zod into a bundle, not even through another module", () => {
    const loaded = closure("client.ts");
    expect(loaded.has("zod")).toBe(false);
    expect([...loaded].filter((m) => !m.endsWith(".ts"))).toEqual([]);
  });

  it("still offers the helpers the web app runs", async () => {
    const client = await import("../src/client.js");
    for (const name of [
      "LIMITS",
      "billOf",
      "unitPriceOf",
      "stageOf",
      "SESSION_EVENT_NAMES",
      "RETRYABLE_ERRORS",
      "can",
      "sendRoute",
      "routeUrl",
    ]) {
      expect(client).toHaveProperty(name);
    }
  });

  it("is what the package exports as ./client", () => {
    const pkg = JSON.parse(readFileSync(path.join(src, "../package.json"), "utf8"));
    expect(pkg.exports["./client"].default).toBe("./dist/client.js");
  });
});
