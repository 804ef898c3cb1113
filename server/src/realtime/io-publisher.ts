import { type LoggedEvent, SESSION_EVENTS, type ServerToClientEvents, type SessionEventEnvelope } from "@ordered/contract";
import type { Emitter } from "@socket.io/redis-emitter";
import type { Server } from "socket.io";
import { removedError } from "../auth/customer-account.js";
import type { Publisher } from "./publisher.js";
import { rooms } from "./rooms.js";

/** The part of a Socket.IO Server, a socket or a Redis Emitter that broadcasting needs. */
type Broadcaster = Pick<Server<never, ServerToClientEvents>, "to" | "in"> | Emitter<ServerToClientEvents>;

/** Anything that can emit a server event (a room, a socket, the emitter). */
interface Target {
  emit(event: string, arg: unknown): unknown;
}

/** Sends one logged event as its socket event (the contract's SESSION_EVENTS map), in its envelope. */
export function emitLogged(target: Target, event: LoggedEvent): void {
  const envelope: SessionEventEnvelope<unknown> = { sessionId: event.sessionId, seq: event.seq, at: event.at, data: event.payload };
  target.emit(SESSION_EVENTS[event.type].socket, envelope);
}

/**
 * Publishes through the Redis adapter (a Server) or the Redis emitter (the worker), so an
 * event reaches clients on every instance. A socket in both rooms (a staff member focusing
 * the session) receives a session event once: one emit to both rooms, or with `perRoom`
 * (the sharded adapter, whose channels are per room: adapter.ts) one emit per room, the
 * session's skipping the location's staff, so each instance hears only rooms it serves.
 */
export function createIoPublisher(io: Broadcaster, opts: { perRoom: boolean } = { perRoom: false }): Publisher {
  // Staff (location room) and phones (the location's customers room) are never in each other's room.
  const toBoth = (staffRoom: string, customersRoom: string, event: "product:updated" | "menu:changed", arg: unknown) => {
    if (!opts.perRoom) return (io.to([staffRoom, customersRoom]) as Target).emit(event, arg);
    (io.to(staffRoom) as Target).emit(event, arg);
    (io.to(customersRoom) as Target).emit(event, arg);
  };
  return {
    sessionEvent(locationId, event, except) {
      const session = rooms.session(event.sessionId);
      const location = rooms.location(locationId);
      // A socket's id is also a room of its own: leaving it out of a broadcast is an except.
      const others = except === undefined ? [] : [except];
      if (opts.perRoom) {
        emitLogged(io.to(location) as Target, event);
        emitLogged(io.to(session).except([location, ...others]) as Target, event);
      } else {
        emitLogged(io.to([session, location]).except(others) as Target, event);
      }
      if (event.type === "session.closed") {
        // Customers of a closed session stop receiving the location's menu updates.
        io.in(rooms.session(event.sessionId)).socketsLeave(rooms.locationCustomers(locationId));
      }
    },
    productChanged(locationId, product) {
      toBoth(rooms.location(locationId), rooms.locationCustomers(locationId), "product:updated", product);
    },
    menuChanged(locationId) {
      toBoth(rooms.location(locationId), rooms.locationCustomers(locationId), "menu:changed", { locationId });
    },
    customerRemoved(customerId) {
      const room = rooms.customer(customerId);
      const { code, message } = removedError();
      io.to(room).emit("protocol:error", { code, message });
      io.in(room).disconnectSockets(true);
    },
    sessionRekeyed(locationId, data) {
      io.to(rooms.location(locationId)).emit("session:rekeyed", data);
    },
    staffEnded(staffId, message) {
      const room = rooms.staff(staffId);
      io.to(room).emit("protocol:error", { code: "UNAUTHENTICATED", message });
      io.in(room).disconnectSockets(true);
    },
  };
}
