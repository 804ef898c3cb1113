// The order driver: places orders on a fixed schedule from "placer" phones (one per session)
// and times what the staff panels and the phone see. It runs inside the driver processes
// (../driver.ts), each holding a share of the venues, their placers and their staff panels,
// so every order's events arrive in the process that placed it; the runner (lib/drivers.ts)
// merges the drivers' samples into one LoadResult.
//
// Open loop: order i is due at start + i/rate whatever happened to earlier ones, and every
// latency is measured from that due time (so a stall in the system or in a driver shows up
// in the numbers instead of silently lowering the rate: no coordinated omission). Order i is
// placed by placer i mod (all placers), wherever that placer lives.
import { randomUUID } from "node:crypto";
import type { Socket } from "socket.io-client";
import { nowUs, type Summary } from "./hist.js";

export interface Placer {
  socket: Socket;
  /** Its place among all the run's placers (which orders it places). */
  index: number;
  productIds: string[];
}

/** One schedule, shared by every driver: the same start (machine-wide clock, µs) and rate. */
export interface Schedule {
  startUs: number;
  rate: number;
  /** Orders due in all (over every driver). */
  total: number;
  /** Placers over every driver: order i belongs to placer i mod placerCount. */
  placerCount: number;
  /** How long to wait after the last send for what is still missing. */
  drainMs: number;
}

/** One driver's part of a run: raw latencies (µs) and counts, merged by the runner. */
export interface DriverSamples {
  sent: number;
  ackUs: number[];
  staffUs: number[];
  acceptedUs: number[];
  ackErrors: Record<string, number>;
  missing: { ack: number; staff: number; accepted: number };
  /** [total JSON bytes, events] of the first 200 envelopes of each kind seen here. */
  bytes: { placed: [number, number]; updated: [number, number] };
  senderLagMaxUs: number;
  /** Slowest place → ack (ms) of the orders due in each second from the start. */
  ackMaxBySecond: number[];
  sendEndUs: number;
  lastAcceptedUs: number;
}

export interface LoadResult {
  targetRate: number;
  seconds: number;
  sent: number;
  /** ACCEPTED seen by the phones per second, from the first due time to the last acceptance. */
  acceptedPerSecond: number;
  ack: Summary;
  staff: Summary;
  accepted: Summary;
  ackErrors: Record<string, number>;
  /** Orders still missing something when the drain time ran out. */
  missing: { ack: number; staff: number; accepted: number };
  /** Mean JSON size of the envelopes seen (bytes). */
  bytes: { placed: number; updated: number };
  /** Largest delay between a due time and the actual send (ms): the drivers' own lag. */
  senderLagMaxMs: number;
  /** Slowest place → ack (ms) of the orders due in each second of the run: where the tail is. */
  ackMaxBySecond: number[];
  /** The first order's due time (µs, lib/hist.ts's clock): where those seconds start. */
  startUs: number;
}

interface Pending {
  dueUs: number;
  acked: boolean;
  staffLeft: number;
  accepted: boolean;
}

type Run = Omit<DriverSamples, "missing" | "sendEndUs"> & { pending: Map<string, Pending> };

/** One run at a time; listeners are installed once per socket and feed the current run. */
export class Driver {
  private run: Run | null = null;
  private readonly byIndex: Map<number, Placer>;

  constructor(
    placers: Placer[],
    staff: Socket[],
    /** Staff sockets that receive each order (all staff of its venue, all in this driver). */
    private readonly staffPerOrder: number,
    /** Wait for the phone to see ACCEPTED (false for the baseline, which has no pipeline). */
    private readonly expectAccepted: boolean,
  ) {
    this.byIndex = new Map(placers.map((p) => [p.index, p]));
    for (const s of staff) {
      s.on("order:placed", (e: { data: { clientOrderId: string } }) => {
        const r = this.run;
        const p = r?.pending.get(e.data.clientOrderId);
        if (!r || !p) return;
        const t = nowUs();
        sampleBytes(r.bytes.placed, e);
        r.staffUs.push(t - p.dueUs);
        p.staffLeft--;
      });
    }
    for (const pl of placers) {
      pl.socket.on("order:updated", (e: { data: { clientOrderId: string; status: string } }) => {
        const r = this.run;
        const p = r?.pending.get(e.data.clientOrderId);
        if (!r || !p) return;
        sampleBytes(r.bytes.updated, e);
        if (e.data.status === "ACCEPTED" && !p.accepted) {
          p.accepted = true;
          r.lastAcceptedUs = nowUs();
          r.acceptedUs.push(r.lastAcceptedUs - p.dueUs);
        }
      });
    }
  }

  private done(p: Pending): boolean {
    return p.acked && p.staffLeft <= 0 && (p.accepted || !this.expectAccepted);
  }

  /** Places this driver's orders of the schedule, then waits up to `drainMs` for the stragglers. */
  async place(s: Schedule): Promise<DriverSamples> {
    const r: Run = {
      pending: new Map(),
      sent: 0,
      ackUs: [],
      staffUs: [],
      acceptedUs: [],
      ackErrors: {},
      bytes: { placed: [0, 0], updated: [0, 0] },
      senderLagMaxUs: 0,
      ackMaxBySecond: [],
      lastAcceptedUs: 0,
    };
    this.run = r;
    const intervalUs = 1e6 / s.rate;
    const send = (i: number, pl: Placer, dueUs: number) => {
      const clientOrderId = randomUUID();
      const p: Pending = { dueUs, acked: false, staffLeft: this.staffPerOrder, accepted: false };
      r.pending.set(clientOrderId, p);
      r.sent++;
      const a = pl.productIds[i % pl.productIds.length]!;
      const b = pl.productIds[(i + 3) % pl.productIds.length]!;
      pl.socket.emit(
        "order:place",
        {
          clientOrderId,
          items: [
            { productId: a, quantity: 1 },
            { productId: b, quantity: 2 },
          ],
        },
        (res: { error?: { code: string } }) => {
          p.acked = true;
          const us = nowUs() - dueUs;
          r.ackUs.push(us);
          const second = Math.floor((dueUs - s.startUs) / 1e6);
          r.ackMaxBySecond[second] = Math.max(r.ackMaxBySecond[second] ?? 0, Math.round(us / 1000));
          if (res?.error) {
            r.ackErrors[res.error.code] = (r.ackErrors[res.error.code] ?? 0) + 1;
            p.staffLeft = 0; // nothing else will come for a refused order
            p.accepted = true;
          }
        },
      );
    };
    let i = 0;
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const now = nowUs();
        while (i < s.total && s.startUs + i * intervalUs <= now) {
          const pl = this.byIndex.get(i % s.placerCount);
          if (pl) {
            const due = s.startUs + i * intervalUs;
            r.senderLagMaxUs = Math.max(r.senderLagMaxUs, now - due);
            send(i, pl, due);
          }
          i++;
        }
        if (i >= s.total) {
          clearInterval(timer);
          resolve();
        }
      }, 1);
    });
    const sendEndUs = nowUs();
    const drainUntil = Date.now() + s.drainMs;
    while (Date.now() < drainUntil && [...r.pending.values()].some((p) => !this.done(p))) {
      await new Promise((res) => setTimeout(res, 50));
    }
    this.run = null;
    const pend = [...r.pending.values()];
    const { pending: _, ...samples } = r;
    return {
      ...samples,
      ackMaxBySecond: Array.from(r.ackMaxBySecond, (v) => v ?? 0),
      missing: {
        ack: pend.filter((p) => !p.acked).length,
        staff: pend.filter((p) => p.staffLeft > 0).length,
        accepted: this.expectAccepted ? pend.filter((p) => !p.accepted).length : 0,
      },
      sendEndUs,
    };
  }
}

/** Adds an event's JSON size to a [total bytes, count] sample of the first 200 events. */
function sampleBytes(sample: [number, number], event: unknown): void {
  if (sample[1] >= 200) return;
  sample[0] += JSON.stringify(event).length;
  sample[1]++;
}
