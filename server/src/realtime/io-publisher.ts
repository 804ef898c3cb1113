import {
  audienceMay,
  BROADCASTS,
  type BroadcastName,
  type ServerToClientEvents,
  STAFF_AUDIENCES,
  type StaffAudience,
} from "@ordered/contract";
import type { Emitter } from "@socket.io/redis-emitter";
import type { Server } from "socket.io";
import { removedError } from "../auth/customer-account.js";
import { emitLogged, emitView, type Target, VIEWS } from "./event-views.js";
import type { Publisher } from "./publisher.js";
import { rooms } from "./rooms.js";

/** The part of a Socket.IO Server, a socket or a Redis Emitter that broadcasting needs. */
type Broadcaster = Pick<Server<never, ServerToClientEvents>, "to" | "in"> | Emitter<ServerToClientEvents>;

/** The staff audiences that may read each unlogged broadcast (contract BROADCASTS), worked out once. */
const BROADCAST_AUDIENCES = Object.fromEntries(
  (Object.keys(BROADCASTS) as BroadcastName[]).map((name) => [name, STAFF_AUDIENCES.filter((a) => audienceMay(a, BROADCASTS[name].read))]),
) as Record<BroadcastName, StaffAudience[]>;

/**
 * Publishes through the Redis adapter (a Server) or the Redis emitter (the worker), so an
 * event reaches clients on every instance. Each staff socket is in one audience room
 * (rooms.audience: floor or kitchen), and each room gets the event once, in the form its
 * audience may read (event-views.ts, from the contract's table): the cost is one emit per
 * audience, never a loop over sockets. A socket in two rooms (a floor member focusing a
 * session) receives a session event once: one emit to both rooms, or with `perRoom` (the
 * sharded adapter, whose channels are per room: adapter.ts) one emit per room, the session's
 * skipping the staff rooms, so each instance hears only rooms it serves.
 */
export function createIoPublisher(io: Broadcaster, opts: { perRoom: boolean } = { perRoom: false }): Publisher {
  const broadcast = (locationId: string, event: BroadcastName, arg: unknown) => {
    // Staff rooms and phones (the location's customers room) are never in each other's room.
    const targets = [...BROADCAST_AUDIENCES[event].map((a) => rooms.audience(locationId, a)), rooms.locationCustomers(locationId)];
    if (!opts.perRoom) return (io.to(targets) as Target).emit(event, arg);
    for (const room of targets) (io.to(room) as Target).emit(event, arg);
  };
  return {
    sessionEvent(locationId, event, except) {
      const session = rooms.session(event.sessionId);
      const views = VIEWS[event.type];
      // Phones of the session and the audiences that read the event whole share one emit;
      // each other audience gets its own form in its own room.
      const whole = STAFF_AUDIENCES.filter((a) => views[a] === "whole").map((a) => rooms.audience(locationId, a));
      const partial = STAFF_AUDIENCES.filter((a) => views[a] !== "whole");
      const partialRooms = partial.map((a) => rooms.audience(locationId, a));
      // A socket's id is also a room of its own: leaving it out of a broadcast is an except.
      const others = except === undefined ? [] : [except];
      if (opts.perRoom) {
        for (const room of whole) emitLogged(io.to(room) as Target, event);
        emitLogged(io.to(session).except([...whole, ...partialRooms, ...others]) as Target, event);
      } else {
        emitLogged(io.to([session, ...whole]).except([...partialRooms, ...others]) as Target, event);
      }
      for (const audience of partial)
        emitView(io.to(rooms.audience(locationId, audience)).except(others) as Target, event, views[audience]);
      if (event.type === "session.closed") {
        // Customers of a closed session stop receiving the location's menu updates.
        io.in(rooms.session(event.sessionId)).socketsLeave(rooms.locationCustomers(locationId));
      }
    },
    productChanged(locationId, product) {
      broadcast(locationId, "product:updated", product);
    },
    menuChanged(locationId) {
      broadcast(locationId, "menu:changed", { locationId });
    },
    customerRemoved(customerId) {
      const room = rooms.customer(customerId);
      const { code, message } = removedError();
      io.to(room).emit("protocol:error", { code, message });
      io.in(room).disconnectSockets(true);
    },
    sessionRekeyed(locationId, data) {
      // The join code and PIN: the floor's audience only (never phones, never kitchen displays).
      io.to(rooms.audience(locationId, "floor.serve")).emit("session:rekeyed", data);
    },
    printerStatus(locationId, health) {
      // Every staff audience: the floor and the kitchen displays both need to know paper is not coming.
      io.to(STAFF_AUDIENCES.map((a) => rooms.audience(locationId, a))).emit("printer:status", health);
    },
    allergiesChanged(locationId, allergies) {
      // Staff only: a guest's declaration is private to their phone (which hears its own answer) and the staff.
      io.to(STAFF_AUDIENCES.map((a) => rooms.audience(locationId, a))).emit("allergies:changed", allergies);
    },
    printBridgeWake(locationId) {
      io.to(rooms.printBridges(locationId)).emit("print:wake", { locationId });
    },
    staffEnded(staffId, message) {
      const room = rooms.staff(staffId);
      io.to(room).emit("protocol:error", { code: "UNAUTHENTICATED", message });
      io.in(room).disconnectSockets(true);
    },
  };
}
