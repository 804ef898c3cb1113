import { randomUUID } from "node:crypto";
import { billOf, type ClientToServerEvents, nextAdvanceStep, type ProductDto, type ServerToClientEvents } from "@ordered/contract";
import { io, type Socket } from "socket.io-client";
import { type ApiClient, ApiError, createApiClient } from "./api-client.js";
import { type EstimateErrors, type KitchenSimOptions, setCapacities, startKitchen } from "./kitchen-sim.js";

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface SimulationOptions {
  /** Base URL of a running Ordered server. */
  url: string;
  email: string;
  password: string;
  /** Table sessions to open. */
  sessions: number;
  /** Phones joining each session. */
  customersPerSession: number;
  /** Each phone places an order this often. */
  intervalMs: number;
  /** Staff move accepted orders to ready, then delivered. */
  advance: boolean;
  /** Simulated cooks bump the tickets (issue 35), and the waiting-time estimates' error is measured; absent: staff override the kitchen. */
  kitchen?: KitchenSimOptions;
  /** Stops the simulation; its tables pay their bills and their sessions are closed on the way out. */
  signal: AbortSignal;
  log?: (line: string) => void;
}

export interface SimulationResult {
  placed: number;
  failed: number;
  accepted: number;
  rejected: number;
  delivered: number;
  ackMs: { p50: number; p99: number; max: number };
  /** With `kitchen`: how far the estimate given at acceptance was from when the order was ready. */
  estimate?: EstimateErrors;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! : 0;

/** How often a table's bill is settled again when the kitchen accepted an order meanwhile. */
const SETTLE_ATTEMPTS = 3;

/**
 * The party leaves as it would in the restaurant: staff serve what the kitchen accepted and
 * cancel what it has not checked yet (closing with `finish`), and the table pays the bill in
 * cash first. The due is the bill of what was accepted when it was read; an order the
 * kitchen accepts between that reading and the close makes the close BILL_UNPAID, and the
 * rest is paid before closing again.
 */
async function settleAndClose(api: ApiClient, token: string, currency: string, sessionId: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const { orders, payments } = await api.getSession(token, sessionId);
    const { dueCents } = billOf({ currency, orders, payments });
    if (dueCents > 0) {
      await api.recordPayment(token, sessionId, {
        clientPaymentId: randomUUID(),
        method: "CASH",
        amountCents: dueCents,
        note: "simulated",
      });
    }
    try {
      await api.closeSession(token, sessionId, { unfinished: "finish" });
      return;
    } catch (err) {
      if (!(err instanceof ApiError && err.error?.code === "BILL_UNPAID" && attempt < SETTLE_ATTEMPTS)) throw err;
    }
  }
}

/**
 * Options a guest would pick for `product`: in each group, at least its minimum and at most
 * its maximum of the available options, at random. A group that cannot be satisfied leaves
 * the product off the simulated menu (orderable).
 */
function choose(product: ProductDto): string[] {
  return product.optionGroups.flatMap((g) => {
    const open = g.options.filter((o) => o.available).sort(() => Math.random() - 0.5);
    const count = g.minChoices + Math.floor(Math.random() * (Math.min(g.maxChoices, open.length) - g.minChoices + 1));
    return open.slice(0, count).map((o) => o.id);
  });
}

/** A product a guest can order: on the menu, and every required choice available. */
const orderable = (p: ProductDto) =>
  p.available && !p.hidden && !p.archived && p.optionGroups.every((g) => g.options.filter((o) => o.available).length >= g.minChoices);

/** Opens sessions, joins phones that order every `intervalMs`, until the signal aborts. */
export async function runSimulation(o: SimulationOptions): Promise<SimulationResult> {
  const log = o.log ?? (() => {});
  const api = createApiClient(o.url);
  const { token, staff: account } = await api.login({ email: o.email, password: o.password });
  const menu = (await api.listProducts(token)).filter(orderable);
  if (menu.length === 0) throw new Error("the location has no available products");

  const result: SimulationResult = { placed: 0, failed: 0, accepted: 0, rejected: 0, delivered: 0, ackMs: { p50: 0, p99: 0, max: 0 } };
  const acks: number[] = [];
  const sockets: Client[] = [];
  const timers: NodeJS.Timeout[] = [];
  /** Orders sent and not yet acknowledged (or timed out). */
  const inFlight = new Set<Promise<void>>();
  const sessionIds: string[] = [];

  const staff: Client = io(o.url, { transports: ["websocket"], auth: { token } });
  sockets.push(staff);
  const seen = new Set<string>();
  staff.on("order:updated", ({ sessionId, data }) => {
    // Staff also get the replay of other open sessions of the location: count only ours.
    if (!sessionIds.includes(sessionId)) return;
    const key = `${data.id}:${data.status}:${data.shipment?.status}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (data.status === "ACCEPTED" && !data.shipment) result.accepted++;
    if (data.status === "REJECTED") result.rejected++;
    if (data.status === "DELIVERED") result.delivered++;
    const next = o.advance ? nextAdvanceStep(data) : null;
    // Without simulated cooks the staff stand in for the kitchen too (no display bumps the
    // tickets): they confirm the override. With them, staff only serve what is ready.
    if (next && (!o.kitchen || next === "DELIVERED")) {
      staff.emit("order:advance", { orderId: data.id, to: next, overrideKitchen: !o.kitchen }, () => {});
    }
  });

  if (o.kitchen) await setCapacities(api, token, o.kitchen.capacity);
  const kitchen = o.kitchen ? startKitchen(api, token, staff, sessionIds, o.kitchen) : null;

  for (let s = 0; s < o.sessions && !o.signal.aborted; s++) {
    const { session } = await api.openSession(token, `Sim table ${s + 1}`);
    sessionIds.push(session.id);
    for (let c = 0; c < o.customersPerSession; c++) {
      const joined = await api.joinSession(session.joinCode, `Guest ${c + 1}`);
      const phone: Client = io(o.url, { transports: ["websocket"], auth: { token: joined.token } });
      sockets.push(phone);
      const order = () => {
        const product = menu[Math.floor(Math.random() * menu.length)]!;
        const started = performance.now();
        const sent: Promise<void> = phone
          .timeout(10_000)
          .emitWithAck("order:place", {
            clientOrderId: randomUUID(),
            items: [{ productId: product.id, quantity: 1 + Math.floor(Math.random() * 2), options: choose(product) }],
          })
          .then((ack) => {
            acks.push(performance.now() - started);
            if (ack.error) result.failed++;
            else result.placed++;
          })
          .catch(() => void result.failed++)
          .finally(() => inFlight.delete(sent));
        inFlight.add(sent);
      };
      // Spread the phones over the interval so orders arrive evenly.
      const offset = Math.floor(Math.random() * o.intervalMs);
      timers.push(setTimeout(() => timers.push(setInterval(order, o.intervalMs)), offset));
    }
    log(`opened ${session.id} with ${o.customersPerSession} phones`);
  }

  await new Promise<void>((resolve) =>
    o.signal.aborted ? resolve() : o.signal.addEventListener("abort", () => resolve(), { once: true }),
  );
  for (const t of timers) clearTimeout(t);
  if (kitchen) result.estimate = kitchen.stop();
  // Let in-flight orders settle (each is acked or times out), then settle and close the tables.
  await Promise.all(inFlight);
  for (const id of sessionIds) {
    await settleAndClose(api, token, account.location.currency, id).catch((err: Error) => log(`could not close ${id}: ${err.message}`));
  }
  for (const s of sockets) s.close();
  const sorted = acks.sort((a, b) => a - b);
  result.ackMs = { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted.at(-1) ?? 0 };
  return result;
}
