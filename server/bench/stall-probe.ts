// The machine's own stalls, apart from the code under test: a process that does nothing but
// wake every TICK_MS on a timer and note how late each wake was. The runner starts it at the
// highest scheduling priority (nice -20), so the load's own CPU demand barely delays it: what
// it sees is what delays every process of the machine at that moment (the hypervisor taking
// the virtual CPU away, the kernel, memory pressure). A phase whose slowest orders line up
// with the probe's stalls was slowed by the machine, not by Ordered.
// At each wake it also times a fixed piece of arithmetic (workUnit): at top priority nothing
// delays it, so its duration is the machine's speed at that moment, which moves by half
// from one run to the next on a shared VM; CPU per order compares only between runs whose
// work unit took about as long.
// Driven over IPC by the runner (lib/stall-probe.ts); exits when the runner goes away.
import { Latency, nowUs } from "./lib/hist.js";
import { serve } from "./lib/rpc.js";
import { type ProbeRequest, type ProbeWindow, TICK_MS, WORK_UNIT_STEPS } from "./lib/stall-probe.js";

// Three growing columns: when each wake happened, how late it was, how long the work unit took (µs).
let at = new Float64Array(1 << 16);
let late = new Float64Array(1 << 16);
let work = new Float64Array(1 << 16);
let n = 0;
function note(t: number, lateUs: number, workUs: number): void {
  if (n === at.length) {
    const grow = (a: Float64Array) => {
      const b = new Float64Array(a.length * 2);
      b.set(a);
      return b;
    };
    at = grow(at);
    late = grow(late);
    work = grow(work);
  }
  at[n] = t;
  late[n] = lateUs;
  work[n] = workUs;
  n++;
}

/** xorshift32 steps: integer arithmetic in registers, no allocation, no memory traffic. */
let seed = 2463534242;
function workUnit(): void {
  let x = seed;
  for (let i = 0; i < WORK_UNIT_STEPS; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
  }
  seed = x | 1; // kept, so the loop is not optimised away
}

let due = nowUs() + TICK_MS * 1000;
const tick = () => {
  const t = nowUs();
  workUnit();
  note(t, Math.max(0, t - due), nowUs() - t);
  due = t + TICK_MS * 1000;
  setTimeout(tick, TICK_MS);
};
setTimeout(tick, TICK_MS);

function summarize(req: ProbeRequest): ProbeWindow {
  const h = new Latency();
  const units: number[] = [];
  const worst: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = at[i]!;
    if (t < req.fromUs || t > req.toUs) continue;
    h.record(late[i]!);
    units.push(work[i]!);
    if (req.startUs !== undefined && t >= req.startUs) {
      const s = Math.floor((t - req.startUs) / 1e6);
      worst[s] = Math.max(worst[s] ?? 0, Math.round(late[i]! / 1000));
    }
  }
  units.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(units[Math.floor((units.length - 1) * p)] ?? 0);
  return {
    lateness: h.summary(),
    worstBySecond: Array.from(worst, (v) => v ?? 0),
    workUnitUs: { p10: pct(0.1), p50: pct(0.5), p90: pct(0.9) },
  };
}

serve(summarize);
