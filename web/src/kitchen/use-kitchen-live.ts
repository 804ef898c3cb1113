import type { KitchenOrderDto, StationDto } from "@ordered/contract/client";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, api } from "../api/http";
import type { SessionCore } from "../realtime/live-state";
import { LiveStore } from "../realtime/live-store";
import { useLiveConnection, useLiveState } from "../realtime/use-live";

/** The thresholds a ticket turns amber, then red at (minutes). */
export interface Thresholds {
  amberMinutes: number;
  redMinutes: number;
}

/**
 * A station display's live state, like the panel's: a REST snapshot (GET /api/kitchen: the
 * open sessions at their log numbers and their orders being prepared), then the shared live
 * connection, whose handshake carries a cursor per session so the server replays only what
 * the snapshot (or the last connection) lacks. A display's socket is in its location's
 * kitchen room: every table's order events come in, in their kitchen form (no guest names),
 * and `session:skipped` in place of the rest; the board keeps this station's tickets.
 */
export function useKitchenLive(token: string, onUnauthenticated: () => void) {
  // One store per token: KitchenApp remounts the display when the token changes.
  const [store] = useState(() => new LiveStore<SessionCore, KitchenOrderDto>());
  const state = useLiveState(store);
  const [stations, setStations] = useState<StationDto[] | null>(null);
  const [thresholds, setThresholds] = useState<Thresholds | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const unauth = useRef(onUnauthenticated);
  unauth.current = onUnauthenticated;

  const fail = useCallback((err: unknown) => {
    if (err instanceof ApiError && err.code === "UNAUTHENTICATED") unauth.current();
    else setError(err instanceof ApiError ? err : new ApiError("INTERNAL", String(err), 0));
  }, []);

  const loadSettings = useCallback(async () => {
    const { location } = await api("GET /api/location", { token });
    setThresholds({ amberMinutes: location.ticketAmberMinutes, redMinutes: location.ticketRedMinutes });
  }, [token]);

  // The first snapshot; it may meet a restarting server, so it is retried until answered.
  useEffect(() => {
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      const [kitchen] = await Promise.all([api("GET /api/kitchen", { token }), loadSettings()]);
      if (stopped) return;
      setStations(kitchen.stations);
      // Not connected yet, so no events are held that these seeds could release.
      for (const s of kitchen.sessions) {
        const session: SessionCore = { ...s, status: "OPEN" };
        store.seed(
          session,
          kitchen.orders.filter((o) => o.sessionId === s.id),
        );
      }
      store.markLoaded();
      setError(null);
    };
    const run = () =>
      load().catch((err: unknown) => {
        if (stopped) return;
        fail(err);
        const final = err instanceof ApiError && (err.code === "UNAUTHENTICATED" || err.code === "FORBIDDEN");
        if (!final) retry = setTimeout(run, 3000);
      });
    void run();
    return () => {
      stopped = true;
      clearTimeout(retry);
    };
  }, [store, token, loadSettings, fail]);

  const live = useLiveConnection(store, {
    enabled: state.loaded,
    auth: () => ({ token, cursors: store.cursors() }),
    onApplied: ({ events }) => {
      // A table seated after the snapshot: its label names its tickets.
      const opened = events.flatMap((e) => (e.name === "session:opened" ? [{ ...e.data, status: "OPEN" as const }] : []));
      if (opened.length > 0) store.putSessions(opened);
    },
    onRefused: (e) => {
      if (e.code === "UNAUTHENTICATED") unauth.current();
    },
  });

  // The thresholds and the stations are not in the session log: read them again after a reconnect.
  const { connection } = live;
  useEffect(
    () =>
      connection?.onReconnect(() => {
        void loadSettings().catch(fail);
        void api("GET /api/stations", { token })
          .then((res) => setStations(res.stations))
          .catch(fail);
      }),
    [connection, loadSettings, fail, token],
  );

  return { state, live, stations, thresholds, error };
}

export type KitchenLive = ReturnType<typeof useKitchenLive>;
