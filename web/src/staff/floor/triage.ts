/**
 * The panel's triage rules as pure functions of the live state: how long each open session
 * has waited (its sheet's age pill), how old an order is and how
 * urgent that is, and which things need someone to act (the feed).
 */
import {
  type AlertDto,
  type AlertKind,
  type CustomerDto,
  DEFAULT_TICKET_MINUTES,
  isUnfinishedOrder,
  type LocationDto,
  type OrderDto,
  ticketUrgency,
} from "@ordered/contract/client";
import type { Urgency } from "../../lib/age";
import { alertsOf, customersOf, ordersOf } from "../../realtime/live-state";
import { orderLabels, unfinishedOrders } from "../sessions/session-view";
import type { StaffState } from "../sessions/staff-sessions";

export type Thresholds = Parameters<typeof ticketUrgency>[1];

/** The location's age thresholds; a location stored before they existed gets the defaults. */
export function thresholdsOf(location: Partial<Pick<LocationDto, "ticketAmberMinutes" | "ticketRedMinutes">>): Thresholds {
  return {
    amberMinutes: location.ticketAmberMinutes ?? DEFAULT_TICKET_MINUTES.amber,
    redMinutes: location.ticketRedMinutes ?? DEFAULT_TICKET_MINUTES.red,
  };
}

/** An order nobody has to do anything more with: it ended, or it is at the table. */
export function isFinished(order: Pick<OrderDto, "status" | "shipment">): boolean {
  return !isUnfinishedOrder(order);
}

/** How old an order is at `now`, and how urgent; urgency null once it is finished. */
export function orderAge(order: OrderDto, now: number, thresholds: Thresholds): { ms: number; urgency: Urgency | null } {
  const ms = Math.max(0, now - Date.parse(order.placedAt));
  return { ms, urgency: isFinished(order) ? null : ticketUrgency(ms, thresholds) };
}

/**
 * Since when a session has waited for staff: its oldest unfinished order or unanswered call,
 * null when nothing waits (an idle table).
 */
export function waitingSince(state: StaffState, sessionId: string): string | null {
  const times = [
    ...unfinishedOrders(ordersOf(state, sessionId)).map((o) => o.placedAt),
    ...alertsOf(state, sessionId)
      .filter((a) => a.acknowledgedAt === null)
      .map((a) => a.raisedAt),
  ];
  return times.reduce<string | null>((min, t) => (min === null || t < min ? t : min), null);
}

/**
 * What an item of the feed asks for: a new order to see to, an order ready to take to its
 * table, a waiter call, a bill request.
 */
export type ActionKind = "order" | "ready" | "call" | "bill" | "phone";

export interface ActionItem {
  /**
   * Names the item *and* what it asks for, so "seen" sticks to exactly that: an order seen
   * while new comes back when it is ready to deliver, under a new key.
   */
  key: string;
  kind: ActionKind;
  sessionId: string;
  sessionLabel: string;
  /** When it started to need action (placed, ready, raised): the feed is newest first. */
  since: string;
  /** The order's name on the panel ("Table 4 #2"), or the session's label for a call. */
  label: string;
  order?: OrderDto;
  alert?: AlertDto;
  /** A phone that joined through the card and waits to be accepted (or to type the PIN). */
  customer?: CustomerDto;
}

/** What an unfinished order asks of staff now; null when nothing (finished). */
export function orderAction(order: OrderDto): { kind: "order" | "ready"; since: string } | null {
  if (isFinished(order)) return null;
  if (order.status === "ACCEPTED" && order.shipment?.status === "READY") {
    return { kind: "ready", since: order.shipment.readyAt ?? order.acceptedAt ?? order.placedAt };
  }
  return { kind: "order", since: order.placedAt };
}

const alertKind: Record<AlertKind, ActionKind> = { WAITER: "call", BILL: "bill" };

/** Everything at the open sessions that needs someone to act, newest first. */
export function actionItems(state: StaffState, { phonesChecked = true }: { phonesChecked?: boolean } = {}): ActionItem[] {
  const items: ActionItem[] = [];
  for (const session of Object.values(state.sessions)) {
    if (session.status !== "OPEN") continue;
    const orders = ordersOf(state, session.id);
    const labels = orderLabels(session.label, orders);
    for (const order of orders) {
      const action = orderAction(order);
      if (!action) continue;
      items.push({
        key: `${action.kind}:${order.id}`,
        kind: action.kind,
        sessionId: session.id,
        sessionLabel: session.label,
        since: action.since,
        label: labels.get(order.id) ?? session.label,
        order,
      });
    }
    for (const alert of alertsOf(state, session.id)) {
      if (alert.acknowledgedAt !== null) continue;
      const kind = alertKind[alert.kind];
      items.push({
        key: `${kind}:${alert.id}`,
        kind,
        sessionId: session.id,
        sessionLabel: session.label,
        since: alert.raisedAt,
        label: session.label,
        alert,
      });
    }
    // A card-joined phone cannot order until it types the PIN or staff accept it: staff may
    // need to walk over (the location approves phones, or the phone used up its tries).
    for (const customer of phonesChecked ? customersOf(state, session.id) : []) {
      if (customer.removedAt !== null || customer.verifiedAt !== null) continue;
      items.push({
        key: `phone:${customer.id}`,
        kind: "phone",
        sessionId: session.id,
        sessionLabel: session.label,
        since: customer.joinedAt,
        label: session.label,
        customer,
      });
    }
  }
  return items.sort((a, b) => b.since.localeCompare(a.since) || a.key.localeCompare(b.key));
}

/** The feed: action items this device has not marked seen. */
export function unseen(items: readonly ActionItem[], seen: ReadonlySet<string>): ActionItem[] {
  return items.filter((i) => !seen.has(i.key));
}
