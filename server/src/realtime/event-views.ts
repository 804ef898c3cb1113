import {
  type KitchenEventPayload,
  type KitchenEventType,
  type LoggedEvent,
  SESSION_EVENTS,
  SESSION_SKIPPED,
  type SessionEventEnvelope,
  type SessionEventPayload,
  type SessionEventType,
  type SessionEventView,
  type SessionSkipped,
  STAFF_AUDIENCES,
  type StaffAudience,
  sessionEventView,
} from "@ordered/contract";

/** Anything that can emit a server event (a room, a socket, the emitter). */
export interface Target {
  emit(event: string, arg: unknown): unknown;
}

/**
 * What each audience gets of each logged type, worked out once from the contract's table
 * (SESSION_EVENTS × STAFF_AUDIENCES), so sending an event costs a lookup.
 */
export const VIEWS = Object.fromEntries(
  (Object.keys(SESSION_EVENTS) as SessionEventType[]).map((type) => [
    type,
    Object.fromEntries(STAFF_AUDIENCES.map((audience) => [audience, sessionEventView(type, audience)])),
  ]),
) as Record<SessionEventType, Record<StaffAudience, SessionEventView>>;

// The contract's kitchen projections, keyed so that each takes its own type's payload: a type
// given a kitchen form in SESSION_EVENTS and missing here does not compile.
const KITCHEN_FORMS: { [K in KitchenEventType]: (whole: SessionEventPayload<K>) => KitchenEventPayload<K> } = {
  "session.opened": SESSION_EVENTS["session.opened"].kitchen.project,
  "session.closed": SESSION_EVENTS["session.closed"].kitchen.project,
  "session.moved": SESSION_EVENTS["session.moved"].kitchen.project,
  "session.merged": SESSION_EVENTS["session.merged"].kitchen.project,
  "session.split": SESSION_EVENTS["session.split"].kitchen.project,
  "session.received": SESSION_EVENTS["session.received"].kitchen.project,
  "order.placed": SESSION_EVENTS["order.placed"].kitchen.project,
  "order.updated": SESSION_EVENTS["order.updated"].kitchen.project,
};

const hasKitchenForm = (event: LoggedEvent): event is LoggedEvent<KitchenEventType> => event.type in KITCHEN_FORMS;

function kitchenForm<K extends KitchenEventType>(event: LoggedEvent<K>): KitchenEventPayload<K> {
  const project: (whole: SessionEventPayload<K>) => KitchenEventPayload<K> = KITCHEN_FORMS[event.type];
  return project(event.payload);
}

/** Sends one logged event whole, as its socket event (the contract's SESSION_EVENTS map), in its envelope. */
export function emitLogged(target: Target, event: LoggedEvent): void {
  const envelope: SessionEventEnvelope<unknown> = { sessionId: event.sessionId, seq: event.seq, at: event.at, data: event.payload };
  target.emit(SESSION_EVENTS[event.type].socket, envelope);
}

/** Sends one logged event as `view` says: whole, in its kitchen form, or as a content-free `session:skipped`. */
export function emitView(target: Target, event: LoggedEvent, view: SessionEventView): void {
  if (view === "whole") {
    emitLogged(target, event);
    return;
  }
  if (view === "kitchen" && hasKitchenForm(event)) {
    const envelope: SessionEventEnvelope<unknown> = { sessionId: event.sessionId, seq: event.seq, at: event.at, data: kitchenForm(event) };
    target.emit(SESSION_EVENTS[event.type].socket, envelope);
    return;
  }
  // Not even the time: the event's number is all the client needs to move past it.
  const skipped: SessionSkipped = { sessionId: event.sessionId, seq: event.seq };
  target.emit(SESSION_SKIPPED, skipped);
}

/** Sends one logged event as `audience` may read it. */
export function emitFor(target: Target, event: LoggedEvent, audience: StaffAudience): void {
  emitView(target, event, VIEWS[event.type][audience]);
}
