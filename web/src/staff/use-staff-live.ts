import type { CloseSessionBody, SessionRekeyedData } from "@ordered/contract/client";
import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { ApiError, api } from "../api/http";
import { beep } from "../lib/beep";
import { LiveStore } from "../realtime/live-store";
import { useLiveConnection, useLiveState } from "../realtime/use-live";
import type { StaffSession } from "./sessions/staff-sessions";

/** New orders close together get one sound. */
const BEEP_GAP_MS = 1500;
/** Events after which the floor's tables are read again (a table seated, freed or changed hands). */
const TABLE_EVENTS = new Set(["session:opened", "session:closed", "session:moved", "session:merged", "session:split"]);

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
  // Bumped whenever a table may have been seated or freed: the floor reloads its tables then.
  const [tablesVersion, tablesChanged] = useReducer((n: number) => n + 1, 0);
  const unauth = useRef(onUnauthenticated);
  unauth.current = onUnauthenticated;

  const fail = useCallback((err: unknown) => {
    if (err instanceof ApiError && err.code === "UNAUTHENTICATED") unauth.current();
    else setError(err instanceof Error ? err.message : String(err));
  }, []);

  const listSessions = useCallback(async () => {
    const [open, closed] = await Promise.all([
      api("GET /api/sessions", { token, query: { status: "OPEN" } }),
      api("GET /api/sessions", { token, query: { status: "CLOSED" } }),
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
      const details = await Promise.all(open.map((s) => api("GET /api/sessions/:id", { token, params: { id: s.id } })));
      if (stopped) return;
      // Not connected yet, so no events are held that these seeds could release.
      for (const d of details) {
        store.seed(d.session, d.orders, {
          customers: d.customers,
          alerts: d.alerts,
          payments: d.payments,
          claims: d.claims,
          receipt: d.receipt,
        });
      }
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
      // The panel hears sessions whole (a display's copy has no join URL).
      const opened = events.flatMap((e) => (e.name === "session:opened" && "joinUrl" in e.data ? [e.data] : []));
      if (opened.length > 0) store.putSessions(opened);
      if (events.some((e) => TABLE_EVENTS.has(e.name))) tablesChanged();
    },
    onRefused: (e) => {
      if (e.code === "UNAUTHENTICATED") unauth.current();
    },
  });

  const { connection } = live;
  useEffect(
    () =>
      connection?.onReconnect(() => {
        refreshSessions();
        tablesChanged();
      }),
    [connection, refreshSessions],
  );
  // A removal gave a session a new join code and PIN: staff only, not logged (phones must not
  // see them), so a device that missed it reads them with the sessions on its next reconnect.
  useEffect(() => {
    const socket = connection?.socket;
    if (!socket) return;
    const rekeyed = (e: SessionRekeyedData) => {
      const current = store.getState().sessions[e.sessionId];
      if (current) store.putSessions([{ ...current, joinCode: e.joinCode, joinUrl: e.joinUrl, pin: e.pin }]);
    };
    socket.on("session:rekeyed", rekeyed);
    return () => {
      socket.off("session:rekeyed", rekeyed);
    };
  }, [connection, store]);

  const openSession = useCallback(
    async (label: string) => {
      const res = await api("POST /api/sessions", { token, body: { label } });
      store.putSessions([res.session]);
      return res;
    },
    [store, token],
  );

  /** Seats a table: a session on it, labelled with its name. */
  const seatTable = useCallback(
    async (tableId: string) => {
      const res = await api("POST /api/sessions", { token, body: { tableId } });
      store.putSessions([res.session]);
      tablesChanged();
      return res;
    },
    [store, token],
  );

  /** Closes a session; `body` says what to do with unfinished orders and why an unpaid rest is waived. */
  const closeSession = useCallback(
    async (id: string, body: CloseSessionBody = {}) => {
      const res = await api("POST /api/sessions/:id/close", { token, params: { id }, body });
      store.putSessions([res.session]);
      return res;
    },
    [store, token],
  );

  return { state, live, error, openSession, seatTable, closeSession, tablesVersion };
}

export type StaffLive = ReturnType<typeof useStaffLive>;
