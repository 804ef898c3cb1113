/**
 * The Socket.IO event contract, used by the server (`new Server<...>`), the worker's emitter,
 * the web app and the tools (`Socket<ServerToClientEvents, ClientToServerEvents>`).
 *
 * Commands are `resource:verb` with `(payload, ack)`; broadcasts are past tense. Session
 * events are logged in PostgreSQL with a gap-free `seq` per session and sent as envelopes;
 * SESSION_EVENTS maps each logged type to its socket event and payload schema, and says who
 * may read it: the same permissions (staff-roles.ts) that guard the REST reads of the same data.
 */
import type { z } from "zod";
import {
  AcknowledgeAlertPayload,
  AcknowledgeAllergiesPayload,
  AdvanceOrderPayload,
  AssignLinePayload,
  BumpTicketPayload,
  CancelOrderPayload,
  ClaimLinePayload,
  CourseActionPayload,
  EnterOrderPayload,
  FocusSessionPayload,
  PlaceOrderPayload,
  PrintDonePayload,
  PrinterReportPayload,
  PrintNextPayload,
  RaiseAlertPayload,
  RecallTicketPayload,
  UnfocusSessionPayload,
} from "./commands.js";
import {
  AlertDto,
  type BillClaimDto,
  BillClaimedData,
  type BridgeJobDto,
  type BridgePrinterDto,
  CorrectionDto,
  CustomerDto,
  CustomerRemovedData,
  KitchenOrderCorrectedData,
  KitchenOrderDto,
  KitchenSessionClosedData,
  KitchenSessionDto,
  KitchenSessionMergedData,
  KitchenSessionMovedData,
  KitchenSessionReceivedData,
  KitchenSessionSplitData,
  kitchenOrderOf,
  OrderCorrectedData,
  OrderDto,
  PaymentDto,
  type PrinterHealthDto,
  type ProductDto,
  ReceiptMailDto,
  type SessionAllergiesDto,
  SessionClosedData,
  SessionDto,
  SessionMergedData,
  SessionMovedData,
  SessionReceivedData,
  type SessionRekeyedData,
  SessionSplitData,
} from "./dto.js";
import type { AckFn, ErrorBody } from "./errors.js";
import { SESSION_EVENT_SOCKETS, type SESSION_SKIPPED, type SessionEventName, type SessionEventType } from "./event-names.js";
import type { PrintJobStatus } from "./printers.js";
import { audienceMay, type Permission, type StaffAudience } from "./staff-roles.js";

/** What the kitchen audience reads of an event it may not read whole: a schema, and the one function making it. */
interface KitchenView<P, V extends z.ZodType> {
  payload: V;
  project: (whole: P) => z.output<V>;
}

const kitchenOrder: KitchenView<OrderDto, typeof KitchenOrderDto> = { payload: KitchenOrderDto, project: kitchenOrderOf };

/**
 * Logged session event types → the socket event each is broadcast as (event-names.ts), its
 * payload, and who reads it:
 * - `read`: the permission to read it whole; the REST reads of the same data need it too
 *   (GET /api/sessions… is floor.serve). Phones of the session read their session's events.
 * - `kitchen`: what the kitchen audience (staff-roles.ts STAFF_AUDIENCES) reads instead, as
 *   GET /api/kitchen gives it; null: nothing, the display gets `session:skipped` in its place.
 */
export const SESSION_EVENTS = {
  "session.opened": {
    socket: SESSION_EVENT_SOCKETS["session.opened"],
    payload: SessionDto,
    read: "floor.serve",
    kitchen: {
      payload: KitchenSessionDto,
      project: (s) => ({ id: s.id, label: s.label, lastSeq: s.lastSeq }),
    } satisfies KitchenView<SessionDto, typeof KitchenSessionDto>,
  },
  "session.closed": {
    socket: SESSION_EVENT_SOCKETS["session.closed"],
    payload: SessionClosedData,
    read: "floor.serve",
    kitchen: {
      payload: KitchenSessionClosedData,
      project: (c) => ({ closedAt: c.closedAt }),
    } satisfies KitchenView<SessionClosedData, typeof KitchenSessionClosedData>,
  },
  "session.moved": {
    socket: SESSION_EVENT_SOCKETS["session.moved"],
    payload: SessionMovedData,
    read: "floor.serve",
    kitchen: {
      payload: KitchenSessionMovedData,
      project: (m) => ({ label: m.label }),
    } satisfies KitchenView<SessionMovedData, typeof KitchenSessionMovedData>,
  },
  /** Merged into another session (sessions/merge-sessions.ts): closed, everything it held is the other's. */
  "session.merged": {
    socket: SESSION_EVENT_SOCKETS["session.merged"],
    payload: SessionMergedData,
    read: "floor.serve",
    kitchen: {
      payload: KitchenSessionMergedData,
      project: (m) => ({ intoSessionId: m.intoSessionId, intoLabel: m.intoLabel, closedAt: m.closedAt, orderIds: m.orderIds }),
    } satisfies KitchenView<SessionMergedData, typeof KitchenSessionMergedData>,
  },
  /** Some phones and their orders left for a new session (sessions/split-session.ts). */
  "session.split": {
    socket: SESSION_EVENT_SOCKETS["session.split"],
    payload: SessionSplitData,
    read: "floor.serve",
    kitchen: {
      payload: KitchenSessionSplitData,
      project: (m) => ({ toSessionId: m.toSessionId, toLabel: m.toLabel, orderIds: m.orderIds }),
    } satisfies KitchenView<SessionSplitData, typeof KitchenSessionSplitData>,
  },
  /** What a merge or a split-off brought into this session. */
  "session.received": {
    socket: SESSION_EVENT_SOCKETS["session.received"],
    payload: SessionReceivedData,
    read: "floor.serve",
    kitchen: {
      payload: KitchenSessionReceivedData,
      project: (r) => ({ kind: r.kind, fromLabel: r.fromLabel, orders: r.orders.map(kitchenOrderOf) }),
    } satisfies KitchenView<SessionReceivedData, typeof KitchenSessionReceivedData>,
  },
  "order.placed": { socket: SESSION_EVENT_SOCKETS["order.placed"], payload: OrderDto, read: "floor.serve", kitchen: kitchenOrder },
  "order.updated": { socket: SESSION_EVENT_SOCKETS["order.updated"], payload: OrderDto, read: "floor.serve", kitchen: kitchenOrder },
  /** Staff corrected a line (void, comp, discount): the order as it is now. The kitchen reads it too: a void strikes the line. */
  "order.corrected": {
    socket: SESSION_EVENT_SOCKETS["order.corrected"],
    payload: OrderCorrectedData,
    read: "floor.serve",
    kitchen: {
      payload: KitchenOrderCorrectedData,
      project: (d) => ({ order: kitchenOrderOf(d.order), correction: d.correction }),
    } satisfies KitchenView<OrderCorrectedData, typeof KitchenOrderCorrectedData>,
  },
  /** Staff discounted the whole bill. */
  "bill.discounted": { socket: SESSION_EVENT_SOCKETS["bill.discounted"], payload: CorrectionDto, read: "floor.serve", kitchen: null },
  "customer.joined": { socket: SESSION_EVENT_SOCKETS["customer.joined"], payload: CustomerDto, read: "floor.serve", kitchen: null },
  "customer.removed": {
    socket: SESSION_EVENT_SOCKETS["customer.removed"],
    payload: CustomerRemovedData,
    read: "floor.serve",
    kitchen: null,
  },
  /** A phone proved it is at the table (typed the PIN, or staff accepted it): it may order now. */
  "customer.verified": { socket: SESSION_EVENT_SOCKETS["customer.verified"], payload: CustomerDto, read: "floor.serve", kitchen: null },
  "alert.raised": { socket: SESSION_EVENT_SOCKETS["alert.raised"], payload: AlertDto, read: "floor.serve", kitchen: null },
  "alert.acknowledged": { socket: SESSION_EVENT_SOCKETS["alert.acknowledged"], payload: AlertDto, read: "floor.serve", kitchen: null },
  "payment.recorded": { socket: SESSION_EVENT_SOCKETS["payment.recorded"], payload: PaymentDto, read: "floor.serve", kitchen: null },
  /** A bill line's split claims changed (a phone or staff): its claims as they are now. */
  "bill.claimed": { socket: SESSION_EVENT_SOCKETS["bill.claimed"], payload: BillClaimedData, read: "floor.serve", kitchen: null },
  /** A closed session's receipt was mailed (issue 33): to whom (masked), by whom, when. */
  "receipt.mailed": { socket: SESSION_EVENT_SOCKETS["receipt.mailed"], payload: ReceiptMailDto, read: "floor.serve", kitchen: null },
} as const satisfies {
  [K in SessionEventType]: {
    socket: SessionEventName;
    payload: z.ZodType;
    read: Permission;
    // Each entry's own `satisfies KitchenView<…>` checks its projection's argument.
    kitchen: { payload: z.ZodType; project: (whole: never) => unknown } | null;
  };
};

export type SessionEventPayload<T extends SessionEventType> = z.output<(typeof SESSION_EVENTS)[T]["payload"]>;

/** A logged session event as sent to clients; `seq` is gap-free per session. */
export interface SessionEventEnvelope<T> {
  sessionId: string;
  seq: number;
  /** When the event was logged (ISO 8601). */
  at: string;
  data: T;
}

/** The event types a kitchen display reads (in their kitchen form). */
export type KitchenEventType = {
  [K in SessionEventType]: (typeof SESSION_EVENTS)[K]["kitchen"] extends null ? never : K;
}[SessionEventType];

/** What the kitchen audience reads of a logged event of type T. */
export type KitchenEventPayload<T extends KitchenEventType> = z.output<NonNullable<(typeof SESSION_EVENTS)[T]["kitchen"]>["payload"]>;

/**
 * In place of a logged event the socket may not read: the session and number only, so the
 * client's in-order stream (web/src/realtime/event-stream.ts) passes it instead of waiting.
 */
export interface SessionSkipped {
  sessionId: string;
  seq: number;
}

/**
 * What an audience gets of one logged event type:
 * - `whole`: the logged payload;
 * - `kitchen`: SESSION_EVENTS[type].kitchen's projection;
 * - `skipped`: a `session:skipped` envelope.
 * Read by the server's publisher and catch-up, so live and replayed events agree.
 */
export type SessionEventView = "whole" | "kitchen" | "skipped";

export function sessionEventView(type: SessionEventType, audience: StaffAudience): SessionEventView {
  const entry = SESSION_EVENTS[type];
  if (audienceMay(audience, entry.read)) return "whole";
  if (entry.kitchen !== null && audienceMay(audience, "kitchen.work")) return "kitchen";
  return "skipped";
}

/**
 * Broadcasts that are not logged, and the permission to read each: the staff audiences that
 * have it hear them (GET /api/products and /api/categories need the same). Phones of the
 * location hear them too: the guests' menu changed.
 */
export const BROADCASTS = {
  "product:updated": { read: "menu.view" },
  "menu:changed": { read: "menu.view" },
} as const satisfies Record<string, { read: Permission }>;
export type BroadcastName = keyof typeof BROADCASTS;

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
  /** Staff: take an order at a table (the order pad); acked once it is committed, like a phone's. */
  "order:enter": { payload: EnterOrderPayload, by: "staff", may: "orders.enter" },
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
  /** Customer: claim a bill line for itself, share it, or let it go (split by item); setting what is set already changes nothing. */
  "bill:claim": { payload: ClaimLinePayload, by: "customer" },
  /** Staff: set any payer's claims on a bill line (split by item); as idempotent as `bill:claim`. */
  "bill:assign": { payload: AssignLinePayload, by: "staff", may: "bill.split" },
  /** A station: move its ticket to the next stage (NEW → PREPARING → READY). */
  "ticket:bump": { payload: BumpTicketPayload, by: "staff", may: "kitchen.work" },
  /** A station: undo a bump within RECALL_WINDOW_MS. */
  "ticket:recall": { payload: RecallTicketPayload, by: "staff", may: "kitchen.work" },
  /** A station: it read the declared allergies of the guests a ticket is for (logged: who, when, what); idempotent. */
  "ticket:acknowledge-allergies": { payload: AcknowledgeAllergiesPayload, by: "staff", may: "kitchen.work" },
  /** Staff: hold a course at a table (its tickets no station started wait); idempotent. */
  "course:hold": { payload: CourseActionPayload, by: "staff", may: "orders.enter" },
  /** Staff: fire a held course (its tickets go live, aged from now); idempotent. */
  "course:fire": { payload: CourseActionPayload, by: "staff", may: "orders.enter" },
  /** A print bridge: the next job of the location's bridge printers (null: none), and failing ones to ask about. */
  "print:next": { payload: PrintNextPayload, by: "staff", may: "printers.bridge" },
  /** A print bridge: what became of a job it was given. */
  "print:done": { payload: PrintDonePayload, by: "staff", may: "printers.bridge" },
  /** A print bridge: what a failing printer answered when asked. */
  "printer:report": { payload: PrinterReportPayload, by: "staff", may: "printers.bridge" },
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
  /** As `order:place`: `placed` when this call stored it, none for a repeat of a stored order. */
  "order:enter": { order: OrderDto; placed?: { seq: number; at: string } };
  "session:focus": { lastSeq: number };
  "session:unfocus": Record<string, never>;
  "order:advance": { order: OrderDto };
  "order:cancel": { order: OrderDto };
  "alert:raise": { alert: AlertDto };
  "alert:acknowledge": { alert: AlertDto };
  /** In the kitchen's form (SESSION_EVENTS' `kitchen`): a display reads no more in an ack than in an event. */
  /** The line's claims as they are now; `changed` false: they were so already (nothing logged). */
  "bill:claim": { claims: BillClaimDto[]; changed: boolean };
  "bill:assign": { claims: BillClaimDto[]; changed: boolean };
  "ticket:bump": { order: KitchenOrderDto };
  "ticket:recall": { order: KitchenOrderDto };
  /** The session's declarations and acknowledgements as they are now (also sent as `allergies:changed`). */
  "ticket:acknowledge-allergies": { allergies: SessionAllergiesDto };
  /**
   * The session's orders with tickets of the course, as they are now (each change logged as
   * `order.updated`); the same answer when it was held (fired) already.
   */
  "course:hold": { orders: OrderDto[] };
  "course:fire": { orders: OrderDto[] };
  /** `check`: bridge printers that are failing, due to be asked again (answer with `printer:report`). */
  "print:next": { job: BridgeJobDto | null; check: BridgePrinterDto[] };
  "print:done": { status: PrintJobStatus };
  "printer:report": Record<string, never>;
}

export type ClientToServerEvents = {
  [C in CommandName]: (payload: CommandPayload<C>, ack: AckFn<CommandResults[C]>) => void;
};

/** A logged event as a kitchen display receives it: the envelope of its kitchen form. */
export type KitchenSessionEvent = {
  [K in KitchenEventType]: { name: (typeof SESSION_EVENTS)[K]["socket"] } & SessionEventEnvelope<KitchenEventPayload<K>>;
}[KitchenEventType];

/** What a floor staff socket or a phone receives: logged events whole. */
export type ServerToClientEvents = {
  [K in SessionEventType as (typeof SESSION_EVENTS)[K]["socket"]]: (e: SessionEventEnvelope<SessionEventPayload<K>>) => void;
} & {
  /** In place of a logged event this socket may not read (SessionSkipped). */
  [SESSION_SKIPPED]: (e: SessionSkipped) => void;
  /** A product changed (sold out, edited, hidden, archived); not logged, clients refetch the menu on reconnect. */
  "product:updated": (product: ProductDto) => void;
  /** Categories changed (added, renamed, reordered, hidden, windows): clients refetch the menu. */
  "menu:changed": (e: { locationId: string }) => void;
  /**
   * Staff only (not logged: phones must never see it): a session's new join code and PIN,
   * made when staff removed a phone. Staff devices also read them afresh with the session.
   */
  "session:rekeyed": (e: SessionRekeyedData) => void;
  /**
   * Staff only (the floor and the kitchen displays): a printer started or stopped failing
   * (issue 34). Not logged: clients read GET /api/printers/health again when they reconnect.
   */
  "printer:status": (e: PrinterHealthDto) => void;
  /**
   * A session's declared allergies or the kitchen's acknowledgements changed: all of them as
   * they are now. Staff screens only (floor and kitchen rooms), never phones: a guest's
   * declaration is private to their phone and the staff.
   */
  "allergies:changed": (e: SessionAllergiesDto) => void;
  /** Print bridges only: the location has jobs for its bridge printers; ask with `print:next`. */
  "print:wake": (e: { locationId: string }) => void;
  /** Sent once per connection after the replay of missed events. */
  "sync:done": (s: SyncDone) => void;
  /**
   * Something the client must hear of that no ack can carry: a command sent without an ack or
   * an unknown event (`event` names it), its staff account ended while the socket listened,
   * or staff removed this phone from its table (`CUSTOMER_REMOVED`).
   */
  "protocol:error": (e: ErrorBody & { event?: string }) => void;
};

/**
 * What a kitchen display's socket receives (STAFF_AUDIENCES "kitchen.work"): the kitchen form
 * of the events SESSION_EVENTS gives one, `session:skipped` for every other logged event,
 * and no unlogged broadcast it may not read (BROADCASTS: none today).
 */
export type KitchenServerToClientEvents = {
  [K in KitchenEventType as (typeof SESSION_EVENTS)[K]["socket"]]: (e: SessionEventEnvelope<KitchenEventPayload<K>>) => void;
} & Pick<ServerToClientEvents, typeof SESSION_SKIPPED | "sync:done" | "protocol:error">;
