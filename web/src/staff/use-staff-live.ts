import type { CloseSessionResponse, OpenSessionResponse, SessionDetailResponse, SessionListResponse } from "@ordered/contract";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, api } from "../api/http";
import { beep } from "../lib/beep";
import { LiveStore } from "../realtime/live-store";
import { useLiveConnection, useLiveState } from "../realtime/use-live";
import type { StaffSession } from "./staff-sessions";

/** New orders close together get one sound. */
const BEEP_GAP_MS = 1500;

/**
 * The staff panel's live state: a REST snapshot (sessions, and the orders of open ones at
 * their log number), then the shared live connection, whose handshake carries a cursor per
 * session so the server replays only what the snapshot lacks. Every reconnect sends the
 * cursors again and refreshes the session list, which the log does not fully cover.
 */
export function useStaffLive(token: string, onUnauthenticated: () => void) {
  // One store per token: StaffApp remounts the shell when the token changes.
  const [store] = useState(() => new LiveStore<StaffSession>());
  const state = useLiveState(store);
  const [error, setError] = useState<string | null>(null);
  const unauth = useRef(onUnauthenticated);
  unauth.current = onUnauthenticated;

  const fail = useCallback((err: unknown) => {
    if (err instanceof ApiError && err.code === "UNAUTHENTICATED") unauth.current();
    else setError(err instanceof Error ? err.message : String(err));
  }, []);

  const listSessions = useCallback(async () => {
    const [open, closed] = await Promise.all([
      api<SessionListResponse>("/sessions?status=OPEN", { token }),
      api<SessionListResponse>("/sessions?status=CLOSED", { token }),
    ]);
    store.putSessions([...open.sessions, ...closed.sessions]);
    setError(null);
    return open.sessions;
  }, [store, token]);

  // The first snapshot; it may meet a restarting server, so it is retried until answered.
  useEffect(() => {
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      const open = await listSessions();
      const details = await Promise.all(open.map((s) => api<SessionDetailResponse>(`/sessions/${s.id}`, { token })));
      if (stopped) return;
      // Not connected yet, so no events are held that these seeds could release.
      for (const d of details) store.seed(d.session, d.orders);
      store.markLoaded();
    };
    const run = () =>
      load().catch((err: unknown) => {
        if (stopped) return;
        fail(err);
        if (!(err instanceof ApiError && err.code === "UNAUTHENTICATED")) retry = setTimeout(run, 3000);
      });
    void run();
    return () => {
      stopped = true;
      clearTimeout(retry);
    };
  }, [store, token, listSessions, fail]);

  const refreshSessions = useCallback(() => void listSessions().catch(fail), [listSessions, fail]);
  const lastBeep = useRef(0);

  const live = useLiveConnection(store, {
    enabled: state.loaded,
    auth: () => ({ token, cursors: store.cursors() }),
    onApplied: ({ events, arrivals }) => {
      if (arrivals.length > 0 && Date.now() - lastBeep.current > BEEP_GAP_MS) {
        lastBeep.current = Date.now();
        beep();
      }
      const opened = events.flatMap((e) => (e.name === "session:opened" ? [e.data] : []));
      if (opened.length > 0) store.putSessions(opened);
    },
    onRefused: (e) => {
      if (e.code === "UNAUTHENTICATED") unauth.current();
    },
  });

  const { connection } = live;
  useEffect(() => connection?.onReconnect(refreshSessions), [connection, refreshSessions]);

  const openSession = useCallback(
    async (label: string) => {
      const res = await api<OpenSessionResponse>("/sessions", { token, body: { label } });
      store.putSessions([res.session]);
      return res;
    },
    [store, token],
  );

  const closeSession = useCallback(
    async (id: string) => {
      const res = await api<CloseSessionResponse>(`/sessions/${id}/close`, { token, method: "POST" });
      store.putSessions([res.session]);
    },
    [store, token],
  );

  return { state, live, error, openSession, closeSession };
}

export type StaffLive = ReturnType<typeof useStaffLive>;
