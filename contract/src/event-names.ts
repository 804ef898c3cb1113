/**
 * Session-log event types and the socket event each is broadcast as. Kept apart from
 * events.ts (which pairs them with their zod payload schemas) so that a client needing only
 * the names does not bundle zod.
 */
export const SESSION_EVENT_SOCKETS = {
  "session.opened": "session:opened",
  "session.closed": "session:closed",
  "session.moved": "session:moved",
  "session.merged": "session:merged",
  "session.split": "session:split",
  "session.received": "session:received",
  "order.placed": "order:placed",
  "order.updated": "order:updated",
  "order.corrected": "order:corrected",
  "bill.discounted": "bill:discounted",
  "customer.joined": "customer:joined",
  "customer.removed": "customer:removed",
  "customer.verified": "customer:verified",
  "alert.raised": "alert:raised",
  "alert.acknowledged": "alert:acknowledged",
  "payment.recorded": "payment:recorded",
  "bill.claimed": "bill:claimed",
  "receipt.mailed": "receipt:mailed",
} as const;

export type SessionEventType = keyof typeof SESSION_EVENT_SOCKETS;
export type SessionEventName = (typeof SESSION_EVENT_SOCKETS)[SessionEventType];

/** The socket names of the logged events, for clients that subscribe to all of them. */
export const SESSION_EVENT_NAMES = Object.values(SESSION_EVENT_SOCKETS) as SessionEventName[];

/**
 * Stands in for a logged event the socket's audience may not read (events.ts, SESSION_EVENTS):
 * its session and number only, so the client's in-order stream moves past it.
 */
export const SESSION_SKIPPED = "session:skipped" as const;
