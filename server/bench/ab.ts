// A/B of the quick latency bench: an earlier commit against this checkout, run alternately.
// CPU time on a shared VM moves ±20 % between identical runs, so one run of each proves
// little; alternating rounds, the `work per order` counts (bench/lib/work.ts) and the system
// calls per order of each process (bench/lib/procs.ts) do.
//   npm run build -w server && npx tsx bench/ab.ts <commit> [--rounds 2] [-- <bench/run.ts options>]
// The commit is built in a git worktree of its own (node_modules shared with this checkout
// when the lockfiles match, else installed there) and benchmarked with this checkout's bench/, so both
// sides are measured the same way. Defaults: --rate 100 --duration 20.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = path.resolve(serverDir, "..");

const argv = process.argv.slice(2);
const dash = argv.indexOf("--");
const own = dash === -1 ? argv : argv.slice(0, dash);
const benchArgs = dash === -1 ? ["--rate", "100", "--duration", "20"] : argv.slice(dash + 1);
const commit = own.find((a) => !a.startsWith("--"));
const roundsAt = own.indexOf("--rounds");
const rounds = roundsAt === -1 ? 2 : Number(own[roundsAt + 1]);
if (!commit || !Number.isInteger(rounds) || rounds < 1) {
  console.error("usage: npx tsx bench/ab.ts <commit> [--rounds N] [-- <bench/run.ts options>]");
  process.exit(2);
}
if (!existsSync(path.join(serverDir, "dist/main.js"))) {
  console.error("build this checkout first: npm run build -w server");
  process.exit(2);
}

const git = (...args: string[]) => execFileSync("git", args, { cwd: repoRoot, encoding: "utf8" }).trim();
/** Whether the commit's package-lock.json is this checkout's. */
const sameLock = (rev: string) => spawnSync("git", ["diff", "--quiet", rev, "--", "package-lock.json"], { cwd: repoRoot }).status === 0;
const sha = git("rev-parse", "--short", commit);
const tree = path.join(mkdtempSync(path.join(os.tmpdir(), "ordered-ab-")), sha);
console.log(`building ${sha} in ${tree}`);
git("worktree", "add", "--detach", tree, sha);
try {
  // node_modules: this checkout's when the commit locks the same packages, else its own.
  if (sameLock(sha)) {
    symlinkSync(path.join(repoRoot, "node_modules"), path.join(tree, "node_modules"));
  } else {
    console.log(`${sha} locks other packages: npm ci in its worktree`);
    execFileSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: tree, stdio: "ignore" });
    // Its workspace packages (the shared contract) resolve into the worktree: build them there.
    execFileSync("npm", ["run", "--if-present", "build:contract"], { cwd: tree, stdio: "ignore" });
  }
  // Its own Prisma client, from its own schema (this checkout's may have columns it never migrates).
  execFileSync("npx", ["prisma", "generate"], { cwd: tree, stdio: "ignore" });
  execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: path.join(tree, "server"), stdio: "inherit" });
  rmSync(path.join(tree, "server/bench"), { recursive: true, force: true });
  cpSync(path.join(serverDir, "bench"), path.join(tree, "server/bench"), { recursive: true });

  const sides = { [sha]: path.join(tree, "server"), "this checkout": serverDir };
  const picked = [
    ["accepted", /place → phone ACCEPTED.*/],
    ["busy", /machine CPU busy [\d.]+%/],
    ["speed", /machine speed: .* µs/],
    ["bytes", /envelope bytes placed \d+, updated \d+/],
    ["cpu", /CPU per order \(ms\):.*/],
    ["work", /work per order:.*/],
    ["syscalls", /syscalls per order.*/],
  ] as const;
  for (let round = 1; round <= rounds; round++) {
    for (const [name, dir] of Object.entries(sides)) {
      const run = spawnSync("npx", ["tsx", "bench/run.ts", "--no-build", "--quick", "--phases", "latency", ...benchArgs], {
        cwd: dir,
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      });
      console.log(`\n${name}, round ${round}${run.status === 0 ? "" : ` (exit ${run.status})`}`);
      for (const [, pattern] of picked) console.log(`  ${pattern.exec(run.stdout)?.[0].trim() ?? "(not printed)"}`);
    }
  }
} finally {
  git("worktree", "remove", "--force", tree);
}
