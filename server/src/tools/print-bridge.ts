/**
 * The print bridge (issue 34, item 4): a small agent on a computer inside the venue, for when
 * Ordered runs where it cannot reach the venue's printers. It logs in as a staff account made
 * for it (a KITCHEN account: `printers.bridge`), holds a Socket.IO connection to the servers,
 * and when told its printers have jobs (`print:wake`, and every `pollMs` in case a wake was
 * lost) asks for them one at a time (`print:next`), prints each over raw TCP with the same
 * ESC/POS client the servers use, and says what became of it (`print:done`). Failing printers
 * the server asks about are asked and reported (`printer:report`). Everything it knows lives
 * on the servers: killed mid-job, the job comes back marked REPRINT to whichever bridge asks next.
 */
import { randomUUID } from "node:crypto";
import type { ClientToServerEvents, CommandResults, ServerToClientEvents } from "@ordered/contract";
import { io, type Socket } from "socket.io-client";
import { DEFAULT_TIMEOUTS, type PrintTimeouts, printBytes, printerStatus } from "../printers/escpos-client.js";
import { createApiClient } from "./api-client.js";

export interface PrintBridgeOptions {
  /** The servers' public URL (https://ordered.example.com). */
  url: string;
  /** The staff account it logs in as. */
  email: string;
  password: string;
  /** Its id (its hold on the printers): stable across restarts, or a new one each start. */
  bridgeId?: string;
  /** How often it asks for jobs without being woken. */
  pollMs?: number;
  timeouts?: PrintTimeouts;
  log?: (message: string, fields?: Record<string, unknown>) => void;
}

export interface PrintBridge {
  readonly bridgeId: string;
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  /** Jobs it printed (or tried) since it started. */
  readonly handled: number;
  /** Stops: no new job is taken; a job being printed is finished and reported first. */
  close(): Promise<void>;
}

type Ack<T> = { data: T; error?: undefined } | { data?: undefined; error: { code: string; message: string } };

export async function startPrintBridge(options: PrintBridgeOptions): Promise<PrintBridge> {
  const bridgeId = options.bridgeId ?? `bridge-${randomUUID()}`;
  const log = options.log ?? ((message, fields) => console.log(JSON.stringify({ time: new Date().toISOString(), message, ...fields })));
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
  const api = createApiClient(options.url);
  let token = (await api.login({ email: options.email, password: options.password })).token;

  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(options.url, {
    transports: ["websocket"],
    // Read at each (re)connection: a token renewed after it expired is the one sent.
    auth: (cb) => cb({ token }),
  });
  socket.on("connect_error", (err: Error & { data?: { code?: string } }) => {
    if (err.data?.code !== "UNAUTHENTICATED") return log("cannot reach the servers; retrying", { error: err.message });
    // The staff token expired (12 h): log in again and reconnect.
    api.login({ email: options.email, password: options.password }).then(
      (answer) => {
        token = answer.token;
        socket.connect();
      },
      (loginErr: unknown) => log("cannot log in; retrying", { error: String(loginErr) }),
    );
  });

  const call = async <C extends "print:next" | "print:done" | "printer:report">(
    command: C,
    payload: Parameters<ClientToServerEvents[C]>[0],
  ): Promise<CommandResults[C]> => {
    const ack = (await (socket.timeout(15_000) as unknown as { emitWithAck(e: string, p: unknown): Promise<unknown> }).emitWithAck(
      command,
      payload,
    )) as Ack<CommandResults[C]>;
    if (ack.error) throw new Error(`${command}: ${ack.error.code}: ${ack.error.message}`);
    return ack.data;
  };

  let handled = 0;
  let closing = false;
  let draining: Promise<void> | null = null;
  let again = false;
  const drain = async () => {
    while (!closing && socket.connected) {
      const { job, check } = await call("print:next", { bridgeId });
      for (const printer of check) {
        const status = await printerStatus(printer, timeouts);
        await call("printer:report", { bridgeId, printerId: printer.id, problem: status.problem });
      }
      if (!job) return;
      const result = await printBytes(job.printer, Buffer.from(job.bytes, "base64"), timeouts);
      handled += 1;
      if (!result.printed) log("a printer did not print", { printer: job.printer.name, problem: result.status.problem });
      await call("print:done", { bridgeId, jobId: job.id, printed: result.printed, sent: result.sent, problem: result.status.problem });
    }
  };
  /** One drain at a time; a wake meanwhile drains once more after it. */
  const kick = () => {
    if (closing) return;
    if (draining) {
      again = true;
      return;
    }
    draining = drain()
      .catch((err: unknown) => log("printing through the bridge failed; will ask again", { error: String(err) }))
      .finally(() => {
        draining = null;
        if (again) {
          again = false;
          kick();
        }
      });
  };
  socket.on("connect", kick);
  socket.on("print:wake", kick);
  const poll = setInterval(kick, options.pollMs ?? 5_000);

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`could not connect to ${options.url}`)), 30_000);
    socket.once("connect", () => {
      clearTimeout(timer);
      resolve();
    });
  });
  log("print bridge running", { url: options.url, bridgeId });

  return {
    bridgeId,
    socket,
    get handled() {
      return handled;
    },
    async close() {
      closing = true;
      clearInterval(poll);
      await draining;
      socket.close();
    },
  };
}
