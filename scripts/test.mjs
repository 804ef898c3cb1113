#!/usr/bin/env node
// `npm test`: every test, against the real PostgreSQL and Redis on this machine.
//  1. checks PostgreSQL and Redis answer (naming the one that does not),
//  2. generates the Prisma client and builds the contract, the server and the web app,
//     then type-checks, lints (Biome: lint and format), checks for import cycles (dpdm) and
//     that every npm script and file the docs name exists (check-docs.mjs),
//     then runs the contract's and the web app's unit tests (Vitest),
//  3. runs the server suite (Vitest; real Postgres, Redis and Socket.IO clients),
//  4. runs the end-to-end suite (Playwright in Chromium against built servers; a Chromium is
//     installed first if there is none: scripts/chromium.mjs).
// Each suite creates and migrates its own database; tests create their own data.
import { stampBuild } from "./build-stamp.mjs";
import { ensureChromium } from "./chromium.mjs";
import { defaults, requireServices, root, run } from "./services.mjs";

const env = { ...process.env };
for (const [k, v] of Object.entries(defaults)) env[k] ??= v;

await requireServices(env);
// Installed if missing (Playwright's browser, or Debian's as root): see chromium.mjs.
env.CHROMIUM_PATH = ensureChromium(root, env);

// Each step says when it starts, counted from the start of the run (CI's budget is 12 minutes).
const startedAt = Date.now();
const elapsed = () =>
  `${Math.floor((Date.now() - startedAt) / 60_000)}:${String(Math.floor(((Date.now() - startedAt) / 1000) % 60)).padStart(2, "0")}`;
const step = (title) => console.log(`\n▶ ${title}  [${elapsed()}]`);
step("Building");
run("npm", ["run", "--silent", "build:server"], env);
run("npm", ["run", "--silent", "build:web"], env);
// The same build `npm start` makes: its test (server/test/deploy/npm-start.test.ts) and a
// later `npm start` use it as it is.
stampBuild(root);
step("Type-checking");
run("npm", ["run", "--silent", "typecheck"], env);
// The benchmarks import the built server (server/dist), so they are checked after the build.
run("npm", ["run", "--silent", "typecheck:bench", "-w", "server"], env);
step("Lint, format, import cycles and the docs' references (Biome, dpdm, check-docs)");
run("npm", ["run", "--silent", "lint"], env);
step("Contract unit tests (Vitest)");
run("npm", ["test", "-w", "contract"], env);
step("Web unit tests (Vitest)");
run("npm", ["test", "-w", "web"], env);
step("Server tests (Vitest)");
run("npm", ["test", "-w", "server"], env);
step("End-to-end tests (Playwright, Chromium)");
run("npm", ["test", "-w", "e2e"], env);
console.log(`\n✓ All tests passed in ${elapsed()}.`);
