/**
 * Socket.IO rooms, `kind:id`: staff join their location's room; customers join their
 * session's room and the room of their location's customers (menu updates).
 */
export const rooms = {
  location: (locationId: string) => `location:${locationId}`,
  locationCustomers: (locationId: string) => `location:${locationId}:customers`,
  session: (sessionId: string) => `session:${sessionId}`,
};
