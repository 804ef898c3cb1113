import type { ErrorBody, HandshakeAuth, OrderDto } from "@ordered/contract/client";
import { watchGaps } from "./gap-watch";
import type { OrderCore } from "./live-state";
import type { Applied, LiveStore } from "./live-store";
import { watchNetwork } from "./network-watch";
import { type AppSocket, connectSocket, handleRefusals, onSessionEvents } from "./socket";

export interface LiveOptions<O extends OrderCore = OrderDto> {
  /** The handshake, read on every (re)connect so it carries the store's current cursors. */
  auth: () => HandshakeAuth;
  /** Events the store applied, in log order (never called with none). */
  onApplied?: (applied: Applied<O>) => void;
  /** A refusal that retrying cannot fix (session closed, token rejected). */
  onRefused: (error: ErrorBody) => void;
}

export interface LiveConnection {
  socket: AppSocket;
  /**
   * Calls `fn` on every connect after the first: what is not in the session log (the menu,
   * the staff's session list) may have changed meanwhile. Returns an unsubscribe.
   */
  onReconnect(fn: () => void): () => void;
  close(): void;
}

/**
 * The socket lifecycle both apps share: connect with the store's cursors, feed session
 * events through the store (in order, without duplicates), hand final refusals back, and
 * reconnect (so the server replays from the cursors) when a gap does not fill, the browser
 * comes back online, or the device wakes up.
 */
export function connectLive<O extends OrderCore = OrderDto>(
  store: Pick<LiveStore<never, O>, "receive" | "hasGap" | "onApplied">,
  options: LiveOptions<O>,
): LiveConnection {
  const socket = connectSocket(options.auth);
  const reconnectListeners = new Set<() => void>();
  let connectedBefore = false;
  const connected = () => {
    if (connectedBefore) for (const fn of reconnectListeners) fn();
    connectedBefore = true;
  };
  socket.on("connect", connected);
  const cleanups = [
    onSessionEvents<O>(socket, (e) => void store.receive(e)),
    // Events off the socket and those a command's ack carried (an order:place's own event).
    store.onApplied((applied) => options.onApplied?.(applied)),
    handleRefusals(socket, options.onRefused),
    watchGaps(socket, () => store.hasGap()),
    watchNetwork(socket),
    () => socket.off("connect", connected),
  ];
  return {
    socket,
    onReconnect(fn) {
      reconnectListeners.add(fn);
      return () => void reconnectListeners.delete(fn);
    },
    close() {
      for (const c of cleanups) c();
      reconnectListeners.clear();
      socket.disconnect();
    },
  };
}
