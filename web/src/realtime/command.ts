import type { Ack, ClientToServerEvents, ErrorBody } from "@ordered/contract";
import { strings } from "../strings";
import type { AppSocket } from "./socket";

/** A command's failure: the server's error, or TIMEOUT when no ack came in time. */
export class CommandError extends Error {
  constructor(
    readonly code: ErrorBody["code"] | "TIMEOUT",
    message: string,
  ) {
    super(message);
  }
}

type Commands = "order:advance" | "order:cancel" | "order:place";
type PayloadOf<E extends Commands> = Parameters<ClientToServerEvents[E]>[0];
type DataOf<E extends Commands> = Parameters<ClientToServerEvents[E]>[1] extends (r: Ack<infer T>) => void ? T : never;

/** Sends a command and resolves with its ack's data; rejects with CommandError. */
export async function command<E extends Commands>(socket: AppSocket, event: E, payload: PayloadOf<E>, timeoutMs = 8000): Promise<DataOf<E>> {
  let ack: Ack<DataOf<E>>;
  try {
    // Typed loosely here: socket.io's emitWithAck types do not follow a generic event name.
    const timed = socket.timeout(timeoutMs) as unknown as { emitWithAck(e: string, p: unknown): Promise<Ack<DataOf<E>>> };
    ack = await timed.emitWithAck(event, payload);
  } catch {
    throw new CommandError("TIMEOUT", strings.common.noAnswer);
  }
  if (ack.error) throw new CommandError(ack.error.code, ack.error.message);
  return ack.data as DataOf<E>;
}
