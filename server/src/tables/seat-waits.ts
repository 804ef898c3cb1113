import type { LoggedEvent } from "@ordered/contract";
import type { Publisher } from "../realtime/publisher.js";

/**
 * Phones waiting at a free table's card (GET /api/cards/:cardCode/seated, a long poll): each
 * is held until staff seat the table, then answered at once, so the guests land on the menu
 * the moment they are seated rather than when their phone's next poll comes round.
 *
 * Why a long poll and not a socket: every socket is a token's, checked at the handshake
 * (realtime/handshake.ts); a card holder has no token yet, and all it may learn is "seated now,
 * join". An HTTP answer of one boolean tells it exactly that, through the same per-address
 * limit as the card itself, and needs no new kind of socket principal.
 *
 * Seating is heard on every instance: the instance that seats wakes its own waiters and tells
 * the others over the Socket.IO adapter's server-side channel (app.ts), the way rooms are shared.
 */
export interface SeatWaits {
  /**
   * Holds a waiter for `tableId` from now: `seated` resolves true when the table is seated
   * (wake), false after the hold or once `signal` aborts. Register before asking the database
   * whether the table is seated already, so a seating between the two is not missed.
   */
  hold(tableId: string, signal: AbortSignal): { seated: Promise<boolean>; release(): void };
  /** The table was seated: its waiters on this instance are answered. */
  wake(tableId: string): void;
  /** Waiters held on this instance now (all tables). */
  readonly size: number;
  /** Answers every waiter "not yet" (the server is closing: they ask again, elsewhere). */
  close(): void;
}

export function createSeatWaits(opts: { holdMs: number }): SeatWaits {
  const waiting = new Map<string, Set<(seated: boolean) => void>>();
  let size = 0;
  return {
    hold(tableId, signal) {
      let answer!: (seated: boolean) => void;
      const seated = new Promise<boolean>((resolve) => {
        let done = false;
        const timer = setTimeout(() => answer(false), opts.holdMs);
        timer.unref();
        answer = (value) => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          signal.removeEventListener("abort", aborted);
          const set = waiting.get(tableId);
          set?.delete(answer);
          if (set?.size === 0) waiting.delete(tableId);
          size--;
          resolve(value);
        };
        const aborted = () => answer(false);
        signal.addEventListener("abort", aborted, { once: true });
      });
      size++;
      const set = waiting.get(tableId) ?? new Set();
      set.add(answer);
      waiting.set(tableId, set);
      if (signal.aborted) answer(false);
      return { seated, release: () => answer(false) };
    },
    wake(tableId) {
      for (const answer of [...(waiting.get(tableId) ?? [])]) answer(true);
    },
    get size() {
      return size;
    },
    close() {
      for (const set of [...waiting.values()]) for (const answer of [...set]) answer(false);
    },
  };
}

/** The table a logged event seats: a session opened on it (staff seating it, a split-off party), or moved onto it. */
export function tableSeatedBy(event: LoggedEvent): string | null {
  if (event.type === "session.opened") return event.payload.tableId;
  if (event.type === "session.moved") return event.payload.tableId;
  return null;
}

/**
 * A publisher that also tells waiting phones (every instance's, through `seated`) when an event
 * it publishes seats a table. Every way a table gets seated is published as a session event, so
 * none is missed by a route forgetting to call something.
 */
export function seatingPublisher(publisher: Publisher, seated: (tableId: string) => void): Publisher {
  return {
    ...publisher,
    sessionEvent(locationId, event, except) {
      publisher.sessionEvent(locationId, event, except);
      const tableId = tableSeatedBy(event);
      if (tableId) seated(tableId);
    },
  };
}
