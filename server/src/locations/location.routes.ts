import { staffOf } from "../auth/passport.js";
import type { AppDeps } from "../deps.js";
import { toLocationDto } from "../dto.js";
import { AppError } from "../errors.js";
import { clientKey } from "../http/client-key.js";
import { handlers } from "../http/routes.js";
import { cardInfo } from "../sessions/customers.js";

/** The staff's own location and its settings (changed by its owners only). */
export function locationRoutes(deps: AppDeps) {
  return handlers({
    "GET /api/location": async ({ req, reply }) => {
      const location = await deps.prisma.location.findUniqueOrThrow({ where: { id: staffOf(req).locationId } });
      reply({ location: toLocationDto(location) });
    },

    "PATCH /api/location": async ({ req, body, reply }) => {
      const staff = staffOf(req);
      // Thresholds given one at a time are checked against the other's stored value.
      const { ticketAmberMinutes: amber, ticketRedMinutes: red } = body;
      if (amber !== undefined || red !== undefined) {
        const current = await deps.prisma.location.findUniqueOrThrow({ where: { id: staff.locationId } });
        if ((amber ?? current.ticketAmberMinutes) >= (red ?? current.ticketRedMinutes)) {
          throw new AppError("VALIDATION_FAILED", "body.ticketAmberMinutes: must be less than ticketRedMinutes");
        }
      }
      const location = await deps.prisma.location.update({ where: { id: staff.locationId }, data: body });
      reply({ location: toLocationDto(location) });
    },
  });
}

/** A table card, as a phone sees it before joining (no token: the card is the credential). */
export function cardRoutes(deps: AppDeps) {
  return handlers({
    "GET /api/cards/:cardCode": async ({ req, params, reply }) => {
      await deps.limiters.join.consume(clientKey(req), "join attempts");
      reply(await cardInfo(deps.prisma, params.cardCode));
    },
  });
}
