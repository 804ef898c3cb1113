import type { OrderDto, SessionDto } from "@ordered/contract";
import { newer } from "../lib/order-progress";
import type { SessionEvent } from "@ordered/contract";

export type SessionSummary = SessionDto & { orderCount: number };

export interface FeedItem {
  order: OrderDto;
  sessionLabel: string;
  /** Client receive time, to highlight recent arrivals. */
  receivedAt: number;
}

/** Everything the staff panel shows live. */
export interface StaffState {
  sessions: Record<string, SessionSummary>;
  /** Orders per session id, by order id. */
  orders: Record<string, Record<string, OrderDto>>;
  feed: FeedItem[];
  loaded: boolean;
}

export type StaffAction =
  | { type: "sessions"; sessions: SessionSummary[] }
  | { type: "session"; session: SessionDto; orders?: OrderDto[] }
  | { type: "loaded" }
  | { type: "event"; event: SessionEvent; live: boolean }
  | { type: "order"; order: OrderDto };

export const initialStaffState: StaffState = { sessions: {}, orders: {}, feed: [], loaded: false };

const FEED_SIZE = 15;

export function staffReducer(state: StaffState, action: StaffAction): StaffState {
  switch (action.type) {
    case "sessions": {
      const sessions = { ...state.sessions };
      for (const s of action.sessions) sessions[s.id] = { ...s, orderCount: Math.max(s.orderCount, countOf(state, s.id)) };
      return { ...state, sessions };
    }
    case "session": {
      const existing = state.orders[action.session.id] ?? {};
      // A snapshot never rolls back what events already moved further along.
      const orders = action.orders
        ? { ...existing, ...Object.fromEntries(action.orders.map((o) => [o.id, newer(existing[o.id], o)])) }
        : state.orders[action.session.id];
      const prev = state.sessions[action.session.id];
      const orderCount = Math.max(prev?.orderCount ?? 0, Object.keys(orders ?? {}).length);
      return {
        ...state,
        sessions: { ...state.sessions, [action.session.id]: { ...prev, ...action.session, orderCount } },
        orders: orders ? { ...state.orders, [action.session.id]: orders } : state.orders,
      };
    }
    case "loaded":
      return { ...state, loaded: true };
    case "order":
      return putOrder(state, action.order, newer(state.orders[action.order.sessionId]?.[action.order.id], action.order));
    case "event":
      return applyEvent(state, action.event, action.live);
  }
}

function applyEvent(state: StaffState, e: SessionEvent, live: boolean): StaffState {
  const session = state.sessions[e.sessionId];
  switch (e.name) {
    case "session:opened":
      // The full session comes from the list refresh this event triggers; nothing to merge.
      return state;
    case "session:closed":
      if (!session) return state;
      return { ...state, sessions: { ...state.sessions, [e.sessionId]: { ...session, status: "CLOSED", closedAt: e.data.closedAt } } };
    case "order:placed":
    case "order:updated": {
      const known = state.orders[e.sessionId]?.[e.data.id];
      let next = putOrder(state, e.data, e.data);
      if (e.name === "order:placed" && !known && live) {
        const item: FeedItem = { order: e.data, sessionLabel: session?.label ?? "", receivedAt: Date.now() };
        next = { ...next, feed: [item, ...next.feed].slice(0, FEED_SIZE) };
      } else if (next.feed.some((f) => f.order.id === e.data.id)) {
        next = { ...next, feed: next.feed.map((f) => (f.order.id === e.data.id ? { ...f, order: e.data } : f)) };
      }
      return next;
    }
  }
}

function putOrder(state: StaffState, incoming: OrderDto, chosen: OrderDto): StaffState {
  const forSession = { ...state.orders[incoming.sessionId], [incoming.id]: chosen };
  const orders = { ...state.orders, [incoming.sessionId]: forSession };
  const session = state.sessions[incoming.sessionId];
  const sessions = session
    ? { ...state.sessions, [incoming.sessionId]: { ...session, orderCount: Math.max(session.orderCount, Object.keys(forSession).length) } }
    : state.sessions;
  return { ...state, orders, sessions };
}

function countOf(state: StaffState, sessionId: string): number {
  return Object.keys(state.orders[sessionId] ?? {}).length;
}

/** Orders of a session, oldest first. */
export function ordersOf(state: StaffState, sessionId: string): OrderDto[] {
  return Object.values(state.orders[sessionId] ?? {}).sort((a, b) => a.placedAt.localeCompare(b.placedAt));
}
