// The runner's side of the stall probe (../stall-probe.ts), and what both sides share.
import type { Summary } from "./hist.js";
import type { Child } from "./procs.js";
import { type HelperOptions, RpcChild } from "./rpc.js";

/** The probe's timer period. */
export const TICK_MS = 5;
/** The fixed work each wake times (xorshift steps; about 0.1 ms on the bench machine). */
export const WORK_UNIT_STEPS = 50_000;

export type ProbeRequest = { id: number; cmd: "window"; fromUs: number; toUs: number; startUs?: number };
export interface ProbeWindow {
  /** Lateness of every wake in the window (ms): how long the probe waited past its timer. */
  lateness: Summary;
  /** Worst lateness (ms) in each whole second from `startUs` (the load's own seconds). */
  worstBySecond: number[];
  /**
   * How long the fixed work unit took at each wake (µs): at top priority, the machine's speed
   * over the phase. CPU per order compares between runs only where this is alike.
   */
  workUnitUs: { p10: number; p50: number; p90: number };
}
/** Both probes' views of one phase. */
export interface Stalls {
  /** The top-priority probe: the machine's own stalls. */
  machine: ProbeWindow;
  /** The normal-priority probe: those plus the wait for a CPU that any process of the run has. */
  cpuWait: ProbeWindow;
}
export class StallProbe {
  private constructor(private readonly rpc: RpcChild<ProbeRequest>) {}

  get child(): Child {
    return this.rpc.child;
  }

  /**
   * Starts a probe at a scheduling priority: at -20 (the highest; needs root, as on this
   * machine) it sees the machine's own stalls; at 0, like every process of the run, it also
   * waits its turn for a CPU, so it sees what being one more process on a busy machine costs.
   */
  static async start(opts: HelperOptions & { name: string; nice: number }): Promise<StallProbe> {
    return new StallProbe(await RpcChild.start<ProbeRequest>(opts.name, "stall-probe.ts", opts));
  }

  /** What the probe saw between two instants (µs, the machine-wide clock of lib/hist.ts). */
  window(fromUs: number, toUs: number, startUs?: number): Promise<ProbeWindow> {
    return this.rpc.request<ProbeWindow>({ cmd: "window", fromUs, toUs, startUs }, 10_000);
  }
}
