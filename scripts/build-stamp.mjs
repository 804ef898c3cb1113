// What `npm start` built last: a hash of every file the build reads (sources, configs, the
// lockfile), kept beside node_modules. When nothing changed since, start skips the build
// (about two minutes on a small machine) and serves what is in server/dist and web/dist.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Inputs of the build, relative to the repository root: folders are read whole. */
const INPUTS = [
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  "prisma/schema.prisma",
  "contract/package.json",
  "contract/tsconfig.json",
  "contract/src",
  "server/package.json",
  "server/tsconfig.build.json",
  "server/tsconfig.json",
  "server/src",
  "web/package.json",
  "web/tsconfig.json",
  "web/index.html",
  "web/vite.config.ts",
  "web/i18n-catalogs.ts",
  "web/precompress.ts",
  "web/offline",
  "web/src",
];
/** Made by the build itself (the Prisma client), so never an input. */
const SKIP = new Set(["generated", "node_modules", "dist"]);
/** What a finished build leaves; a stamp without them (a deleted dist) means build again. */
const OUTPUTS = ["server/dist/main.js", "server/dist/worker-main.js", "web/dist/index.html", "contract/dist/index.js"];

function files(root, rel) {
  const full = path.join(root, rel);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [rel];
  return readdirSync(full)
    .filter((name) => !SKIP.has(name))
    .sort()
    .flatMap((name) => files(root, path.join(rel, name)));
}

/** The hash of every build input's path and content. */
export function sourcesHash(root) {
  const hash = createHash("sha256");
  for (const rel of INPUTS.flatMap((input) => files(root, input))) {
    hash.update(`${rel}\0`);
    hash.update(readFileSync(path.join(root, rel)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

const stampFile = (root) => path.join(root, "node_modules/.cache/ordered/build-stamp");

/** Whether the last build was of exactly these sources and its outputs are still there. */
export function builtFromCurrentSources(root) {
  if (!OUTPUTS.every((out) => existsSync(path.join(root, out)))) return false;
  try {
    return readFileSync(stampFile(root), "utf8").trim() === sourcesHash(root);
  } catch {
    return false;
  }
}

/** Records that the build of the current sources finished. */
export function stampBuild(root) {
  mkdirSync(path.dirname(stampFile(root)), { recursive: true });
  writeFileSync(stampFile(root), `${sourcesHash(root)}\n`);
}
