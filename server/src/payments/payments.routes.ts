import { customerOf, staffOf } from "../auth/passport.js";
import { sqlOn } from "../db/sql.js";
import type { AppDeps } from "../deps.js";
import { AppError } from "../errors.js";
import { handlers } from "../http/routes.js";
import { checkoutState, startCheckout } from "./checkout.js";
import { getPaymentAccount, providerAccount, removePaymentAccount, setPaymentAccount } from "./payment-account.js";
import { BadSignature } from "./provider.js";
import { refundPayment } from "./refund-payment.js";
import { settle } from "./settle-checkout.js";

/** Guests pay on their phones; owners set the provider's keys; managers refund; the provider reports. */
export function paymentRoutes(deps: AppDeps) {
  const webhookUrl = (locationId: string) => `${deps.config.publicUrl}/api/payments/webhook/stripe/${locationId}`;
  return handlers({
    "POST /api/sessions/checkout": async ({ req, body, reply }) => {
      const checkout = await startCheckout(deps, customerOf(req), body);
      reply({ checkout });
    },

    "GET /api/sessions/checkouts/:clientPaymentId": async ({ req, params, reply }) => {
      reply({ checkout: await checkoutState(deps, customerOf(req), params.clientPaymentId) });
    },

    "POST /api/sessions/:id/refunds": async ({ req, params, body, reply }) => {
      reply({ payment: await refundPayment(deps, staffOf(req), params.id, body) });
    },

    "GET /api/payments/account": async ({ req, reply }) => {
      const { locationId } = staffOf(req);
      reply({ account: await getPaymentAccount(deps.prisma, locationId), webhookUrl: webhookUrl(locationId) });
    },

    "PUT /api/payments/account": async ({ req, body, reply }) => {
      const staff = staffOf(req);
      reply({ account: await setPaymentAccount(deps.prisma, staff, body), webhookUrl: webhookUrl(staff.locationId) });
    },

    "DELETE /api/payments/account": async ({ req, reply }) => {
      await removePaymentAccount(deps.prisma, staffOf(req).locationId);
      reply();
    },

    // Stripe's events: verified against the location's signing secret over the exact bytes sent.
    "POST /api/payments/webhook/stripe/:locationId": async ({ req, params, body, reply }) => {
      const account = await providerAccount(sqlOn(deps.prisma), params.locationId);
      if (!account) throw AppError.notFound("payment account");
      let event: ReturnType<ReturnType<AppDeps["payments"]>["parseWebhook"]>;
      try {
        event = deps.payments(account).parseWebhook(body as Buffer, req.get("stripe-signature"));
      } catch (err) {
        if (!(err instanceof BadSignature)) throw err;
        deps.log.warn(
          { location: params.locationId, reason: err.message, from: req.ip },
          "refused a payment webhook: its signature does not verify",
        );
        throw new AppError("UNAUTHENTICATED", "the webhook's signature does not verify with this location's signing secret");
      }
      if (event.kind === "checkout") {
        const { known } = await settle(deps, event.checkout);
        if (!known)
          deps.log.info({ event: event.id, checkout: event.checkout.id }, "a payment webhook about a checkout Ordered did not start");
      }
      reply({ received: true });
    },
  });
}
