// The machine's own stalls, apart from the code under test: a process that does nothing but
// wake every TICK_MS on a timer and note how late each wake was. The runner starts it at the
// highest scheduling priority (nice -20), so the load's own CPU demand barely delays it: what
// it sees is what delays every process of the machine at that moment (the hypervisor taking
// the virtual CPU away, the kernel, memory pressure). A phase whose slowest orders line up
// with the probe's stalls was slowed by the machine, not by Ordered.
// Driven over IPC by the runner (lib/stall-probe.ts); exits when the runner goes away.
import { Latency, nowUs } from "./lib/hist.js";
import { serve } from "./lib/rpc.js";
import { type ProbeRequest, type ProbeWindow, TICK_MS } from "./lib/stall-probe.js";

// Two growing columns: when each wake happened and how late it was (µs).
let at = new Float64Array(1 << 16);
let late = new Float64Array(1 << 16);
let n = 0;
function note(t: number, lateUs: number): void {
  if (n === at.length) {
    const grow = (a: Float64Array) => {
      const b = new Float64Array(a.length * 2);
      b.set(a);
      return b;
    };
    at = grow(at);
    late = grow(late);
  }
  at[n] = t;
  late[n] = lateUs;
  n++;
}

let due = nowUs() + TICK_MS * 1000;
const tick = () => {
  const t = nowUs();
  note(t, Math.max(0, t - due));
  due = t + TICK_MS * 1000;
  setTimeout(tick, TICK_MS);
};
setTimeout(tick, TICK_MS);

function summarize(req: ProbeRequest): ProbeWindow {
  const h = new Latency();
  const worst: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = at[i]!;
    if (t < req.fromUs || t > req.toUs) continue;
    h.record(late[i]!);
    if (req.startUs !== undefined && t >= req.startUs) {
      const s = Math.floor((t - req.startUs) / 1e6);
      worst[s] = Math.max(worst[s] ?? 0, Math.round(late[i]! / 1000));
    }
  }
  return { lateness: h.summary(), worstBySecond: Array.from(worst, (v) => v ?? 0) };
}

serve(summarize);
