#!/usr/bin/env node
// `npm run check:docs` (and `npm test`'s lint step): every `npm run X` / `npm start` /
// `npm test` and every file path that README.md and docs/*.md name must exist, so a doc
// cannot send a reader to a script or file that was renamed or removed.
//
// - Scripts: `npm run X` is looked up in the root package.json, `npm run X -w <workspace>`
//   (or `--workspace`) in that workspace's package.json.
// - Paths: tokens that start at a top-level folder (`server/src/app.ts`, `docs/benchmarks.md`,
//   `web/src/staff/`) or end in a source file's extension. A path may be written from the
//   repository's root or from the folder a doc is talking about (`orders/transition.ts` for
//   server/src/orders/transition.ts, `events.ts` for contract/src/events.ts), so a path is
//   found if it exists under one of ROOTS. Built files (`dist/x.js`) are checked as their source
//   (`src/x.ts`). Names written in backticks count without a folder; in prose only with one
//   (so "Node.js" is not a file). Placeholders (`<code>`), globs and URL paths (`/api/...`)
//   are skipped. Markdown links are resolved from the doc's folder.
// - Journals (`*-history.md`) record what was, not what is: they are not checked.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TOP = ["contract", "server", "web", "e2e", "scripts", "docs", "prisma", "deploy"];
const ROOTS = ["", "server/src", "server", "contract/src", "contract", "web/src", "web", "e2e", "server/bench", "server/test"];
const EXT = "ts|tsx|mjs|cjs|js|json|md|yml|yaml|toml|prisma|sql|conf|css|html";

const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard"], { cwd: root, encoding: "utf8" }).split("\n").filter(Boolean);
const fileSet = new Set(files);
const dirSet = new Set(
  files.flatMap((f) =>
    f
      .split("/")
      .slice(0, -1)
      .map((_, i, parts) => parts.slice(0, i + 1).join("/")),
  ),
);
const basenames = new Set(files.map((f) => path.posix.basename(f)));

const exists = (p) => fileSet.has(p) || dirSet.has(p.replace(/\/$/, ""));
/** The path as written, its source if it is a built file, and a .ts for a .js import path. */
function candidates(p) {
  const out = [p];
  if (/(^|\/)dist(\/|$)/.test(p)) out.push(p.replace(/(^|\/)dist(\/|$)/, "$1src$2").replace(/\.js$/, ".ts"));
  if (p.endsWith(".js")) out.push(p.replace(/\.js$/, ".ts"), p.replace(/\.js$/, ".tsx"));
  return out;
}
function pathExists(p, docDir) {
  const clean = p.replace(/^\.\//, "").replace(/[#:].*$/, "");
  for (const c of candidates(clean)) {
    if (ROOTS.some((base) => exists(base ? `${base}/${c}` : c))) return true;
    if (exists(path.posix.normalize(path.posix.join(docDir, c)))) return true;
  }
  return false;
}

function packageScripts(dir) {
  return JSON.parse(readFileSync(path.join(root, dir, "package.json"), "utf8")).scripts ?? {};
}
const scriptsOf = new Map([["", packageScripts("")]]);
const workspaceScripts = (ws) => {
  if (!scriptsOf.has(ws)) scriptsOf.set(ws, fileSet.has(`${ws}/package.json`) ? packageScripts(ws) : null);
  return scriptsOf.get(ws);
};

const docs = ["README.md", ...readdirSync(path.join(root, "docs")).map((f) => `docs/${f}`)].filter(
  (f) => f.endsWith(".md") && !f.endsWith("-history.md"),
);
const problems = [];
for (const doc of docs) {
  const text = readFileSync(path.join(root, doc), "utf8");
  const docDir = path.posix.dirname(doc);
  const lineOf = (index) => text.slice(0, index).split("\n").length;
  const report = (index, what) => problems.push(`${doc}:${lineOf(index)}: ${what}`);

  for (const m of text.matchAll(/\bnpm (run(?:-script)?|start|test)\b(?:[ \t]+(--silent|-s))?(?:[ \t]+([\w:.-]+))?([^\n`|;&]*)/g)) {
    const name = m[1] === "start" || m[1] === "test" ? m[1] : m[3];
    if (!name || name.startsWith("-")) continue;
    const ws = /(?:^|\s)(?:-w|--workspace)[ =]([\w@/.-]+)/.exec(m[4])?.[1] ?? "";
    const scripts = workspaceScripts(ws);
    if (!scripts) report(m.index, `\`${m[0].trim()}\`: no workspace ${ws}`);
    else if (!(name in scripts))
      report(m.index, `\`npm run ${name}${ws ? ` -w ${ws}` : ""}\`: no such script in ${ws || "the root"} package.json`);
  }

  const seen = new Set();
  const check = (p, index) => {
    if (seen.has(`${index}:${p}`)) return;
    seen.add(`${index}:${p}`);
    if (/[<>*{}$]|\.\.\.|…/.test(p) || p.startsWith("/") || /^[a-z]+:\/\//i.test(p)) return;
    if (!pathExists(p, docDir)) report(index, `${p}: no such file or folder`);
  };
  const pathToken = new RegExp(`(?<![\\w/.@-])((?:${TOP.join("|")})/[\\w./<>*-]*|(?:[\\w.-]+/)+[\\w.-]+\\.(?:${EXT}))(?![\\w/-])`, "g");
  for (const m of text.matchAll(pathToken)) check(m[1].replace(/\.$/, ""), m.index);
  // A bare file name in backticks: `events.ts`.
  for (const m of text.matchAll(new RegExp(`\`([\\w.-]+\\.(?:${EXT}))\``, "g"))) {
    if (!basenames.has(m[1]) && !pathExists(m[1], docDir)) report(m.index, `${m[1]}: no such file`);
  }
  for (const m of text.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)) {
    if (/^[a-z]+:/i.test(m[1])) continue;
    if (!exists(path.posix.normalize(path.posix.join(docDir, m[1])))) report(m.index, `link to ${m[1]}: no such file`);
  }
}

if (problems.length) {
  console.error(`Docs name scripts or files that do not exist (scripts/check-docs.mjs):\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log(`check-docs: every npm script and path named in ${docs.length} docs exists`);
