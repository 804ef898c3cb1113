import type { CommandHandler } from "../realtime/command.js";
import { fireCourse, holdCourse } from "./hold-course.js";

/** `course:hold`: the table's course waits; every screen hears each order that changed. */
export const hold: CommandHandler<"course:hold"> = async (deps, input, staff) => {
  const { orders, events } = await holdCourse(deps.prisma, staff, input);
  for (const event of events) deps.publisher.sessionEvent(staff.locationId, event);
  return { orders };
};

/** `course:fire`: the table's held course goes to the kitchen. */
export const fire: CommandHandler<"course:fire"> = async (deps, input, staff) => {
  const { orders, events } = await fireCourse(deps.prisma, staff, input);
  for (const event of events) deps.publisher.sessionEvent(staff.locationId, event);
  // Its tickets were fired in that transaction, and their print jobs made with them.
  if (events.length) deps.producer.wakePrinters(staff.locationId);
  return { orders };
};
