// Opening many socket.io-client sockets with bounded concurrency, shared by the runner
// and the socket-holder processes.
import { io, type Socket } from "socket.io-client";

export interface SocketSpec {
  url: string;
  auth: Record<string, unknown>;
}

export interface ConnectResult {
  sockets: Socket[];
  failed: number;
  /** A few distinct failure messages, for the report. */
  errors: string[];
  ms: number;
}

/**
 * Connects every spec (WebSocket only, one connection per socket, no reconnection: a socket
 * the server drops stays dropped and is counted) and waits for `readyEvent` — `sync:done`
 * for Ordered (the socket is in its rooms), `ready` for the baseline server.
 * `prepare` runs before the connection so its listeners miss nothing.
 */
export async function connectMany(
  specs: SocketSpec[],
  opts: { concurrency: number; readyEvent: string; timeoutMs: number; prepare?: (s: Socket, i: number) => void },
): Promise<ConnectResult> {
  const started = performance.now();
  const sockets: Socket[] = [];
  const errors = new Set<string>();
  let failed = 0;
  let next = 0;
  const one = (spec: SocketSpec, i: number) =>
    new Promise<void>((resolve) => {
      const socket = io(spec.url, {
        transports: ["websocket"],
        auth: spec.auth,
        forceNew: true,
        reconnection: false,
        timeout: opts.timeoutMs,
      });
      opts.prepare?.(socket, i);
      const timer = setTimeout(() => fail(`timed out waiting for ${opts.readyEvent}`), opts.timeoutMs);
      const fail = (message: string) => {
        clearTimeout(timer);
        failed++;
        if (errors.size < 5) errors.add(message);
        socket.close();
        resolve();
      };
      socket.once("connect_error", (err: Error & { data?: { code?: string } }) => fail(err.data?.code ?? err.message));
      socket.once(opts.readyEvent, () => {
        clearTimeout(timer);
        socket.off("connect_error");
        sockets.push(socket);
        resolve();
      });
    });
  const lanes = Array.from({ length: Math.min(opts.concurrency, specs.length) }, async () => {
    while (next < specs.length) {
      const i = next++;
      await one(specs[i]!, i);
    }
  });
  await Promise.all(lanes);
  return { sockets, failed, errors: [...errors], ms: Math.round(performance.now() - started) };
}

/** Runs `fn` over `items` with at most `concurrency` in flight; results in input order. */
export async function pool<T, R>(items: T[], concurrency: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}
