/**
 * What both apps show live, and the one reducer that changes it: sessions, their orders,
 * and the orders that arrived while watching. The staff panel holds every session of its
 * location; a phone holds its one session.
 *
 * Orders reach the state three ways: snapshots (REST), session events (in log order, from
 * the EventStream) and command acks. Snapshots and acks did not come through the log, so
 * they may race it: for them, and for events against an ack that got ahead, the copy that
 * is further along wins (the contract's `progress`).
 */
import { type OrderDto, progress, type SessionDto, type SessionEvent } from "@ordered/contract";

/** What the live state needs of a session; each app keeps its own richer type. */
export type SessionCore = Pick<SessionDto, "id" | "label" | "status" | "lastSeq"> & { closedAt?: string | null };

/** An order first seen through an `order:placed` event (not a snapshot or an ack). */
export interface Arrival {
  sessionId: string;
  orderId: string;
}

export interface LiveState<S extends SessionCore = SessionCore> {
  sessions: Record<string, S>;
  /** Orders per session id, by order id. */
  orders: Record<string, Record<string, OrderDto>>;
  /** Newest first, at most ARRIVALS_KEPT: the staff's feed of new orders. */
  arrivals: Arrival[];
  /** The first snapshot is in. */
  loaded: boolean;
}

export type LiveAction<S extends SessionCore = SessionCore> =
  /** Sessions from a list (or a command's answer), without their orders. */
  | { type: "sessions"; sessions: S[] }
  /** One session with all its orders, as of `session.lastSeq`. */
  | { type: "snapshot"; session: S; orders: OrderDto[] }
  /** A session event, applied in log order. */
  | { type: "event"; event: SessionEvent }
  /** An order from a command's ack. */
  | { type: "ack"; order: OrderDto }
  | { type: "loaded" };

export const ARRIVALS_KEPT = 15;

export function initialLiveState<S extends SessionCore>(): LiveState<S> {
  return { sessions: {}, orders: {}, arrivals: [], loaded: false };
}

export function liveReducer<S extends SessionCore>(state: LiveState<S>, action: LiveAction<S>): LiveState<S> {
  switch (action.type) {
    case "sessions":
      return action.sessions.reduce(putSession, state);
    case "snapshot": {
      const next = putSession(state, action.session);
      return action.orders.reduce((s, o) => putOrder(s, o, further), next);
    }
    case "event":
      return applyEvent(state, action.event);
    case "ack":
      return putOrder(state, action.order, further);
    case "loaded":
      return state.loaded ? state : { ...state, loaded: true };
  }
}

/** Orders of a session, oldest first. */
export function ordersOf(state: LiveState<SessionCore>, sessionId: string): OrderDto[] {
  return Object.values(state.orders[sessionId] ?? {}).sort((a, b) => a.placedAt.localeCompare(b.placedAt));
}

/** The known copy of an order, if any. */
export function orderOf(state: LiveState<SessionCore>, ref: Arrival): OrderDto | undefined {
  return state.orders[ref.sessionId]?.[ref.orderId];
}

function applyEvent<S extends SessionCore>(state: LiveState<S>, e: SessionEvent): LiveState<S> {
  const session = state.sessions[e.sessionId];
  // The session has reached at least this point of its log; an older snapshot must not undo it.
  const seen = session && e.seq > session.lastSeq ? withSession(state, { ...session, lastSeq: e.seq }) : state;
  switch (e.name) {
    case "session:opened":
      // Each app keeps its own kind of session, so it takes this one in itself (the staff
      // panel puts the event's SessionDto; a phone only ever sees its own, already open).
      return seen;
    case "session:closed": {
      const current = seen.sessions[e.sessionId];
      return current ? withSession(seen, { ...current, status: "CLOSED", closedAt: e.data.closedAt }) : seen;
    }
    case "order:placed":
    case "order:updated": {
      const known = seen.orders[e.sessionId]?.[e.data.id] !== undefined;
      const next = putOrder(seen, e.data, notBehind);
      if (e.name !== "order:placed" || known) return next;
      const arrival = { sessionId: e.sessionId, orderId: e.data.id };
      return { ...next, arrivals: [arrival, ...next.arrivals].slice(0, ARRIVALS_KEPT) };
    }
  }
}

/** Takes a session from a snapshot unless the state has seen more of its log. */
function putSession<S extends SessionCore>(state: LiveState<S>, incoming: S): LiveState<S> {
  const current = state.sessions[incoming.id];
  if (current && current.lastSeq > incoming.lastSeq) return state;
  return withSession(state, { ...current, ...incoming });
}

function withSession<S extends SessionCore>(state: LiveState<S>, session: S): LiveState<S> {
  return { ...state, sessions: { ...state.sessions, [session.id]: session } };
}

type Rule = (current: OrderDto, candidate: OrderDto) => boolean;
/** Snapshots and acks replace a copy only when they are further along. */
const further: Rule = (current, candidate) => progress(candidate) > progress(current);
/** Events come in log order, so they win, except against an ack that already got further. */
const notBehind: Rule = (current, candidate) => progress(candidate) >= progress(current);

function putOrder<S extends SessionCore>(state: LiveState<S>, order: OrderDto, wins: Rule): LiveState<S> {
  const forSession = state.orders[order.sessionId] ?? {};
  const current = forSession[order.id];
  if (current && !wins(current, order)) return state;
  return { ...state, orders: { ...state.orders, [order.sessionId]: { ...forSession, [order.id]: order } } };
}
