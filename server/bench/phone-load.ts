// `npm run bench:phone`: how fast a guest's phone gets going on a slow network, measured in
// Chromium with Lighthouse's mobile profile (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up,
// CPU 4× slower), cold (a fresh browser context each run, nothing cached):
//  - join screen usable: from navigation to /t/<card> until its join button can be tapped;
//  - menu visible: from that tap until the first dish is on screen;
//  - bytes transferred (compressed, as sent): JavaScript, CSS, everything.
// Both times twice: as Playwright sees them (its polling adds 150-400 ms on a CPU slowed 4×)
// and in the page's own clock (the frame that draws the button or the dish; the tap event).
// Starts one server of its own (server/dist, web/dist: build first) on a scratch database.
// Prints p50 and worst over --runs (default 7). Numbers go to docs/benchmarks.md by hand.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { createPrisma } from "../dist/db/prisma.js";
import { DEMO_OPTIONS, DEMO_PRODUCTS } from "../dist/demo/demo-menu.js";
import { seedDemoPhotos } from "../dist/demo/demo-photos.js";
import { seedVenue } from "../dist/demo/seed-venue.js";
import { createApiClient } from "../dist/tools/api-client.js";
import { freePort } from "./lib/procs.js";
import { resetDatabase } from "./lib/setup.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "7" },
    "database-url": { type: "string", default: "postgresql://postgres@127.0.0.1:5432/ordered_bench_phone" },
    "redis-url": { type: "string", default: "redis://127.0.0.1:6379" },
    chromium: { type: "string", default: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" },
    // Prints where the first run's time went: every request and every long task, in the page's clock.
    waterfall: { type: "boolean", default: false },
  },
});
const runs = Number(args.runs);

/** Lighthouse's default mobile throttling (its "Slow 4G"). */
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1638.4 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 };
const CPU_SLOWDOWN = 4;

async function startServer(port: number, photoDir: string): Promise<ChildProcess> {
  const child = spawn("node", ["server/dist/main.js"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ALLOWED_ORIGINS: `http://127.0.0.1:${port}`,
      DATABASE_URL: args["database-url"],
      REDIS_URL: args["redis-url"],
      REDIS_PREFIX: `bench-phone-${randomBytes(4).toString("hex")}`,
      JWT_SECRET: randomBytes(32).toString("hex"),
      WEB_DIST: path.join(repoRoot, "web/dist"),
      PHOTO_DIR: photoDir,
      LOG_LEVEL: "warn",
      JOIN_RATE_PER_MINUTE: "10000",
      CARD_JOIN_RATE_PER_MINUTE: "10000",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const api = createApiClient(`http://127.0.0.1:${port}`);
  for (let i = 0; i < 150; i++) {
    try {
      if ((await api.request("GET", "/api/health")).status === 200) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200)); // polling until the server answers
  }
  child.kill();
  throw new Error("the server did not start");
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length - 1) * p))]!;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${Math.round(n)} ms`;

await resetDatabase(args["database-url"]);
const photoDir = mkdtempSync(path.join(os.tmpdir(), "ordered-bench-photos-"));
const prisma = createPrisma(args["database-url"], 2);
const password = `pw-${randomBytes(8).toString("hex")}`;
const venue = await seedVenue(prisma, {
  name: "Bench Bistro",
  owner: { password },
  products: DEMO_PRODUCTS.map((p) => ({ ...p, optionGroups: DEMO_OPTIONS[p.name] ?? [] })),
  tables: Array.from({ length: runs }, (_, i) => ({ name: `Table ${i + 1}` })),
});
await seedDemoPhotos(prisma, photoDir, venue.locationId);
await prisma.$disconnect();

const port = await freePort();
const server = await startServer(port, photoDir);
const base = `http://127.0.0.1:${port}`;
const api = createApiClient(base);
const { token } = await api.login(venue.owner);
const results: { join: number; menu: number; joinInPage: number; menuInPage: number; js: number; css: number; total: number }[] = [];
// The server goes down with the bench however it ends (a missing Chromium included).
const browser = await chromium.launch({ executablePath: args.chromium, args: ["--no-sandbox", "--disable-gpu"] }).catch((err: unknown) => {
  server.kill("SIGTERM");
  throw err;
});
try {
  for (const table of venue.tables) {
    await api.seatTable(token, table.id);
    // No service worker (web/offline/): its own requests, the app shell's precache, escape
    // the page's throttling, and the page's later chunks would come from it unthrottled and
    // uncounted. A cold first visit is what is measured.
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 3,
      isMobile: true,
      hasTouch: true,
      serviceWorkers: "block",
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", NETWORK);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
    const types = new Map<string, string>();
    const bytes = { js: 0, css: 0, total: 0 };
    cdp.on("Network.responseReceived", (e) => types.set(e.requestId, e.type));
    cdp.on("Network.loadingFinished", (e) => {
      const type = types.get(e.requestId);
      bytes.total += e.encodedDataLength;
      if (type === "Script") bytes.js += e.encodedDataLength;
      if (type === "Stylesheet") bytes.css += e.encodedDataLength;
    });

    // The same moments in the page itself, free of Playwright's polling (which, on a CPU
    // slowed 4×, sees them 150-400 ms late): when the enabled join button is first drawn, when
    // it is tapped, when the first dish is drawn.
    await page.addInitScript(() => {
      const seen: Record<string, number> = {};
      (window as unknown as { __bench: Record<string, number> }).__bench = seen;
      new MutationObserver(() => {
        for (const [key, selector] of [
          ["join", 'form button[type="submit"]:not([disabled])'],
          ["menu", ".menu-item"],
        ] as const) {
          if (seen[key] !== undefined || !document.querySelector(selector)) continue;
          seen[key] = Number.NaN; // asked; the time is that of the frame that draws it
          requestAnimationFrame(() => {
            seen[key] = performance.now();
          });
        }
      }).observe(document, { subtree: true, childList: true, attributes: true });
      // Long animation frames: a frame's script, style and layout, and what ran in it.
      const tasks: { start: number; duration: number; what: string }[] = [];
      (window as unknown as { __tasks: typeof tasks }).__tasks = tasks;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as {
          startTime: number;
          duration: number;
          renderStart: number;
          styleAndLayoutStart: number;
          scripts: { invoker: string; duration: number; sourceURL: string; forcedStyleAndLayoutDuration: number }[];
        }[]) {
          const scripts = e.scripts.map(
            (s) =>
              `${s.invoker.slice(0, 40)} ${Math.round(s.duration)} ms${s.forcedStyleAndLayoutDuration ? ` (forced layout ${Math.round(s.forcedStyleAndLayoutDuration)})` : ""}`,
          );
          const render = e.renderStart ? Math.round(e.startTime + e.duration - e.renderStart) : 0;
          const style = e.styleAndLayoutStart ? Math.round(e.startTime + e.duration - e.styleAndLayoutStart) : 0;
          tasks.push({
            start: e.startTime,
            duration: e.duration,
            what: `render ${render} ms (style+layout ${style}); ${scripts.join(", ")}`,
          });
        }
      }).observe({ type: "long-animation-frame", buffered: true });
      addEventListener(
        "pointerdown",
        () => {
          seen.tap ??= performance.now();
        },
        { capture: true },
      );
    });
    await page.goto(`${base}/t/${table.cardCode}`, { waitUntil: "commit" });
    const join = page.locator('form button[type="submit"]:not([disabled])');
    await join.waitFor({ state: "visible", timeout: 60_000 });
    // Times in the page's own clock: navigation start is 0.
    const joinUsable = await page.evaluate(() => performance.now());
    const tapped = await page.evaluate(() => performance.now());
    await join.tap();
    await page.locator(".menu-item").first().waitFor({ state: "visible", timeout: 60_000 });
    const menuShown = await page.evaluate(() => performance.now());
    const inPage = await page.evaluate(() => (window as unknown as { __bench: Record<string, number> }).__bench);
    if (args.waterfall && results.length === 0) await printWaterfall(page, inPage);
    results.push({
      join: joinUsable,
      menu: menuShown - tapped,
      joinInPage: inPage.join!,
      menuInPage: inPage.menu! - inPage.tap!,
      ...bytes,
    });
    await context.close();
  }
} finally {
  await browser.close();
  server.kill("SIGTERM");
}

/** Requests (start → end of response, bytes as sent), paints and long tasks (≥ 50 ms), in the page's clock. */
async function printWaterfall(page: import("playwright-core").Page, moments: Record<string, number>) {
  const timeline = await page.evaluate(() => ({
    entries: [
      ...performance.getEntriesByType("navigation"),
      ...performance.getEntriesByType("resource"),
      ...performance.getEntriesByType("paint"),
    ].map((e) => ({
      name: e.name,
      start: e.startTime,
      end: "responseEnd" in e ? (e as PerformanceResourceTiming).responseEnd : e.startTime,
      bytes: "transferSize" in e ? (e as PerformanceResourceTiming).transferSize : 0,
    })),
    navigation: (() => {
      const n = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      return {
        responseStart: n.responseStart,
        responseEnd: n.responseEnd,
        domInteractive: n.domInteractive,
        domContentLoaded: n.domContentLoadedEventEnd,
      };
    })(),
    tasks: (window as unknown as { __tasks: { start: number; duration: number; what: string }[] }).__tasks,
  }));
  const rows = [
    ...timeline.entries.map((e) => ({
      at: e.start,
      line: `${ms(e.start).padStart(8)} → ${ms(e.end).padStart(8)}  ${kb(e.bytes).padStart(9)}  ${e.name.replace(/^https?:\/\/[^/]+/, "")}`,
    })),
    ...timeline.tasks.map((t) => ({
      at: t.start,
      line: `${ms(t.start).padStart(8)} → ${ms(t.start + t.duration).padStart(8)}  ${"".padStart(9)}  frame ${ms(t.duration)}: ${t.what}`,
    })),
    ...Object.entries(timeline.navigation).map(([k, v]) => ({
      at: v,
      line: `${ms(v).padStart(8)}              ${"".padStart(9)}  (page ${k})`,
    })),
    ...Object.entries(moments).map(([k, v]) => ({ at: v, line: `${ms(v).padStart(8)}              ${"".padStart(9)}  [${k}]` })),
  ].sort((a, b) => a.at - b.at);
  console.log("\nFirst run, in the page's clock:");
  for (const r of rows) console.log(r.line);
}

const column = (key: keyof (typeof results)[number]) => results.map((r) => r[key]);
console.log(`\nGuest phone, cold, Lighthouse mobile throttling (150 ms RTT, 1.6 Mbit/s, CPU ×${CPU_SLOWDOWN}); ${runs} runs`);
console.log(`  join screen usable   p50 ${ms(percentile(column("join"), 0.5))}   worst ${ms(Math.max(...column("join")))}`);
console.log(`  menu visible (tap)   p50 ${ms(percentile(column("menu"), 0.5))}   worst ${ms(Math.max(...column("menu")))}`);
const pageClock = (key: "joinInPage" | "menuInPage") => `p50 ${ms(percentile(column(key), 0.5))}   worst ${ms(Math.max(...column(key)))}`;
console.log(`  in the page's clock: join usable ${pageClock("joinInPage")}; menu after the tap ${pageClock("menuInPage")}`);
console.log(`  JavaScript sent      ${kb(percentile(column("js"), 0.5))} (compressed)`);
console.log(`  CSS sent             ${kb(percentile(column("css"), 0.5))} (compressed)`);
console.log(`  everything sent      ${kb(percentile(column("total"), 0.5))} (to the menu, photos included)`);
