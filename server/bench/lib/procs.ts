// Child processes of the benchmark (servers, workers, baseline servers, socket holders) and
// the /proc sampling of their CPU and memory. Every child is started here and stopped here.
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, readdirSync, readFileSync } from "node:fs";
import net from "node:net";

export interface Child {
  name: string;
  proc: ChildProcess;
  pid: number;
  logFile: string;
}

const children = new Set<Child>();

/**
 * Starts `node <args>` through sh so the file-descriptor limit can be raised first (root may
 * raise its hard limit; otherwise the soft limit goes up to the hard one). `exec` keeps the
 * pid, so /proc/<pid> is the node process itself.
 */
export function startNode(
  name: string,
  nodeArgs: string[],
  opts: { env: NodeJS.ProcessEnv; cwd: string; logDir: string; ipc?: boolean; nice?: number },
): Child {
  const quoted = nodeArgs.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(" ");
  // nice(1) execs node in its place (same pid); a priority it may not take (not root) is left as is.
  const nice = opts.nice === undefined ? "" : `nice -n ${opts.nice} `;
  const script = `ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec ${nice}"${process.execPath}" ${quoted}`;
  const logFile = `${opts.logDir}/${name}.log`;
  const log = createWriteStream(logFile, { flags: "a" });
  const proc = spawn("sh", ["-c", script], {
    cwd: opts.cwd,
    env: opts.env,
    stdio: ["ignore", "pipe", "pipe", ...(opts.ipc ? (["ipc"] as const) : [])],
  });
  proc.stdout!.pipe(log);
  proc.stderr!.pipe(log);
  const child: Child = { name, proc, pid: proc.pid!, logFile };
  children.add(child);
  proc.once("exit", () => children.delete(child));
  return child;
}

/** SIGTERM (graceful: flushes CPU profiles), then SIGKILL after `graceMs`. */
export async function stopChild(child: Child, graceMs = 8000): Promise<void> {
  if (child.proc.exitCode !== null || child.proc.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.proc.once("exit", () => resolve()));
  child.proc.kill("SIGTERM");
  const timer = setTimeout(() => child.proc.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...children].map((c) => stopChild(c)));
}

/** Last-resort cleanup when the runner itself is dying: no waiting. */
export function killAllNow(): void {
  for (const c of children) c.proc.kill("SIGKILL");
}

export function isRunning(child: Child): boolean {
  return child.proc.exitCode === null && child.proc.signalCode === null;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers 200, the child exits, or `timeoutMs` passes. */
export async function waitHttp(url: string, child: Child, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isRunning(child)) throw new Error(`${child.name} exited (code ${child.proc.exitCode}); see ${child.logFile}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${child.name} did not answer ${url} within ${timeoutMs} ms; see ${child.logFile}`);
}

// ---------------------------------------------------------------------------------------
// /proc sampling

const CLK_TCK = 100; // USER_HZ: 100 on every Linux architecture Node supports.

export function readTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may contain spaces): state is field 3.
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(rest[11]) + Number(rest[12]); // utime + stime (fields 14, 15)
  } catch {
    return null;
  }
}

/** Read and write system calls made so far (socket reads/writes included), from /proc/<pid>/io. */
function readSyscalls(pid: number): { r: number; w: number } | null {
  try {
    const io = readFileSync(`/proc/${pid}/io`, "utf8");
    const field = (name: string) => Number(new RegExp(`^${name}: (\\d+)`, "m").exec(io)?.[1] ?? Number.NaN);
    return { r: field("syscr"), w: field("syscw") };
  } catch {
    return null;
  }
}

function readRssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export function pidsByComm(comm: string): number[] {
  const out: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() === comm) out.push(Number(entry));
    } catch {
      /* gone */
    }
  }
  return out;
}

function machineTicks(): { busy: number; total: number } {
  const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
  const total = cpu.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/** A watched process, or a group of processes found by their command name (postgres). */
export type Target = { name: string; pid: number } | { name: string; comm: string };

export interface ProcStats {
  name: string;
  /** Average CPU over the window, % of one core. */
  cpuPct: number;
  rssMaxMb: number;
  rssEndMb: number;
  /** Read and write system calls over the window (each socket read or write is one). */
  syscalls: { r: number; w: number };
}

export interface Window {
  seconds: number;
  /** Whole machine, % of all cores busy. */
  machineCpuPct: number;
  /** CPU used by processes not in the list (anything else running on the machine), % of one core. */
  otherCpuPct: number;
  procs: ProcStats[];
}

/**
 * Samples CPU ticks and RSS of the targets every `intervalMs` between start() and stop().
 * Groups (postgres backends) are summed per pid, so backends that come and go are counted.
 */
export class ProcMonitor {
  private timer: NodeJS.Timeout | undefined;
  private startedAt = 0;
  private machine0 = { busy: 0, total: 0 };
  private state = new Map<
    string,
    {
      ticks: Map<number, number>;
      used: number;
      io: Map<number, { r: number; w: number }>;
      syscalls: { r: number; w: number };
      rssMax: number;
      rssEnd: number;
    }
  >();

  constructor(
    private readonly targets: () => Target[],
    private readonly intervalMs = 500,
  ) {}

  start(): void {
    this.state.clear();
    this.startedAt = performance.now();
    this.machine0 = machineTicks();
    this.sample(true);
    this.timer = setInterval(() => this.sample(false), this.intervalMs);
  }

  stop(): Window {
    clearInterval(this.timer);
    this.sample(false);
    const seconds = (performance.now() - this.startedAt) / 1000;
    const m = machineTicks();
    const machineCpuPct = (100 * (m.busy - this.machine0.busy)) / Math.max(1, m.total - this.machine0.total);
    const procs = [...this.state.entries()].map(([name, s]) => ({
      name,
      cpuPct: round1((100 * s.used) / CLK_TCK / Math.max(0.001, seconds)),
      rssMaxMb: round1(s.rssMax),
      rssEndMb: round1(s.rssEnd),
      syscalls: s.syscalls,
    }));
    const ncores = readFileSync("/proc/stat", "utf8")
      .split("\n")
      .filter((l) => /^cpu\d/.test(l)).length;
    const ours = procs.reduce((a, p) => a + p.cpuPct, 0);
    return {
      seconds: round1(seconds),
      machineCpuPct: round1(machineCpuPct),
      otherCpuPct: round1(Math.max(0, machineCpuPct * ncores - ours)),
      procs,
    };
  }

  private sample(first: boolean): void {
    for (const t of this.targets()) {
      let s = this.state.get(t.name);
      if (!s) {
        s = { ticks: new Map(), used: 0, io: new Map(), syscalls: { r: 0, w: 0 }, rssMax: 0, rssEnd: 0 };
        this.state.set(t.name, s);
      }
      const pids = "pid" in t ? [t.pid] : pidsByComm(t.comm);
      let rss = 0;
      for (const pid of pids) {
        const ticks = readTicks(pid);
        if (ticks === null) continue;
        const before = s.ticks.get(pid);
        if (!first) s.used += ticks - (before ?? ticks);
        s.ticks.set(pid, ticks);
        const io = readSyscalls(pid);
        if (io) {
          const was = s.io.get(pid);
          if (!first && was) {
            s.syscalls.r += io.r - was.r;
            s.syscalls.w += io.w - was.w;
          }
          s.io.set(pid, io);
        }
        rss += readRssMb(pid) ?? 0;
      }
      s.rssEnd = rss;
      s.rssMax = Math.max(s.rssMax, rss);
    }
  }
}

export const round1 = (n: number) => Math.round(n * 10) / 10;

/** One value of a Prometheus text exposition (first series with that name). */
export function promValue(text: string, name: string): number | null {
  const m = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.eE+-]+|NaN)$`, "m").exec(text);
  return m ? Number(m[1]) : null;
}

/** A process's database pool counters (ordered_db_pool_*, cumulative since it started). */
interface PoolCounters {
  acquires: number;
  waitedSeconds: number;
  within100ms: number;
  within1s: number;
  timeouts: number;
}

/** What each Ordered process's requests waited for a pooled connection, over a phase. */
export interface PoolWait {
  acquires: number;
  meanMs: number;
  /** Acquires that waited longer than 100 ms / 1 s, and those that got no connection (UNAVAILABLE). */
  over100ms: number;
  over1s: number;
  timeouts: number;
}

/** Scrapes every process's pool counters; a process that does not answer is left out. */
export async function poolWaits(urls: Map<string, string>): Promise<Map<string, PoolCounters>> {
  const out = new Map<string, PoolCounters>();
  for (const [name, url] of urls) {
    try {
      const text = await (await fetch(`${url}/metrics`)).text();
      const v = (series: string) => promValue(text, series) ?? 0;
      out.set(name, {
        acquires: v("ordered_db_pool_wait_seconds_count"),
        waitedSeconds: v("ordered_db_pool_wait_seconds_sum"),
        within100ms: bucket(text, "0.1"),
        within1s: bucket(text, "1"),
        timeouts: v("ordered_db_pool_timeouts_total"),
      });
    } catch {
      // not up (yet) or gone: no numbers for it
    }
  }
  return out;
}

function bucket(text: string, le: string): number {
  const m = new RegExp(`^ordered_db_pool_wait_seconds_bucket\\{le="${le.replace(".", "\\.")}"\\} ([0-9.eE+-]+)$`, "m").exec(text);
  return m ? Number(m[1]) : 0;
}

export function poolWaitDelta(before: Map<string, PoolCounters>, after: Map<string, PoolCounters>): Record<string, PoolWait> {
  const out: Record<string, PoolWait> = {};
  for (const [name, a] of after) {
    const b = before.get(name) ?? { acquires: 0, waitedSeconds: 0, within100ms: 0, within1s: 0, timeouts: 0 };
    const acquires = a.acquires - b.acquires;
    out[name] = {
      acquires,
      meanMs: acquires > 0 ? round1(((a.waitedSeconds - b.waitedSeconds) * 1000) / acquires) : 0,
      over100ms: acquires - (a.within100ms - b.within100ms),
      over1s: acquires - (a.within1s - b.within1s),
      timeouts: a.timeouts - b.timeouts,
    };
  }
  return out;
}
