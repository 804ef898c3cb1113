import { audienceOf } from "@ordered/contract";
import { assertActiveCustomer } from "../auth/customer-account.js";
import { assertActiveStaff } from "../auth/staff-account.js";
import type { AppDeps } from "../deps.js";
import { toAck } from "../errors.js";
import { eventsAfter, replayableSessions } from "../session-log/events-after.js";
import { emitFor, emitLogged } from "./event-views.js";
import type { AppSocket } from "./io.js";
import { rooms } from "./rooms.js";

/**
 * Brings a new connection up to date, then lets live events flow:
 *  1. replay the log after the client's cursors,
 *  2. join the rooms (live events flow from here on),
 *  3. replay once more from where step 1 ended, for events committed in between,
 *  4. emit `sync:done` with the cursors.
 * Socket.IO's connection-state recovery does not work with the Redis pub/sub adapter, so
 * this replay from PostgreSQL is the recovery mechanism. Events committed around step 2
 * may arrive twice or just ahead of a replayed one: clients apply events per session in
 * `seq` order and ignore numbers they have already applied.
 * Staff hear what their role's audience may read (contract STAFF_AUDIENCES), replayed in the
 * same form as live (event-views.ts): a kitchen display's replay leaks no more than its room.
 */
export async function catchUp(socket: AppSocket, deps: AppDeps): Promise<void> {
  const { principal, auth } = socket.data;
  const cursors = new Map<string, number>();
  let joinRooms: string[];
  // Phones read their session's events whole; staff as their audience.
  let emit = emitLogged;

  if (principal.kind === "customer") {
    // Never event 1, `session.opened`: it carries the session as staff see it, with its join
    // code and PIN, which a card-joined phone must not learn (the code would count as
    // presence). Phones start from the join's snapshot, well past it.
    cursors.set(principal.sessionId, Math.max(auth.lastSeq ?? 0, 1));
    joinRooms = [rooms.session(principal.sessionId), rooms.locationCustomers(principal.locationId), rooms.customer(principal.customerId)];
  } else {
    const requested = auth.cursors ?? {};
    // Only this location's sessions; open ones the client does not know are replayed whole.
    const sessions = await replayableSessions(deps.prisma, principal.locationId, Object.keys(requested));
    for (const { id } of sessions) cursors.set(id, requested[id] ?? 0);
    const audience = audienceOf(principal.role);
    joinRooms = [rooms.staff(principal.staffId)];
    // Every role has an audience today; one without would hear nothing live, and so replays nothing.
    if (audience === null) cursors.clear();
    else {
      joinRooms.push(rooms.audience(principal.locationId, audience));
      emit = (target, event) => emitFor(target, event, audience);
    }
  }

  const replay = async () => {
    for (const event of await eventsAfter(deps.prisma, cursors)) {
      if (!socket.connected) return;
      emit(socket, event);
      cursors.set(event.sessionId, event.seq);
    }
  };
  await replay();
  await socket.join(joinRooms);
  // A removal (phone) or an ended account (staff) committed after the handshake's check but
  // before this socket was in its own room was not heard here: check again now that it would be.
  try {
    if (principal.kind === "customer") await assertActiveCustomer(deps.prisma, principal, "any");
    else await assertActiveStaff(deps.prisma, principal);
  } catch (err) {
    const { error } = toAck(err, deps.log);
    socket.emit("protocol:error", error);
    socket.disconnect(true);
    return;
  }
  await replay();
  if (socket.connected) socket.emit("sync:done", { cursors: Object.fromEntries(cursors) });
}
