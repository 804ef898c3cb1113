import type { OrderDto, OrderItemDto, TicketDto } from "@ordered/contract";
import { describe, expect, test } from "vitest";
import { boardOf, newTicketIds } from "../../src/kitchen/kitchen-board";
import { LiveStore } from "../../src/realtime/live-store";
import { BAR, closed, id, KITCHEN, OTHER_SESSION, order, SESSION, session, ticket } from "../support/fixtures";

const at = (m: number) => `2026-11-21T12:${String(m).padStart(2, "0")}:00.000Z`;
const line = (productName: string, stationId: string, note: string | null = null): OrderItemDto => ({
  position: 0,
  productId: id(900),
  productName,
  unitPriceCents: 500,
  quantity: 1,
  note,
  options: [],
  allergens: [],
  stationId,
  seat: null,
  courseId: null,
});

/** Order n with a pizza for the Kitchen and a drink for the Bar, each part at its own status. */
function mixed(n: number, kitchen: Partial<TicketDto>, bar: Partial<TicketDto>, overrides: Partial<OrderDto> = {}): OrderDto {
  return order(n, "preparing", {
    items: [line("Margherita", KITCHEN, "no nuts"), line("Spritz", BAR)],
    tickets: [ticket(n * 2, { stationId: KITCHEN, ...kitchen }), ticket(n * 2 + 1, { stationId: BAR, station: "Bar", ...bar })],
    ...overrides,
  });
}

function stateWith(orders: OrderDto[], other: OrderDto[] = []) {
  const store = new LiveStore();
  store.seed(session({ label: "Table 1", lastSeq: 5 }), orders);
  store.seed(session({ id: OTHER_SESSION, label: "Table 2", lastSeq: 5 }), other);
  return store;
}

/** "Table 1 #2" per column, for short expectations. */
const names = (cards: ReturnType<typeof boardOf>["NEW"]) => cards.map((c) => `${c.table} #${c.number}`);

describe("boardOf: which tickets a station shows, where, in which order", () => {
  test("each station sees only its ticket and its own lines", () => {
    const store = stateWith([mixed(1, { status: "NEW" }, { status: "PREPARING" })]);
    const kitchen = boardOf(store.getState(), KITCHEN);
    const bar = boardOf(store.getState(), BAR);
    expect(names(kitchen.NEW)).toEqual(["Table 1 #1"]);
    expect(kitchen.NEW[0]!.items.map((i) => i.productName)).toEqual(["Margherita"]);
    expect(names(kitchen.PREPARING)).toEqual([]);
    expect(names(bar.PREPARING)).toEqual(["Table 1 #1"]);
    expect(bar.PREPARING[0]!.items.map((i) => i.productName)).toEqual(["Spritz"]);
  });

  test("oldest first across tables; ready ones by when they became ready", () => {
    const store = stateWith(
      [
        mixed(1, { status: "NEW", createdAt: at(5) }, {}),
        mixed(2, { status: "READY", createdAt: at(1), readyAt: at(9) }, {}),
        mixed(3, { status: "READY", createdAt: at(6), readyAt: at(7) }, {}),
      ],
      [
        mixed(4, { status: "NEW", createdAt: at(2) }, {}, { sessionId: OTHER_SESSION, number: 1 }),
        mixed(5, { status: "PREPARING", createdAt: at(3) }, {}, { sessionId: OTHER_SESSION, number: 2 }),
      ],
    );
    const board = boardOf(store.getState(), KITCHEN);
    expect(names(board.NEW)).toEqual(["Table 2 #1", "Table 1 #1"]);
    expect(names(board.PREPARING)).toEqual(["Table 2 #2"]);
    expect(names(board.READY)).toEqual(["Table 1 #3", "Table 1 #2"]);
    expect(newTicketIds(board)).toEqual([id(1108), id(1102)]);
  });

  test("numbers tickets with the server's number, not their place among what the display holds", () => {
    // After a reload the display holds only the orders being prepared: Table 1's #1 and #2 were
    // delivered, so #3 is its only order here, and stays #3 as on the panel and the phone.
    const store = stateWith([mixed(3, { status: "NEW" }, {})]);
    expect(names(boardOf(store.getState(), KITCHEN).NEW)).toEqual(["Table 1 #3"]);
  });

  test("delivered, cancelled and not-yet-accepted orders, and closed tables, are off the display", () => {
    const store = stateWith([
      mixed(1, { status: "READY" }, {}, { status: "DELIVERED", shipment: { status: "DELIVERED", readyAt: at(1), deliveredAt: at(2) } }),
      mixed(2, {}, {}, { status: "CANCELLED", shipment: { status: "CANCELLED", readyAt: null, deliveredAt: null } }),
      order(3), // placed: no tickets yet
      mixed(4, { status: "READY" }, { status: "READY" }, { shipment: { status: "READY", readyAt: at(3), deliveredAt: null } }),
    ]);
    expect(names(boardOf(store.getState(), KITCHEN).READY)).toEqual(["Table 1 #4"]);
    store.receive(closed(6, SESSION));
    const board = boardOf(store.getState(), KITCHEN);
    expect([...board.NEW, ...board.PREPARING, ...board.READY]).toEqual([]);
  });

  test("an order without a line for the station leaves it alone", () => {
    const drinksOnly = order(1, "preparing", { items: [line("Spritz", BAR)], tickets: [ticket(1, { stationId: BAR, station: "Bar" })] });
    const store = stateWith([drinksOnly]);
    const board = boardOf(store.getState(), KITCHEN);
    expect([...board.NEW, ...board.PREPARING, ...board.READY]).toEqual([]);
    expect(names(boardOf(store.getState(), BAR).NEW)).toEqual(["Table 1 #1"]);
  });
});

describe("boardOf: courses held and fired (issue 32, item 3)", () => {
  const STARTERS = id(1301);
  const MAINS = id(1302);
  const course = (productName: string, courseId: string): OrderItemDto => ({ ...line(productName, KITCHEN), courseId });

  test("one ticket per course; a held one waits last in New with its course's name, without the new-ticket cue; a fired one ages from its firing", () => {
    const o = order(1, "preparing", {
      items: [course("Burrata", STARTERS), course("Diavola", MAINS)],
      tickets: [
        ticket(1, { courseId: STARTERS, course: "Starters", createdAt: at(0), firedAt: at(0) }),
        ticket(2, { courseId: MAINS, course: "Mains", createdAt: at(0), firedAt: null }),
      ],
    });
    const later = mixed(2, { createdAt: at(5), firedAt: at(5) }, {});
    const board = boardOf(stateWith([o, later]).getState(), KITCHEN);
    expect(board.NEW.map((c) => [c.number, c.held, c.items.map((i) => i.productName)])).toEqual([
      [1, null, ["Burrata"]],
      [2, null, ["Margherita"]],
      [1, "Mains", ["Diavola"]],
    ]);
    expect(newTicketIds(board)).toEqual([id(1101), id(1104)]);
    // Fired at 12:10, the mains come after the 12:05 ticket: their clock starts when fired.
    const fired = { ...o, tickets: [o.tickets[0]!, { ...o.tickets[1]!, firedAt: at(10) }] };
    expect(boardOf(stateWith([fired, later]).getState(), KITCHEN).NEW.map((c) => [c.number, c.held])).toEqual([
      [1, null],
      [2, null],
      [1, null],
    ]);
  });
});
