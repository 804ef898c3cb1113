/**
 * The Socket.IO event contract, shared by the server (`new Server<...>`), the worker's
 * emitter and the web app (`Socket<ServerToClientEvents, ClientToServerEvents>`), which
 * imports this file as a type so the two cannot drift.
 *
 * Commands are `resource:verb` with `(payload, ack)`; broadcasts are past tense.
 * Rooms: `location:<id>` (staff), `location:<id>:customers` (customers of its open
 * sessions), `session:<id>` (customers of a session, and staff who focus it).
 */
import type { ErrorBody } from "../errors.js";
import type { OrderDto, ProductDto, SessionDto } from "../dto.js";

/** Every command acknowledges with data or with an error, never both. */
export type Ack<T> = { data: T; error?: never } | { error: ErrorBody; data?: never };
export type AckFn<T> = (result: Ack<T>) => void;

/** What a client sends in the handshake (`io(url, { auth })`). */
export interface HandshakeAuth {
  /** Staff JWT or customer session token. */
  token: string;
  /** Customers: the last session event number seen (0 or absent: replay all). */
  lastSeq?: number;
  /** Staff: last number seen per session; open sessions not listed are replayed whole. */
  cursors?: Record<string, number>;
}

/** A logged session event as sent to clients; `seq` is gap-free per session. */
export interface SessionEventEnvelope<T> {
  sessionId: string;
  seq: number;
  /** When the event was logged (ISO 8601). */
  at: string;
  data: T;
}

export interface SessionClosedData {
  closedAt: string;
}

/** Session-log event types and the socket event each is broadcast as. */
export const SESSION_EVENT_NAMES = {
  "session.opened": "session:opened",
  "session.closed": "session:closed",
  "order.placed": "order:placed",
  "order.updated": "order:updated",
} as const;

export type SessionEventType = keyof typeof SESSION_EVENT_NAMES;

export interface SessionEventPayloads {
  "session.opened": SessionDto;
  "session.closed": SessionClosedData;
  "order.placed": OrderDto;
  "order.updated": OrderDto;
}

export interface PlaceOrderPayload {
  /** Made by the phone (e.g. crypto.randomUUID()); the same id always yields the same order. */
  clientOrderId: string;
  items: { productId: string; quantity: number; note?: string }[];
}

export interface FocusSessionPayload {
  sessionId: string;
  /** Replay this session's events after this number before live ones. */
  afterSeq?: number;
}

export interface SyncDone {
  /** The last number replayed per session (the client's cursors after catch-up). */
  cursors: Record<string, number>;
}

export interface ServerToClientEvents {
  "session:opened": (e: SessionEventEnvelope<SessionDto>) => void;
  "session:closed": (e: SessionEventEnvelope<SessionClosedData>) => void;
  "order:placed": (e: SessionEventEnvelope<OrderDto>) => void;
  "order:updated": (e: SessionEventEnvelope<OrderDto>) => void;
  /** A product changed (e.g. sold out); not logged, clients refetch the menu on reconnect. */
  "product:updated": (product: ProductDto) => void;
  /** Sent once per connection after the replay of missed events. */
  "sync:done": (s: SyncDone) => void;
}

export interface ClientToServerEvents {
  /** Customer: place an order; acked once it is committed. */
  "order:place": (payload: PlaceOrderPayload, ack: AckFn<{ order: OrderDto }>) => void;
  /** Staff: also join a session's room and replay its events after `afterSeq`. */
  "session:focus": (payload: FocusSessionPayload, ack: AckFn<{ lastSeq: number }>) => void;
  "session:unfocus": (payload: { sessionId: string }, ack: AckFn<Record<string, never>>) => void;
  /** Staff: move an accepted order's shipment forward (PREPARING → READY → DELIVERED). */
  "order:advance": (payload: AdvanceOrderPayload, ack: AckFn<{ order: OrderDto }>) => void;
  /** Staff: cancel an order that is not delivered yet; its stock comes back. */
  "order:cancel": (payload: CancelOrderPayload, ack: AckFn<{ order: OrderDto }>) => void;
}

export interface AdvanceOrderPayload {
  orderId: string;
  /** The shipment status to move to; must be the next one. */
  to: "READY" | "DELIVERED";
}

export interface CancelOrderPayload {
  orderId: string;
  /** Shown to the customer. */
  reason?: string;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface InterServerEvents {}

export interface SocketData {
  principal: import("../auth/tokens.js").Principal;
}

export const rooms = {
  location: (locationId: string) => `location:${locationId}`,
  locationCustomers: (locationId: string) => `location:${locationId}:customers`,
  session: (sessionId: string) => `session:${sessionId}`,
};
