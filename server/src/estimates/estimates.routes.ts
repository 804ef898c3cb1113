import { assertActiveCustomer } from "../auth/customer-account.js";
import { customerOf, staffOf } from "../auth/passport.js";
import type { AppDeps } from "../deps.js";
import { handlers } from "../http/routes.js";
import { estimateCart, loadEstimates } from "./estimates.service.js";

/** Honest waiting times (issue 35): the phone's orders and cart, and the floor's late tables. */
export function estimateRoutes(deps: AppDeps) {
  return handlers({
    "GET /api/sessions/estimates": async ({ req, reply }) => {
      const customer = customerOf(req);
      await assertActiveCustomer(deps.prisma, customer, "open");
      reply({ estimates: await loadEstimates(deps.prisma, customer.locationId, customer.sessionId) });
    },

    "POST /api/sessions/estimate": async ({ req, body, reply }) => {
      const customer = customerOf(req);
      await assertActiveCustomer(deps.prisma, customer, "open");
      reply({ readyInSeconds: await estimateCart(deps.prisma, customer.locationId, body) });
    },

    "GET /api/estimates": async ({ req, reply }) => {
      reply({ estimates: await loadEstimates(deps.prisma, staffOf(req).locationId) });
    },
  });
}
