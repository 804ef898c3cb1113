import { staffOf } from "../auth/passport.js";
import type { AppDeps } from "../deps.js";
import { AppError } from "../errors.js";
import { clientKey } from "../http/client-key.js";
import { handlers } from "../http/routes.js";
import { cardInfo, cardTable } from "../sessions/customers.js";
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
  // Phones held waiting per client address on this instance: a venue's guests share one
  // address, so the cap is the sockets' (MAX_SOCKETS_PER_ADDRESS), each wait holding a connection as a socket does.
  const heldPerAddress = new Map<string, number>();
  return handlers({
    "GET /api/cards/:cardCode": async ({ req, params, reply }) => {
      await deps.limiters.join.consume(clientKey(req), "join attempts");
      reply(await cardInfo(deps.prisma, params.cardCode));
    },

    // A phone at a free table waits here for staff to seat it (tables/seat-waits.ts): it learns
    // "seated" and nothing else, and each wait costs a join attempt of its address like a look at the card.
    "GET /api/cards/:cardCode/seated": async ({ req, res, params, reply }) => {
      const address = clientKey(req);
      await deps.limiters.join.consume(address, "join attempts");
      const held = heldPerAddress.get(address) ?? 0;
      if (held >= deps.config.limits.socketsPerAddress) throw new AppError("RATE_LIMITED", "too many phones waiting from this address");
      const table = await cardTable(deps.prisma, params.cardCode);
      const gone = new AbortController();
      // The phone hung up (closed the page, lost its network): no answer to hold for it.
      res.once("close", () => gone.abort());
      heldPerAddress.set(address, held + 1);
      const wait = deps.seatWaits.hold(table.tableId, gone.signal);
      try {
        if (await table.joinable()) return reply({ seated: true });
        const seated = await wait.seated;
        if (!gone.signal.aborted) reply({ seated });
      } finally {
        wait.release();
        const left = (heldPerAddress.get(address) ?? 1) - 1;
        if (left > 0) heldPerAddress.set(address, left);
        else heldPerAddress.delete(address);
      }
    },
  });
}
