/**
 * The Socket.IO event contract, used by the server (`new Server<...>`), the worker's emitter,
 * the web app and the tools (`Socket<ServerToClientEvents, ClientToServerEvents>`).
 *
 * Commands are `resource:verb` with `(payload, ack)`; broadcasts are past tense. Session
 * events are logged in PostgreSQL with a gap-free `seq` per session and sent as envelopes;
 * SESSION_EVENTS maps each logged type to its socket event and payload schema.
 */
import type { z } from "zod";
import {
  AcknowledgeAlertPayload,
  AdvanceOrderPayload,
  BumpTicketPayload,
  CancelOrderPayload,
  FocusSessionPayload,
  PlaceOrderPayload,
  RaiseAlertPayload,
  RecallTicketPayload,
  UnfocusSessionPayload,
} from "./commands.js";
import {
  AlertDto,
  CustomerDto,
  CustomerRemovedData,
  OrderDto,
  PaymentDto,
  type ProductDto,
  SessionClosedData,
  SessionDto,
  type SessionRekeyedData,
} from "./dto.js";
import type { AckFn, ErrorBody } from "./errors.js";
import { SESSION_EVENT_SOCKETS, type SessionEventName, type SessionEventType } from "./event-names.js";
import type { Permission } from "./staff-roles.js";

/** Logged session event types → the socket event each is broadcast as (event-names.ts), and its payload. */
export const SESSION_EVENTS = {
  "session.opened": { socket: SESSION_EVENT_SOCKETS["session.opened"], payload: SessionDto },
  "session.closed": { socket: SESSION_EVENT_SOCKETS["session.closed"], payload: SessionClosedData },
  "order.placed": { socket: SESSION_EVENT_SOCKETS["order.placed"], payload: OrderDto },
  "order.updated": { socket: SESSION_EVENT_SOCKETS["order.updated"], payload: OrderDto },
  "customer.joined": { socket: SESSION_EVENT_SOCKETS["customer.joined"], payload: CustomerDto },
  "customer.removed": { socket: SESSION_EVENT_SOCKETS["customer.removed"], payload: CustomerRemovedData },
  /** A phone proved it is at the table (typed the PIN, or staff accepted it): it may order now. */
  "customer.verified": { socket: SESSION_EVENT_SOCKETS["customer.verified"], payload: CustomerDto },
  "alert.raised": { socket: SESSION_EVENT_SOCKETS["alert.raised"], payload: AlertDto },
  "alert.acknowledged": { socket: SESSION_EVENT_SOCKETS["alert.acknowledged"], payload: AlertDto },
  "payment.recorded": { socket: SESSION_EVENT_SOCKETS["payment.recorded"], payload: PaymentDto },
} as const satisfies Record<SessionEventType, { socket: SessionEventName; payload: unknown }>;

export type SessionEventPayload<T extends SessionEventType> = z.output<(typeof SESSION_EVENTS)[T]["payload"]>;

/** A logged session event as sent to clients; `seq` is gap-free per session. */
export interface SessionEventEnvelope<T> {
  sessionId: string;
  seq: number;
  /** When the event was logged (ISO 8601). */
  at: string;
  data: T;
}

/** A logged event as the server holds it: one member per type, so `payload` narrows on `type`. */
export type LoggedEvent<T extends SessionEventType = SessionEventType> = {
  [K in T]: { sessionId: string; seq: number; type: K; payload: SessionEventPayload<K>; at: string };
}[T];

/** A logged event as a client receives it: the envelope tagged with its socket event name. */
export type SessionEvent = {
  [K in SessionEventType]: { name: (typeof SESSION_EVENTS)[K]["socket"] } & SessionEventEnvelope<SessionEventPayload<K>>;
}[SessionEventType];

export interface SyncDone {
  /** The last number replayed per session (the client's cursors after catch-up). */
  cursors: Record<string, number>;
}

/**
 * Every command: its payload schema (checked by the server at the edge), who may send it, and
 * for staff commands the permission it needs (staff-roles.ts). The ack's data type is in
 * ClientToServerEvents below.
 */
export const COMMANDS = {
  /** Customer: place an order; acked once it is committed. */
  "order:place": { payload: PlaceOrderPayload, by: "customer" },
  /** Staff: also join a session's room and replay its events after `afterSeq`. */
  "session:focus": { payload: FocusSessionPayload, by: "staff", may: "floor.serve" },
  "session:unfocus": { payload: UnfocusSessionPayload, by: "staff", may: "floor.serve" },
  /** Staff: move an accepted order's shipment forward (PREPARING → READY → DELIVERED); READY readies every ticket. */
  "order:advance": { payload: AdvanceOrderPayload, by: "staff", may: "floor.serve" },
  /** Staff: cancel an order that is not delivered yet; its stock comes back. */
  "order:cancel": { payload: CancelOrderPayload, by: "staff", may: "floor.serve" },
  /** Customer: call a waiter or ask for the bill; a second call while one is pending returns it. */
  "alert:raise": { payload: RaiseAlertPayload, by: "customer" },
  /** Staff: acknowledge a phone's call; acknowledging twice is a CONFLICT naming who did. */
  "alert:acknowledge": { payload: AcknowledgeAlertPayload, by: "staff", may: "floor.serve" },
  /** A station: move its ticket to the next stage (NEW → PREPARING → READY). */
  "ticket:bump": { payload: BumpTicketPayload, by: "staff", may: "kitchen.work" },
  /** A station: undo a bump within RECALL_WINDOW_MS. */
  "ticket:recall": { payload: RecallTicketPayload, by: "staff", may: "kitchen.work" },
} as const satisfies Record<string, { payload: z.ZodType; by: "customer" } | { payload: z.ZodType; by: "staff"; may: Permission }>;

export type CommandName = keyof typeof COMMANDS;
export type CommandPayload<C extends CommandName> = z.input<(typeof COMMANDS)[C]["payload"]>;

/** What each command's ack carries on success. */
export interface CommandResults {
  /**
   * `placed`: this call stored the order; its `order:placed` event (number and time; the
   * event's data is `order`). The placing socket gets that event here and not again as a
   * broadcast, so a client applies it from the ack. A repeat of a stored order has none.
   */
  "order:place": { order: OrderDto; placed?: { seq: number; at: string } };
  "session:focus": { lastSeq: number };
  "session:unfocus": Record<string, never>;
  "order:advance": { order: OrderDto };
  "order:cancel": { order: OrderDto };
  "alert:raise": { alert: AlertDto };
  "alert:acknowledge": { alert: AlertDto };
  "ticket:bump": { order: OrderDto };
  "ticket:recall": { order: OrderDto };
}

export type ClientToServerEvents = {
  [C in CommandName]: (payload: CommandPayload<C>, ack: AckFn<CommandResults[C]>) => void;
};

export type ServerToClientEvents = {
  [K in SessionEventType as (typeof SESSION_EVENTS)[K]["socket"]]: (e: SessionEventEnvelope<SessionEventPayload<K>>) => void;
} & {
  /** A product changed (sold out, edited, hidden, archived); not logged, clients refetch the menu on reconnect. */
  "product:updated": (product: ProductDto) => void;
  /** Categories changed (added, renamed, reordered, hidden, windows): clients refetch the menu. */
  "menu:changed": (e: { locationId: string }) => void;
  /**
   * Staff only (not logged: phones must never see it): a seating's new join code and PIN,
   * made when staff removed a phone. Staff devices also read them afresh with the session.
   */
  "session:rekeyed": (e: SessionRekeyedData) => void;
  /** Sent once per connection after the replay of missed events. */
  "sync:done": (s: SyncDone) => void;
  /**
   * Something the client must hear of that no ack can carry: a command sent without an ack or
   * an unknown event (`event` names it), its staff account ended while the socket listened,
   * or staff removed this phone from its table (`CUSTOMER_REMOVED`).
   */
  "protocol:error": (e: ErrorBody & { event?: string }) => void;
};
