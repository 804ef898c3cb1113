import type { CommandHandler } from "../realtime/command.js";
import { acknowledgeAllergies } from "./acknowledge-allergies.js";

/** `ticket:acknowledge-allergies`: the station read the guests' declared allergies; every staff screen hears it. */
export const acknowledge: CommandHandler<"ticket:acknowledge-allergies"> = async (deps, input, staff) => {
  const { allergies, changed } = await acknowledgeAllergies(deps.prisma, staff, input.ticketId);
  if (changed) deps.publisher.allergiesChanged(staff.locationId, allergies);
  return { allergies };
};
