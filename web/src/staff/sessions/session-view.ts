/**
 * What the panel shows of a session besides its orders, as pure functions of the live state:
 * who its phones are called, which orders stop it from closing, which calls wait for staff.
 */
import { type AlertDto, type CustomerDto, isUnfinishedOrder, type OrderDto, orderName } from "@ordered/contract/client";
import { t } from "../../i18n/i18n";
import type { LiveState, SessionCore } from "../../realtime/live-state";
import { strings } from "../../strings";

/** Orders that closing must deliver or cancel: not checked by the kitchen yet, or accepted and not at the table. */
export function unfinishedOrders(orders: readonly OrderDto[]): OrderDto[] {
  return orders.filter(isUnfinishedOrder);
}

/**
 * What staff call each phone: the name it gave, or "Guest n" by the order it joined in
 * (counting every phone, removed ones too, so a number never moves to another phone).
 */
export function phoneNames(customers: readonly Pick<CustomerDto, "id" | "displayName">[]): Map<string, string> {
  return new Map(customers.map((c, i) => [c.id, c.displayName ?? strings.session.guest(i + 1)]));
}

/** A bill share's or a call's phone, named as on the phones list; null is the table as a whole. */
export function nameOf(names: ReadonlyMap<string, string>, customerId: string | null, fallback: string | null = null): string {
  if (customerId === null) return t("bill.table");
  return names.get(customerId) ?? fallback ?? strings.session.guestUnknown;
}

/** "just now", "4 min ago", "1 h 5 min ago": how long ago `iso` was at `nowMs`. */
export function timeAgo(iso: string, nowMs: number): string {
  const minutes = Math.floor((nowMs - Date.parse(iso)) / 60_000);
  if (minutes < 1) return strings.session.justNow;
  if (minutes < 60) return strings.session.minutesAgo(minutes);
  return strings.session.hoursAgo(Math.floor(minutes / 60), minutes % 60);
}

/** Calls nobody has acknowledged yet, oldest first. */
export function pendingAlerts(alerts: readonly AlertDto[]): AlertDto[] {
  return alerts.filter((a) => a.acknowledgedAt === null).sort((a, b) => a.raisedAt.localeCompare(b.raisedAt));
}

/** Every open session's calls still waiting, oldest first: the panel's alert strip. */
export function openAlertsOf(state: LiveState<SessionCore>): AlertDto[] {
  const waiting = Object.entries(state.alerts).flatMap(([sessionId, byId]) =>
    state.sessions[sessionId]?.status === "OPEN" ? Object.values(byId) : [],
  );
  return pendingAlerts(waiting);
}

/**
 * An order's name on the panel, "Table 4 #2": the number the server gave it when it was placed
 * (OrderDto.number), so the kitchen's ticket and the phone say the same, before and after a reload.
 */
export function orderLabels(label: string, orders: readonly Pick<OrderDto, "id" | "number">[]): Map<string, string> {
  return new Map(orders.map((o) => [o.id, orderName(label, o.number)]));
}
