/**
 * An order's whole life as data: the statuses, which moves are allowed and who makes them.
 * The server guards every transition with these tables (orders/), the web app draws its
 * buttons and timeline from them, the simulator follows them. Drawn in docs/architecture.md.
 */
import type { TicketStatus } from "./kitchen.js";

export const ORDER_STATUSES = ["PLACED", "ACCEPTED", "REJECTED", "DELIVERED", "CANCELLED", "FAILED"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** The delivery of an accepted order to its table. */
export const SHIPMENT_STATUSES = ["PREPARING", "READY", "DELIVERED", "CANCELLED"] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

/** Who makes a move: the pipeline's stages or a staff member. */
export type Actor = "pipeline" | "staff";

/** Allowed order moves, from → to → who. A status with no moves is final. */
export const ORDER_TRANSITIONS = {
  PLACED: { ACCEPTED: "pipeline", REJECTED: "pipeline", FAILED: "pipeline", CANCELLED: "staff" },
  ACCEPTED: { DELIVERED: "staff", CANCELLED: "staff" },
  REJECTED: {},
  DELIVERED: {},
  CANCELLED: {},
  FAILED: {},
} as const satisfies Record<OrderStatus, Partial<Record<OrderStatus, Actor>>>;

/**
 * Allowed shipment moves. The shipment is created PREPARING when its order is accepted
 * (the pipeline's shipping stage); its DELIVERED delivers the order too.
 */
export const SHIPMENT_TRANSITIONS = {
  PREPARING: { READY: "staff", CANCELLED: "staff" },
  // PREPARING again: a station recalled its bump (kitchen.ts).
  READY: { DELIVERED: "staff", CANCELLED: "staff", PREPARING: "staff" },
  DELIVERED: {},
  CANCELLED: {},
} as const satisfies Record<ShipmentStatus, Partial<Record<ShipmentStatus, Actor>>>;

export function canMoveOrder(from: OrderStatus, to: OrderStatus): boolean {
  return to in ORDER_TRANSITIONS[from];
}

export function canMoveShipment(from: ShipmentStatus, to: ShipmentStatus): boolean {
  return to in SHIPMENT_TRANSITIONS[from];
}

export function isFinalOrderStatus(status: OrderStatus): boolean {
  return Object.keys(ORDER_TRANSITIONS[status]).length === 0;
}

/**
 * The rules that group orders by status, stated once here and used by the bill (bill.ts), the
 * day's report and the close (as SQL parameters: `o.status = ANY(${BILLED_ORDER_STATUSES})`),
 * and the panel. A test holds them to the transition table above.
 */

/** Orders the table owes for: the kitchen accepted them (the bill's lines, the day's revenue). */
export const BILLED_ORDER_STATUSES = ["ACCEPTED", "DELIVERED"] as const satisfies readonly OrderStatus[];

/** Orders the kitchen has not checked yet: shown on the bill as pending, not owed. */
export const PENDING_ORDER_STATUSES = ["PLACED"] as const satisfies readonly OrderStatus[];

/**
 * Orders not finished: every status with a move out (not final). Closing a session must deliver
 * or cancel them; the panel counts them as waiting.
 */
export const UNFINISHED_ORDER_STATUSES = ["PLACED", "ACCEPTED"] as const satisfies readonly OrderStatus[];

const has = (statuses: readonly OrderStatus[], status: OrderStatus) => statuses.includes(status);

export function isBilledOrder(o: Pick<OrderState, "status">): boolean {
  return has(BILLED_ORDER_STATUSES, o.status);
}

export function isPendingOrder(o: Pick<OrderState, "status">): boolean {
  return has(PENDING_ORDER_STATUSES, o.status);
}

/**
 * An order someone still has to do something with: its status is unfinished and it is not at
 * the table (a delivered shipment delivers its order in the same statement, so SQL, which
 * sees both at once, needs only the status).
 */
export function isUnfinishedOrder(o: OrderState): boolean {
  return has(UNFINISHED_ORDER_STATUSES, o.status) && o.shipment?.status !== "DELIVERED";
}

/** The status of a voided order: cancelled after the kitchen accepted it (with `acceptedAt` set). */
export const VOIDED_ORDER_STATUS = "CANCELLED" satisfies OrderStatus;

/**
 * Food the venue paid for and nobody eats: cancelled after it was accepted. The bill's
 * `voidedCents` and the day's VOID adjustments count these.
 */
export function isVoidedOrder(o: { status: OrderStatus; acceptedAt: string | null }): boolean {
  return o.status === VOIDED_ORDER_STATUS && o.acceptedAt !== null;
}

/** The shipment statuses staff move an order through, in order (what `order:advance` accepts). */
export const ADVANCE_STEPS = ["READY", "DELIVERED"] as const satisfies readonly ShipmentStatus[];
export type AdvanceStep = (typeof ADVANCE_STEPS)[number];

/** What an order needs for the questions below. */
export interface OrderState {
  status: OrderStatus;
  shipment: { status: ShipmentStatus; readyAt?: string | null } | null;
}

/** The step staff take next on an order (the panel's button), or null if there is none. */
export function nextAdvanceStep(o: OrderState): AdvanceStep | null {
  if (o.status !== "ACCEPTED" || !o.shipment) return null;
  const moves = SHIPMENT_TRANSITIONS[o.shipment.status] as Partial<Record<ShipmentStatus, Actor>>;
  return ADVANCE_STEPS.find((step) => moves[step] === "staff") ?? null;
}

/** Whether staff may still cancel the order. */
export function canCancel(o: OrderState): boolean {
  if (!canMoveOrder(o.status, "CANCELLED")) return false;
  return !o.shipment || canMoveShipment(o.shipment.status, "CANCELLED");
}

/** The stages a guest sees an order go through, in order. */
export const ORDER_STAGES = ["placed", "accepted", "preparing", "ready", "delivered"] as const;
export type OrderStage = (typeof ORDER_STAGES)[number];

/** How an order ended when it did not reach the table. */
export type OrderEnd = "rejected" | "cancelled" | "failed";

/**
 * The last stage an order reached (index into ORDER_STAGES), and how it ended if it did not
 * reach the table. The staff screens' rule (orderViewOf): accepted is not preparing until a
 * station has started one of its tickets, so the phone never says "Preparing" while the
 * kitchen's display still shows the order as New.
 */
export function stageOf(o: OrderWithTickets & { acceptedAt?: string | null }): { reached: number; end: OrderEnd | null } {
  const ship = o.shipment?.status;
  let reached = 0;
  if (o.acceptedAt || o.status === "ACCEPTED" || o.status === "DELIVERED") reached = 1;
  // Tickets stay on an order that ended, so a cancelled order a station had started shows it.
  if (o.tickets.some((t) => t.status !== "NEW")) reached = 2;
  // readyAt: an order cancelled after it was ready had reached "ready".
  if (ship === "READY" || ship === "DELIVERED" || o.shipment?.readyAt || o.status === "DELIVERED") reached = 3;
  if (ship === "DELIVERED" || o.status === "DELIVERED") reached = 4;
  const end = o.status === "REJECTED" ? "rejected" : o.status === "CANCELLED" ? "cancelled" : o.status === "FAILED" ? "failed" : null;
  return { reached, end };
}

/**
 * How far along an order is, for choosing between two copies of it that did not both come
 * through the session log (an ack racing the events): the further one wins.
 */
export function progress(o: OrderWithTickets): number {
  if (isFinalOrderStatus(o.status)) return ORDER_STAGES.length;
  return stageOf(o).reached;
}

/**
 * What an order is, in one word, on every staff screen (panel, kitchen display, dialogs) and
 * in staff commands that act on what a person saw: PLACED (not checked yet), NEW (accepted,
 * no station has started it), PREPARING (a station started), READY, then how it ended.
 */
export const ORDER_VIEWS = ["PLACED", "NEW", "PREPARING", "READY", "DELIVERED", "REJECTED", "CANCELLED", "FAILED"] as const;
export type OrderView = (typeof ORDER_VIEWS)[number];

/** An order with its stations' tickets (OrderDto has both). */
export interface OrderWithTickets extends OrderState {
  tickets: readonly { status: TicketStatus }[];
}

/** The words staff screens show for each view, and server messages use (staff screens are English for now). */
export const ORDER_VIEW_WORDS: Record<OrderView, string> = {
  PLACED: "Placed",
  NEW: "New",
  PREPARING: "Preparing",
  READY: "Ready",
  DELIVERED: "Delivered",
  REJECTED: "Rejected",
  CANCELLED: "Cancelled",
  FAILED: "Failed",
};

export function orderViewOf(o: OrderWithTickets): OrderView {
  if (o.status !== "ACCEPTED") return o.status;
  const ship = o.shipment?.status;
  if (ship === "READY" || ship === "DELIVERED") return ship;
  return o.tickets.some((t) => t.status !== "NEW") ? "PREPARING" : "NEW";
}

/**
 * Whether an order moved on, for a staff action, from what the person saw: the pipeline
 * accepting it (PLACED → NEW) does not count, since nothing was cooked either way.
 */
export function movedOnSince(seen: OrderView, now: OrderView): boolean {
  const untouched = (v: OrderView) => v === "PLACED" || v === "NEW";
  return seen !== now && !(untouched(seen) && untouched(now));
}

/**
 * An order's name on every screen that names it to staff: "Table 4 #2", its session's label
 * and its number there (OrderDto.number, given by the server when it was placed).
 */
export function orderName(sessionLabel: string, number: number): string {
  return `${sessionLabel} #${number}`;
}

/**
 * The tickets a station has not finished (NEW or PREPARING). While there are any the kitchen
 * owns the order: the floor's READY needs `overrideKitchen` (advance-order.ts), and the
 * panel asks "Mark ready for the kitchen?" first.
 */
export function unfinishedTickets<T extends { status: TicketStatus }>(o: { tickets: readonly T[] }): T[] {
  return o.tickets.filter((t) => t.status !== "READY");
}

/**
 * Whether the kitchen has put work into it: a station started it, or it is ready or served.
 * Cancelling such an order throws food away: it needs `orders.void` and a reason.
 */
export function kitchenStarted(o: OrderWithTickets): boolean {
  const view = orderViewOf(o);
  return view === "PREPARING" || view === "READY" || view === "DELIVERED";
}
