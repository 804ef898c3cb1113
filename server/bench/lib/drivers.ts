// The runner's side of the order-driver processes (../driver.ts): hands each a share of the
// venues (their staff panels and placing phones), starts every run on one schedule, and
// merges what the drivers measured into one LoadResult.
import type { DriverRequest, PlacerSpec } from "../driver.js";
import type { SocketSpec } from "./clients.js";
import { Latency, nowUs } from "./hist.js";
import type { DriverSamples, LoadResult } from "./load.js";
import { stopChild } from "./procs.js";
import { type HelperOptions, RpcChild } from "./rpc.js";

/** One venue's load: its staff panels and one placing phone per session. */
export interface VenueLoad {
  staff: SocketSpec[];
  placers: (SocketSpec & { productIds: string[] })[];
}

export class DriverPool {
  private placerCount = 0;

  private constructor(private readonly drivers: RpcChild<DriverRequest>[]) {}

  static async start(n: number, opts: HelperOptions): Promise<DriverPool> {
    return new DriverPool(
      await Promise.all(Array.from({ length: n }, (_, i) => RpcChild.start<DriverRequest>(`driver-${i + 1}`, "driver.ts", opts))),
    );
  }

  get pids(): { name: string; pid: number }[] {
    return this.drivers.map((d) => ({ name: d.child.name, pid: d.child.pid }));
  }

  /**
   * Venue v goes to driver v mod n, whole: the staff who see an order are in the process that
   * placed it, so every latency is one process's clock readings. Placers are numbered across
   * venues in turn (venue 1's first session, venue 2's first, ...), so consecutive orders
   * come from different venues and different drivers.
   */
  async connect(
    venues: VenueLoad[],
    o: { staffPerOrder: number; expectAccepted: boolean; readyEvent: string; timeoutMs: number },
  ): Promise<{ failed: number; errors: string[] }> {
    const shares = this.drivers.map(() => ({ staff: [] as SocketSpec[], placers: [] as PlacerSpec[] }));
    for (const [v, venue] of venues.entries()) shares[v % shares.length]!.staff.push(...venue.staff);
    let index = 0;
    for (let k = 0; venues.some((v) => k < v.placers.length); k++) {
      for (const [v, venue] of venues.entries()) {
        const p = venue.placers[k];
        if (p) shares[v % shares.length]!.placers.push({ ...p, index: index++ });
      }
    }
    this.placerCount = index;
    const results = await Promise.all(
      this.drivers.map((d, i) => d.request<{ failed: number; errors: string[] }>({ cmd: "connect", ...shares[i]!, ...o })),
    );
    return { failed: results.reduce((a, r) => a + r.failed, 0), errors: [...new Set(results.flatMap((r) => r.errors))].slice(0, 5) };
  }

  /** Places `rate`/s for `seconds` over every driver, then waits up to `drainMs` for the stragglers. */
  async place(rate: number, seconds: number, drainMs: number): Promise<LoadResult> {
    // A little ahead, so every driver has the schedule before the first order is due.
    const startUs = nowUs() + 50_000;
    const schedule = { startUs, rate, total: Math.round(rate * seconds), placerCount: this.placerCount, drainMs };
    const parts = await Promise.all(this.drivers.map((d) => d.request<DriverSamples>({ cmd: "place", ...schedule })));
    return merge(parts, rate, seconds, startUs);
  }

  async close(): Promise<void> {
    await Promise.all(this.drivers.map((d) => d.request({ cmd: "close" })));
  }

  async stop(): Promise<void> {
    await Promise.all(this.drivers.map((d) => stopChild(d.child, 3000)));
  }
}

function merge(parts: DriverSamples[], rate: number, seconds: number, startUs: number): LoadResult {
  const latency = (pick: (p: DriverSamples) => number[]) => {
    const h = new Latency();
    for (const p of parts) for (const us of pick(p)) h.record(us);
    return h;
  };
  const sum = (pick: (p: DriverSamples) => number) => parts.reduce((a, p) => a + pick(p), 0);
  const max = (pick: (p: DriverSamples) => number) => Math.max(0, ...parts.map(pick));
  const mean = (pick: (p: DriverSamples) => [number, number]) => {
    const n = sum((p) => pick(p)[1]);
    return n ? Math.round(sum((p) => pick(p)[0]) / n) : 0;
  };
  const ackErrors: Record<string, number> = {};
  for (const p of parts) for (const [code, n] of Object.entries(p.ackErrors)) ackErrors[code] = (ackErrors[code] ?? 0) + n;
  const accepted = latency((p) => p.acceptedUs);
  const acceptedSpanS =
    (Math.max(
      max((p) => p.lastAcceptedUs),
      max((p) => p.sendEndUs),
    ) -
      startUs) /
    1e6;
  const secondsSeen = Math.max(0, ...parts.map((p) => p.ackMaxBySecond.length));
  return {
    targetRate: rate,
    seconds,
    sent: sum((p) => p.sent),
    acceptedPerSecond: Math.round((accepted.count / Math.max(0.001, acceptedSpanS)) * 10) / 10,
    ack: latency((p) => p.ackUs).summary(),
    staff: latency((p) => p.staffUs).summary(),
    accepted: accepted.summary(),
    ackErrors,
    missing: {
      ack: sum((p) => p.missing.ack),
      staff: sum((p) => p.missing.staff),
      accepted: sum((p) => p.missing.accepted),
    },
    bytes: { placed: mean((p) => p.bytes.placed), updated: mean((p) => p.bytes.updated) },
    senderLagMaxMs: Math.round(max((p) => p.senderLagMaxUs) / 100) / 10,
    ackMaxBySecond: Array.from({ length: secondsSeen }, (_, s) => max((p) => p.ackMaxBySecond[s] ?? 0)),
    startUs,
  };
}
