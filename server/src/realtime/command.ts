import { COMMANDS, type CommandName, type CommandPayload, type CommandResults, can, forbiddenMessage } from "@ordered/contract";
import type { z } from "zod";
import { assertActiveCustomer } from "../auth/customer-account.js";
import type { EndWork } from "../auth/customer-budget.js";
import { assertActiveStaff } from "../auth/staff-account.js";
import type { CustomerPrincipal, StaffPrincipal } from "../auth/tokens.js";
import type { AppDeps } from "../deps.js";
import { AppError, toAck } from "../errors.js";
import { parse } from "../http/validate.js";
import { type AppSocket, trackCommand } from "./io.js";

const WHO = { staff: "staff", customer: "customers" } as const;

type Sender<C extends CommandName> = (typeof COMMANDS)[C]["by"] extends "staff" ? StaffPrincipal : CustomerPrincipal;

/** A command's work, given its checked payload and who sent it. */
export type CommandHandler<C extends CommandName> = (
  deps: AppDeps,
  input: z.output<(typeof COMMANDS)[C]["payload"]>,
  sender: Sender<C>,
  socket: AppSocket,
) => Promise<CommandResults[C]>;

export interface CommandOptions {
  /**
   * The handler's first statement makes the phone's account check itself (order:place: one
   * round trip fewer on the hot path). A removed phone is then refused after its payload is
   * checked and its rate limits are spent, not before.
   */
  handlerChecksPhone?: boolean;
}

/**
 * Registers a command on a socket. Before `handler` runs: an ack is required (without one
 * the client hears of it as `protocol:error` and nothing runs), a phone's command budget and
 * place in flight (auth/customer-budget.ts; RATE_LIMITED with retryAfter), the token must not have
 * expired since the handshake, a staff account must still be active (a phone: not removed), the sender
 * must be who the contract says sends this command (`COMMANDS[c].by`) with the permission it
 * names (`COMMANDS[c].may`, staff-roles.ts), and the payload
 * must pass the contract's schema. Every outcome becomes `{ data }` or `{ error }`: no throw
 * crosses the socket.
 */
export function onCommand<C extends CommandName>(
  socket: AppSocket,
  deps: AppDeps,
  name: C,
  handler: CommandHandler<C>,
  opts: CommandOptions = {},
): void {
  const spec = COMMANDS[name];
  const listener = (payload: CommandPayload<C>, ack: (r: unknown) => void) => {
    if (typeof ack !== "function") {
      socket.emit("protocol:error", { code: "ACK_REQUIRED", message: `${name} needs an acknowledgement callback`, event: name });
      return;
    }
    const principal = socket.data.principal;
    const done = trackCommand(socket);
    let endWork: EndWork | undefined;
    Promise.resolve()
      .then(async () => {
        // A phone's budget and its place in flight first, before any database work: a flood
        // from one phone is refused from memory and holds at most a few pooled connections.
        if (principal.kind === "customer") endWork = await deps.customerBudget.command(principal.customerId);
      })
      .then(() => {
        if (principal.expiresAt !== undefined && principal.expiresAt <= Date.now()) {
          throw new AppError("UNAUTHENTICATED", "token expired");
        }
        if (principal.kind !== spec.by) throw new AppError("FORBIDDEN", `only ${WHO[spec.by]} can do this`);
        // A removed phone or an ended staff token is refused at once, on every instance (its
        // sockets are also closed): UNAUTHENTICATED before any question of role.
        if (principal.kind === "staff") return assertActiveStaff(deps.prisma, principal);
        if (!opts.handlerChecksPhone) return assertActiveCustomer(deps.prisma, principal, "any");
      })
      .then(() => {
        // The token's role, which the account check above holds to the account's: a role
        // change raises the token version.
        if (principal.kind === "staff" && "may" in spec && !can(principal.role, spec.may)) {
          throw new AppError("FORBIDDEN", forbiddenMessage(principal.role, spec.may));
        }
      })
      .then(() => {
        const input = parse(spec.payload as z.ZodType, payload, "payload") as z.output<(typeof COMMANDS)[C]["payload"]>;
        return handler(deps, input, principal as Sender<C>, socket);
      })
      .then(
        (data) => ack({ data }),
        (err: unknown) => ack(toAck(err, deps.log)),
      )
      .finally(() => {
        endWork?.();
        done();
      });
  };
  (socket.on as (event: string, fn: typeof listener) => void)(name, listener);
}

/** Longest event name echoed back in an error (names are the client's input). */
const MAX_ECHOED_NAME = 64;

/**
 * Answers events the contract does not have: through their ack if they brought one
 * (`UNKNOWN_EVENT`), else with `protocol:error`. Socket.IO would otherwise drop them
 * silently and leave the client waiting.
 */
export function refuseUnknownEvents(socket: AppSocket): void {
  socket.onAny((event: unknown, ...args: unknown[]) => {
    if (typeof event === "string" && Object.hasOwn(COMMANDS, event)) return;
    const name = String(event).slice(0, MAX_ECHOED_NAME);
    const error = { code: "UNKNOWN_EVENT" as const, message: `unknown event "${name}"` };
    const ack = args.at(-1);
    if (typeof ack === "function") ack({ error });
    else socket.emit("protocol:error", { ...error, event: name });
  });
}
