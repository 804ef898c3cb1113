import { z } from "zod";
import type { AppDeps } from "../app.js";
import { AppError } from "../errors.js";
import { parse } from "../http/validate.js";
import { command, requireStaff } from "../realtime/command.js";
import { rooms } from "../realtime/events.js";
import { socketEventName, toEnvelope } from "../realtime/io-publisher.js";
import type { AppSocket } from "../realtime/io.js";
import { eventsAfter } from "../realtime/replay.js";

const FocusInput = z.strictObject({ sessionId: z.uuid("must be a session id"), afterSeq: z.number().int().min(0).optional() });
const UnfocusInput = z.strictObject({ sessionId: z.uuid("must be a session id") });

export function registerSessionHandlers(socket: AppSocket, deps: AppDeps): void {
  socket.on(
    "session:focus",
    command(socket, deps.log, async (payload, principal) => {
      const staff = requireStaff(principal);
      const input = parse(FocusInput, payload, "payload");
      const session = await deps.prisma.orderSession.findFirst({
        where: { id: input.sessionId, locationId: staff.locationId },
        select: { id: true, lastSeq: true },
      });
      if (!session) throw AppError.notFound("session");
      await socket.join(rooms.session(session.id));
      let lastSeq = input.afterSeq ?? 0;
      for (const event of await eventsAfter(deps.prisma, new Map([[session.id, lastSeq]]))) {
        (socket.emit as (ev: string, arg: unknown) => void)(socketEventName(event.type), toEnvelope(event));
        lastSeq = event.seq;
      }
      return { lastSeq };
    }),
  );

  socket.on(
    "session:unfocus",
    command(socket, deps.log, async (payload, principal) => {
      requireStaff(principal);
      const input = parse(UnfocusInput, payload, "payload");
      await socket.leave(rooms.session(input.sessionId));
      return {};
    }),
  );
}
