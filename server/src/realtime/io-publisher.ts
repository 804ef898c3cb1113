import type { Server } from "socket.io";
import type { Emitter } from "@socket.io/redis-emitter";
import type { ProductDto } from "../dto.js";
import type { LoggedEvent } from "../sessions/session-log.js";
import { rooms, SESSION_EVENT_NAMES, type ServerToClientEvents, type SessionEventEnvelope, type SessionEventType } from "./events.js";
import type { Publisher } from "./publisher.js";

/** The part of a Socket.IO Server or a Redis Emitter that broadcasting needs. */
type Broadcaster = Pick<Server<never, ServerToClientEvents>, "to" | "in"> | Emitter<ServerToClientEvents>;

export function toEnvelope(event: LoggedEvent): SessionEventEnvelope<never> {
  return { sessionId: event.sessionId, seq: event.seq, at: event.at, data: event.payload as never };
}

export function socketEventName(type: string): keyof ServerToClientEvents {
  const name = SESSION_EVENT_NAMES[type as SessionEventType];
  if (!name) throw new Error(`unknown session event type ${type}`);
  return name;
}

/**
 * Publishes through the Redis adapter (a Server) or the Redis emitter (the worker), so an
 * event reaches clients on every instance. One emit to both rooms: a socket in both (a
 * staff member focusing the session) receives it once.
 */
export function createIoPublisher(io: Broadcaster): Publisher {
  return {
    sessionEvent(locationId, event) {
      const target = io.to([rooms.session(event.sessionId), rooms.location(locationId)]);
      (target.emit as (ev: string, arg: unknown) => void)(socketEventName(event.type), toEnvelope(event));
      if (event.type === "session.closed") {
        // Customers of a closed session stop receiving the location's menu updates.
        io.in(rooms.session(event.sessionId)).socketsLeave(rooms.locationCustomers(locationId));
      }
    },
    productChanged(locationId: string, product: ProductDto) {
      io.to([rooms.location(locationId), rooms.locationCustomers(locationId)]).emit("product:updated", product);
    },
  };
}
