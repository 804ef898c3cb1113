// The order driver: places orders at a fixed rate from "placer" phones (one per session, in
// this process) and times, on one clock, what the staff panels and the phone see.
//
// Open loop: order i is due at start + i/rate whatever happened to earlier ones, and every
// latency is measured from that due time (so a stall in the system or in this process
// shows up in the numbers instead of silently lowering the rate: no coordinated omission).
import { randomUUID } from "node:crypto";
import type { Socket } from "socket.io-client";
import { Latency, nowUs, type Summary } from "./hist.js";

export interface Placer {
  socket: Socket;
  sessionId: string;
  locationId: string;
  productIds: string[];
}

interface Pending {
  dueUs: number;
  acked: boolean;
  staffLeft: number;
  accepted: boolean;
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
  /** Largest delay between a due time and the actual send (ms): this process's own lag. */
  senderLagMaxMs: number;
  /** Slowest place → ack (ms) of the orders due in each second of the run: where the tail is. */
  ackMaxBySecond: number[];
  /** The first order's due time (µs, lib/hist.ts's clock): where those seconds start. */
  startUs: number;
}

/** One run at a time; listeners are installed once per socket and feed the current run. */
export class Driver {
  private run: {
    pending: Map<string, Pending>;
    ack: Latency;
    staff: Latency;
    accepted: Latency;
    ackErrors: Record<string, number>;
    bytes: { placed: [number, number]; updated: [number, number] };
    lastAcceptedUs: number;
  } | null = null;

  constructor(
    private readonly placers: Placer[],
    staff: Socket[],
    /** Staff sockets that receive each order (all staff of its venue). */
    private readonly staffPerOrder: number,
    /** Wait for the phone to see ACCEPTED (false for the baseline, which has no pipeline). */
    private readonly expectAccepted: boolean,
  ) {
    for (const s of staff) {
      s.on("order:placed", (e: { data: { clientOrderId: string } }) => {
        const r = this.run;
        const p = r?.pending.get(e.data.clientOrderId);
        if (!r || !p) return;
        const t = nowUs();
        sampleBytes(r.bytes.placed, e);
        r.staff.record(t - p.dueUs);
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
          r.accepted.record(r.lastAcceptedUs - p.dueUs);
        }
      });
    }
  }

  private done(p: Pending): boolean {
    return p.acked && p.staffLeft <= 0 && (p.accepted || !this.expectAccepted);
  }

  /** Places `rate`/s for `seconds`, then waits up to `drainMs` for the stragglers. */
  async place(rate: number, seconds: number, drainMs: number): Promise<LoadResult> {
    const r = {
      pending: new Map<string, Pending>(),
      ack: new Latency(),
      staff: new Latency(),
      accepted: new Latency(),
      ackErrors: {} as Record<string, number>,
      bytes: { placed: [0, 0] as [number, number], updated: [0, 0] as [number, number] },
      lastAcceptedUs: 0,
    };
    this.run = r;
    const total = Math.round(rate * seconds);
    const intervalUs = 1e6 / rate;
    const start = nowUs() + 5000;
    let i = 0;
    let senderLagMaxUs = 0;
    const ackMaxBySecond: number[] = [];
    const send = (dueUs: number) => {
      const pl = this.placers[i % this.placers.length]!;
      const clientOrderId = randomUUID();
      const p: Pending = { dueUs, acked: false, staffLeft: this.staffPerOrder, accepted: false };
      r.pending.set(clientOrderId, p);
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
          r.ack.record(us);
          const second = Math.floor((dueUs - start) / 1e6);
          ackMaxBySecond[second] = Math.max(ackMaxBySecond[second] ?? 0, Math.round(us / 1000));
          if (res?.error) {
            r.ackErrors[res.error.code] = (r.ackErrors[res.error.code] ?? 0) + 1;
            p.staffLeft = 0; // nothing else will come for a refused order
            p.accepted = true;
          }
        },
      );
    };
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const now = nowUs();
        while (i < total && start + i * intervalUs <= now) {
          const due = start + i * intervalUs;
          senderLagMaxUs = Math.max(senderLagMaxUs, now - due);
          send(due);
          i++;
        }
        if (i >= total) {
          clearInterval(timer);
          resolve();
        }
      }, 1);
    });
    const sendEnd = nowUs();
    const drainUntil = Date.now() + drainMs;
    while (Date.now() < drainUntil && [...r.pending.values()].some((p) => !this.done(p))) {
      await new Promise((res) => setTimeout(res, 50));
    }
    this.run = null;
    const pend = [...r.pending.values()];
    const acceptedSpanS = (Math.max(r.lastAcceptedUs, sendEnd) - start) / 1e6;
    const mean = ([sum, n]: [number, number]) => (n ? Math.round(sum / n) : 0);
    return {
      targetRate: rate,
      seconds,
      sent: total,
      acceptedPerSecond: Math.round((r.accepted.count / Math.max(0.001, acceptedSpanS)) * 10) / 10,
      ack: r.ack.summary(),
      staff: r.staff.summary(),
      accepted: r.accepted.summary(),
      ackErrors: r.ackErrors,
      missing: {
        ack: pend.filter((p) => !p.acked).length,
        staff: pend.filter((p) => p.staffLeft > 0).length,
        accepted: this.expectAccepted ? pend.filter((p) => !p.accepted).length : 0,
      },
      bytes: { placed: mean(r.bytes.placed), updated: mean(r.bytes.updated) },
      senderLagMaxMs: Math.round(senderLagMaxUs / 100) / 10,
      ackMaxBySecond: Array.from(ackMaxBySecond, (v) => v ?? 0),
      startUs: start,
    };
  }
}

/** Adds an event's JSON size to a [total bytes, count] sample of the first 200 events. */
function sampleBytes(sample: [number, number], event: unknown): void {
  if (sample[1] >= 200) return;
  sample[0] += JSON.stringify(event).length;
  sample[1]++;
}
