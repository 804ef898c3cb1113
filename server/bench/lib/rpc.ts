// How the runner talks to its helper processes (socket holders, order drivers, stall probes):
// numbered requests over Node's IPC channel, one reply each. `RpcChild` is the runner's side,
// `serve` the helper's. A helper says it is ready with the reply numbered 0, and exits when
// the runner goes away (nothing else would stop it).
import { type Child, startNode } from "./procs.js";

export type RpcReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

/** A request as the caller writes it: the id is added here. */
type Distribute<T> = T extends unknown ? Omit<T, "id"> : never;

/** Where helpers run and log, and their environment (not Ordered's: they are the bench's own). */
export interface HelperOptions {
  serverDir: string;
  logDir: string;
  env: NodeJS.ProcessEnv;
}

export class RpcChild<Req extends { id: number; cmd: string }> {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private constructor(readonly child: Child) {
    child.proc.on("message", (m: RpcReply) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.resolve(m.result);
      else p.reject(new Error(`${child.name}: ${m.error}`));
    });
    child.proc.once("exit", (code) => {
      const err = new Error(`${child.name} exited (code ${code}); see ${child.logFile}`);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    });
  }

  /** Starts `node --import tsx bench/<script>` and waits for its ready message. */
  static async start<Req extends { id: number; cmd: string }>(
    name: string,
    script: string,
    opts: HelperOptions & { nodeArgs?: string[]; nice?: number },
  ): Promise<RpcChild<Req>> {
    const child = startNode(name, [...(opts.nodeArgs ?? []), "--import", "tsx", `bench/${script}`], {
      env: opts.env,
      cwd: opts.serverDir,
      logDir: opts.logDir,
      ipc: true,
      nice: opts.nice,
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name} did not start; see ${child.logFile}`)), 30_000);
      const onExit = (code: number | null) => {
        clearTimeout(timer);
        reject(new Error(`${name} exited (code ${code}); see ${child.logFile}`));
      };
      child.proc.once("exit", onExit);
      child.proc.once("message", () => {
        clearTimeout(timer);
        child.proc.off("exit", onExit);
        resolve();
      });
    });
    return new RpcChild<Req>(child);
  }

  request<T>(req: Distribute<Req>, timeoutMs = 300_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${this.child.name}: ${req.cmd} got no answer within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.child.proc.send({ ...req, id });
    });
  }
}

/** The helper's side: answers each request with what `handle` returns (or throws). */
export function serve<Req extends { id: number }>(handle: (req: Req) => unknown): void {
  process.on("message", (req: Req) => {
    Promise.resolve()
      .then(() => handle(req))
      .then(
        (result) => process.send!({ id: req.id, ok: true, result } satisfies RpcReply),
        (err: unknown) => process.send!({ id: req.id, ok: false, error: (err as Error).message } satisfies RpcReply),
      );
  });
  process.on("disconnect", () => process.exit(0));
  process.send!({ id: 0, ok: true, result: "ready" } satisfies RpcReply);
}
