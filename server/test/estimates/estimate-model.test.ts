import { describe, expect, it } from "vitest";
import {
  DEFAULT_PREP_SECONDS,
  estimateTickets,
  LATE_REMAINDER_SECONDS,
  orderEstimate,
  type PrepTimes,
} from "../../src/estimates/estimate-model.js";

const GRILL = "grill";
const prep: PrepTimes = {
  products: new Map([
    [`${GRILL}:steak`, 900],
    [`${GRILL}:burger`, 600],
  ]),
  stations: new Map([[GRILL, { prepSeconds: 600, startDelaySeconds: 60 }]]),
};
const ticket = (
  id: string,
  status: "NEW" | "PREPARING" | "READY",
  productId: string,
  quantity = 1,
  ago: { fired?: number | null; started?: number } = {},
) => ({
  id,
  orderId: `order-${id}`,
  stationId: GRILL,
  status,
  firedAgo: ago.fired === undefined ? 0 : ago.fired,
  startedAgo: ago.started ?? null,
  lines: [{ productId, quantity }],
});

describe("the waiting-time model", () => {
  it("counts a started ticket down from its slowest line's learned time, and says a late one needs a little more, not nothing", () => {
    const e = estimateTickets(
      [
        ticket("a", "PREPARING", "steak", 1, { fired: 400, started: 300 }),
        ticket("b", "PREPARING", "burger", 1, { fired: 900, started: 800 }),
      ],
      prep,
      new Map(),
    );
    expect(e.get("a")).toEqual({ readyIn: 600, late: false });
    expect(e.get("b")).toEqual({ readyIn: LATE_REMAINDER_SECONDS + 50, late: true });
  });

  it("without a capacity, a new ticket waits the station's usual start delay; an unknown product takes the station's time, an unknown station the default", () => {
    const e = estimateTickets(
      [ticket("a", "NEW", "soup", 1, { fired: 20 }), { ...ticket("b", "NEW", "x"), stationId: "bar" }],
      prep,
      new Map(),
    );
    expect(e.get("a")).toEqual({ readyIn: 40 + 600, late: false });
    expect(e.get("b")).toEqual({ readyIn: DEFAULT_PREP_SECONDS, late: false });
  });

  it("with a capacity, the queue waits for slots: each order after a full station takes longer, in the order fired", () => {
    const queue = [
      ticket("cooking", "PREPARING", "burger", 2, { fired: 200, started: 100 }), // 2 slots, free in 500 s
      ticket("first", "NEW", "burger", 1, { fired: 50 }),
      ticket("second", "NEW", "burger", 1, { fired: 10 }),
    ];
    const e = estimateTickets(queue, prep, new Map([[GRILL, 2]]));
    expect(e.get("first")).toEqual({ readyIn: 500 + 600, late: false });
    expect(e.get("second")).toEqual({ readyIn: 500 + 600, late: false });
    const three = estimateTickets([...queue, ticket("third", "NEW", "steak", 1, { fired: 0 })], prep, new Map([[GRILL, 2]]));
    expect(three.get("third")).toEqual({ readyIn: 1100 + 900, late: false });
    // Room at the station: it starts now.
    expect(estimateTickets([ticket("alone", "NEW", "steak")], prep, new Map([[GRILL, 4]])).get("alone")).toEqual({
      readyIn: 900,
      late: false,
    });
  });

  it("an order takes its slowest fired ticket; a held course is not counted; a ticket never started long after it should have is late", () => {
    expect(
      orderEstimate([
        { readyIn: 300, late: false },
        { readyIn: 900, late: false },
        { readyIn: null, late: false },
      ]),
    ).toEqual({
      readyIn: 900,
      late: false,
    });
    expect(orderEstimate([{ readyIn: null, late: false }])).toEqual({ readyIn: null, late: false });
    const waited = estimateTickets([ticket("w", "NEW", "burger", 1, { fired: 2000 })], prep, new Map());
    expect(waited.get("w")).toEqual({ readyIn: 600, late: true });
    expect(estimateTickets([ticket("h", "NEW", "burger", 1, { fired: null })], prep, new Map()).get("h")).toEqual({
      readyIn: null,
      late: false,
    });
  });
});
