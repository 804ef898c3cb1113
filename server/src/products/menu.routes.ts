import { customerOf } from "../auth/passport.js";
import type { AppDeps } from "../deps.js";
import { handlers } from "../http/routes.js";
import { loadPhoneMenu } from "./products.service.js";

/** The menu a phone sees: visible categories in order and their visible products, sold-out ones flagged. */
export function menuRoutes(deps: AppDeps) {
  return handlers({
    "GET /api/menu": async ({ req, reply }) => {
      reply(await loadPhoneMenu(deps.prisma, customerOf(req)));
    },
  });
}
