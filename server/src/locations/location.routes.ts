import { staffOf } from "../auth/passport.js";
import type { AppDeps } from "../deps.js";
import { clientKey } from "../http/client-key.js";
import { handlers } from "../http/routes.js";
import { cardInfo } from "../sessions/customers.js";
import { getLocation, updateLocationSettings } from "./location-dto.sql.js";

/** The staff's own location and its settings (changed by its owners only). */
export function locationRoutes(deps: AppDeps) {
  return handlers({
    "GET /api/location": async ({ req, reply }) => {
      reply({ location: await getLocation(deps.prisma, staffOf(req).locationId) });
    },

    "PATCH /api/location": async ({ req, body, reply }) => {
      reply({ location: await updateLocationSettings(deps.prisma, staffOf(req).locationId, body) });
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
