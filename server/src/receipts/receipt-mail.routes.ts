import { customerOf, staffOf } from "../auth/passport.js";
import type { AppDeps } from "../deps.js";
import { clientKey } from "../http/client-key.js";
import { handlers } from "../http/routes.js";
import { mailReceipt } from "./mail-receipt.js";

/** E-mailed receipts (issue 33): whether this server mails them, and the mail itself for a phone or for staff. */
export function receiptMailRoutes(deps: AppDeps) {
  return handlers({
    "GET /api/receipt-mail": async ({ reply }) => {
      reply({ enabled: deps.mailer !== null });
    },

    "POST /api/sessions/receipt/mail": async ({ req, body, reply }) => {
      const customer = customerOf(req);
      const { mail, event } = await mailReceipt(deps, customer, customer.sessionId, body, clientKey(req));
      if (event) deps.publisher.sessionEvent(customer.locationId, event);
      reply({ mail }, event ? 201 : 200);
    },

    "POST /api/sessions/:id/receipt/mail": async ({ req, params, body, reply }) => {
      const staff = staffOf(req);
      const { mail, event } = await mailReceipt(deps, staff, params.id, body, clientKey(req));
      if (event) deps.publisher.sessionEvent(staff.locationId, event);
      reply({ mail }, event ? 201 : 200);
    },
  });
}
