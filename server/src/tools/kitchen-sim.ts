/**
 * A simulated kitchen for `npm run simulate -- --kitchen` (issue 35, item 2): cooks at each
 * station take tickets in the order they were fired, at most `capacity` items at once, start
 * them (ticket:bump PREPARING) and finish them (READY) after each dish's own preparation time —
 * a fixed mean per product with log-normal noise, so the kitchen has habits the waiting-time
 * model can learn. For each order it records what GET /api/estimates said when the order was
 * accepted and when it was actually ready: the estimate's error.
 */
import { createHash } from "node:crypto";
import type { ClientToServerEvents, KitchenOrderDto, OrderDto, ServerToClientEvents } from "@ordered/contract";
import type { Socket } from "socket.io-client";
import type { ApiClient } from "./api-client.js";

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface KitchenSimOptions {
  /** Mean preparation of a dish (seconds); each product's own mean is 0.5× to 1.5× this, fixed by its id. */
  prepSeconds: number;
  /** Items a station prepares at once (also set on the stations, so the model knows). */
  capacity: number;
}

/** Tickets the cooks finish before an order's estimate counts as "warm" (the model has history to learn from). */
export const WARM_AFTER_TICKETS = 10;

export interface EstimateErrors {
  /** Every order measured, from a kitchen with no history (10-minute defaults) on. */
  all: EstimateError;
  /** Orders accepted after the cooks had finished WARM_AFTER_TICKETS tickets. */
  warm: EstimateError;
}

export interface EstimateError {
  /** Orders whose estimate at acceptance and actual ready time were both seen. */
  orders: number;
  /** |actual − estimated| in seconds: median and 90th percentile; mean signed error (+: later than said). */
  absP50: number;
  absP90: number;
  bias: number;
  /** The same relative to the actual wait: median of |error| / actual. */
  relP50: number;
}

/** A product's own mean preparation: stable per product, between 0.5× and 1.5× the mean. */
export function productMean(productId: string, meanSeconds: number): number {
  const h = createHash("sha256").update(productId).digest().readUInt32BE(0) / 0xffffffff;
  return meanSeconds * (0.5 + h);
}

/** A log-normal draw around `mean` (σ 0.25: most dishes within ±30 %, now and then one much slower). */
function draw(mean: number): number {
  const u = Math.max(Number.EPSILON, Math.random());
  const v = Math.random();
  const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return mean * Math.exp(0.25 * normal - 0.25 ** 2 / 2);
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! : 0;

interface Queued {
  ticketId: string;
  orderId: string;
  items: number;
  seconds: number;
}

/** Gives every station of the location the simulated capacity (so the model queues as the cooks do). */
export async function setCapacities(api: ApiClient, token: string, capacity: number): Promise<void> {
  const { stations } = await api.route("GET /api/stations", { token });
  for (const s of stations) await api.route("PUT /api/stations/:id/capacity", { token, params: { id: s.id }, body: { capacity } });
}

/** Starts the cooks on `staff` (a staff socket of the location); `stop()` returns the estimate's error so far. */
export function startKitchen(api: ApiClient, token: string, staff: Client, sessionIds: readonly string[], o: KitchenSimOptions) {
  const queues = new Map<string, Queued[]>();
  const busy = new Map<string, number>();
  const queued = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  const estimated = new Map<string, number>();
  const accepted = new Map<string, number>();
  const errors: { error: number; actual: number; warm: boolean }[] = [];
  const warmAt = new Map<string, boolean>();
  let finished = 0;
  let stopped = false;

  const work = (stationId: string) => {
    const queue = queues.get(stationId) ?? [];
    while (!stopped && queue.length > 0 && (busy.get(stationId) ?? 0) + queue[0]!.items <= Math.max(o.capacity, queue[0]!.items)) {
      const next = queue.shift()!;
      busy.set(stationId, (busy.get(stationId) ?? 0) + next.items);
      staff.emit("ticket:bump", { ticketId: next.ticketId, to: "PREPARING" }, () => {});
      const timer = setTimeout(() => {
        timers.delete(timer);
        staff.emit("ticket:bump", { ticketId: next.ticketId, to: "READY" }, () => {
          finished++;
          busy.set(stationId, (busy.get(stationId) ?? 0) - next.items);
          work(stationId);
        });
      }, next.seconds * 1000);
      timers.add(timer);
    }
  };

  const onOrder = (order: OrderDto | KitchenOrderDto) => {
    if (order.status !== "ACCEPTED") return;
    if (!accepted.has(order.id)) {
      accepted.set(order.id, Date.now());
      warmAt.set(order.id, finished >= WARM_AFTER_TICKETS);
      // What the guest is told when the kitchen takes the order.
      void api
        .route("GET /api/estimates", { token })
        .then(({ estimates }) => {
          const e = estimates.find((x) => x.orderId === order.id);
          if (e?.readyInSeconds != null && !estimated.has(order.id)) estimated.set(order.id, Date.now() + e.readyInSeconds * 1000);
        })
        .catch(() => {});
    }
    for (const t of order.tickets) {
      if (t.status !== "NEW" || t.firedAt === null || queued.has(t.id)) continue;
      queued.add(t.id);
      const lines = order.items.filter((i) => i.stationId === t.stationId && i.courseId === t.courseId);
      const seconds = Math.max(...lines.map((l) => draw(productMean(l.productId, o.prepSeconds))), 1);
      const items = lines.reduce((n, l) => n + l.quantity, 0);
      queues.set(t.stationId, [...(queues.get(t.stationId) ?? []), { ticketId: t.id, orderId: order.id, items, seconds }]);
      work(t.stationId);
    }
    if (order.shipment?.status === "READY" && estimated.has(order.id)) {
      const said = estimated.get(order.id)!;
      estimated.delete(order.id);
      const now = Date.now();
      errors.push({
        error: (now - said) / 1000,
        actual: (now - (accepted.get(order.id) ?? now)) / 1000,
        warm: warmAt.get(order.id) ?? false,
      });
    }
  };
  staff.on("order:updated", ({ sessionId, data }) => {
    if (sessionIds.includes(sessionId)) onOrder(data);
  });

  return {
    stop(): EstimateErrors {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      return { all: summarize(errors), warm: summarize(errors.filter((e) => e.warm)) };
    },
  };
}

function summarize(errors: readonly { error: number; actual: number }[]): EstimateError {
  const abs = errors.map((e) => Math.abs(e.error)).sort((a, b) => a - b);
  const rel = errors.map((e) => Math.abs(e.error) / Math.max(1, e.actual)).sort((a, b) => a - b);
  return {
    orders: errors.length,
    absP50: percentile(abs, 0.5),
    absP90: percentile(abs, 0.9),
    bias: errors.length ? errors.reduce((s, e) => s + e.error, 0) / errors.length : 0,
    relP50: percentile(rel, 0.5),
  };
}
