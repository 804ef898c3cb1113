import { io, type Socket } from "socket.io-client";
import {
  SESSION_EVENT_NAMES,
  type ClientToServerEvents,
  type ErrorBody,
  type HandshakeAuth,
  type ServerToClientEvents,
  type SessionEvent,
  type SessionEventEnvelope,
} from "@ordered/contract";

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Connects to the same origin. `auth` is a function so every reconnect sends the current
 * cursors, and the server replays exactly what was missed.
 */
export function connectSocket(auth: () => HandshakeAuth): AppSocket {
  return io({
    auth: (cb) => cb(auth() as unknown as Record<string, unknown>),
    transports: ["websocket", "polling"],
    reconnectionDelay: 500,
    reconnectionDelayMax: 4000,
  });
}

/** Calls `fn` with every session event, tagged with its name. Returns an unsubscribe. */
export function onSessionEvents(socket: AppSocket, fn: (e: SessionEvent) => void): () => void {
  const offs = SESSION_EVENT_NAMES.map((name) => {
    const handler = (env: SessionEventEnvelope<unknown>) => fn({ ...env, name } as SessionEvent);
    // One handler for every name: socket.io's typings cannot follow a union of event names.
    const untyped = socket as unknown as { on(e: string, h: typeof handler): void; off(e: string, h: typeof handler): void };
    untyped.on(name, handler);
    return () => untyped.off(name, handler);
  });
  return () => offs.forEach((off) => off());
}

/** The `{code, message}` a handshake refusal carries, if any. */
export function refusal(err: Error): ErrorBody | null {
  const data = (err as Error & { data?: unknown }).data;
  if (data && typeof data === "object" && "code" in data) return data as ErrorBody;
  return null;
}

export type ConnectionState = "connecting" | "live" | "reconnecting" | "offline";

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
    if (data.code === "SESSION_CLOSED" || data.code === "UNAUTHENTICATED") return onFinal(data);
    clearTimeout(timer);
    timer = setTimeout(() => socket.connect(), 2000);
  };
  socket.on("connect_error", handler);
  return () => {
    clearTimeout(timer);
    socket.off("connect_error", handler);
  };
}
