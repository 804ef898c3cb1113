// Finds a Chromium for the end-to-end suite, installing one when it can, so that `npm test`
// works on a fresh machine:
//  1. CHROMIUM_PATH, if set (must exist);
//  2. Debian's Chromium (/usr/bin/chromium) or Playwright's own, if already installed;
//  3. Playwright's own browser (`npx playwright install chromium`), when its download works;
//  4. Debian's package (`apt-get install chromium`), when running as root on Debian/Ubuntu;
// otherwise it stops with a message saying how to install one.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";

/** Playwright's own Chromium for this Playwright version, if downloaded. */
function playwrightChromium(root) {
  try {
    const require = createRequire(`${root}e2e/package.json`);
    const path = require("playwright-core").chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function attempt(cmd, args, root, timeoutMs) {
  console.log(`  $ ${cmd} ${args.join(" ")}`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: "inherit", timeout: timeoutMs });
  return result.status === 0;
}

/** The path of a Chromium to run the e2e suite with; exits with instructions if there is none. */
export function ensureChromium(root, env) {
  if (env.CHROMIUM_PATH) {
    if (existsSync(env.CHROMIUM_PATH)) return env.CHROMIUM_PATH;
    console.error(`✗ CHROMIUM_PATH is ${env.CHROMIUM_PATH}, which does not exist.`);
    process.exit(1);
  }
  const found = existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : playwrightChromium(root);
  if (found) return found;

  console.log("Chromium is not installed; installing one for the end-to-end tests…");
  // Playwright's download needs the internet (its CDN); bounded, since a closed network can hang.
  if (attempt("npx", ["--no-install", "playwright", "install", "chromium"], root, 5 * 60_000)) {
    const installed = playwrightChromium(root);
    if (installed) return installed;
  }
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    console.log("Playwright's download did not work; installing Debian's Chromium instead…");
    const aptEnv = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    // Quiet: apt's progress of a hundred packages would bury the test output; errors still show.
    const apt = (args) => spawnSync("apt-get", args, { stdio: ["ignore", "ignore", "inherit"], env: aptEnv }).status === 0;
    if (apt(["update", "-qq"]) && apt(["install", "-y", "-qq", "chromium"]) && existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  }
  console.error(
    "✗ No Chromium for the end-to-end tests, and none could be installed here.\n" +
      "  Install one, then run `npm test` again:\n" +
      "    - `npx playwright install chromium` (needs internet access), or\n" +
      "    - `sudo apt-get install chromium` (Debian/Ubuntu), or\n" +
      "    - set CHROMIUM_PATH to a Chromium or Chrome binary.",
  );
  process.exit(1);
}
