import type { StaffAudience } from "@ordered/contract";

/** The suffix of each staff audience's room: floor roles keep the location's own room. */
const AUDIENCE_SUFFIX: Record<StaffAudience, string> = { "floor.serve": "", "kitchen.work": ":kitchen" };

/**
 * Socket.IO rooms, `kind:id`: staff join the room of their audience in their location (what
 * they may read, contract STAFF_AUDIENCES); customers join their session's room, the room of
 * their location's customers (menu updates) and their own.
 */
export const rooms = {
  /** The location's staff of one audience: `location:<id>` (floor), `location:<id>:kitchen` (displays). */
  audience: (locationId: string, audience: StaffAudience) => `location:${locationId}${AUDIENCE_SUFFIX[audience]}`,
  locationCustomers: (locationId: string) => `location:${locationId}:customers`,
  session: (sessionId: string) => `session:${sessionId}`,
  /** One phone's sockets (all its tabs, on every instance): how a removed phone is cut off. */
  customer: (customerId: string) => `customer:${customerId}`,
  /** One staff account's sockets (every device, every instance): how an ended account is cut off. */
  staff: (staffId: string) => `staff:${staffId}`,
  /** A location's print bridges (joined on their first `print:next`): told when their printers have jobs. */
  printBridges: (locationId: string) => `printers:${locationId}`,
};
