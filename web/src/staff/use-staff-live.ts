import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { api, ApiError } from "../api/http";
import type { OrderDto, QrDto, SessionDto } from "@ordered/contract";
import { beep } from "../lib/beep";
import { EventStream } from "../realtime/event-stream";
import { watchGaps } from "../realtime/gap-watch";
import { watchNetwork } from "../realtime/network-watch";
import type { SessionEvent } from "@ordered/contract";
import { connectSocket, handleRefusals, onSessionEvents, type AppSocket } from "../realtime/socket";
import { initialStaffState, staffReducer, type SessionSummary } from "./staff-store";

const BEEP_GAP_MS = 1500;

/**
 * The staff panel's live state: a REST snapshot (sessions and the orders of open ones),
 * then a socket whose handshake carries a cursor per session so the server replays only
 * what the snapshot lacks. Reconnects send the cursors again and refresh the session list.
 */
export function useStaffLive(token: string, onUnauthenticated: () => void) {
  const [state, dispatch] = useReducer(staffReducer, initialStaffState);
  const [socket, setSocket] = useState<AppSocket | null>(null);
  const [error, setError] = useState<string | null>(null);
  const unauth = useRef(onUnauthenticated);
  unauth.current = onUnauthenticated;

  const refreshSessions = useCallback(async () => {
    const [open, closed] = await Promise.all([
      api<{ sessions: SessionSummary[] }>("/sessions?status=OPEN", { token }),
      api<{ sessions: SessionSummary[] }>("/sessions?status=CLOSED", { token }),
    ]);
    dispatch({ type: "sessions", sessions: [...open.sessions, ...closed.sessions] });
    setError(null);
    return open.sessions;
  }, [token]);

  useEffect(() => {
    let stopped = false;
    let sock: AppSocket | null = null;
    const stream = new EventStream<SessionEvent>();
    const cleanups: (() => void)[] = [];
    let lastBeep = 0;

    const fail = (err: unknown) => {
      if (stopped) return;
      if (err instanceof ApiError && err.code === "UNAUTHENTICATED") unauth.current();
      else setError(err instanceof Error ? err.message : String(err));
    };

    // A replay may bring many session:opened at once: one list request at a time, plus one after.
    let refreshing = false;
    let again = false;
    const refresh = () => {
      if (refreshing) return void (again = true);
      refreshing = true;
      refreshSessions()
        .catch(fail)
        .finally(() => {
          refreshing = false;
          if (again && !stopped) {
            again = false;
            refresh();
          }
        });
    };

    const apply = (events: SessionEvent[]) => {
      for (const event of events) {
        dispatch({ type: "event", event, live: true });
        if (event.name === "session:opened" || event.name === "session:closed") refresh();
        if (event.name === "order:placed" && Date.now() - lastBeep > BEEP_GAP_MS) {
          lastBeep = Date.now();
          beep();
        }
      }
    };

    async function start() {
      const open = await refreshSessions();
      // Orders of open sessions, each with the log number it reflects (the stream's cursor).
      const details = await Promise.all(open.map((s) => api<{ session: SessionDto; orders: OrderDto[] }>(`/sessions/${s.id}`, { token })));
      if (stopped) return;
      for (const d of details) {
        dispatch({ type: "session", session: d.session, orders: d.orders });
        stream.seed(d.session.id, d.session.lastSeq);
      }
      dispatch({ type: "loaded" });
      setError(null);

      sock = connectSocket(() => ({ token, cursors: stream.cursors() }));
      let connectedBefore = false;
      sock.on("connect", () => {
        if (connectedBefore) refresh();
        connectedBefore = true;
      });
      cleanups.push(handleRefusals(sock, (e) => e.code === "UNAUTHENTICATED" && unauth.current()));
      cleanups.push(onSessionEvents(sock, (e) => apply(stream.push(e))));
      cleanups.push(watchGaps(sock, () => stream.hasGap()));
      cleanups.push(watchNetwork(sock));
      setSocket(sock);
    }

    // The first load may meet a restarting server: keep trying until it answers.
    let retry: ReturnType<typeof setTimeout> | undefined;
    const run = () =>
      start().catch((err: unknown) => {
        fail(err);
        if (!stopped && !(err instanceof ApiError && err.code === "UNAUTHENTICATED")) retry = setTimeout(run, 3000);
      });
    void run();
    return () => {
      stopped = true;
      clearTimeout(retry);
      cleanups.forEach((c) => c());
      sock?.disconnect();
      setSocket(null);
    };
  }, [token, refreshSessions]);

  const openSession = useCallback(
    async (label: string) => {
      const res = await api<{ session: SessionDto; qr: QrDto }>("/sessions", { token, body: { label } });
      dispatch({ type: "session", session: res.session, orders: [] });
      return res;
    },
    [token],
  );

  const closeSession = useCallback(
    async (id: string) => {
      const res = await api<{ session: SessionDto }>(`/sessions/${id}/close`, { token, method: "POST" });
      dispatch({ type: "session", session: res.session });
    },
    [token],
  );

  /** Applies an order returned by a command's ack (only if it is further along). */
  const orderFromAck = useCallback((order: OrderDto) => dispatch({ type: "order", order }), []);

  return { state, socket, error, openSession, closeSession, orderFromAck };
}

export type StaffLive = ReturnType<typeof useStaffLive>;
