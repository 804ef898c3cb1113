import {
  type Ack,
  type ClientToServerEvents,
  type ErrorBody,
  type ErrorCode,
  type HandshakeAuth,
  type OrderDto,
  SESSION_EVENT_NAMES,
  SESSION_SKIPPED,
  type ServerToClientEvents,
  type SessionEventEnvelope,
  type SessionSkipped,
} from "@ordered/contract/client";
import { io, type Socket } from "socket.io-client";
import type { Transport } from "./command";
import type { LiveEvent, OrderCore } from "./live-state";

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** What the UI shows about the connection. */
export type ConnectionState = "connecting" | "live" | "reconnecting" | "offline";

/**
 * Connects to the same origin. `auth` is a function so every reconnect sends the current
 * cursors, and the server replays exactly what was missed.
 */
export function connectSocket(auth: () => HandshakeAuth): AppSocket {
  return io({
    auth: (cb) => cb(auth() as Record<string, unknown>),
    transports: ["websocket", "polling"],
    reconnectionDelay: 500,
    reconnectionDelayMax: 4000,
  });
}

// socket.io's typings follow one literal event name at a time, not a union or a variable one.
interface Untyped {
  on(event: string, handler: (arg: never) => void): void;
  off(event: string, handler: (arg: never) => void): void;
}

/**
 * Calls `fn` with every session event, tagged with its name, and every `session:skipped`
 * stand-in (an event this socket may not read: it moves the stream on). The payload's form is
 * the one the server sends this socket's audience, which `O` names. Returns an unsubscribe.
 */
export function onSessionEvents<O extends OrderCore = OrderDto>(socket: AppSocket, fn: (e: LiveEvent<O>) => void): () => void {
  const untyped = socket as unknown as Untyped;
  const offs = SESSION_EVENT_NAMES.map((name) => {
    const handler = (envelope: SessionEventEnvelope<unknown>) => fn({ ...envelope, name } as LiveEvent<O>);
    untyped.on(name, handler);
    return () => untyped.off(name, handler);
  });
  const skipped = (e: SessionSkipped) => fn({ name: SESSION_SKIPPED, sessionId: e.sessionId, seq: e.seq });
  socket.on(SESSION_SKIPPED, skipped);
  return () => {
    for (const off of offs) off();
    socket.off(SESSION_SKIPPED, skipped);
  };
}

/** The `{code, message}` a handshake refusal carries, if any. */
export function refusal(err: Error): ErrorBody | null {
  const data = (err as Error & { data?: unknown }).data;
  if (data && typeof data === "object" && "code" in data) return data as ErrorBody;
  return null;
}

/** Refusals that no retry can change: the session closed, the token is bad, staff removed the phone. */
const FINAL_REFUSALS: readonly ErrorCode[] = ["SESSION_CLOSED", "UNAUTHENTICATED", "CUSTOMER_REMOVED"];

/**
 * Socket.IO does not reconnect by itself after the server's handshake middleware refuses
 * (only after transport failures). Final refusals (closed session, bad token) go to
 * `onFinal`; anything else (e.g. UNAVAILABLE while the database restarts) is retried.
 */
export function handleRefusals(socket: AppSocket, onFinal: (e: ErrorBody) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const handler = (err: Error) => {
    const data = refusal(err);
    if (!data) return; // transport failure: the manager retries on its own
    if (FINAL_REFUSALS.includes(data.code)) return onFinal(data);
    clearTimeout(timer);
    timer = setTimeout(() => socket.connect(), 2000);
  };
  // An open socket whose account was deactivated is closed by the server, which says why.
  const ended = (e: ErrorBody & { event?: string }) => {
    if (e.code === "UNAUTHENTICATED" || e.code === "CUSTOMER_REMOVED") onFinal({ code: e.code, message: e.message });
  };
  socket.on("connect_error", handler);
  socket.on("protocol:error", ended);
  return () => {
    clearTimeout(timer);
    socket.off("connect_error", handler);
    socket.off("protocol:error", ended);
  };
}

/** Commands over a socket. Emits while disconnected are buffered by Socket.IO until it connects. */
export function socketTransport(socket: AppSocket): Transport {
  return {
    connected: () => socket.connected,
    nextConnect: (signal) =>
      new Promise((resolve, reject) => {
        const connected = () => {
          signal.removeEventListener("abort", aborted);
          resolve();
        };
        const aborted = () => {
          socket.off("connect", connected);
          reject(signal.reason);
        };
        socket.once("connect", connected);
        signal.addEventListener("abort", aborted, { once: true });
      }),
    emitWithAck: (name, payload, timeoutMs) => {
      const timed = socket.timeout(timeoutMs) as unknown as { emitWithAck(e: string, p: unknown): Promise<Ack<unknown>> };
      return timed.emitWithAck(name, payload);
    },
  };
}
