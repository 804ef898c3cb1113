import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ErrorBody, HandshakeAuth, OrderDto, ServerToClientEvents, SessionClosedData, SessionEventEnvelope } from "../api/types";

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** One logged session event, tagged with the socket event it came as. */
export type SessionEvent =
  | ({ name: "session:opened" } & SessionEventEnvelope<unknown>)
  | ({ name: "session:closed" } & SessionEventEnvelope<SessionClosedData>)
  | ({ name: "order:placed" } & SessionEventEnvelope<OrderDto>)
  | ({ name: "order:updated" } & SessionEventEnvelope<OrderDto>);

export const SESSION_EVENTS = ["session:opened", "session:closed", "order:placed", "order:updated"] as const;

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
  const offs = SESSION_EVENTS.map((name) => {
    const handler = (env: SessionEventEnvelope<unknown>) => fn({ ...env, name } as SessionEvent);
    socket.on(name, handler);
    return () => socket.off(name, handler);
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
