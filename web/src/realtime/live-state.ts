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
import type {
  AlertDto,
  BillClaimDto,
  CorrectionDto,
  CustomerDto,
  KitchenOrderDto,
  KitchenSessionEvent,
  PaymentDto,
  ReceiptDto,
  SessionExtras,
  SessionSkipped,
} from "@ordered/contract/client";
import { type OrderDto, progress, type SessionDto, type SessionEvent } from "@ordered/contract/client";

/** What the live state needs of a session; each app keeps its own richer type. */
export type SessionCore = Pick<SessionDto, "id" | "label" | "status" | "lastSeq"> & { closedAt?: string | null };

/**
 * An order as the live state needs it: the kitchen's form (no guest names) is the least any
 * app receives; the panel and the phone keep whole OrderDtos.
 */
export type OrderCore = KitchenOrderDto;

/**
 * A logged event as either app's stream takes it, with orders of the app's kind `O`: whole
 * (panel, phone), in its kitchen form (a display: contract SESSION_EVENTS' `kitchen`), or a
 * `session:skipped` stand-in for one the socket may not read, which only moves the cursor.
 */
export type LiveEvent<O extends OrderCore = OrderDto> =
  | Exclude<SessionEvent, { name: "order:placed" | "order:updated" | "order:corrected" }>
  | Exclude<KitchenSessionEvent, { name: "order:placed" | "order:updated" | "order:corrected" }>
  | ({ name: "order:placed" | "order:updated" } & Pick<SessionEvent, "sessionId" | "seq" | "at"> & { data: O })
  | ({ name: "order:corrected" } & Pick<SessionEvent, "sessionId" | "seq" | "at"> & { data: { order: O; correction: CorrectionDto } })
  | ({ name: "session:skipped" } & SessionSkipped);

/** An order first seen through an `order:placed` event (not a snapshot or an ack). */
export interface Arrival {
  sessionId: string;
  orderId: string;
}

export interface LiveState<S extends SessionCore = SessionCore, O extends OrderCore = OrderDto> {
  sessions: Record<string, S>;
  /** Orders per session id, by order id. */
  orders: Record<string, Record<string, O>>;
  /** Phones per session id, by customer id. */
  customers: Record<string, Record<string, CustomerDto>>;
  /** Waiter calls and bill requests per session id, by alert id. */
  alerts: Record<string, Record<string, AlertDto>>;
  /** Payments per session id, by payment id. */
  payments: Record<string, Record<string, PaymentDto>>;
  /** Split-by-item claims per session id, by bill line key: each line's claims as the log last said. */
  claims: Record<string, Record<string, BillClaimDto[]>>;
  /** Discounts of the whole bill per session id, by correction id (a line's ride on its order). */
  discounts: Record<string, Record<string, CorrectionDto>>;
  /** Receipts of sessions that closed. */
  receipts: Record<string, ReceiptDto>;
  /** Newest first, at most ARRIVALS_KEPT: the staff's feed of new orders. */
  arrivals: Arrival[];
  /** The first snapshot is in. */
  loaded: boolean;
}

export type LiveAction<S extends SessionCore = SessionCore, O extends OrderCore = OrderDto> =
  /** Sessions from a list (or a command's answer), without their orders. */
  | { type: "sessions"; sessions: S[] }
  /** One session with all its orders (and what else the snapshot had), as of `session.lastSeq`. */
  | { type: "snapshot"; session: S; orders: O[]; extras?: Partial<SessionExtras> & { receipt?: ReceiptDto | null } }
  /** A session event, applied in log order. */
  | { type: "event"; event: LiveEvent<O> }
  /** An order from a command's ack. */
  | { type: "ack"; order: O }
  | { type: "loaded" };

export const ARRIVALS_KEPT = 15;

export function initialLiveState<S extends SessionCore, O extends OrderCore = OrderDto>(): LiveState<S, O> {
  return {
    sessions: {},
    orders: {},
    customers: {},
    alerts: {},
    payments: {},
    claims: {},
    discounts: {},
    receipts: {},
    arrivals: [],
    loaded: false,
  };
}

export function liveReducer<S extends SessionCore, O extends OrderCore = OrderDto>(
  state: LiveState<S, O>,
  action: LiveAction<S, O>,
): LiveState<S, O> {
  switch (action.type) {
    case "sessions":
      return action.sessions.reduce(putSession, state);
    case "snapshot": {
      const { session, extras } = action;
      // Claims are replaced line by line by events; a snapshot's are taken unless the state saw more of the log.
      const behind = (state.sessions[session.id]?.lastSeq ?? -1) > session.lastSeq;
      const withClaims = extras?.claims && !behind ? putClaims(state, session.id, extras.claims) : state;
      let next = action.orders.reduce((s: LiveState<S, O>, o) => putOrder(s, o, further), putSession(withClaims, session));
      for (const c of extras?.customers ?? []) next = putIn(next, "customers", session.id, c, customerWins);
      for (const a of extras?.alerts ?? []) next = putIn(next, "alerts", session.id, a, alertWins);
      for (const p of extras?.payments ?? []) next = putIn(next, "payments", session.id, p, always);
      for (const d of extras?.discounts ?? []) next = putIn(next, "discounts", session.id, d, always);
      if (extras?.receipt) next = { ...next, receipts: { ...next.receipts, [session.id]: extras.receipt } };
      return next;
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

/** Phones of a session in the order they joined (removed ones too: check `removedAt`). */
export function customersOf(state: LiveState<SessionCore>, sessionId: string): CustomerDto[] {
  return Object.values(state.customers[sessionId] ?? {}).sort((a, b) => a.joinedAt.localeCompare(b.joinedAt));
}

/** Calls of a session, oldest first. */
export function alertsOf(state: LiveState<SessionCore>, sessionId: string): AlertDto[] {
  return Object.values(state.alerts[sessionId] ?? {}).sort((a, b) => a.raisedAt.localeCompare(b.raisedAt));
}

/** Payments of a session, oldest first. */
export function paymentsOf(state: LiveState<SessionCore>, sessionId: string): PaymentDto[] {
  return Object.values(state.payments[sessionId] ?? {}).sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
}

/** Split-by-item claims of a session (every line's). */
export function claimsOf(state: LiveState<SessionCore>, sessionId: string): BillClaimDto[] {
  return Object.values(state.claims[sessionId] ?? {}).flat();
}

/**
 * Claims of lines of `orderIds` (known under the session they came from) are `sessionId`'s now:
 * a line's key is its order and position, which a merge or split-off keeps.
 */
function withClaimsOf<S extends SessionCore, O extends OrderCore>(state: LiveState<S, O>, sessionId: string, orderIds: Set<string>) {
  const claims = { ...state.claims };
  const arriving: Record<string, BillClaimDto[]> = {};
  for (const [from, byLine] of Object.entries(state.claims)) {
    if (from === sessionId) continue;
    const staying: Record<string, BillClaimDto[]> = {};
    for (const [line, lineClaims] of Object.entries(byLine)) {
      if (orderIds.has(line.split(":")[0] ?? "")) arriving[line] = lineClaims;
      else staying[line] = lineClaims;
    }
    claims[from] = staying;
  }
  if (Object.keys(arriving).length === 0) return state;
  claims[sessionId] = { ...claims[sessionId], ...arriving };
  return { ...state, claims };
}

/** A session's claims from a snapshot, grouped by line (replacing what was known). */
function putClaims<S extends SessionCore, O extends OrderCore>(state: LiveState<S, O>, sessionId: string, claims: BillClaimDto[]) {
  const byLine: Record<string, BillClaimDto[]> = {};
  for (const c of claims) byLine[c.line] = [...(byLine[c.line] ?? []), c];
  return { ...state, claims: { ...state.claims, [sessionId]: byLine } };
}

/** Discounts of a session's whole bill, oldest first (billOf's `corrections`). */
export function discountsOf(state: LiveState<SessionCore>, sessionId: string): CorrectionDto[] {
  return Object.values(state.discounts[sessionId] ?? {}).sort((a, b) => a.at.localeCompare(b.at));
}

/** The known copy of an order, if any. */
export function orderOf(state: LiveState<SessionCore>, ref: Arrival): OrderDto | undefined {
  return state.orders[ref.sessionId]?.[ref.orderId];
}

function applyEvent<S extends SessionCore, O extends OrderCore>(state: LiveState<S, O>, e: LiveEvent<O>): LiveState<S, O> {
  const session = state.sessions[e.sessionId];
  // The session has reached at least this point of its log; an older snapshot must not undo it.
  const seen = session && e.seq > session.lastSeq ? withSession(state, { ...session, lastSeq: e.seq }) : state;
  switch (e.name) {
    case "session:opened":
      // Each app keeps its own kind of session, so it takes this one in itself (the staff
      // panel puts the event's SessionDto; a phone only ever sees its own, already open).
      return seen;
    case "session:skipped":
      // An event this socket may not read: only its number, which `seen` has taken.
      return seen;
    case "receipt:mailed":
      // A closed session's receipt mailed: the session log's record; nothing on screen changes.
      return seen;
    case "session:closed": {
      const current = seen.sessions[e.sessionId];
      // A kitchen display's copy carries no receipt.
      const next = "receipt" in e.data ? { ...seen, receipts: { ...seen.receipts, [e.sessionId]: e.data.receipt } } : seen;
      return current ? withSession(next, { ...current, status: "CLOSED", closedAt: e.data.closedAt }) : next;
    }
    case "session:moved": {
      // The table's name is the session's label; staff copies also carry the table's id
      // (a kitchen display's copy of the event has the label only).
      const current = seen.sessions[e.sessionId];
      if (!current) return seen;
      const tableId = "tableId" in e.data && "tableId" in current ? { tableId: e.data.tableId } : {};
      return withSession(seen, { ...current, label: e.data.label, ...tableId });
    }
    case "session:merged": {
      // Everything it held is the other session's now (its `session:received`); it is closed.
      const current = seen.sessions[e.sessionId];
      // Its bill discounts are the target's now, like its payments (the server moves them).
      const discounts = seen.discounts[e.sessionId];
      const into = e.data.intoSessionId;
      let emptied = withoutSession(seen, e.sessionId);
      if (discounts) emptied = { ...emptied, discounts: { ...emptied.discounts, [into]: { ...emptied.discounts[into], ...discounts } } };
      return current ? withSession(emptied, { ...current, status: "CLOSED", closedAt: e.data.closedAt }) : emptied;
    }
    case "session:split": {
      // Those orders (and, in the whole form, those phones and their open calls) are the new session's.
      const phones = new Set("customerIds" in e.data ? e.data.customerIds : []);
      const alerts = Object.values(seen.alerts[e.sessionId] ?? {}).filter(
        (a) => a.acknowledgedAt === null && phones.has(a.customerId ?? ""),
      );
      let next = dropIn(seen, "orders", e.sessionId, e.data.orderIds);
      next = dropIn(next, "customers", e.sessionId, [...phones]);
      return dropIn(
        next,
        "alerts",
        e.sessionId,
        alerts.map((a) => a.id),
      );
    }
    case "session:received": {
      // What a merge or a split-off brought (the kitchen's form: its orders only).
      let next = e.data.orders.reduce((s: LiveState<S, O>, o) => putOrder(s, o as O, notBehind), seen);
      next = withClaimsOf(next, e.sessionId, new Set(e.data.orders.map((o) => o.id)));
      if ("customers" in e.data) {
        for (const c of e.data.customers) next = putIn(next, "customers", e.sessionId, c, customerWins);
        for (const a of e.data.alerts) next = putIn(next, "alerts", e.sessionId, a, alertWins);
        for (const p of e.data.payments) next = putIn(next, "payments", e.sessionId, p, always);
      }
      return next;
    }
    case "customer:joined":
    case "customer:verified":
      return putIn(seen, "customers", e.sessionId, e.data, customerWins);
    case "customer:removed": {
      const current = seen.customers[e.sessionId]?.[e.data.customerId];
      return current ? putIn(seen, "customers", e.sessionId, { ...current, removedAt: e.data.removedAt }, always) : seen;
    }
    case "alert:raised":
    case "alert:acknowledged":
      return putIn(seen, "alerts", e.sessionId, e.data, alertWins);
    case "payment:recorded":
      return putIn(seen, "payments", e.sessionId, e.data, always);
    case "bill:claimed":
      return { ...seen, claims: { ...seen.claims, [e.sessionId]: { ...seen.claims[e.sessionId], [e.data.line]: e.data.claims } } };
    case "bill:discounted":
      return putIn(seen, "discounts", e.sessionId, e.data, always);
    case "order:corrected":
      // The order as the correction left it (its tickets unchanged: `notBehind` takes it).
      return putOrder(seen, e.data.order, notBehind);
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
function putSession<S extends SessionCore, O extends OrderCore>(state: LiveState<S, O>, incoming: S): LiveState<S, O> {
  const current = state.sessions[incoming.id];
  if (current && current.lastSeq > incoming.lastSeq) return state;
  return withSession(state, { ...current, ...incoming });
}

function withSession<S extends SessionCore, O extends OrderCore>(state: LiveState<S, O>, session: S): LiveState<S, O> {
  return { ...state, sessions: { ...state.sessions, [session.id]: session } };
}

type Rule = (current: OrderCore, candidate: OrderCore) => boolean;
/**
 * When a station last moved the order's tickets (the database's clock, so copies compare).
 * A recall takes an order back (a ready order is preparing again), which `progress` cannot
 * tell from a stale copy; the ticket moves can. ISO strings in UTC compare as times.
 */
function lastTicketMove(o: OrderCore): string {
  return o.tickets.reduce((latest, t) => (t.movedAt > latest ? t.movedAt : latest), "");
}
/** The copy whose tickets moved later wins; if they moved together, `byProgress` decides. */
const ticketsFirst =
  (byProgress: Rule): Rule =>
  (current, candidate) => {
    const a = lastTicketMove(current);
    const b = lastTicketMove(candidate);
    return a === b ? byProgress(current, candidate) : b > a;
  };
/** Snapshots and acks replace a copy only when they are further along. */
const further: Rule = ticketsFirst((current, candidate) => progress(candidate) > progress(current));
/** Events come in log order, so they win, except against an ack that already got further. */
const notBehind: Rule = ticketsFirst((current, candidate) => progress(candidate) >= progress(current));

function putOrder<S extends SessionCore, O extends OrderCore>(state: LiveState<S, O>, order: O, wins: Rule): LiveState<S, O> {
  const forSession = state.orders[order.sessionId] ?? {};
  const current = forSession[order.id];
  if (current && !wins(current, order)) return state;
  return { ...state, orders: { ...state.orders, [order.sessionId]: { ...forSession, [order.id]: order } } };
}

/** A session's orders, phones, calls and payments gone from the state (it was merged into another). */
function withoutSession<S extends SessionCore, O extends OrderCore>(state: LiveState<S, O>, sessionId: string): LiveState<S, O> {
  const drop = <T>(byId: Record<string, T>) => Object.fromEntries(Object.entries(byId).filter(([id]) => id !== sessionId));
  return {
    ...state,
    orders: drop(state.orders),
    customers: drop(state.customers),
    alerts: drop(state.alerts),
    payments: drop(state.payments),
    discounts: drop(state.discounts),
    arrivals: state.arrivals.filter((a) => a.sessionId !== sessionId),
  };
}

/** Some of a session's rows gone from the state (they moved to another session). */
function dropIn<S extends SessionCore, O extends OrderCore>(
  state: LiveState<S, O>,
  key: "orders" | Keyed,
  sessionId: string,
  ids: readonly string[],
): LiveState<S, O> {
  const forSession = state[key][sessionId];
  if (!forSession || ids.length === 0) return state;
  const gone = new Set(ids);
  const kept = Object.fromEntries(Object.entries(forSession).filter(([id]) => !gone.has(id)));
  const arrivals = key === "orders" ? state.arrivals.filter((a) => a.sessionId !== sessionId || !gone.has(a.orderId)) : state.arrivals;
  return { ...state, [key]: { ...state[key], [sessionId]: kept }, arrivals };
}

type Keyed = "customers" | "alerts" | "payments" | "discounts";
type ItemOf<K extends Keyed> = LiveState[K][string][string];

const always = () => true;
/** A removal or a verification is never undone by an older copy. */
const customerWins = (current: CustomerDto, candidate: CustomerDto) =>
  (current.removedAt === null || candidate.removedAt !== null) && (current.verifiedAt === null || candidate.verifiedAt !== null);
/** An acknowledgement is never undone by an older copy. */
const alertWins = (current: AlertDto, candidate: AlertDto) => current.acknowledgedAt === null || candidate.acknowledgedAt !== null;

function putIn<S extends SessionCore, O extends OrderCore, K extends Keyed>(
  state: LiveState<S, O>,
  key: K,
  sessionId: string,
  item: ItemOf<K>,
  wins: (current: ItemOf<K>, candidate: ItemOf<K>) => boolean,
): LiveState<S, O> {
  const forSession = (state[key][sessionId] ?? {}) as Record<string, ItemOf<K>>;
  const current = forSession[item.id];
  if (current && !wins(current, item)) return state;
  return { ...state, [key]: { ...state[key], [sessionId]: { ...forSession, [item.id]: item } } };
}
