import { LIMITS, type OrderDto, type ReceiptDto, type SessionExtras } from "@ordered/contract/client";
import { EventStream } from "./event-stream";
import {
  initialLiveState,
  type LiveAction,
  type LiveEvent,
  type LiveState,
  liveReducer,
  type OrderCore,
  type SessionCore,
} from "./live-state";

/** What one call applied: the events in log order, and the orders among them that are new. */
export interface Applied<O extends OrderCore = OrderDto> {
  events: LiveEvent<O>[];
  arrivals: O[];
}

/**
 * The live state of one app, with the EventStream that orders its events. Keeping both in
 * one place keeps them consistent: a snapshot moves the stream's cursor to the log number it
 * reflects, and the handshake's cursors are read from here. No React and no sockets: React
 * reads it with useSyncExternalStore (`useLiveState`), the connection feeds it events.
 * `O` is the kind of order the app receives: whole (panel, phone) or a kitchen display's form.
 */
export class LiveStore<S extends SessionCore = SessionCore, O extends OrderCore = OrderDto> {
  private state: LiveState<S, O> = initialLiveState<S, O>();
  private readonly stream = new EventStream<LiveEvent<O>>();
  private readonly listeners = new Set<() => void>();
  private readonly appliedListeners = new Set<(applied: Applied<O>) => void>();

  readonly getState = (): LiveState<S, O> => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  /** Sessions from a list or a command's answer; they carry no orders, so no cursor moves. */
  putSessions(sessions: S[]): void {
    this.dispatch({ type: "sessions", sessions });
  }

  /**
   * One session with every order it had at `session.lastSeq` (REST). Events up to that
   * number are in it; anything held back right after it is applied now.
   */
  seed(session: S, orders: O[], extras?: Partial<SessionExtras> & { receipt?: ReceiptDto | null }): Applied<O> {
    this.dispatch({ type: "snapshot", session, orders, ...(extras ? { extras } : {}) });
    return this.apply(this.stream.seed(session.id, session.lastSeq));
  }

  /** One session event (or its stand-in) as it came off the socket: applied in order, or held, or dropped. */
  receive(event: LiveEvent<O>): Applied<O> {
    const applied = this.apply(this.stream.push(event));
    if (applied.events.length > 0) for (const fn of this.appliedListeners) fn(applied);
    return applied;
  }

  /**
   * Calls `fn` with what each received event applied (one off the socket, or an ack's, with
   * whatever it released), never with nothing; not for a snapshot's seed. Returns an unsubscribe.
   */
  onApplied(fn: (applied: Applied<O>) => void): () => void {
    this.appliedListeners.add(fn);
    return () => void this.appliedListeners.delete(fn);
  }

  /**
   * An order from a command's ack; kept only if it is further along than the known copy.
   * With `placed` the ack is also the order's `order:placed` event, which the server sends
   * the placing socket only there: it goes through the stream like any other.
   */
  ack(order: O, placed?: { seq: number; at: string }): void {
    if (placed) this.receive({ name: "order:placed", sessionId: order.sessionId, seq: placed.seq, at: placed.at, data: order });
    this.dispatch({ type: "ack", order });
  }

  markLoaded(): void {
    this.dispatch({ type: "loaded" });
  }

  /** The last applied number of one session: a phone's `lastSeq` for the handshake. */
  cursor(sessionId: string): number {
    return this.stream.cursor(sessionId);
  }

  /**
   * The staff's `cursors` for the handshake. The server replays only open sessions, so closed
   * ones are left out (and open ones not listed are replayed whole, which the stream dedups).
   */
  cursors(): Record<string, number> {
    const open = Object.entries(this.stream.cursors()).filter(([id]) => this.state.sessions[id]?.status !== "CLOSED");
    return Object.fromEntries(open.slice(-LIMITS.session.maxCursors));
  }

  /** Events are waiting behind a missing one. */
  hasGap(): boolean {
    return this.stream.hasGap();
  }

  private apply(events: LiveEvent<O>[]): Applied<O> {
    if (events.length === 0) return { events: [], arrivals: [] };
    const start = this.state;
    const arrivals: O[] = [];
    for (const event of events) {
      const before = this.state.arrivals;
      this.state = liveReducer(this.state, { type: "event", event });
      if (this.state.arrivals !== before && event.name === "order:placed") arrivals.push(event.data);
    }
    this.notifyIfChanged(start);
    return { events, arrivals };
  }

  private dispatch(action: LiveAction<S, O>): void {
    const start = this.state;
    this.state = liveReducer(start, action);
    this.notifyIfChanged(start);
  }

  private notifyIfChanged(start: LiveState<S, O>): void {
    if (this.state !== start) for (const l of this.listeners) l();
  }
}
