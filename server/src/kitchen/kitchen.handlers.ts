import { kitchenOrderOf } from "@ordered/contract";
import type { CommandHandler } from "../realtime/command.js";
import { bumpTicket, recallTicket } from "./move-ticket.js";

/** `ticket:bump`: a station moves its part forward; every screen (panel, displays, the phone) hears of it. */
export const bump: CommandHandler<"ticket:bump"> = async (deps, input, staff) => {
  const result = await bumpTicket(deps.prisma, staff.locationId, input.ticketId, input.to);
  if (result.event) deps.publisher.sessionEvent(result.locationId, result.event);
  return { order: kitchenOrderOf(result.order) };
};

/** `ticket:recall`: undo a bump within the recall window. */
export const recall: CommandHandler<"ticket:recall"> = async (deps, input, staff) => {
  const result = await recallTicket(deps.prisma, staff.locationId, input.ticketId, input.from);
  if (result.event) deps.publisher.sessionEvent(result.locationId, result.event);
  return { order: kitchenOrderOf(result.order) };
};
