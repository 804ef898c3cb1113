// The printed table and the targets of issues 6 and 16 (reported, not asserted).
import type { CapacityResult } from "./capacity.js";
import type { Summary } from "./hist.js";
import type { LoadResult } from "./load.js";
import type { PoolWait, Window } from "./procs.js";
import { type ProbeWindow, type Stalls, TICK_MS } from "./stall-probe.js";
import { type WorkCounts, workPerOrder } from "./work.js";

export interface PhaseProcs {
  window: Window;
  /** Event-loop delay p99 per server over the phase (ms), from /metrics or /stats. */
  eventLoopP99Ms: Record<string, number | null>;
  /** What each server's and worker's statements waited for a pooled connection over the phase. */
  poolWait?: Record<string, PoolWait>;
  /** The phase on the machine's monotonic clock (µs), e.g. to cut CPU profiles to it. */
  windowUs: { from: number; to: number };
  /** What the stall probes (../stall-probe.ts) saw over the phase. */
  stalls?: Stalls;
}

export interface ThroughputStep extends LoadResult {
  passed: boolean;
  why: string;
}

export interface Results {
  startedAt: string;
  command: string;
  machine: Record<string, unknown>;
  options: Record<string, unknown>;
  setup: Record<string, unknown>;
  /** `work`: what PostgreSQL and Redis counted over the phase (bench/lib/work.ts). */
  latency?: LoadResult & { procs: PhaseProcs; work?: WorkCounts; holders: unknown };
  baseline?: LoadResult & { procs: PhaseProcs };
  ratio?: { ack: Record<string, number | null>; staff: Record<string, number | null> };
  throughput?: { limitMs: number; sustained: number; steps: (ThroughputStep & { procs: PhaseProcs })[] };
  capacity?: CapacityResult;
  /** The same ramp on one bare Socket.IO server. */
  capacityBaseline?: CapacityResult;
  targets?: { target: string; measured: string; met: boolean | null }[];
  /** PostgreSQL's scan counters per table over the whole run (pg_stat_user_tables): a sequential scan of a big table on the hot path is a missing index. */
  tableScans?: { table: string; seqScans: number; seqRowsRead: number; indexScans: number; rows: number }[];
  errors: string[];
}

const COLS = ["p50", "p90", "p99", "p99.9", "max"] as const;
const pad = (s: string | number, n: number) => String(s).padStart(n);

function row(label: string, s: Summary, extra = ""): string {
  return `  ${label.padEnd(34)}${COLS.map((c) => pad(s[c].toFixed(1), 9)).join("")}${pad(s.count, 9)}  ${extra}`;
}

export function ratios(ours: Summary, base: Summary): Record<string, number | null> {
  return Object.fromEntries(
    COLS.map((c) => [c, base[c] > 0 && ours.count && base.count ? Math.round((ours[c] / base[c]) * 100) / 100 : null]),
  );
}

const stallLine = (s: ProbeWindow) =>
  `p50 ${s.lateness.p50}, p99 ${s.lateness.p99}, p99.9 ${s.lateness["p99.9"]}, max ${s.lateness.max} ms`;

function procTable(p: PhaseProcs): string[] {
  const lines = [
    `  processes over ${p.window.seconds} s (machine CPU busy ${p.window.machineCpuPct}% of all cores; processes not listed used ${p.window.otherCpuPct}% of a core)`,
    ...(p.stalls
      ? [
          `  stall probes (a ${TICK_MS} ms timer in a process of its own), late by: at top priority (the machine) ${stallLine(p.stalls.machine)};`,
          `    at normal priority (+ the wait for a CPU) ${stallLine(p.stalls.cpuWait)}`,
          `  machine speed: the top-priority probe's fixed work unit took p10 ${p.stalls.machine.workUnitUs.p10}, p50 ${p.stalls.machine.workUnitUs.p50}, p90 ${p.stalls.machine.workUnitUs.p90} µs (compare CPU per order only between runs where this is alike)`,
        ]
      : []),
  ];
  lines.push(
    `    ${"process".padEnd(20)}${pad("CPU %", 8)}${pad("RSS max MB", 12)}${pad("loop p99 ms", 13)}${pad("pool: acquires", 16)}${pad("mean wait ms", 14)}${pad(">100 ms", 9)}${pad(">1 s", 7)}${pad("timed out", 11)}`,
  );
  for (const pr of p.window.procs) {
    const el = p.eventLoopP99Ms[pr.name];
    const w = p.poolWait?.[pr.name];
    const pool = w ? `${pad(w.acquires, 16)}${pad(w.meanMs, 14)}${pad(w.over100ms, 9)}${pad(w.over1s, 7)}${pad(w.timeouts, 11)}` : "";
    lines.push(`    ${pr.name.padEnd(20)}${pad(pr.cpuPct, 8)}${pad(pr.rssMaxMb, 12)}${pad(el == null ? "" : el.toFixed(1), 13)}${pool}`);
  }
  return lines;
}

/** Processes of the system under test: not the bench's own clients, not the baseline pair. */
const underTest = (p: PhaseProcs) => p.window.procs.filter((pr) => !/holder|driver|runner|baseline|probe/i.test(pr.name));

/** ms of CPU per order of one process over a phase: its CPU time divided by the orders placed in it. */
const cpuMsPerOrder = (p: PhaseProcs, cpuPct: number, orders: number) => ((cpuPct / 100) * p.window.seconds * 1000) / Math.max(1, orders);

/** The issue-16 line: ms of CPU per order for each process of the system under test, and their sum. */
export function cpuPerOrder(p: PhaseProcs, orders: number): { perProcess: Record<string, number>; total: number } {
  const perProcess = Object.fromEntries(underTest(p).map((pr) => [pr.name, Math.round(cpuMsPerOrder(p, pr.cpuPct, orders) * 100) / 100]));
  return { perProcess, total: Math.round(Object.values(perProcess).reduce((a, b) => a + b, 0) * 100) / 100 };
}

/** Read and write system calls per order of each process under test: stable run to run, unlike CPU. */
export function syscallsPerOrder(p: PhaseProcs, orders: number): string {
  const per = (n: number) => (n / Math.max(1, orders)).toFixed(1);
  return underTest(p)
    .filter((pr) => pr.syscalls)
    .map((pr) => `${pr.name} ${per(pr.syscalls.r)}/${per(pr.syscalls.w)}`)
    .join(", ");
}

export function printReport(r: Results, log: (s: string) => void): void {
  const head = `  ${"(ms)".padEnd(34)}${COLS.map((c) => pad(c, 9)).join("")}${pad("count", 9)}`;
  if (r.latency) {
    const l = r.latency;
    log(
      `\nLATENCY — ${r.setup.customerSockets} customer sockets on B over ${r.setup.sessions} sessions, ${r.setup.staffSockets} staff sockets on A, ${l.targetRate} orders/s for ${l.seconds} s`,
    );
    log(head);
    log(row("place → ack", l.ack, errs(l)));
    log(row("place → staff order:placed", l.staff));
    log(row("place → phone ACCEPTED", l.accepted));
    log(
      `  missing after drain: ack ${l.missing.ack}, staff ${l.missing.staff}, accepted ${l.missing.accepted}; sender lag max ${l.senderLagMaxMs} ms; envelope bytes placed ${l.bytes.placed}, updated ${l.bytes.updated}`,
    );
    log(`  slowest ack per second (ms):                          ${l.ackMaxBySecond.join(" ")}`);
    if (l.procs.stalls) {
      log(`  stall probe's worst per second (ms), top priority:    ${l.procs.stalls.machine.worstBySecond.join(" ")}`);
      log(`  stall probe's worst per second (ms), normal priority: ${l.procs.stalls.cpuWait.worstBySecond.join(" ")}`);
    }
    for (const line of procTable(l.procs)) log(line);
    const cpu = cpuPerOrder(l.procs, l.ack.count);
    log(
      `  CPU per order (ms): ${Object.entries(cpu.perProcess)
        .map(([name, ms]) => `${name} ${ms.toFixed(2)}`)
        .join(", ")}; total ${cpu.total.toFixed(2)}`,
    );
    if (l.work) log(`  work per order: ${workPerOrder(l.work, l.ack.count)}`);
    log(`  syscalls per order (read/write): ${syscallsPerOrder(l.procs, l.ack.count)}`);
  }
  if (r.baseline) {
    const b = r.baseline;
    log(`\nBASELINE — bare Socket.IO + the same Redis adapter, same sockets, ${b.targetRate} msgs/s for ${b.seconds} s`);
    log(head);
    log(row("relay → ack", b.ack, errs(b)));
    log(row("relay → staff", b.staff));
    log(`  missing after drain: ack ${b.missing.ack}, staff ${b.missing.staff}; envelope bytes ${b.bytes.placed}`);
    for (const line of procTable(b.procs)) log(line);
  }
  if (r.ratio) {
    log(`\nOURS / BASELINE`);
    log(`  ${"".padEnd(34)}${COLS.map((c) => pad(c, 9)).join("")}`);
    for (const [name, rat] of Object.entries(r.ratio)) {
      log(
        `  ${(name === "ack" ? "place → ack" : "place → staff").padEnd(34)}${COLS.map((c) => pad(rat[c] == null ? "-" : `${rat[c]}×`, 9)).join("")}`,
      );
    }
  }
  if (r.throughput) {
    const t = r.throughput;
    log(`\nTHROUGHPUT — placed → ACCEPTED seen by the phone, p99 limit ${t.limitMs} ms`);
    log(
      `  ${"rate/s".padEnd(8)}${pad("accepted/s", 11)}${pad("p50", 9)}${pad("p99", 9)}${pad("max", 9)}${pad("ack p99", 9)}${pad("missing", 9)}${pad("worker CPU%", 12)}${pad("pg CPU%", 9)}${pad("CPU ms/order", 14)}${pad("stall max", 11)}${pad("(normal)", 10)}  result`,
    );
    for (const s of t.steps) {
      const cpu = (n: string) => s.procs.window.procs.filter((p) => p.name.startsWith(n)).reduce((a, p) => a + p.cpuPct, 0);
      log(
        `  ${String(s.targetRate).padEnd(8)}${pad(s.acceptedPerSecond, 11)}${pad(s.accepted.p50.toFixed(1), 9)}${pad(s.accepted.p99.toFixed(1), 9)}${pad(s.accepted.max.toFixed(1), 9)}${pad(s.ack.p99.toFixed(1), 9)}${pad(s.missing.accepted, 9)}${pad(Math.round(cpu("worker")), 12)}${pad(Math.round(cpu("postgres")), 9)}${pad(cpuPerOrder(s.procs, s.ack.count).total.toFixed(2), 14)}${pad(s.procs.stalls?.machine.lateness.max.toFixed(1) ?? "", 11)}${pad(s.procs.stalls?.cpuWait.lateness.max.toFixed(1) ?? "", 10)}  ${s.passed ? "ok" : `FAIL: ${s.why}`}`,
      );
    }
    log(`  highest sustained: ${t.sustained} orders/s`);
  }
  if (r.capacity) printCapacity(log, "CAPACITY — idle customer sockets on one instance", r.capacity);
  if (r.capacityBaseline)
    printCapacity(
      log,
      "CAPACITY BASELINE — the same ramp on one bare Socket.IO server (same adapter, no auth, no database)",
      r.capacityBaseline,
    );
  if (r.tableScans) {
    log(`\nTABLE SCANS over the run (pg_stat_user_tables; rows read by sequential scans should stay small)`);
    log(`  ${"table".padEnd(18)}${pad("seq scans", 11)}${pad("rows read", 12)}${pad("idx scans", 11)}${pad("rows", 9)}`);
    for (const t of r.tableScans)
      log(`  ${t.table.padEnd(18)}${pad(t.seqScans, 11)}${pad(t.seqRowsRead, 12)}${pad(t.indexScans, 11)}${pad(t.rows, 9)}`);
  }
  if (r.targets) {
    log(`\nTARGETS (issues 6 and 16; reported, not asserted)`);
    for (const t of r.targets) log(`  ${t.met === null ? "  ?" : t.met ? " ok" : "MISS"}  ${t.target.padEnd(58)} ${t.measured}`);
  }
  for (const e of r.errors) log(`! ${e}`);
}

function printCapacity(log: (line: string) => void, title: string, c: CapacityResult): void {
  log(`\n${title}, product:updated broadcast to all of them, p99 limit ${c.limitMs} ms`);
  log(
    `  ${"sockets".padEnd(9)}${pad("RSS MB", 9)}${pad("p50", 9)}${pad("p99", 9)}${pad("max", 9)}${pad("spread99", 10)}${pad("missing", 9)}${pad("loop p99", 10)}${pad("PUT ms", 9)}`,
  );
  for (const s of c.steps) {
    log(
      `  ${String(s.sockets).padEnd(9)}${pad(s.rssMb, 9)}${pad(s.broadcast.p50.toFixed(1), 9)}${pad(s.broadcast.p99.toFixed(1), 9)}${pad(s.broadcast.max.toFixed(1), 9)}${pad(s.spread.p99.toFixed(1), 10)}${pad(s.missing, 9)}${pad(s.eventLoopP99Ms?.toFixed(1) ?? "", 10)}${pad(s.requestMsP50, 9)}`,
    );
  }
  log(
    `  (p50/p99/max: PUT sent → socket receives product:updated; spread99: p99 of arrival − first arrival of the round, the fan-out alone)`,
  );
  log(
    `  held ${c.heldSockets} sockets within ${c.limitMs} ms (stopped: ${c.stoppedBecause}); idle RSS ${c.idleRssMb} MB, +${c.rssPer1000Mb} MB per 1,000 sockets`,
  );
}

function errs(l: LoadResult): string {
  const e = Object.entries(l.ackErrors);
  return e.length ? `errors: ${e.map(([k, v]) => `${k} ${v}`).join(", ")}` : "";
}

export function targets(r: Results): Results["targets"] {
  const out: NonNullable<Results["targets"]> = [];
  // Both issues set their latency targets at 200 orders/s with 5,000 sockets.
  const exact = r.latency?.targetRate === 200 && r.setup.customerSockets === 5000;
  if (r.latency) {
    const l = r.latency;
    out.push({
      target: "order→panel p99 ≤ 50 ms at 200/s, 5,000 sockets, 2 instances",
      measured: `${l.staff.p99} ms at ${l.targetRate}/s, ${r.setup.customerSockets} sockets${exact ? "" : " (not the target's load)"}`,
      met: exact ? l.staff.p99 <= 50 && l.missing.staff === 0 : null,
    });
    const cpu = cpuPerOrder(l.procs, l.ack.count);
    out.push({
      target: "CPU per order halved (16): against b4fb918 with bench:ab",
      measured: `${cpu.total.toFixed(2)} ms per order, every process under test`,
      met: null,
    });
  }
  if (r.ratio && r.latency && r.baseline) {
    const rat = r.ratio.staff.p99;
    out.push({
      target: "order→panel p99 ≤ 2× the baseline's p99",
      measured: `${rat ?? "-"}× (${r.latency.staff.p99} vs ${r.baseline.staff.p99} ms)`,
      met: rat == null ? null : rat <= 2,
    });
    out.push({
      target: "order→panel p99 ≤ 3× the relay's, 200/s, 5,000 sockets (16)",
      measured: `${rat ?? "-"}×${exact ? "" : ` at ${r.latency.targetRate}/s, ${r.setup.customerSockets} sockets (not the target's load)`}`,
      met: rat == null || !exact ? null : rat <= 3,
    });
  }
  if (r.capacity) {
    const c = r.capacity;
    const at10k = c.steps.find((s) => s.sockets >= 10_000);
    out.push({
      target: "10,000 idle sockets on one instance (broadcast p99 ≤ 100 ms)",
      measured: `held ${c.heldSockets}${at10k ? `; at ${at10k.sockets}: broadcast p99 ${at10k.broadcast.p99} ms` : ""}`,
      met: c.heldSockets >= 10_000,
    });
    out.push({
      target: "… in ≤ 600 MB RSS",
      measured: at10k
        ? `${at10k.rssMb} MB at ${at10k.sockets} (+${c.rssPer1000Mb} MB per 1,000)`
        : `not reached; +${c.rssPer1000Mb} MB per 1,000 → ~${Math.round(c.idleRssMb + 10 * c.rssPer1000Mb)} MB at 10,000 by extrapolation`,
      met: at10k ? at10k.rssMb <= 600 : null,
    });
    const kbPerSocket = Math.round(c.rssPer1000Mb * 1.024 * 10) / 10;
    out.push({
      target: "≤ 30 KB of RSS per idle socket at 10,000 sockets (16)",
      measured: `${kbPerSocket} KB per socket${at10k ? "" : ` (ramp stopped at ${c.heldSockets})`}`,
      met: at10k ? kbPerSocket <= 30 : null,
    });
    const b = r.capacityBaseline;
    if (b) {
      out.push({
        target: "(context) bare Socket.IO on the same machine and ramp",
        measured: `held ${b.heldSockets}; +${b.rssPer1000Mb} MB per 1,000 (ours: held ${c.heldSockets}, +${c.rssPer1000Mb} MB)`,
        met: null,
      });
    }
  }
  if (r.throughput) {
    out.push({
      target: "≥ 500 orders/s processed (placed → ACCEPTED, p99 ≤ 250 ms)",
      measured: `${r.throughput.sustained} orders/s`,
      met: r.throughput.sustained >= 500,
    });
  }
  return out;
}
