// Real socket.io-client sockets for the server tests. kit.ts's `socket` and
// `reconnectingSocket` fixtures open them and close them after the test.

import { randomUUID } from "node:crypto";
import type { Ack, ClientToServerEvents, HandshakeAuth, ServerToClientEvents } from "@ordered/contract";
import { io as connectClient, type Socket } from "socket.io-client";

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface ConnectOptions {
  origin?: string;
  transports?: ("websocket" | "polling")[];
  reconnection?: boolean;
}

/** What a refused handshake rejects with: socket.io-client's connect_error. */
export type ConnectError = Error & {
  /** The server's refusal from the handshake middleware: `{ code, message }`. */
  data?: { code: string; message: string };
  /** Engine.io transport errors: "TransportError". */
  type?: string;
  /** Transport errors: the HTTP status (polling) or the underlying error event (websocket). */
  description?: unknown;
  /** Transport errors: the request that failed (polling). */
  context?: unknown;
};

const recorders = new WeakMap<ClientSocket, Recorder>();

/** Everything this socket has received since it was created. */
export function recorderOf(socket: ClientSocket): Recorder {
  return recorders.get(socket)!;
}

/**
 * A real socket.io-client socket; resolves once connected, rejects with the refusal.
 * `opened` is told about the socket first, so it is closed even when the connection fails.
 */
export function connect(
  server: { url: string },
  auth: Partial<HandshakeAuth> | undefined,
  opts: ConnectOptions,
  opened: (socket: ClientSocket) => void,
): Promise<ClientSocket> {
  const socket: ClientSocket = connectClient(server.url, {
    auth: auth as Record<string, unknown> | undefined,
    transports: opts.transports ?? ["websocket"],
    reconnection: opts.reconnection ?? false,
    forceNew: true,
    extraHeaders: opts.origin ? { origin: opts.origin } : {},
  });
  opened(socket);
  // Attached before connecting: replayed events can arrive in the same tick as "connect".
  recorders.set(socket, new Recorder(socket));
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (err: ConnectError) => {
      socket.close();
      reject(err);
    });
  });
}

/**
 * A client that reconnects by itself and sends the cursor it has reached, like the web app
 * (for tests where the server drops connections). Not awaited: watch its recorder.
 */
export function reconnectingSocket(url: string, auth: { token: string }, sessionId: string): { socket: ClientSocket; recorder: Recorder } {
  let lastSeq = 0;
  const socket: ClientSocket = connectClient(url, {
    transports: ["websocket"],
    forceNew: true,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    auth: (cb) => cb({ ...auth, lastSeq, cursors: { [sessionId]: lastSeq } }),
  });
  const recorder = new Recorder(socket);
  recorders.set(socket, recorder);
  socket.onAny((_name, arg: { sessionId?: string; seq?: number }) => {
    if (arg?.sessionId === sessionId && typeof arg.seq === "number" && arg.seq === lastSeq + 1) lastSeq = arg.seq;
  });
  return { socket, recorder };
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

/** Places an order of `quantity` × one product from `phone` (a fresh clientOrderId) and returns it. */
export async function placeOne(phone: ClientSocket, productId: string, quantity = 1) {
  return dataOf(await send(phone, "order:place", { clientOrderId: randomUUID(), items: [{ productId, quantity }] })).order;
}

/** Records every event a socket receives, in arrival order, and lets tests wait for one. */
export class Recorder {
  readonly events: { name: string; arg: any }[] = [];
  private waiters: { test: (e: { name: string; arg: any }) => boolean; resolve: (e: any) => void }[] = [];

  constructor(socket: ClientSocket) {
    socket.onAny((name: string, arg: unknown) => {
      const e = { name, arg };
      this.events.push(e);
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(e)) return true;
        w.resolve(e.arg);
        return false;
      });
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
      // A deadline for the wait, not a wait: it only turns "never arrived" into a failure.
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

/** What one client knows of a session's orders: each order's last status and shipment its events said, in log order. */
export type OrdersView = Map<string, { status: string; shipment: string | null }>;

/** A client's view of the session's orders, from the events it recorded (order:placed, order:updated). */
export function ordersSeen(recorder: Recorder, sessionId: string): OrdersView {
  const events = recorder.events
    .filter((e) => (e.name === "order:placed" || e.name === "order:updated") && e.arg.sessionId === sessionId)
    .map((e) => e.arg as { seq: number; data: { id: string; status: string; shipment: { status: string } | null } })
    .sort((x, y) => x.seq - y.seq);
  return new Map(events.map((e) => [e.data.id, { status: e.data.status, shipment: e.data.shipment?.status ?? null }]));
}
