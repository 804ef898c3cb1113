// A socket-holder process: opens the sockets that only listen (phones that do not order, the
// idle sockets of the capacity phase) so the processes that time (the order drivers; the
// runner, which sends the capacity phase's broadcasts) keep their event loops free.
// Driven over IPC by the runner (lib/holders.ts); exits when the runner goes away.
import type { Socket } from "socket.io-client";
import { connectMany, type SocketSpec } from "./lib/clients.js";
import { nowUs } from "./lib/hist.js";
import { serve } from "./lib/rpc.js";

export type HolderRequest =
  | { id: number; cmd: "connect"; specs: SocketSpec[]; concurrency: number; readyEvent: string; timeoutMs: number }
  | { id: number; cmd: "broadcasts" }
  | { id: number; cmd: "stats" }
  | { id: number; cmd: "closeAll" };

export interface HolderStats {
  connected: number;
  /** Sockets that closed after being connected (the server dropped them). */
  dropped: number;
  received: Record<string, number>;
}

const sockets = new Set<Socket>();
const received: Record<string, number> = {};
let dropped = 0;
/** Arrival times (µs, machine-wide monotonic clock) of product:updated, by `<productId>:<available>`. */
let arrivals: Record<string, number[]> = {};

function prepare(socket: Socket): void {
  socket.onAny((event: string) => {
    received[event] = (received[event] ?? 0) + 1;
  });
  socket.on("product:updated", (p: { id: string; available: boolean }) => {
    const key = `${p.id}:${p.available}`;
    arrivals[key] ??= [];
    arrivals[key].push(nowUs());
  });
  socket.on("disconnect", (reason) => {
    if (sockets.delete(socket) && reason !== "io client disconnect") dropped++;
  });
}

async function handle(req: HolderRequest): Promise<unknown> {
  switch (req.cmd) {
    case "connect": {
      const r = await connectMany(req.specs, { ...req, prepare });
      for (const s of r.sockets) sockets.add(s);
      return { connected: r.sockets.length, failed: r.failed, errors: r.errors, ms: r.ms };
    }
    case "broadcasts": {
      const out = arrivals;
      arrivals = {};
      return out;
    }
    case "stats":
      return { connected: sockets.size, dropped, received } satisfies HolderStats;
    case "closeAll": {
      const all = [...sockets];
      sockets.clear();
      for (const s of all) s.close();
      for (const k of Object.keys(received)) delete received[k];
      dropped = 0;
      return { closed: all.length };
    }
  }
}

serve(handle);
