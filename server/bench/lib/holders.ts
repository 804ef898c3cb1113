// The runner's side of the socket-holder processes (../holder.ts).
import type { HolderRequest, HolderStats } from "../holder.js";
import type { SocketSpec } from "./clients.js";
import { stopChild } from "./procs.js";
import { type HelperOptions, RpcChild } from "./rpc.js";

export class HolderPool {
  private constructor(private readonly holders: RpcChild<HolderRequest>[]) {}

  static async start(n: number, opts: HelperOptions): Promise<HolderPool> {
    return new HolderPool(
      await Promise.all(
        Array.from({ length: n }, (_, i) =>
          RpcChild.start<HolderRequest>(`holder-${i + 1}`, "holder.ts", { ...opts, nodeArgs: ["--max-old-space-size=4096"] }),
        ),
      ),
    );
  }

  get pids(): { name: string; pid: number }[] {
    return this.holders.map((h) => ({ name: h.child.name, pid: h.child.pid }));
  }

  /** Spreads the specs round-robin over the holders; each connects its share. */
  async connect(specs: SocketSpec[], opts: { concurrency: number; readyEvent: string; timeoutMs: number }) {
    const shares = this.holders.map((): SocketSpec[] => []);
    for (const [i, s] of specs.entries()) shares[i % shares.length]!.push(s);
    const results = await Promise.all(
      this.holders.map((h, i) =>
        h.request<{ connected: number; failed: number; errors: string[]; ms: number }>({
          cmd: "connect",
          specs: shares[i]!,
          concurrency: Math.max(1, Math.ceil(opts.concurrency / this.holders.length)),
          readyEvent: opts.readyEvent,
          timeoutMs: opts.timeoutMs,
        }),
      ),
    );
    return {
      connected: results.reduce((a, r) => a + r.connected, 0),
      failed: results.reduce((a, r) => a + r.failed, 0),
      errors: [...new Set(results.flatMap((r) => r.errors))].slice(0, 5),
    };
  }

  /** product:updated arrival times since the last call, merged over the holders. */
  async broadcasts(): Promise<Record<string, number[]>> {
    const all = await Promise.all(this.holders.map((h) => h.request<Record<string, number[]>>({ cmd: "broadcasts" })));
    const merged: Record<string, number[]> = {};
    for (const r of all) {
      for (const [k, v] of Object.entries(r)) {
        merged[k] ??= [];
        merged[k].push(...v);
      }
    }
    return merged;
  }

  async stats(): Promise<HolderStats> {
    const all = await Promise.all(this.holders.map((h) => h.request<HolderStats>({ cmd: "stats" })));
    const received: Record<string, number> = {};
    for (const s of all) for (const [k, v] of Object.entries(s.received)) received[k] = (received[k] ?? 0) + v;
    return { connected: all.reduce((a, s) => a + s.connected, 0), dropped: all.reduce((a, s) => a + s.dropped, 0), received };
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.holders.map((h) => h.request({ cmd: "closeAll" })));
  }

  async stop(): Promise<void> {
    await Promise.all(this.holders.map((h) => stopChild(h.child, 3000)));
  }
}
