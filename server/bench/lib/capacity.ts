// Capacity: idle authenticated customer sockets on one instance, added in steps; at each
// step a menu change (product:updated, which goes to every customer of the venue) is
// broadcast a few times and timed from the staff's HTTP request to each socket's arrival.
import { readFileSync } from "node:fs";
import type { SocketSpec } from "./clients.js";
import { Latency, nowUs, type Summary } from "./hist.js";
import type { HolderPool } from "./holders.js";
import { round1 } from "./procs.js";

export interface CapacityStep {
  sockets: number;
  connectFailed: number;
  /** Sockets the server dropped by the end of the step (holders' count). */
  dropped: number;
  rssMb: number;
  broadcast: Summary;
  /** Arrival minus the round's first arrival: the fan-out alone, without the staff request. */
  spread: Summary;
  /** Deliveries that never arrived (sockets × rounds − arrivals). */
  missing: number;
  /** The staff request that triggers the broadcast (PUT availability), p50 ms. */
  requestMsP50: number;
  eventLoopP99Ms: number | null;
}

export interface CapacityResult {
  limitMs: number;
  /** Most sockets at a step before the first whose broadcast p99 passed the limit (or lost messages). */
  heldSockets: number;
  /** Why the ramp ended (it goes on past the limit, for RSS, until 20× the limit). */
  stoppedBecause: string;
  idleRssMb: number;
  /** Least-squares slope of RSS over sockets, per 1,000 sockets. */
  rssPer1000Mb: number;
  steps: CapacityStep[];
}

const rssMb = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? round1(Number(m[1]) / 1024) : 0;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function rampCapacity(o: {
  serverPid: number;
  holders: HolderPool;
  /** The i-th idle socket to open. */
  socket: (i: number) => SocketSpec;
  /** What the server sends a socket once it is ready. */
  readyEvent: string;
  /** Makes the server broadcast product:updated {id, available} to every socket (the staff's request). */
  toggle: (productId: string, available: boolean) => Promise<void>;
  productIds: string[];
  max: number;
  step: number;
  rounds: number;
  limitMs: number;
  deadline: number;
  eventLoopP99: () => Promise<number | null>;
  log: (line: string) => void;
}): Promise<CapacityResult> {
  await sleep(3000);
  const idleRssMb = rssMb(o.serverPid);
  const steps: CapacityStep[] = [];
  const available = o.productIds.map(() => true);
  let connected = 0;
  let heldSockets = 0;
  let breached = false;
  let stoppedBecause = `reached --capacity-max ${o.max}`;
  for (let target = o.step; target <= o.max; target += o.step) {
    if (Date.now() > o.deadline) {
      stoppedBecause = "time budget (--max-minutes) used up";
      break;
    }
    const specs = Array.from({ length: target - connected }, (_, i) => o.socket(connected + i));
    const conn = await o.holders.connect(specs, { concurrency: 48, readyEvent: o.readyEvent, timeoutMs: 30_000 });
    connected += conn.connected;
    await sleep(2000);
    await o.holders.broadcasts(); // discard anything stale
    await o.eventLoopP99(); // resets the server's event-loop histogram
    const hist = new Latency();
    const spread = new Latency();
    const requestMs: number[] = [];
    let missing = 0;
    for (let r = 0; r < o.rounds; r++) {
      const k = r % o.productIds.length;
      available[k] = !available[k];
      const key = `${o.productIds[k]}:${available[k]}`;
      const t0 = nowUs();
      await o.toggle(o.productIds[k]!, available[k]!);
      requestMs.push((nowUs() - t0) / 1000);
      const arrivals: number[] = [];
      const until = Date.now() + 5000;
      while (arrivals.length < connected && Date.now() < until) {
        await sleep(100);
        const got = await o.holders.broadcasts();
        arrivals.push(...(got[key] ?? []));
      }
      const first = Math.min(...arrivals);
      for (const t of arrivals) {
        hist.record(t - t0);
        spread.record(t - first);
      }
      missing += Math.max(0, connected - arrivals.length);
      await sleep(300);
    }
    const stats = await o.holders.stats();
    requestMs.sort((a, b) => a - b);
    const step: CapacityStep = {
      sockets: connected,
      connectFailed: conn.failed,
      dropped: stats.dropped,
      rssMb: rssMb(o.serverPid),
      broadcast: hist.summary(),
      spread: spread.summary(),
      missing,
      requestMsP50: round1(requestMs[Math.floor(requestMs.length / 2)] ?? 0),
      eventLoopP99Ms: await o.eventLoopP99(),
    };
    steps.push(step);
    o.log(
      `  ${String(step.sockets).padStart(6)} sockets  rss ${step.rssMb} MB  broadcast p50 ${step.broadcast.p50} ms  p99 ${step.broadcast.p99} ms  max ${step.broadcast.max} ms  fan-out spread p99 ${step.spread.p99} ms  PUT p50 ${step.requestMsP50} ms  missing ${missing}  connect failures ${conn.failed}${conn.errors.length ? ` (${conn.errors.join(", ")})` : ""}`,
    );
    if (conn.failed > 0.01 * specs.length) {
      stoppedBecause = `${conn.failed} of ${specs.length} connections failed at ${target} (${conn.errors.join(", ")})`;
      break;
    }
    if (!breached && (step.broadcast.p99 > o.limitMs || missing > 0)) breached = true;
    if (!breached) heldSockets = step.sockets;
    if (step.broadcast.p99 > 20 * o.limitMs || missing > 0.05 * connected * o.rounds) {
      stoppedBecause = `broadcast p99 ${step.broadcast.p99} ms, ${missing} missing at ${step.sockets} sockets`;
      break;
    }
  }
  return { limitMs: o.limitMs, heldSockets, stoppedBecause, idleRssMb, rssPer1000Mb: slopePer1000(idleRssMb, steps), steps };
}

function slopePer1000(idle: number, steps: CapacityStep[]): number {
  const pts = [{ x: 0, y: idle }, ...steps.map((s) => ({ x: s.sockets, y: s.rssMb }))];
  if (pts.length < 2) return 0;
  const mx = pts.reduce((a, p) => a + p.x, 0) / pts.length;
  const my = pts.reduce((a, p) => a + p.y, 0) / pts.length;
  const num = pts.reduce((a, p) => a + (p.x - mx) * (p.y - my), 0);
  const den = pts.reduce((a, p) => a + (p.x - mx) ** 2, 0);
  return den ? round1((num / den) * 1000) : 0;
}
