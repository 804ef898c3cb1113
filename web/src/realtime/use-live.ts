import type { OrderDto } from "@ordered/contract/client";
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { type Commands, createCommands } from "./command";
import { connectLive, type LiveConnection, type LiveOptions } from "./live-connection";
import type { LiveState, OrderCore, SessionCore } from "./live-state";
import type { LiveStore } from "./live-store";
import { type ConnectionState, socketTransport } from "./socket";
import { useConnectionState } from "./use-connection-state";

/** What the components under a live app reach through `useLive()` / `useCommands()`. */
export interface Live {
  /** Null until connected for the first time (staff: until the first snapshot is in). */
  connection: LiveConnection | null;
  status: ConnectionState;
  commands: Commands;
}

/** The store's state, re-rendering on every change. */
export function useLiveState<S extends SessionCore, O extends OrderCore = OrderDto>(store: LiveStore<S, O>): LiveState<S, O> {
  return useSyncExternalStore(store.subscribe, store.getState);
}

/**
 * Runs the live connection of `store` while `enabled` (and the component is mounted). The
 * options are read when used, so callers may pass new closures on every render.
 */
export function useLiveConnection<S extends SessionCore, O extends OrderCore = OrderDto>(
  store: LiveStore<S, O>,
  options: LiveOptions<O> & { enabled?: boolean },
): Live {
  const latest = useRef(options);
  latest.current = options;
  const [connection, setConnection] = useState<LiveConnection | null>(null);
  const enabled = options.enabled ?? true;

  useEffect(() => {
    if (!enabled) return;
    const live = connectLive(store, {
      auth: () => latest.current.auth(),
      onApplied: (applied) => latest.current.onApplied?.(applied),
      onRefused: (error) => latest.current.onRefused(error),
    });
    setConnection(live);
    return () => {
      live.close();
      setConnection(null);
    };
  }, [store, enabled]);

  const status = useConnectionState(connection?.socket ?? null);
  const commands = useMemo(() => createCommands(connection && socketTransport(connection.socket), store), [connection, store]);
  return useMemo(() => ({ connection, status, commands }), [connection, status, commands]);
}
