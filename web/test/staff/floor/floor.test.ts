import { type OrderDto, type SessionDto, TableDto } from "@ordered/contract";
import { describe, expect, test } from "vitest";
import { LiveStore } from "../../../src/realtime/live-store";
import {
  ATTENTION_WINDOW_MS,
  groupByArea,
  isSeated,
  moveId,
  openSessionOf,
  pagesOf,
  type TileState,
  tableTileState,
  tileTone,
} from "../../../src/staff/floor/floor";
import type { StaffSession } from "../../../src/staff/sessions/staff-sessions";
import { alert, closed, customer, id, opened, order, payment, placed, SESSION, session, ticket } from "../../support/fixtures";

const TABLE = id(600);
/** 12:42, forty-two minutes after the fixtures' sessions opened. */
const NOW = Date.parse("2026-11-21T12:42:00.000Z");

function table(overrides: Partial<TableDto> = {}): TableDto {
  return TableDto.parse({
    id: TABLE,
    name: "Table 4",
    area: null,
    seats: 4,
    position: 0,
    cardUrl: "http://127.0.0.1/t/card",
    retired: false,
    openSessionId: null,
    ...overrides,
    // The deprecated name the server still sends alongside (docs/architecture.md, "Words").
    seatingId: overrides.openSessionId ?? null,
  });
}

/** A store holding one session on TABLE, seeded with what a session detail carries. */
function seated(
  parts: {
    orders?: OrderDto[];
    customers?: ReturnType<typeof customer>[];
    alerts?: ReturnType<typeof alert>[];
    payments?: ReturnType<typeof payment>[];
  } = {},
  overrides: Partial<SessionDto> = {},
) {
  const store = new LiveStore<StaffSession>();
  store.seed(session({ tableId: TABLE, ...overrides }), parts.orders ?? [], {
    customers: parts.customers ?? [],
    alerts: parts.alerts ?? [],
    payments: parts.payments ?? [],
  });
  return store;
}

const tileOf = (store: LiveStore<StaffSession>, t = table({ openSessionId: SESSION }), now = NOW) =>
  tableTileState(t, store.getState(), now, "EUR");

function seatedTile(tile: TileState) {
  if (tile.kind !== "seated") throw new Error(`expected a seated tile, got ${tile.kind}`);
  return tile;
}

describe("tableTileState", () => {
  test("a table nobody sits at is free", () => {
    const store = new LiveStore<StaffSession>();
    expect(tableTileState(table(), store.getState(), NOW, "EUR")).toEqual({ kind: "free" });
    expect(tileTone({ kind: "free" })).toBe("free");
  });

  test("a seated table shows how long, how many phones (removed ones not counted) and the running total", () => {
    const store = seated({
      orders: [order(1, "delivered"), order(2, "delivered", { totalCents: 400, items: [] })],
      customers: [customer(1), customer(2), customer(3, { removedAt: "2026-11-21T12:10:00.000Z" })],
    });
    const tile = seatedTile(tileOf(store));
    expect(tile).toMatchObject({ sessionId: SESSION, seatedMinutes: 42, phones: 2, flags: [], waitingMinutes: null });
    // billOf counts lines, not the order's own total: order 2 has no items.
    expect(tile.totalCents).toBe(950);
    expect(tileTone(tile)).toBe("seated");
  });

  test("the total counts what the kitchen accepted; placed orders are pending, rejected ones nothing", () => {
    const store = seated({
      orders: [
        order(1, "accepted"),
        order(2, "placed"),
        order(3, "placed", { status: "REJECTED", finishedAt: "2026-11-21T11:00:00.000Z" }),
      ],
    });
    const tile = seatedTile(tileOf(store));
    expect(tile.totalCents).toBe(950);
    expect(tile.pendingCents).toBe(950);
  });

  test("a net-price session's tile adds the tax its session opened with (issue 33)", () => {
    const taxed = (o: OrderDto): OrderDto => ({ ...o, items: o.items.map((i) => ({ ...i, taxRateBps: 1000, taxName: "A" })) });
    const net = seated({ orders: [taxed(order(1, "delivered"))] }, { pricesIncludeTax: false });
    expect(seatedTile(tileOf(net)).totalCents).toBe(950 + 95);
    const gross = seated({ orders: [taxed(order(1, "delivered"))] });
    expect(seatedTile(tileOf(gross)).totalCents).toBe(950);
  });

  test("payments do not lower the total shown", () => {
    const store = seated({ orders: [order(1, "delivered")], payments: [payment(1, 950)] });
    expect(seatedTile(tileOf(store)).totalCents).toBe(950);
  });

  test("an order placed, or accepted and still in the kitchen, makes the table wait, since its oldest order", () => {
    for (const stage of ["placed", "accepted", "preparing"] as const) {
      const store = seated({ orders: [order(1, stage, { placedAt: "2026-11-21T12:30:00.000Z" }), order(2, "delivered")] });
      const tile = seatedTile(tileOf(store));
      expect(tile.flags).toEqual(["waiting"]);
      expect(tile.waitingMinutes).toBe(12);
      expect(tileTone(tile)).toBe("waiting");
    }
    expect(seatedTile(tileOf(seated({ orders: [order(1, "delivered"), order(2, "cancelled")] }))).flags).toEqual([]);
  });

  test("an unacknowledged bill request shows; an acknowledged one does not", () => {
    expect(seatedTile(tileOf(seated({ alerts: [alert(1, { kind: "BILL" })] }))).flags).toEqual(["bill"]);
    expect(seatedTile(tileOf(seated({ alerts: [alert(1, { kind: "BILL", acknowledgedBy: "Marco" })] }))).flags).toEqual([]);
  });

  test("food at the pass says so, with how many orders and since when, not that the table waits", () => {
    const readyAt = "2026-11-21T12:37:00.000Z";
    const store = seated({
      orders: [
        order(1, "ready", { shipment: { status: "READY", readyAt, deliveredAt: null } }),
        order(2, "ready", { shipment: { status: "READY", readyAt: "2026-11-21T12:40:00.000Z", deliveredAt: null } }),
      ],
    });
    const tile = seatedTile(tileOf(store));
    expect(tile.flags).toEqual(["ready"]);
    expect(tile).toMatchObject({ ready: 2, readyMinutes: 5, waitingMinutes: null });
    expect(tileTone(tile)).toBe("ready");
    // One ready, one still cooking: both show, the food to run first.
    const mixed = seatedTile(tileOf(seated({ orders: [order(1, "ready"), order(2, "preparing")] })));
    expect(mixed.flags).toEqual(["ready", "waiting"]);
  });

  test("a course held for the waiter shows by name, and its order does not count as waiting for the kitchen", () => {
    const mains = { courseId: id(700), course: "Mains" };
    const store = seated({ orders: [order(1, "accepted", { tickets: [ticket(1, { ...mains, firedAt: null })] })] });
    const tile = seatedTile(tileOf(store));
    expect(tile.flags).toEqual(["held"]);
    expect(tile.heldCourses).toEqual(["Mains"]);
    expect(tile.waitingMinutes).toBeNull();
    // Starters fired, mains held: the kitchen has the starters.
    const both = seated({
      orders: [
        order(1, "accepted", { tickets: [ticket(1, { courseId: id(701), course: "Starters" }), ticket(2, { ...mains, firedAt: null })] }),
      ],
    });
    expect(seatedTile(tileOf(both)).flags).toEqual(["held", "waiting"]);
  });

  test("a card-joined phone waiting to be accepted shows, unless the location does not check phones", () => {
    const store = seated({ customers: [customer(1, { verifiedAt: null, verifiedHow: null })] });
    expect(seatedTile(tileOf(store)).flags).toEqual(["phone"]);
    const t = table({ openSessionId: SESSION });
    expect(seatedTile(tableTileState(t, store.getState(), NOW, "EUR", { phonesChecked: false })).flags).toEqual([]);
  });

  test("an unacknowledged waiter call outranks the bill, food at the pass and waiting", () => {
    const store = seated({
      orders: [order(1), order(2, "ready")],
      alerts: [alert(1, { kind: "BILL" }), alert(2, { kind: "WAITER" })],
    });
    const tile = seatedTile(tileOf(store));
    expect(tile.flags).toEqual(["call", "bill", "ready", "waiting"]);
    expect(tileTone(tile)).toBe("call");
    expect(seatedTile(tileOf(seated({ alerts: [alert(1, { acknowledgedBy: "Marco" })] }))).flags).toEqual([]);
  });

  test("an order rejected or failed recently needs attention; an old one no longer does", () => {
    for (const status of ["REJECTED", "FAILED"] as const) {
      const at = new Date(NOW - 60_000).toISOString();
      const store = seated({ orders: [order(1, "placed", { status, statusReason: "Sold out", finishedAt: at })] });
      expect(seatedTile(tileOf(store)).flags).toEqual(["attention"]);
      expect(seatedTile(tileOf(store, undefined, NOW + ATTENTION_WINDOW_MS)).flags).toEqual([]);
    }
    // A cancelled order was staff's own doing: nothing to attend to.
    expect(seatedTile(tileOf(seated({ orders: [order(1, "cancelled", { finishedAt: new Date(NOW).toISOString() })] }))).flags).toEqual([]);
  });

  test("the live state knows of a session before the table list does, and of its close", () => {
    const store = new LiveStore<StaffSession>();
    store.seed(session({ lastSeq: 0, tableId: TABLE }), []);
    store.receive(opened(1, session({ tableId: TABLE })));
    expect(tableTileState(table({ openSessionId: null }), store.getState(), NOW, "EUR").kind).toBe("seated");
    expect(isSeated(table({ openSessionId: null }), store.getState())).toBe(true);
    store.receive(closed(2));
    expect(tableTileState(table({ openSessionId: SESSION }), store.getState(), NOW, "EUR")).toEqual({ kind: "free" });
    expect(isSeated(table({ openSessionId: SESSION }), store.getState())).toBe(false);
  });

  test("a session the list names but the live state has not heard of yet shows seated, without details", () => {
    const store = new LiveStore<StaffSession>();
    expect(tableTileState(table({ openSessionId: id(42) }), store.getState(), NOW, "EUR")).toMatchObject({
      kind: "seated",
      sessionId: id(42),
      phones: 0,
      totalCents: 0,
    });
  });

  test("orders placed after the snapshot count as they arrive", () => {
    const store = seated();
    store.receive(placed(2, order(1)));
    expect(seatedTile(tileOf(store)).flags).toEqual(["waiting"]);
  });

  test("another table's session is not this table's", () => {
    const store = seated({}, { tableId: id(601) });
    expect(openSessionOf(table(), store.getState())).toBeNull();
    expect(tableTileState(table(), store.getState(), NOW, "EUR")).toEqual({ kind: "free" });
  });
});

describe("groupByArea", () => {
  test("a venue without areas gets one group in floor order", () => {
    const tables = [table({ id: id(2), name: "B", position: 1 }), table({ id: id(1), name: "A", position: 0 })];
    expect(groupByArea(tables)).toEqual([{ area: null, tables: [tables[1], tables[0]] }]);
  });

  test("areas come in the order of their first table; tables keep floor order inside", () => {
    const t = (n: number, area: string | null, position: number) => table({ id: id(n), name: `T${n}`, area, position });
    const groups = groupByArea([t(1, "Terrace", 2), t(2, "Inside", 0), t(3, null, 1), t(4, "Inside", 3), t(5, "Terrace", 4)]);
    expect(groups.map((g) => [g.area, g.tables.map((x) => x.name)])).toEqual([
      ["Inside", ["T2", "T4"]],
      [null, ["T3"]],
      ["Terrace", ["T1", "T5"]],
    ]);
  });
});

describe("moveId and pagesOf", () => {
  test("moves one place up or down, and not past the ends", () => {
    expect(moveId(["a", "b", "c"], "b", -1)).toEqual(["b", "a", "c"]);
    expect(moveId(["a", "b", "c"], "b", 1)).toEqual(["a", "c", "b"]);
    expect(moveId(["a", "b", "c"], "a", -1)).toEqual(["a", "b", "c"]);
    expect(moveId(["a", "b", "c"], "c", 1)).toEqual(["a", "b", "c"]);
    expect(moveId(["a"], "x", 1)).toEqual(["a"]);
  });

  test("splits cards into A4 pages of six", () => {
    expect(pagesOf([1, 2, 3, 4, 5, 6, 7], 6)).toEqual([[1, 2, 3, 4, 5, 6], [7]]);
    expect(pagesOf([], 6)).toEqual([]);
  });
});
