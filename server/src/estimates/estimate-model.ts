/**
 * Honest waiting times (issue 35, item 2): how long an order will take, from what the kitchen
 * already records (each ticket's fired, started and ready times), never a fixed promise.
 *
 * - A product's preparation time at a station is the median of its tickets' ready − started
 *   over the last weeks (robust to the odd ticket bumped an hour late), taken from the same
 *   hour of the day when there are enough of those (a Friday 20:00 kitchen is not a 15:00 one),
 *   else all hours, else the station's median, else DEFAULT_PREP_SECONDS.
 * - A ticket takes as long as its slowest line (lines are cooked side by side).
 * - A station works on at most `capacity` items at once (when the venue set one): a ticket
 *   waits until the items in preparation and the ones queued before it leave room for its own,
 *   each slot freeing at the pace of the station's preparation time. Without a capacity it waits
 *   the station's usual start delay (median started − fired).
 * - Started tickets count down from when they started; one past its time is late and is given
 *   a short honest remainder (LATE_REMAINDER_SECONDS), growing with how late it is, not zero.
 */

export const DEFAULT_PREP_SECONDS = 10 * 60;
/** What a late ticket is still said to need: a little, never "any second now". */
export const LATE_REMAINDER_SECONDS = 2 * 60;

export interface PrepTimes {
  /** By `${stationId}:${productId}`: seconds, from that product's own tickets. */
  products: ReadonlyMap<string, number>;
  /** By station: its median preparation, and its usual delay before a ticket is started. */
  stations: ReadonlyMap<string, { prepSeconds: number; startDelaySeconds: number }>;
}

export interface QueuedTicket {
  id: string;
  orderId: string;
  stationId: string;
  status: "NEW" | "PREPARING" | "READY";
  /** Seconds since it was fired (null: its course is held), and since it was started. */
  firedAgo: number | null;
  startedAgo: number | null;
  /** Its lines: product and quantity (items count against a station's capacity). */
  lines: readonly { productId: string; quantity: number }[];
}

export interface TicketEstimate {
  /** Seconds from now until it is ready (0: ready); null: held at the table, not fired. */
  readyIn: number | null;
  /** Started and past its preparation time, or waiting longer than the station's queue explains. */
  late: boolean;
}

/** A ticket's preparation time: its slowest line's. */
export function prepOf(t: Pick<QueuedTicket, "stationId" | "lines">, prep: PrepTimes): number {
  const station = prep.stations.get(t.stationId)?.prepSeconds ?? DEFAULT_PREP_SECONDS;
  if (t.lines.length === 0) return station;
  return Math.max(...t.lines.map((l) => prep.products.get(`${t.stationId}:${l.productId}`) ?? station));
}

const itemsOf = (t: Pick<QueuedTicket, "lines">) => t.lines.reduce((n, l) => n + l.quantity, 0);

/**
 * Every ticket's estimate at its station, in the order the station works them (fired first):
 * `capacities` by station (items in preparation at once; absent: no limit set).
 */
export function estimateTickets(
  tickets: readonly QueuedTicket[],
  prep: PrepTimes,
  capacities: ReadonlyMap<string, number>,
): Map<string, TicketEstimate> {
  const out = new Map<string, TicketEstimate>();
  const byStation = new Map<string, QueuedTicket[]>();
  for (const t of tickets) byStation.set(t.stationId, [...(byStation.get(t.stationId) ?? []), t]);
  for (const [stationId, list] of byStation) {
    const station = prep.stations.get(stationId) ?? { prepSeconds: DEFAULT_PREP_SECONDS, startDelaySeconds: 0 };
    const capacity = capacities.get(stationId);
    // When each item in preparation frees its slot (seconds from now).
    const frees: number[] = [];
    for (const t of list) {
      if (t.status === "READY") out.set(t.id, { readyIn: 0, late: false });
      else if (t.firedAgo === null) out.set(t.id, { readyIn: null, late: false });
      else if (t.status === "PREPARING") {
        const left = prepOf(t, prep) - (t.startedAgo ?? 0);
        const late = left < 0;
        const readyIn = late ? LATE_REMAINDER_SECONDS + Math.round(-left / 4) : left;
        out.set(t.id, { readyIn, late });
        for (let i = 0; i < itemsOf(t); i++) frees.push(readyIn);
      }
    }
    // The queue, oldest fired first.
    const waiting = list.filter((t) => t.status === "NEW" && t.firedAgo !== null).sort((a, b) => (b.firedAgo ?? 0) - (a.firedAgo ?? 0));
    for (const t of waiting) {
      const own = prepOf(t, prep);
      let start: number;
      if (capacity === undefined) {
        // No capacity set: it starts after the station's usual delay from when it was fired.
        start = Math.max(0, station.startDelaySeconds - (t.firedAgo ?? 0));
      } else {
        // Its items start as slots free: the earliest slots, after what is in preparation and
        // queued before it; the slots it takes free again when it is done.
        frees.sort((a, b) => a - b);
        const busy = Math.max(0, frees.length + itemsOf(t) - capacity);
        const freed = frees.splice(0, busy);
        start = freed.at(-1) ?? 0;
        for (let i = 0; i < itemsOf(t); i++) frees.push(start + own);
      }
      const readyIn = start + own;
      // Waiting longer than the queue and the station's usual delay explain.
      const late = (t.firedAgo ?? 0) > station.startDelaySeconds + own && start === 0;
      out.set(t.id, { readyIn, late });
    }
  }
  return out;
}

/** An order's estimate: its slowest ticket's (held courses aside); late when any ticket is. */
export function orderEstimate(estimates: readonly TicketEstimate[]): TicketEstimate {
  const fired = estimates.filter((e) => e.readyIn !== null);
  if (fired.length === 0) return { readyIn: null, late: false };
  return { readyIn: Math.max(...fired.map((e) => e.readyIn ?? 0)), late: fired.some((e) => e.late) };
}
