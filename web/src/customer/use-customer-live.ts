import type { CurrentSessionResponse, CustomerSessionDto, ErrorBody, ReceiptDto } from "@ordered/contract/client";
import { useEffect, useRef, useState } from "react";
import { alertsOf, claimsOf, customersOf, ordersOf, paymentsOf } from "../realtime/live-state";
import { LiveStore } from "../realtime/live-store";
import { refusal } from "../realtime/socket";
import { useLiveConnection, useLiveState } from "../realtime/use-live";
import { customerStorage } from "./customer-storage";
import { type EndReason, endReasonOf } from "./phone-flow";

export type CurrentSession = CurrentSessionResponse;
export type { EndReason } from "./phone-flow";

/** How the live view ends: why, and the receipt when the session closed with one. */
export type OnEnd = (reason: EndReason, receipt?: ReceiptDto) => void;

type CustomerSession = CustomerSessionDto["session"];

/**
 * The phone's live view of its table: the snapshot it opened with (session, orders, payments
 * and its own calls at `session.lastSeq`), kept current by the shared live connection, whose
 * handshake sends the last event number applied (lastSeq) on every (re)connect so nothing is
 * missed. It ends when the session closes (with the receipt the close event carries) or when
 * staff remove this phone (told by the socket, refused on reconnect, or seen in the log).
 */
export function useCustomerLive(storageKey: string, token: string, initial: CurrentSession, onEnd: OnEnd) {
  const sessionId = initial.session.id;
  const me = initial.customer.id;
  const [store] = useState(() => {
    const s = new LiveStore<CustomerSession>();
    s.seed(initial.session, initial.orders, { payments: initial.payments, alerts: initial.alerts, claims: initial.claims });
    s.markLoaded();
    return s;
  });
  const state = useLiveState(store);
  // Kept on every change, for a reload without network (CustomerApp opens it then).
  useEffect(() => {
    const keep = () => customerStorage.saveLive(storageKey, token, snapshotOf(store, initial));
    keep();
    return store.subscribe(keep);
  }, [store, storageKey, token, initial]);
  const end = useRef(onEnd);
  end.current = onEnd;

  const live = useLiveConnection(store, {
    auth: () => ({ token, lastSeq: store.cursor(sessionId) }),
    onApplied: ({ events }) => {
      if (events.some((e) => e.name === "customer:removed" && e.data.customerId === me)) end.current("removed");
      // Staff merged this table into another, or split this phone off: it follows (CustomerApp).
      const moved = events.some(
        (e) => e.name === "session:merged" || (e.name === "session:split" && "customerIds" in e.data && e.data.customerIds.includes(me)),
      );
      if (moved) end.current("moved");
    },
    onRefused: (e) => end.current(endReasonOf(e.code) ?? "unauthenticated"),
  });

  // A removed phone is told on its open socket and refused at every handshake after.
  const socket = live.connection?.socket;
  useEffect(() => {
    if (!socket) return;
    const removed = (e: Pick<ErrorBody, "code"> | null) => {
      if (e?.code === "CUSTOMER_REMOVED") end.current("removed");
    };
    const refused = (err: Error) => removed(refusal(err));
    socket.on("protocol:error", removed);
    socket.on("connect_error", refused);
    return () => {
      socket.off("protocol:error", removed);
      socket.off("connect_error", refused);
    };
  }, [socket]);

  const receipt = state.receipts[sessionId];
  const closed = state.sessions[sessionId]?.status === "CLOSED";
  useEffect(() => {
    if (closed) end.current("closed", receipt);
  }, [closed, receipt]);

  return {
    live,
    orders: ordersOf(state, sessionId),
    payments: paymentsOf(state, sessionId),
    alerts: alertsOf(state, sessionId),
    customers: customersOf(state, sessionId),
    claims: claimsOf(state, sessionId),
    receipt: receipt ?? null,
    /** The table's name now: staff may move the party to another table (`session:moved`). */
    label: state.sessions[sessionId]?.label ?? initial.session.label,
  };
}

/** What the phone shows now, as GET /sessions/current would answer it at the store's cursor. */
function snapshotOf(store: LiveStore<CustomerSession>, initial: CurrentSession): CurrentSession {
  const state = store.getState();
  const id = initial.session.id;
  const session = state.sessions[id] ?? initial.session;
  return {
    ...initial,
    session: { id, label: session.label, status: session.status, lastSeq: store.cursor(id) },
    orders: ordersOf(state, id),
    payments: paymentsOf(state, id),
    alerts: alertsOf(state, id),
    claims: claimsOf(state, id),
  };
}
