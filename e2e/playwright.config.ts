import { defineConfig, devices } from "@playwright/test";
import { E2E_PORTS } from "./support/env.js";

// Debian's Chromium (`apt-get install chromium`); Playwright's own browser download does
// not work offline. The networking flags stop Chromium from calling home on a closed network.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
  ],
};

export default defineConfig({
  testDir: "./tests",
  outputDir: "./test-results",
  // A hang detector, not a speed check: on CI's two cores, with both workers, two servers,
  // the worker and PostgreSQL busy, a journey runs ~2.5× slower than alone (the axe staff
  // scan: 22 s alone, over 60 s in a full run).
  timeout: 150_000,
  expect: { timeout: 10_000 },
  // Specs run in two workers (each test seeds its own venue, so they never share data);
  // tests inside one file stay in order. E2E_WORKERS=1 runs them one at a time.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORTS[0]}`,
    launchOptions: chromium,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions: chromium } }],
  globalSetup: "./support/global-setup.ts",
});
