// The runner's side of the stall probe (../stall-probe.ts), and what both sides share.
import type { Summary } from "./hist.js";
import { type Child, startNode } from "./procs.js";

/** The probe's timer period. */
export const TICK_MS = 5;

export type ProbeRequest = { id: number; cmd: "window"; fromUs: number; toUs: number; startUs?: number };
export interface ProbeWindow {
  /** Lateness of every wake in the window (ms): how long the probe waited past its timer. */
  lateness: Summary;
  /** Worst lateness (ms) in each whole second from `startUs` (the load's own seconds). */
  worstBySecond: number[];
}
/** Both probes' views of one phase. */
export interface Stalls {
  /** The top-priority probe: the machine's own stalls. */
  machine: ProbeWindow;
  /** The normal-priority probe: those plus the wait for a CPU that any process of the run has. */
  cpuWait: ProbeWindow;
}
export type ProbeReply = { id: number; ok: true; result: ProbeWindow } | { id: number; ok: false; error: string };

export class StallProbe {
  private nextId = 1;
  private readonly pending = new Map<number, (r: ProbeReply) => void>();

  private constructor(readonly child: Child) {
    child.proc.on("message", (m: ProbeReply) => {
      this.pending.get(m.id)?.(m);
      this.pending.delete(m.id);
    });
  }

  /**
   * Starts a probe at a scheduling priority: at -20 (the highest; needs root, as on this
   * machine) it sees the machine's own stalls; at 0, like every process of the run, it also
   * waits its turn for a CPU, so it sees what being one more process on a busy machine costs.
   */
  static async start(opts: { name: string; nice: number; serverDir: string; logDir: string; env: NodeJS.ProcessEnv }): Promise<StallProbe> {
    const child = startNode(opts.name, ["--import", "tsx", "bench/stall-probe.ts"], {
      env: opts.env,
      cwd: opts.serverDir,
      logDir: opts.logDir,
      ipc: true,
      nice: opts.nice,
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`stall probe did not start; see ${child.logFile}`)), 30_000);
      child.proc.once("message", () => {
        clearTimeout(timer);
        resolve();
      });
      child.proc.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`stall probe exited (code ${code}); see ${child.logFile}`));
      });
    });
    return new StallProbe(child);
  }

  /** What the probe saw between two instants (µs, the machine-wide clock of lib/hist.ts). */
  window(fromUs: number, toUs: number, startUs?: number): Promise<ProbeWindow> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error("stall probe: no answer within 10 s"));
      }, 10_000);
      this.pending.set(id, (m) => {
        clearTimeout(timer);
        if (m.ok) resolve(m.result);
        else reject(new Error(`stall probe: ${m.error}`));
      });
      this.child.proc.send({ id, cmd: "window", fromUs, toUs, startUs });
    });
  }
}
