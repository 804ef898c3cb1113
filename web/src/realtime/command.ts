import {
  type Ack,
  type CommandName,
  type CommandPayload,
  type CommandResults,
  type ErrorCode,
  type OrderDto,
  RETRYABLE_ERRORS,
} from "@ordered/contract/client";
import { t } from "../i18n/i18n";
import type { OrderCore } from "./live-state";

/** A command's failure: the server's error, or TIMEOUT when no ack came in time. */
export class CommandError extends Error {
  constructor(
    readonly code: ErrorCode | "TIMEOUT",
    message: string,
    /** Seconds the server asked to wait before trying again. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

/** Safe to send again unchanged: nothing was done, or (TIMEOUT) it may have been done once. */
export function isRetryable(err: unknown): err is CommandError {
  return err instanceof CommandError && (err.code === "TIMEOUT" || RETRYABLE_ERRORS.includes(err.code));
}

/** What sending needs of a connection; a socket in the app (`socketTransport`), a fake in tests. */
export interface Transport {
  connected(): boolean;
  /** Resolves at the next connect; rejects when `signal` aborts. */
  nextConnect(signal: AbortSignal): Promise<void>;
  /** Emits and resolves with the ack; rejects if none comes within `timeoutMs`. */
  emitWithAck(name: CommandName, payload: unknown, timeoutMs: number): Promise<Ack<unknown>>;
}

/** Sends a command once and resolves with its ack's data; rejects with CommandError. */
export async function command<C extends CommandName>(
  transport: Transport,
  name: C,
  payload: CommandPayload<C>,
  timeoutMs = 8000,
): Promise<CommandResults[C]> {
  let ack: Ack<unknown>;
  try {
    ack = await transport.emitWithAck(name, payload, timeoutMs);
  } catch {
    throw new CommandError("TIMEOUT", t("common.noAnswer"));
  }
  if (ack.error) throw new CommandError(ack.error.code, ack.error.message, ack.error.retryAfter);
  return ack.data as CommandResults[C];
}

export interface RetryOptions {
  signal: AbortSignal;
  /** How long to wait for each ack before sending again. */
  ackTimeoutMs?: number;
  /** First pause after a retryable refusal that names no `retryAfter`; doubles each time, up to maxRetryDelayMs. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
}

/**
 * Sends an idempotent command (one whose payload carries its own id, like `order:place`'s
 * clientOrderId) until it is answered: waits while disconnected, sends again after a lost
 * ack or a retryable refusal. Rejects with the first final refusal, or when aborted.
 */
export async function sendUntilAnswered<C extends CommandName>(
  transport: Transport,
  name: C,
  payload: CommandPayload<C>,
  { signal, ackTimeoutMs = 6000, retryDelayMs = 2000, maxRetryDelayMs = 30_000 }: RetryOptions,
): Promise<CommandResults[C]> {
  let delayMs = retryDelayMs;
  for (;;) {
    signal.throwIfAborted();
    if (!transport.connected()) {
      await transport.nextConnect(signal);
      continue;
    }
    try {
      return await command(transport, name, payload, ackTimeoutMs);
    } catch (err) {
      if (!isRetryable(err)) throw err;
      // A lost ack is sent again at once; a busy server is given the time it asked for; a
      // failing one is given more time after each failure.
      if (err.code === "TIMEOUT") continue;
      await sleep(err.retryAfter ? err.retryAfter * 1000 : delayMs, signal);
      if (!err.retryAfter) delayMs = Math.min(delayMs * 2, maxRetryDelayMs);
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      signal.removeEventListener("abort", abort);
      resolve();
    };
    const abort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", abort, { once: true });
  });
}

/** The commands the UI sends (through `useCommands()`). */
export interface Commands {
  /** False until there is a connection to send on. */
  ready: boolean;
  /** Sends once; rejects with CommandError. */
  send<C extends CommandName>(name: C, payload: CommandPayload<C>): Promise<CommandResults[C]>;
  /** Sends until answered (idempotent commands only; see `sendUntilAnswered`). */
  sendUntilAnswered<C extends CommandName>(name: C, payload: CommandPayload<C>, signal: AbortSignal): Promise<CommandResults[C]>;
}

/**
 * Commands over one connection. An answer that carries an order goes into the live state
 * (where it wins only if it is further along than what the events said), so no caller has
 * to remember to.
 */
export function createCommands<O extends OrderCore = OrderDto>(
  transport: Transport | null,
  store: { ack(order: O, placed?: { seq: number; at: string }): void },
): Commands {
  const keep = <T>(data: T): T => {
    if (data && typeof data === "object" && "order" in data) {
      const placed = "placed" in data ? (data.placed as { seq: number; at: string } | undefined) : undefined;
      // The server answers each socket in its audience's form (a display's bump: a kitchen order).
      store.ack(data.order as O, placed);
    }
    // A course held or fired answers with the table's orders of that course.
    if (data && typeof data === "object" && "orders" in data && Array.isArray(data.orders)) {
      for (const order of data.orders) store.ack(order as O);
    }
    return data;
  };
  return {
    ready: transport !== null,
    send: (name, payload) =>
      transport ? command(transport, name, payload).then(keep) : Promise.reject(new CommandError("TIMEOUT", t("common.noAnswer"))),
    sendUntilAnswered: (name, payload, signal) =>
      transport
        ? sendUntilAnswered(transport, name, payload, { signal }).then(keep)
        : Promise.reject(new CommandError("TIMEOUT", t("common.noAnswer"))),
  };
}
