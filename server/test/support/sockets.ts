import { io as connectClient, type Socket } from "socket.io-client";
import type { Ack, ClientToServerEvents, HandshakeAuth, ServerToClientEvents } from "@ordered/contract";

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const opened: ClientSocket[] = [];
const recorders = new WeakMap<ClientSocket, Recorder>();

/** Everything this socket has received since it was created. */
export function recorderOf(socket: ClientSocket): Recorder {
  return recorders.get(socket)!;
}

/** A real socket.io-client socket; resolves once connected, rejects with the refusal. */
export function connect(
  server: { url: string },
  auth: Partial<HandshakeAuth> | undefined,
  opts: { origin?: string; transports?: ("websocket" | "polling")[]; reconnection?: boolean } = {},
): Promise<ClientSocket> {
  const socket: ClientSocket = connectClient(server.url, {
    auth: auth as Record<string, unknown> | undefined,
    transports: opts.transports ?? ["websocket"],
    reconnection: opts.reconnection ?? false,
    forceNew: true,
    extraHeaders: opts.origin ? { origin: opts.origin } : {},
  });
  opened.push(socket);
  // Attached before connecting: replayed events can arrive in the same tick as "connect".
  recorders.set(socket, new Recorder(socket));
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (err: Error & { data?: unknown }) => {
      socket.close();
      reject(err);
    });
  });
}

/** Closes every socket this file opened. */
export function closeAllSockets(): void {
  for (const s of opened.splice(0)) s.close();
}

/** Emits a command and waits for its ack. */
export function send<E extends keyof ClientToServerEvents>(
  socket: ClientSocket,
  event: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
  timeoutMs = 10_000,
): Promise<Parameters<Parameters<ClientToServerEvents[E]>[1]>[0]> {
  return (socket.timeout(timeoutMs) as unknown as { emitWithAck(e: string, p: unknown): Promise<never> }).emitWithAck(event, payload);
}

export function dataOf<T>(ack: Ack<T>): T {
  if (ack.error) throw new Error(`${ack.error.code}: ${ack.error.message}`);
  return ack.data as T;
}

/** Records every event a socket receives, in arrival order, and lets tests wait for one. */
export class Recorder {
  readonly events: { name: string; arg: any }[] = [];
  private waiters: { test: (e: { name: string; arg: any }) => boolean; resolve: (e: any) => void }[] = [];

  constructor(socket: ClientSocket) {
    socket.onAny((name: string, arg: unknown) => {
      const e = { name, arg };
      this.events.push(e);
      this.waiters = this.waiters.filter((w) => (w.test(e) ? (w.resolve(e.arg), false) : true));
    });
  }

  named(name: string): any[] {
    return this.events.filter((e) => e.name === name).map((e) => e.arg);
  }

  /** Resolves with the first matching event, past or future. */
  waitFor(name: string, match: (arg: any) => boolean = () => true, timeoutMs = 10_000): Promise<any> {
    const seen = this.events.find((e) => e.name === name && match(e.arg));
    if (seen) return Promise.resolve(seen.arg);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${name}`)), timeoutMs);
      this.waiters.push({
        test: (e) => e.name === name && match(e.arg),
        resolve: (arg) => {
          clearTimeout(timer);
          resolve(arg);
        },
      });
    });
  }

  /** Session events in arrival order as [type, sessionId, seq]. */
  sessionEvents(): [string, string, number][] {
    return this.events.filter((e) => e.arg && typeof e.arg.seq === "number").map((e) => [e.name, e.arg.sessionId, e.arg.seq]);
  }
}

/** Waits until nothing more arrives for `ms` (to assert that something did NOT happen). */
export const quiet = (ms = 300) => new Promise((r) => setTimeout(r, ms));
