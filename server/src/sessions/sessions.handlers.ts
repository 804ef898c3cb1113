import { COMMANDS } from "@ordered/contract";
import { AppError } from "../errors.js";
import type { CommandHandler } from "../realtime/command.js";
import { emitFor } from "../realtime/event-views.js";
import { rooms } from "../realtime/rooms.js";
import { eventsAfter } from "../session-log/events-after.js";
import { acknowledgeAlert, raiseAlert } from "./alerts.js";
import { claimLine } from "./bill-claims.js";
import { findSession } from "./session-dto.sql.js";

/**
 * `session:focus`: staff also join one session's room, and get its events after `afterSeq`
 * first, as their audience reads them: the command needs floor.serve, the floor audience's
 * permission, so that is the floor's (whole) form; the session room's live events are too.
 */
export const focus: CommandHandler<"session:focus"> = async (deps, input, staff, socket) => {
  const session = await findSession(deps.prisma, input.sessionId, staff.locationId);
  if (!session) throw AppError.notFound("session");
  await socket.join(rooms.session(session.id));
  let lastSeq = input.afterSeq ?? 0;
  for (const event of await eventsAfter(deps.prisma, new Map([[session.id, lastSeq]]))) {
    emitFor(socket, event, COMMANDS["session:focus"].may);
    lastSeq = event.seq;
  }
  return { lastSeq };
};

/** `session:unfocus`: leave a session's room (the location's room still brings its events). */
export const unfocus: CommandHandler<"session:unfocus"> = async (_deps, input, _staff, socket) => {
  await socket.leave(rooms.session(input.sessionId));
  return {};
};

/** `alert:raise`: a phone calls a waiter or asks for the bill; every staff device hears of it. */
export const raise: CommandHandler<"alert:raise"> = async (deps, input, customer) => {
  const { alert, event } = await raiseAlert(deps.prisma, customer, input.kind);
  if (event) deps.publisher.sessionEvent(customer.locationId, event);
  return { alert };
};

/** `alert:acknowledge`: staff saw the call; the phone is told. */
export const acknowledge: CommandHandler<"alert:acknowledge"> = async (deps, input, staff) => {
  const { alert, event } = await acknowledgeAlert(deps.prisma, staff, input.alertId);
  deps.publisher.sessionEvent(staff.locationId, event);
  return { alert };
};

/** `bill:claim`: a phone claims a bill line, shares it or lets it go (split by item); every screen of the table hears it. */
export const claim: CommandHandler<"bill:claim"> = async (deps, input, customer) => {
  const { claims, changed, event } = await claimLine(deps.prisma, customer, customer.sessionId, input);
  if (event) deps.publisher.sessionEvent(customer.locationId, event);
  return { claims, changed };
};

/** `bill:assign`: staff set any payer's claims on a bill line. */
export const assign: CommandHandler<"bill:assign"> = async (deps, { sessionId, ...input }, staff) => {
  const { claims, changed, event } = await claimLine(deps.prisma, staff, sessionId, input);
  if (event) deps.publisher.sessionEvent(staff.locationId, event);
  return { claims, changed };
};
