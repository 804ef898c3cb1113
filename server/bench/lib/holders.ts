// The runner's side of the socket-holder processes (../holder.ts).
import type { HolderReply, HolderRequest, HolderStats } from "../holder.js";
import type { SocketSpec } from "./clients.js";
import { type Child, startNode, stopChild } from "./procs.js";

type Distribute<T> = T extends unknown ? Omit<T, "id"> : never;
type Command = Distribute<HolderRequest>;

interface Holder {
  child: Child;
  pending: Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>;
  nextId: number;
}

export class HolderPool {
  private constructor(private readonly holders: Holder[]) {}

  static async start(n: number, opts: { serverDir: string; logDir: string; env: NodeJS.ProcessEnv }): Promise<HolderPool> {
    const holders = await Promise.all(
      Array.from({ length: n }, (_, i) => {
        const child = startNode(`holder-${i + 1}`, ["--max-old-space-size=4096", "--import", "tsx", "bench/holder.ts"], {
          env: opts.env,
          cwd: opts.serverDir,
          logDir: opts.logDir,
          ipc: true,
        });
        const h: Holder = { child, pending: new Map(), nextId: 1 };
        return new Promise<Holder>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`${child.name} did not start; see ${child.logFile}`)), 30_000);
          child.proc.on("message", (m: HolderReply) => {
            if (m.id === 0) {
              clearTimeout(timer);
              resolve(h);
              return;
            }
            const p = h.pending.get(m.id);
            if (!p) return;
            h.pending.delete(m.id);
            if (m.ok) p.resolve(m.result);
            else p.reject(new Error(`${child.name}: ${m.error}`));
          });
          child.proc.once("exit", (code) => {
            clearTimeout(timer);
            const err = new Error(`${child.name} exited (code ${code}); see ${child.logFile}`);
            for (const p of h.pending.values()) p.reject(err);
            h.pending.clear();
            reject(err);
          });
        });
      }),
    );
    return new HolderPool(holders);
  }

  get pids(): { name: string; pid: number }[] {
    return this.holders.map((h) => ({ name: h.child.name, pid: h.child.pid }));
  }

  private request<T>(h: Holder, cmd: Command, timeoutMs = 300_000): Promise<T> {
    const id = h.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        h.pending.delete(id);
        reject(new Error(`${h.child.name}: ${cmd.cmd} timed out`));
      }, timeoutMs);
      h.pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      h.child.proc.send({ ...cmd, id });
    });
  }

  /** Spreads the specs round-robin over the holders; each connects its share. */
  async connect(specs: SocketSpec[], opts: { concurrency: number; readyEvent: string; timeoutMs: number }) {
    const shares = this.holders.map((): SocketSpec[] => []);
    for (const [i, s] of specs.entries()) shares[i % shares.length]!.push(s);
    const results = await Promise.all(
      this.holders.map((h, i) =>
        this.request<{ connected: number; failed: number; errors: string[]; ms: number }>(h, {
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
    const all = await Promise.all(this.holders.map((h) => this.request<Record<string, number[]>>(h, { cmd: "broadcasts" })));
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
    const all = await Promise.all(this.holders.map((h) => this.request<HolderStats>(h, { cmd: "stats" })));
    const received: Record<string, number> = {};
    for (const s of all) for (const [k, v] of Object.entries(s.received)) received[k] = (received[k] ?? 0) + v;
    return { connected: all.reduce((a, s) => a + s.connected, 0), dropped: all.reduce((a, s) => a + s.dropped, 0), received };
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.holders.map((h) => this.request(h, { cmd: "closeAll" })));
  }

  async stop(): Promise<void> {
    await Promise.all(this.holders.map((h) => stopChild(h.child, 3000)));
  }
}
