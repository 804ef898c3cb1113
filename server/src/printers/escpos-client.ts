/**
 * Talks to a network thermal printer the way its own drivers do: a raw TCP connection
 * (port 9100), ESC/POS real-time status requests first (DLE EOT n, answered at once even while
 * the printer is busy), then the job's bytes. A printer that refuses, says paper out or cover
 * open, or does not answer in time is reported with what is wrong, never as printed.
 *
 * Status bytes (Epson ESC/POS reference, "DLE EOT":
 * https://download4.epson.biz/sec_pubs/pos/reference_en/escpos/dle_eot.html):
 *   n=1 printer status:      bit 3 = offline
 *   n=2 offline cause:       bit 2 = cover open, bit 3 = paper fed by the button,
 *                            bit 5 = printing stopped by paper end, bit 6 = an error
 *   n=4 roll paper sensor:   bits 2–3 = paper near its end, bits 5–6 = paper out
 * Bits 1 and 4 are always 1 and bits 0 and 7 always 0: a byte without that pattern is no status.
 */
import net from "node:net";
import type { PrinterStatusDto } from "@ordered/contract";

export interface PrinterTarget {
  host: string;
  port: number;
}

export interface PrintTimeouts {
  /** To open the connection (a printer off or unplugged: refused, or no answer at all). */
  connectMs: number;
  /** For each status byte (a hung printer accepts the connection and says nothing). */
  statusMs: number;
  /** To hand over the job's bytes. */
  writeMs: number;
}

export const DEFAULT_TIMEOUTS: PrintTimeouts = { connectMs: 3000, statusMs: 2000, writeMs: 10_000 };

const DLE_EOT = (n: 1 | 2 | 4) => Buffer.from([0x10, 0x04, n]);
const isStatusByte = (b: number) => (b & 0b1001_0011) === 0b0001_0010;

/** A connection and the bytes it has received but no request has read yet. */
class Line {
  private received: number[] = [];
  private waiting: ((b: number) => void) | null = null;
  private closedWith: Error | null = null;
  constructor(readonly socket: net.Socket) {
    socket.on("data", (chunk: Buffer) => {
      for (const b of chunk) this.received.push(b);
      this.flush();
    });
    socket.on("close", () => {
      this.closedWith ??= new Error("the printer closed the connection");
    });
    socket.on("error", (err) => {
      this.closedWith = err;
    });
  }
  private flush() {
    if (this.waiting && this.received.length > 0) {
      const w = this.waiting;
      this.waiting = null;
      w(this.received.shift() as number);
    }
  }
  /** The next byte the printer sends, or a rejection after `ms`. */
  nextByte(ms: number, what: string): Promise<number> {
    return new Promise((resolve, reject) => {
      if (this.closedWith) return reject(this.closedWith);
      const timer = setTimeout(() => {
        this.waiting = null;
        reject(new PrinterUnreachable(`no answer to ${what} in ${ms / 1000} s`));
      }, ms);
      this.waiting = (b) => {
        clearTimeout(timer);
        resolve(b);
      };
      this.flush();
    });
  }
}

/** The printer could not be reached or did not answer (its address, power, network). */
export class PrinterUnreachable extends Error {
  override name = "PrinterUnreachable";
}

function connect(target: PrinterTarget, ms: number): Promise<Line> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: target.host, port: target.port });
    socket.setNoDelay(true);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new PrinterUnreachable(`no connection to ${target.host}:${target.port} in ${ms / 1000} s`));
    }, ms);
    socket.once("connect", () => {
      clearTimeout(timer);
      resolve(new Line(socket));
    });
    socket.once("error", (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        new PrinterUnreachable(
          `${target.host}:${target.port} ${err.code === "ECONNREFUSED" ? "refused the connection (off, or not a printer's port)" : `cannot be reached (${err.code ?? err.message})`}`,
        ),
      );
    });
  });
}

async function askStatus(line: Line, target: PrinterTarget, ms: number): Promise<PrinterStatusDto> {
  const ask = async (n: 1 | 2 | 4) => {
    line.socket.write(DLE_EOT(n));
    const b = await line.nextByte(ms, `a status request (DLE EOT ${n}) from ${target.host}:${target.port}`);
    if (!isStatusByte(b)) throw new PrinterUnreachable(`${target.host}:${target.port} answered 0x${b.toString(16)}, not an ESC/POS status`);
    return b;
  };
  const printer = await ask(1);
  const cause = await ask(2);
  const paper = await ask(4);
  const status = {
    reachable: true,
    online: (printer & 0x08) === 0,
    coverOpen: (cause & 0x04) !== 0,
    paperOut: (paper & 0x60) !== 0 || (cause & 0x20) !== 0,
    paperNearEnd: (paper & 0x0c) !== 0,
  };
  const problem = status.paperOut
    ? "paper out"
    : status.coverOpen
      ? "cover open"
      : (cause & 0x40) !== 0
        ? "printer error (check the printer)"
        : !status.online
          ? "offline"
          : null;
  return { ...status, problem };
}

const unreachable = (problem: string): PrinterStatusDto => ({
  reachable: false,
  online: false,
  paperOut: false,
  paperNearEnd: false,
  coverOpen: false,
  problem,
});

/** Asks the printer how it is, without printing. */
export async function printerStatus(target: PrinterTarget, timeouts: PrintTimeouts = DEFAULT_TIMEOUTS): Promise<PrinterStatusDto> {
  let line: Line | null = null;
  try {
    line = await connect(target, timeouts.connectMs);
    return await askStatus(line, target, timeouts.statusMs);
  } catch (err) {
    if (err instanceof PrinterUnreachable) return unreachable(err.message);
    throw err;
  } finally {
    line?.socket.destroy();
  }
}

export interface PrintResult {
  /** The printer took the job and answered its status after it, ready: it is on paper. */
  printed: boolean;
  /** Some of the job's bytes went out: it may be on paper (in part) even when not `printed`, so a next copy says REPRINT. */
  sent: boolean;
  /** The status before the job, or after it when that is what went wrong. */
  status: PrinterStatusDto;
}

/**
 * Prints `bytes` if the printer says it is ready, then asks its status again: an answer means
 * the printer read the whole job (requests are answered in the order they arrive) and says
 * whether it is still fine (paper ran out mid-job: `printed` false, `sent` true).
 */
export async function printBytes(
  target: PrinterTarget,
  bytes: Uint8Array,
  timeouts: PrintTimeouts = DEFAULT_TIMEOUTS,
): Promise<PrintResult> {
  let line: Line | null = null;
  let sent = false;
  try {
    line = await connect(target, timeouts.connectMs);
    const status = await askStatus(line, target, timeouts.statusMs);
    if (status.problem) return { printed: false, sent, status };
    const socket = line.socket;
    sent = true;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new PrinterUnreachable(`${target.host}:${target.port} did not take the job in ${timeouts.writeMs / 1000} s`)),
        timeouts.writeMs,
      );
      socket.write(Buffer.from(bytes), (err) => {
        clearTimeout(timer);
        if (err) reject(new PrinterUnreachable(`${target.host}:${target.port} dropped the job (${err.message})`));
        else resolve();
      });
    });
    const after = await askStatus(line, target, timeouts.statusMs);
    socket.end();
    return after.problem ? { printed: false, sent, status: after } : { printed: true, sent, status: after };
  } catch (err) {
    if (err instanceof PrinterUnreachable) return { printed: false, sent, status: unreachable(err.message) };
    throw err;
  } finally {
    line?.socket.destroy();
  }
}
