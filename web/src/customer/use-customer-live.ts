import type { CurrentSessionResponse, CustomerSessionDto } from "@ordered/contract";
import { useEffect, useRef, useState } from "react";
import { ordersOf } from "../realtime/live-state";
import { LiveStore } from "../realtime/live-store";
import { useLiveConnection, useLiveState } from "../realtime/use-live";

export type CurrentSession = CurrentSessionResponse;

/** Why the live view ended: the table closed, or the token no longer works. */
export type EndReason = "closed" | "unauthenticated";

type CustomerSession = CustomerSessionDto["session"];

/**
 * The phone's live view of its table: the snapshot it opened with (session and orders at
 * `session.lastSeq`), kept current by the shared live connection, whose handshake sends the
 * last event number applied (lastSeq) on every (re)connect so nothing is missed.
 */
export function useCustomerLive(token: string, initial: CurrentSession, onEnd: (reason: EndReason) => void) {
  const sessionId = initial.session.id;
  const [store] = useState(() => {
    const s = new LiveStore<CustomerSession>();
    s.seed(initial.session, initial.orders);
    s.markLoaded();
    return s;
  });
  const state = useLiveState(store);
  const end = useRef(onEnd);
  end.current = onEnd;

  const live = useLiveConnection(store, {
    auth: () => ({ token, lastSeq: store.cursor(sessionId) }),
    onRefused: (e) => end.current(e.code === "SESSION_CLOSED" ? "closed" : "unauthenticated"),
  });

  const closed = state.sessions[sessionId]?.status === "CLOSED";
  useEffect(() => {
    if (closed) end.current("closed");
  }, [closed]);

  return { live, orders: ordersOf(state, sessionId) };
}
