/**
 * What the floor shows of each table, derived from the table list and the staff's live
 * state alone: pure functions, so the rules are unit-tested without a browser.
 */
import { billOf, isUnfinishedOrder, type TableDto } from "@ordered/contract/client";
import { alertsOf, customersOf, discountsOf, ordersOf, paymentsOf } from "../../realtime/live-state";
import type { StaffSession, StaffState } from "../sessions/staff-sessions";

/** A rejected or failed order keeps its table flagged this long. */
export const ATTENTION_WINDOW_MS = 15 * 60_000;

/** What calls for staff on a seated table; a tile shows every one that applies. */
export type TileFlag = "attention" | "bill" | "waiting";

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
      /** Most urgent first. */
      flags: TileFlag[];
      /** Whole minutes the oldest unfinished order has waited; null when none waits. */
      waitingMinutes: number | null;
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
export function tableTileState(table: TableDto, state: StaffState, now: number, currency: string): TileState {
  const session = openSessionOf(table, state);
  if (!session) {
    // Listed as seated but not in the live state yet: seated, without details.
    const listed = listedOnly(table, state);
    return listed ? seatedWithoutDetails(listed) : { kind: "free" };
  }
  const orders = ordersOf(state, session.id);
  const customers = customersOf(state, session.id);
  const bill = billOf({
    currency,
    orders,
    payments: paymentsOf(state, session.id),
    customers,
    corrections: discountsOf(state, session.id),
    serviceChargeBps: session.serviceChargeBps,
  });
  const pending = alertsOf(state, session.id).filter((a) => a.acknowledgedAt === null);
  const waiting = orders.filter(isUnfinishedOrder);
  const failedRecently = orders.some(
    (o) => (o.status === "REJECTED" || o.status === "FAILED") && now - Date.parse(o.finishedAt ?? o.placedAt) < ATTENTION_WINDOW_MS,
  );
  const flags: TileFlag[] = [];
  if (failedRecently || pending.some((a) => a.kind === "WAITER")) flags.push("attention");
  if (pending.some((a) => a.kind === "BILL")) flags.push("bill");
  if (waiting.length > 0) flags.push("waiting");
  const oldestWaiting = waiting.reduce<string | null>((min, o) => (min === null || o.placedAt < min ? o.placedAt : min), null);
  return {
    kind: "seated",
    sessionId: session.id,
    seatedMinutes: minutesBetween(session.openedAt, now),
    phones: customers.filter((c) => c.removedAt === null).length,
    totalCents: bill.totalCents,
    pendingCents: bill.pendingCents,
    flags,
    waitingMinutes: oldestWaiting === null ? null : minutesBetween(oldestWaiting, now),
  };
}

function seatedWithoutDetails(sessionId: string): TileState {
  return { kind: "seated", sessionId, seatedMinutes: 0, phones: 0, totalCents: 0, pendingCents: 0, flags: [], waitingMinutes: null };
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
