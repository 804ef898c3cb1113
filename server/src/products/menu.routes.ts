import { customerOf } from "../auth/passport.js";
import type { AppDeps } from "../deps.js";
import { AppError } from "../errors.js";
import { handlers } from "../http/routes.js";
import { loadMenu } from "./products.service.js";

/** The menu a phone sees: visible categories in order and their visible products, sold-out ones flagged. */
export function menuRoutes(deps: AppDeps) {
  return handlers({
    "GET /api/menu": async ({ req, reply }) => {
      const customer = customerOf(req);
      const session = await deps.prisma.orderSession.findUnique({ where: { id: customer.sessionId }, select: { status: true } });
      if (session?.status !== "OPEN") throw new AppError("SESSION_CLOSED", "this table's session is closed");
      reply(await loadMenu(deps.prisma, customer.locationId));
    },
  });
}
