/**
 * Socket.IO rooms, `kind:id`: staff join their location's room; customers join their
 * session's room, the room of their location's customers (menu updates) and their own.
 */
export const rooms = {
  location: (locationId: string) => `location:${locationId}`,
  locationCustomers: (locationId: string) => `location:${locationId}:customers`,
  session: (sessionId: string) => `session:${sessionId}`,
  /** One phone's sockets (all its tabs, on every instance): how a removed phone is cut off. */
  customer: (customerId: string) => `customer:${customerId}`,
  /** One staff account's sockets (every device, every instance): how an ended account is cut off. */
  staff: (staffId: string) => `staff:${staffId}`,
};
