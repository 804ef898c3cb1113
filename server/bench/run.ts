// `npm run bench`: starts two Ordered servers, pipeline worker(s), a bare Socket.IO baseline
// pair and socket-holder processes on loopback, drives them, prints a table and writes
// bench-results/<timestamp>.json. See docs/benchmarks.md. Every loop is bounded by a count
// and by --max-minutes; a watchdog kills everything if the run overstays.

import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import pg from "pg";
import { rampCapacity } from "./lib/capacity.js";
import type { SocketSpec } from "./lib/clients.js";
import { DriverPool, type VenueLoad } from "./lib/drivers.js";
import { nowUs } from "./lib/hist.js";
import { HolderPool } from "./lib/holders.js";
import { parseOptions } from "./lib/options.js";
import {
  type Child,
  freePort,
  killAllNow,
  ProcMonitor,
  poolWaitDelta,
  poolWaits,
  promValue,
  startNode,
  stopAll,
  stopChild,
  type Target,
  waitHttp,
} from "./lib/procs.js";
import { type PhaseProcs, printReport, type Results, ratios, targets } from "./lib/report.js";
// lib/setup.ts and the server's settings come from server/dist: imported after the build.
import type { FixtureSession } from "./lib/setup.js";
import { StallProbe, type Stalls } from "./lib/stall-probe.js";
import { workCounts, workDelta } from "./lib/work.js";

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = path.resolve(serverDir, "..");
const argv = process.argv.slice(2);
const opts = parseOptions(argv, repoRoot);
const startedAt = new Date();
const stamp = startedAt.toISOString().replace(/[:.]/g, "-");
const runDir = path.join(opts.outDir, stamp);
mkdirSync(runDir, { recursive: true });
const prefix = `bench-${randomBytes(4).toString("hex")}`;
const deadline = Date.now() + opts.maxMinutes * 60_000;
const log = (s: string) => console.log(s);
const step = (s: string) => console.log(`[${((Date.now() - startedAt.getTime()) / 1000).toFixed(0).padStart(4)} s] ${s}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Watchdog: whatever happens, nothing outlives the budget by more than two minutes.
setTimeout(
  () => {
    console.error("bench: watchdog fired (over --max-minutes + 2 min); killing children");
    killAllNow();
    process.exit(2);
  },
  opts.maxMinutes * 60_000 + 120_000,
).unref();
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    killAllNow();
    process.exit(130);
  });
}

const orderedEnv: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  HOST: "127.0.0.1",
  DATABASE_URL: opts.databaseUrl,
  REDIS_URL: opts.redisUrl,
  REDIS_PREFIX: prefix,
  JWT_SECRET: randomBytes(32).toString("hex"),
  NODE_ENV: "production",
  LOG_LEVEL: "warn",
  WEB_DIST: "",
  SEED_DEMO: "false",
  // No rate limit may throttle the load (checked against the server's config in serverSettings()).
  JOIN_RATE_PER_MINUTE: "10000000",
  LOGIN_RATE_PER_MINUTE: "10000000",
  SESSION_JOIN_RATE_PER_MINUTE: "10000000",
  CARD_JOIN_RATE_PER_MINUTE: "10000000",
  ORDER_RATE_PER_SOCKET: "10000000",
  ORDER_RATE_PER_SESSION: "10000000",
  LOGIN_RATE_PER_ACCOUNT: "10000000",
  CUSTOMER_COMMAND_RATE: "10000000",
  CUSTOMER_READ_RATE_PER_MINUTE: "10000000",
  CUSTOMER_MAX_IN_FLIGHT: "10000000",
  // All the bench's sockets come from one address (loopback).
  MAX_SOCKETS_PER_ADDRESS: "10000000",
  WORKER_CONCURRENCY: String(opts.workerConcurrency),
};

/**
 * What the bench takes from the built server rather than copying: every rate limit of
 * orderedEnv must reach the servers' config (a renamed variable would silently throttle
 * the load), and the baseline gets the server's socket message size limit.
 */
async function serverSettings(): Promise<{ baselineEnv: Record<string, string> }> {
  const { loadConfig } = await import("../dist/config.js");
  const { MAX_SOCKET_MESSAGE_BYTES } = await import("../dist/realtime/io.js");
  const { limits } = loadConfig(orderedEnv);
  const throttling = Object.entries(limits).filter(([, v]) => v < 10_000_000);
  if (throttling.length) throw new Error(`orderedEnv leaves rate limits on: ${throttling.map(([k, v]) => `${k}=${v}`).join(", ")}`);
  return { baselineEnv: { MAX_MESSAGE_BYTES: String(MAX_SOCKET_MESSAGE_BYTES) } };
}
let baselineEnv: Record<string, string> = {};

const children: Record<string, Child> = {};
// BENCH_NODE_ARGS: extra node flags for the servers and workers (diagnostics, e.g. --trace-gc;
// their output lands in each process's log).
const profArgs = [
  ...(opts.cpuProf ? ["--cpu-prof", `--cpu-prof-dir=${runDir}/cpu-profiles`] : []),
  ...(process.env.BENCH_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? []),
];

/** Each server's metrics address (its own port, METRICS_PORT), by its API address. */
const metricsUrls = new Map<string, string>();
/** Every Ordered process's metrics address (servers and workers), by process name. */
const metricsByProcess = new Map<string, string>();

async function startServer(name: string): Promise<string> {
  const port = await freePort();
  const metricsPort = await freePort();
  const child = startNode(name, [...profArgs, "dist/main.js"], {
    env: { ...orderedEnv, PORT: String(port), METRICS_PORT: String(metricsPort) },
    cwd: serverDir,
    logDir: runDir,
  });
  children[name] = child;
  const url = `http://127.0.0.1:${port}`;
  await waitHttp(`${url}/api/health`, child);
  metricsUrls.set(url, `http://127.0.0.1:${metricsPort}`);
  metricsByProcess.set(name, `http://127.0.0.1:${metricsPort}`);
  return url;
}

async function startBaseline(name: string): Promise<string> {
  const port = await freePort();
  const env = { ...orderedEnv, ...baselineEnv, PORT: String(port), REDIS_PREFIX: `${prefix}-baseline` };
  const child = startNode(name, ["--import", "tsx", "bench/baseline-server.ts"], { env, cwd: serverDir, logDir: runDir });
  children[name] = child;
  const url = `http://127.0.0.1:${port}`;
  await waitHttp(`${url}/stats`, child);
  return url;
}

/** Event-loop delay p99 (ms) since the previous call: prom-client resets its histogram on each scrape. */
async function eventLoopP99(url: string, baseline = false): Promise<number | null> {
  try {
    if (baseline) return Math.round(((await (await fetch(`${url}/stats`)).json()) as { eventLoopP99Ms: number }).eventLoopP99Ms * 10) / 10;
    // Ordered serves /metrics on its own port only (never through the public API).
    const v = promValue(await (await fetch(`${metricsUrls.get(url)}/metrics`)).text(), "ordered_nodejs_eventloop_lag_p99_seconds");
    return v === null ? null : Math.round(v * 10000) / 10;
  } catch {
    return null;
  }
}

const monitorTargets = (): Target[] => [
  ...Object.values(children).map((c) => ({ name: c.name, pid: c.pid })),
  ...(holders?.pids ?? []),
  ...(drivers?.pids ?? []),
  ...(probes ? Object.values(probes).map((p) => ({ name: p.child.name, pid: p.child.pid })) : []),
  { name: "bench runner", pid: process.pid },
  { name: "postgres (all)", comm: "postgres" },
  { name: "redis-server", comm: "redis-server" },
];
let holders: HolderPool | undefined;
let drivers: DriverPool | undefined;
let probes: { machine: StallProbe; cpuWait: StallProbe } | undefined;

/** Runs `fn` with CPU/RSS sampling and event-loop p99 of the given servers around it. */
async function measured<T extends { startUs?: number }>(
  servers: Record<string, string>,
  baseline: boolean,
  fn: () => Promise<T>,
): Promise<T & { procs: PhaseProcs }> {
  for (const url of Object.values(servers)) await eventLoopP99(url, baseline);
  const poolBefore = baseline ? null : await poolWaits(metricsByProcess);
  const mon = new ProcMonitor(monitorTargets);
  mon.start();
  const from = nowUs();
  const result = await fn();
  const to = nowUs();
  const window = mon.stop();
  const eventLoopP99Ms: Record<string, number | null> = {};
  for (const [name, url] of Object.entries(servers)) eventLoopP99Ms[name] = await eventLoopP99(url, baseline);
  const poolWait = poolBefore ? poolWaitDelta(poolBefore, await poolWaits(metricsByProcess)) : undefined;
  let stalls: Stalls | undefined;
  if (probes) {
    try {
      stalls = {
        machine: await probes.machine.window(from, to, result.startUs),
        cpuWait: await probes.cpuWait.window(from, to, result.startUs),
      };
    } catch (err) {
      results.errors.push((err as Error).message);
    }
  }
  return { ...result, procs: { window, eventLoopP99Ms, poolWait, windowUs: { from, to }, stalls } };
}

async function machineInfo(): Promise<Record<string, unknown>> {
  const db = new pg.Client({ connectionString: opts.databaseUrl });
  await db.connect();
  const { rows } = await db.query<{ version: string }>("SELECT version()");
  await db.end();
  const redis = new Redis(opts.redisUrl, { lazyConnect: true });
  await redis.connect();
  const info = await redis.info("server");
  redis.disconnect();
  return {
    nproc: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    kernel: os.release(),
    postgres: rows[0]?.version.split(" on ")[0],
    redis: /redis_version:(\S+)/.exec(info)?.[1],
    fdLimit: `${spawnSync("sh", ["-c", "ulimit -n; ulimit -Hn"], { encoding: "utf8" }).stdout.trim().split("\n").join(" soft / ")} hard`,
  };
}

async function main(): Promise<Results> {
  const results: Results = {
    startedAt: startedAt.toISOString(),
    command: `npm run bench${argv.length ? ` -- ${argv.join(" ")}` : ""}`,
    machine: {},
    options: { ...opts },
    setup: {},
    errors: [],
  };
  const saveJson = () => writeFileSync(path.join(opts.outDir, `${stamp}.json`), JSON.stringify(results, null, 2));
  try {
    await runPhases(results);
  } catch (err) {
    results.errors.push((err as Error).stack ?? String(err));
  }
  results.targets = targets(results);
  saveJson();
  return results;
}

async function runPhases(results: Results): Promise<void> {
  if (opts.build) {
    step("building the server (npm run build:server; --no-build skips)");
    const b = spawnSync("npm", ["run", "build:server"], { cwd: repoRoot, encoding: "utf8" });
    if (b.status !== 0) throw new Error(`build failed:\n${b.stdout}${b.stderr}`);
  }
  const { clientFor, openAndJoin, resetDatabase, seedLocations } = await import("./lib/setup.js");
  ({ baselineEnv } = await serverSettings());
  step(`fresh database ${new URL(opts.databaseUrl).pathname.slice(1)}, Redis prefix ${prefix}, logs in ${runDir}`);
  await resetDatabase(opts.databaseUrl);
  results.machine = await machineInfo();
  const names = [...Array.from({ length: opts.locations }, (_, i) => `Bench venue ${i + 1}`), "Bench capacity venue"];
  const seeded = await seedLocations(opts.databaseUrl, names, 8);
  const capacityLocation = seeded.pop()!;

  const driverCount = Math.min(opts.drivers, opts.locations);
  step(`starting servers A and B, ${opts.workers} worker(s), ${opts.holders} socket holders, ${driverCount} order drivers`);
  const urlA = await startServer("server A");
  const urlB = await startServer("server B");
  for (let w = 1; w <= opts.workers; w++) {
    const metricsPort = await freePort();
    metricsByProcess.set(`worker ${w}`, `http://127.0.0.1:${metricsPort}`);
    children[`worker ${w}`] = startNode(`worker ${w}`, [...profArgs, "dist/worker-main.js"], {
      env: { ...orderedEnv, METRICS_PORT: String(metricsPort) },
      cwd: serverDir,
      logDir: runDir,
    });
  }
  // The bench's own helper processes: not Ordered, so none of its settings.
  const helperOpts = { serverDir, logDir: runDir, env: { PATH: process.env.PATH, HOME: process.env.HOME } };
  holders = await HolderPool.start(opts.holders, helperOpts);
  const pool = await DriverPool.start(driverCount, helperOpts);
  drivers = pool;
  probes = {
    machine: await StallProbe.start({ ...helperOpts, name: "stall probe -20", nice: -20 }),
    cpuWait: await StallProbe.start({ ...helperOpts, name: "stall probe 0", nice: 0 }),
  };

  const sessionsCount = Math.ceil(opts.sockets / opts.phonesPerSession);
  step(`opening ${sessionsCount} sessions and joining ${opts.sockets} phones over REST`);
  const t0 = Date.now();
  const fixture = await openAndJoin([urlA, urlB], seeded, {
    sessions: sessionsCount,
    customers: opts.sockets,
    phonesPerSession: opts.phonesPerSession,
  });
  results.setup = {
    locations: opts.locations,
    sessions: sessionsCount,
    customerSockets: opts.sockets,
    staffSockets: opts.locations * opts.staffPerLocation,
    placerSockets: sessionsCount,
    restSetupSeconds: Math.round((Date.now() - t0) / 100) / 10,
  };
  const productsOf = new Map(fixture.locations.map((l) => [l.id, l.productIds]));
  const needsOrdered = opts.phases.includes("latency") || opts.phases.includes("throughput");

  if (needsOrdered) {
    await connectOrdered(pool, urlA, urlB, fixture, productsOf, results);
    const servers = { "server A": urlA, "server B": urlB };
    if (opts.phases.includes("latency")) {
      step(`latency: ${opts.rate} orders/s for ${opts.duration} s`);
      await warmUp(pool);
      const before = await workCounts(opts.databaseUrl, opts.redisUrl);
      const r = await measured(servers, false, () => pool.place(opts.rate, opts.duration, 15_000));
      // An idle PostgreSQL backend reports its statistics within 10 s (PGSTAT_IDLE_INTERVAL).
      await new Promise((resolve) => setTimeout(resolve, 11_000));
      const work = workDelta(before, await workCounts(opts.databaseUrl, opts.redisUrl));
      results.latency = { ...r, work, holders: await holders.stats() };
    }
    if (opts.phases.includes("throughput")) {
      if (!opts.phases.includes("latency")) await warmUp(pool);
      const steps: NonNullable<Results["throughput"]>["steps"] = [];
      let sustained = 0;
      for (const rate of opts.throughputRates) {
        if (Date.now() + opts.throughputStep * 1000 + 20_000 > deadline) {
          results.errors.push(`throughput: stopped before ${rate}/s (time budget)`);
          break;
        }
        step(`throughput: ${rate} orders/s for ${opts.throughputStep} s`);
        const r = await measured(servers, false, () => pool.place(rate, opts.throughputStep, 10_000));
        const why =
          r.accepted.p99 > 250
            ? `p99 ${r.accepted.p99} ms > 250`
            : r.missing.accepted > 0
              ? `${r.missing.accepted} not accepted within 10 s`
              : Object.keys(r.ackErrors).length
                ? "ack errors"
                : "";
        steps.push({ ...r, passed: !why, why });
        if (why) break;
        sustained = rate;
        await sleep(1000);
      }
      results.throughput = { limitMs: 250, sustained, steps };
    }
    await pool.close();
    await holders.closeAll();
  }

  if (opts.phases.includes("baseline") && Date.now() + opts.duration * 1000 + 60_000 < deadline) {
    step("baseline: starting the bare Socket.IO pair");
    const baseA = await startBaseline("baseline A");
    const baseB = await startBaseline("baseline B");
    const phone = (c: { sessionId: string; locationId: string }) => ({
      url: baseB,
      auth: { role: "customer", sessionId: c.sessionId, locationId: c.locationId },
    });
    const venues: VenueLoad[] = fixture.locations.map((l) => ({
      staff: Array.from({ length: opts.staffPerLocation }, () => ({ url: baseA, auth: { role: "staff", locationId: l.id } })),
      placers: fixture.sessions.filter((s) => s.locationId === l.id).map((s) => ({ ...phone(s.customers[0]!), productIds: ["x"] })),
    }));
    const conn = await pool.connect(venues, {
      staffPerOrder: opts.staffPerLocation,
      expectAccepted: false,
      readyEvent: "ready",
      timeoutMs: 30_000,
    });
    const rest = await holders.connect(
      fixture.sessions.flatMap((s) => s.customers.slice(1).map(phone)),
      { concurrency: 96, readyEvent: "ready", timeoutMs: 30_000 },
    );
    if (conn.failed || rest.failed) results.errors.push(`baseline connect failures: ${[...conn.errors, ...rest.errors].join(", ")}`);
    step(`baseline: ${opts.rate} msgs/s for ${opts.duration} s`);
    await warmUp(pool);
    results.baseline = await measured({ "baseline A": baseA, "baseline B": baseB }, true, () =>
      pool.place(opts.rate, opts.duration, 10_000),
    );
    await pool.close();
    await holders.closeAll();
    await stopChild(children["baseline A"]!);
    await stopChild(children["baseline B"]!);
    delete children["baseline A"];
    delete children["baseline B"];
  } else if (opts.phases.includes("baseline")) {
    results.errors.push("baseline skipped: time budget");
  }
  if (results.latency && results.baseline) {
    results.ratio = {
      ack: ratios(results.latency.ack, results.baseline.ack),
      staff: ratios(results.latency.staff, results.baseline.staff),
    };
  }

  if (opts.phases.includes("capacity") && Date.now() + 60_000 < deadline) {
    step("capacity: restarting server A (clean heap), joining the capacity venue's phones");
    await stopChild(children["server A"]!);
    delete children["server A"];
    const urlA2 = await startServer("server A");
    const cap = await openAndJoin([urlB], [capacityLocation], { sessions: 20, customers: 200, phonesPerSession: 10 });
    step(`capacity: ramp to ${opts.capacityMax} idle sockets on server A in steps of ${opts.capacityStep}`);
    const customers = cap.sessions.flatMap((s) => s.customers);
    const staffToken = cap.locations[0]!.staffToken;
    const capacity = {
      holders,
      productIds: capacityLocation.productIds.slice(0, 3),
      max: opts.capacityMax,
      step: opts.capacityStep,
      rounds: opts.capacityRounds,
      limitMs: 100,
      log,
    };
    results.capacity = await rampCapacity({
      ...capacity,
      serverPid: children["server A"]!.pid,
      socket: (i) => ({ url: urlA2, auth: { token: customers[i % customers.length]!.token } }),
      readyEvent: "sync:done",
      toggle: async (id, available) => void (await clientFor(urlA2).setAvailability(staffToken, id, available)),
      // Leave time for the bare Socket.IO ramp below.
      deadline: deadline - 30_000 - (deadline - Date.now()) / 3,
      eventLoopP99: () => eventLoopP99(urlA2),
    });
    await holders.closeAll();

    // The same ramp against one bare Socket.IO server (same adapter, no auth, no database):
    // how much of the broadcast cost and of the memory per socket is ours.
    step(`capacity baseline: the same ramp on one bare Socket.IO server`);
    await stopChild(children["server A"]!);
    delete children["server A"];
    const base = await startBaseline("baseline A");
    results.capacityBaseline = await rampCapacity({
      ...capacity,
      serverPid: children["baseline A"]!.pid,
      socket: (i) => ({ url: base, auth: { role: "customer", locationId: capacityLocation.id, sessionId: `capacity-${i % 20}` } }),
      readyEvent: "ready",
      toggle: async (id, available) =>
        void (await clientFor(base).call("PUT", `/products/${id}/availability`, { body: { locationId: capacityLocation.id, available } })),
      deadline: deadline - 30_000,
      eventLoopP99: () => eventLoopP99(base, true),
    });
    await holders.closeAll();
  } else if (opts.phases.includes("capacity")) {
    results.errors.push("capacity skipped: time budget");
  }
  results.tableScans = await tableScans();
}

async function tableScans(): Promise<Results["tableScans"]> {
  const db = new pg.Client({ connectionString: opts.databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ table: string; seq_scans: string; seq_rows_read: string; index_scans: string | null; rows: string }>(`
      SELECT relname AS table, seq_scan AS seq_scans, seq_tup_read AS seq_rows_read, idx_scan AS index_scans, n_live_tup AS rows
      FROM pg_stat_user_tables WHERE relname <> '_prisma_migrations' ORDER BY seq_tup_read DESC`);
    return rows.map((r) => ({
      table: r.table,
      seqScans: Number(r.seq_scans),
      seqRowsRead: Number(r.seq_rows_read),
      indexScans: Number(r.index_scans ?? 0),
      rows: Number(r.rows),
    }));
  } finally {
    await db.end();
  }
}

/**
 * Not recorded: the same rate for a few seconds (JIT, database and Redis connections opened
 * by the pools, prepared statements, first order of each session), then a pause so any
 * backlog drains before the measured run starts. Ours and the baseline get the same.
 */
async function warmUp(pool: DriverPool): Promise<void> {
  const seconds = opts.quick ? 3 : 5;
  step(`  warm-up: ${opts.rate}/s for ${seconds} s, not recorded`);
  await pool.place(opts.rate, seconds, 15_000);
  await sleep(2000);
}

/** Staff panels on A and one placing phone per session on B go to the drivers; the other phones to the holders. */
async function connectOrdered(
  pool: DriverPool,
  urlA: string,
  urlB: string,
  fixture: { locations: { id: string; staffToken: string }[]; sessions: FixtureSession[] },
  productsOf: Map<string, string[]>,
  results: Results,
): Promise<void> {
  step(`connecting ${fixture.locations.length * opts.staffPerLocation} staff sockets to A, ${opts.sockets} customer sockets to B`);
  const t0 = Date.now();
  const phone = (c: { token: string }): SocketSpec => ({ url: urlB, auth: { token: c.token } });
  const venues: VenueLoad[] = fixture.locations.map((l) => ({
    staff: Array.from({ length: opts.staffPerLocation }, () => ({ url: urlA, auth: { token: l.staffToken } })),
    placers: fixture.sessions
      .filter((s) => s.locationId === l.id)
      .map((s) => ({ ...phone(s.customers[0]!), productIds: productsOf.get(l.id)! })),
  }));
  const conn = await pool.connect(venues, {
    staffPerOrder: opts.staffPerLocation,
    expectAccepted: true,
    readyEvent: "sync:done",
    timeoutMs: 60_000,
  });
  const rest = await holders!.connect(
    fixture.sessions.flatMap((s) => s.customers.slice(1).map(phone)),
    { concurrency: 64, readyEvent: "sync:done", timeoutMs: 60_000 },
  );
  results.setup.socketConnectSeconds = Math.round((Date.now() - t0) / 100) / 10;
  const failed = conn.failed + rest.failed;
  if (failed) results.errors.push(`${failed} Ordered sockets failed to connect: ${[...conn.errors, ...rest.errors].join(", ")}`);
}

const results = await main();
step("stopping processes");
await holders?.stop().catch(() => {});
await drivers?.stop().catch(() => {});
await stopAll();
try {
  const redis = new Redis(opts.redisUrl);
  let n = 0;
  for await (const keys of redis.scanStream({ match: `${prefix}*`, count: 1000 }) as AsyncIterable<string[]>) {
    if (keys.length) n += await redis.del(...keys);
  }
  redis.disconnect();
  step(`removed ${n} Redis keys under ${prefix}`);
} catch (err) {
  results.errors.push(`redis cleanup: ${(err as Error).message}`);
}
printReport(results, log);
log(`\nJSON: ${path.join(opts.outDir, `${stamp}.json`)}   logs${opts.cpuProf ? " and CPU profiles" : ""}: ${runDir}`);
process.exit(results.errors.length ? 1 : 0);
