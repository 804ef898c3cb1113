/**
 * What the floor shows of each table, derived from the table list and the staff's live
 * state alone: pure functions, so the rules are unit-tested without a browser.
 */
import { billOf, isUnfinishedOrder, type OrderDto, type TableDto } from "@ordered/contract/client";
import { alertsOf, customersOf, discountsOf, ordersOf, paymentsOf } from "../../realtime/live-state";
import type { StaffSession, StaffState } from "../sessions/staff-sessions";

/** A rejected or failed order keeps its table flagged this long. */
export const ATTENTION_WINDOW_MS = 15 * 60_000;

/**
 * What a seated table waits for, most urgent first; a tile shows every one that applies:
 * a guest calling, the bill asked for, food ready at the pass, an order that failed, a phone
 * to accept, a course held for the waiter to fire, food still in the kitchen.
 */
export const TILE_FLAGS = ["call", "bill", "ready", "attention", "phone", "held", "waiting"] as const;
export type TileFlag = (typeof TILE_FLAGS)[number];

export type TileState =
  | { kind: "free" }
  | {
      kind: "seated";
      sessionId: string;
      /** Whole minutes since the session opened. */
      seatedMinutes: number;
      /** Phones that joined and were not removed. */
      phones: number;
      /** The running bill (accepted and delivered orders), from billOf. */
      totalCents: number;
      /** Orders the kitchen has not checked yet. */
      pendingCents: number;
      /** Most urgent first (TILE_FLAGS' order). */
      flags: TileFlag[];
      /** Whole minutes the oldest order still in the kitchen has waited; null when none is. */
      waitingMinutes: number | null;
      /** Orders ready at the pass for a waiter to run, and whole minutes the first has waited there. */
      ready: number;
      readyMinutes: number | null;
      /** The courses held at this table for the waiter to fire ("Mains"). */
      heldCourses: string[];
    };

/**
 * The open session on `table`: the live state's (it hears of sessions first), else
 * the one the table list named, unless the live state already saw it close.
 */
export function openSessionOf(table: TableDto, state: StaffState): StaffSession | null {
  let live: StaffSession | null = null;
  for (const s of Object.values(state.sessions)) {
    if (s.tableId === table.id && s.status === "OPEN" && (!live || s.openedAt > live.openedAt)) live = s;
  }
  if (live) return live;
  const listed = table.openSessionId ? state.sessions[table.openSessionId] : undefined;
  return listed?.status === "OPEN" ? listed : null;
}

/** The table is seated, as far as the live state and the table list know. */
export function isSeated(table: TableDto, state: StaffState): boolean {
  return openSessionOf(table, state) !== null || listedOnly(table, state) !== null;
}

/** A session the table list names that the live state has not heard of yet (nor seen close). */
function listedOnly(table: TableDto, state: StaffState): string | null {
  return table.openSessionId && state.sessions[table.openSessionId]?.status !== "CLOSED" ? table.openSessionId : null;
}

/** One table's tile as of `now` (ms since the epoch). */
export function tableTileState(
  table: TableDto,
  state: StaffState,
  now: number,
  currency: string,
  options: { phonesChecked?: boolean } = {},
): TileState {
  const session = openSessionOf(table, state);
  if (!session) {
    // Listed as seated but not in the live state yet: seated, without details.
    const listed = listedOnly(table, state);
    return listed ? seatedWithoutDetails(listed) : { kind: "free" };
  }
  return sessionTileState(session, state, now, currency, options);
}

/** Food at the pass: the kitchen (or the floor) marked it ready and nobody took it to the table yet. */
export const isReadyToRun = (o: Pick<OrderDto, "status" | "shipment">) => o.status === "ACCEPTED" && o.shipment?.status === "READY";

/** A seated session's tile (a table's, or one without a table: a counter order, a label) as of `now`. */
export function sessionTileState(
  session: StaffSession,
  state: StaffState,
  now: number,
  currency: string,
  { phonesChecked = true }: { phonesChecked?: boolean } = {},
): TileState & { kind: "seated" } {
  const orders = ordersOf(state, session.id);
  const customers = customersOf(state, session.id);
  const bill = billOf({
    currency,
    orders,
    payments: paymentsOf(state, session.id),
    customers,
    corrections: discountsOf(state, session.id),
    serviceChargeBps: session.serviceChargeBps,
    pricesIncludeTax: session.pricesIncludeTax,
  });
  const pending = alertsOf(state, session.id).filter((a) => a.acknowledgedAt === null);
  const ready = orders.filter(isReadyToRun);
  // In the kitchen: unfinished and not at the pass; a held course waits for the waiter, not the kitchen.
  const inKitchen = orders.filter((o) => isUnfinishedOrder(o) && !isReadyToRun(o) && !allHeld(o));
  const heldCourses = heldCoursesOf(orders);
  const failedRecently = orders.some(
    (o) => (o.status === "REJECTED" || o.status === "FAILED") && now - Date.parse(o.finishedAt ?? o.placedAt) < ATTENTION_WINDOW_MS,
  );
  const phoneWaits = phonesChecked && customers.some((c) => c.removedAt === null && c.verifiedAt === null);
  const applies: Record<TileFlag, boolean> = {
    call: pending.some((a) => a.kind === "WAITER"),
    bill: pending.some((a) => a.kind === "BILL"),
    ready: ready.length > 0,
    attention: failedRecently,
    phone: phoneWaits,
    held: heldCourses.length > 0,
    waiting: inKitchen.length > 0,
  };
  const flags = TILE_FLAGS.filter((f) => applies[f]);
  const oldestWaiting = earliest(inKitchen.map((o) => o.placedAt));
  const firstReady = earliest(ready.map((o) => o.shipment?.readyAt ?? o.placedAt));
  return {
    kind: "seated",
    sessionId: session.id,
    seatedMinutes: minutesBetween(session.openedAt, now),
    phones: customers.filter((c) => c.removedAt === null).length,
    totalCents: bill.totalCents,
    pendingCents: bill.pendingCents,
    flags,
    waitingMinutes: oldestWaiting === null ? null : minutesBetween(oldestWaiting, now),
    ready: ready.length,
    readyMinutes: firstReady === null ? null : minutesBetween(firstReady, now),
    heldCourses,
  };
}

/** An accepted order whose every ticket is held: nothing of it is in the kitchen yet. */
const allHeld = (o: OrderDto) => o.status === "ACCEPTED" && o.tickets.length > 0 && o.tickets.every((t) => t.firedAt === null);

/** The names of the courses held at a table (a held ticket of an accepted order), in ticket order. */
export function heldCoursesOf(orders: readonly OrderDto[]): string[] {
  const names = new Set<string>();
  for (const o of orders) {
    if (o.status !== "ACCEPTED") continue;
    for (const t of o.tickets) if (t.firedAt === null && t.course) names.add(t.course);
  }
  return [...names];
}

function earliest(times: readonly string[]): string | null {
  return times.reduce<string | null>((min, t) => (min === null || t < min ? t : min), null);
}

function seatedWithoutDetails(sessionId: string): TileState {
  return {
    kind: "seated",
    sessionId,
    seatedMinutes: 0,
    phones: 0,
    totalCents: 0,
    pendingCents: 0,
    flags: [],
    waitingMinutes: null,
    ready: 0,
    readyMinutes: null,
    heldCourses: [],
  };
}

function minutesBetween(iso: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
}

/** The tile's look: its most urgent flag, else free or seated. */
export function tileTone(tile: TileState): "free" | "seated" | TileFlag {
  if (tile.kind === "free") return "free";
  return tile.flags[0] ?? "seated";
}

export interface AreaGroup {
  /** null: tables without an area (or a venue that uses none). */
  area: string | null;
  tables: TableDto[];
}

/**
 * Tables in floor order, grouped by area; areas in the order their first table comes.
 * A venue without areas gets one group with area null.
 */
export function groupByArea(tables: readonly TableDto[]): AreaGroup[] {
  const groups = new Map<string | null, TableDto[]>();
  for (const t of [...tables].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))) {
    const key = t.area?.trim() || null;
    const group = groups.get(key);
    if (group) group.push(t);
    else groups.set(key, [t]);
  }
  return [...groups].map(([area, list]) => ({ area, tables: list }));
}

/** The ids in their new order after moving `id` one place up (-1) or down (+1); unchanged at the ends. */
export function moveId(ids: readonly string[], id: string, by: -1 | 1): string[] {
  const from = ids.indexOf(id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= ids.length) return [...ids];
  const next = [...ids];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

/** Splits a list into pages of `size` (the print sheet's cards per A4 page). */
export function pagesOf<T>(items: readonly T[], size: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages;
}
