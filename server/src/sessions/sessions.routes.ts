import { customerOf, staffOf } from "../auth/passport.js";
import { recordCorrection } from "../corrections/record-correction.js";
import type { AppDeps } from "../deps.js";
import { clientKey } from "../http/client-key.js";
import { handlers } from "../http/routes.js";
import { settleBeforeClose } from "../payments/reconcile.js";
import { loadMenu } from "../products/products.service.js";
import { claimLine } from "./bill-claims.js";
import { codeInfo, joinByCard, joinByCode, removeCustomer } from "./customers.js";
import { moveSession } from "./move-session.js";
import { recordPayment } from "./payments.js";
import { acceptCustomer, verifyPin } from "./presence.js";
import { renderQr } from "./qr.js";
import {
  closeSession,
  getCustomerReceipt,
  getCustomerSession,
  getSession,
  listSessions,
  loadSessionActivity,
  openSession,
} from "./sessions.service.js";

export function sessionRoutes(deps: AppDeps) {
  const publicUrl = deps.config.publicUrl;
  const joinDeps = { ...deps, publicUrl };

  // Customer side: join with a session's code or a table's card, then read the joined session.
  return handlers({
    "POST /api/sessions/join": async ({ req, body, reply }) => {
      await deps.limiters.join.consume(clientKey(req), "join attempts");
      const { joined, events } = body.cardCode
        ? await joinByCard(joinDeps, { cardCode: body.cardCode, displayName: body.displayName })
        : await joinByCode(joinDeps, { joinCode: body.joinCode ?? "", displayName: body.displayName }).then((r) => ({
            joined: r.joined,
            events: [r.event],
          }));
      for (const event of events) deps.publisher.sessionEvent(joined.location.id, event);
      // The table screen's two first requests (GET /sessions/current, GET /menu), answered here:
      // the phone shows the menu one round trip after the tap.
      const [activity, menu] = await Promise.all([
        loadSessionActivity(deps.prisma, joined.session.id),
        loadMenu(deps.prisma, joined.location.id),
      ]);
      // A phone that has just joined has declared no allergies at this table yet.
      reply({ ...joined, ...activity, allergies: null, menu });
    },

    // Before joining: the venue and table a code belongs to (or why it does not work).
    "GET /api/sessions/code/:joinCode": async ({ req, params, reply }) => {
      await deps.limiters.join.consume(clientKey(req), "join attempts");
      reply(await codeInfo(deps.prisma, params.joinCode));
    },

    "GET /api/sessions/current": async ({ req, reply }) => {
      reply(await getCustomerSession(deps.prisma, customerOf(req)));
    },

    // A card-joined phone proves it is at the table with the PIN staff show there.
    "POST /api/sessions/verify": async ({ req, body, reply }) => {
      const customer = customerOf(req);
      const { customer: phone, event } = await verifyPin(deps.prisma, customer, body.pin);
      if (event) deps.publisher.sessionEvent(customer.locationId, event);
      reply({ customer: phone });
    },

    "GET /api/sessions/receipt": async ({ req, reply }) => {
      reply({ receipt: await getCustomerReceipt(deps.prisma, customerOf(req)) });
    },

    // Staff side, scoped to the staff's own location.
    "POST /api/sessions": async ({ req, body, reply }) => {
      const staff = staffOf(req);
      const { session, event } = await openSession(deps.prisma, publicUrl, staff, body);
      deps.publisher.sessionEvent(staff.locationId, event);
      reply({ session, qr: await renderQr(session.joinUrl) });
    },

    "GET /api/sessions": async ({ req, query, reply }) => {
      reply({ sessions: await listSessions(deps.prisma, publicUrl, staffOf(req).locationId, query) });
    },

    "GET /api/sessions/:id": async ({ req, params, reply }) => {
      const result = await getSession(deps.prisma, publicUrl, staffOf(req).locationId, params.id);
      const qr = result.session.status === "OPEN" ? await renderQr(result.session.joinUrl) : null;
      reply({ ...result, qr });
    },

    "POST /api/sessions/:id/close": async ({ req, params, body, reply }) => {
      const staff = staffOf(req);
      // Payments still open on phones are ended (or recorded, if paid) first: the bill closed is the bill paid.
      await settleBeforeClose(deps, staff.locationId, params.id);
      const { session, receipt, events } = await closeSession(deps.prisma, publicUrl, staff, params.id, body);
      for (const event of events) deps.publisher.sessionEvent(staff.locationId, event);
      reply({ session, receipt });
    },

    "POST /api/sessions/:id/move": async ({ req, params, body, reply }) => {
      const staff = staffOf(req);
      const { session, event } = await moveSession(deps.prisma, publicUrl, staff, params.id, body.tableId);
      if (event) deps.publisher.sessionEvent(staff.locationId, event);
      reply({ session });
    },

    "POST /api/sessions/:id/claims": async ({ req, params, body, reply }) => {
      const staff = staffOf(req);
      const { claims, changed, event } = await claimLine(deps.prisma, staff, params.id, body);
      if (event) deps.publisher.sessionEvent(staff.locationId, event);
      reply({ claims, changed });
    },

    "POST /api/sessions/:id/corrections": async ({ req, params, body, reply }) => {
      const staff = staffOf(req);
      const { correction, order, events } = await recordCorrection(deps, staff, params.id, body);
      for (const event of events) deps.publisher.sessionEvent(staff.locationId, event);
      // A void of a line the kitchen has on paper made its VOID slip's print job in that transaction.
      if (events.length > 0 && correction.kind === "VOID") deps.producer.wakePrinters(staff.locationId);
      reply({ correction, order }, events.length > 0 ? 201 : 200);
    },

    "POST /api/sessions/:id/payments": async ({ req, params, body, reply }) => {
      const staff = staffOf(req);
      const { payment, event } = await recordPayment(deps.prisma, staff, params.id, body);
      if (event) deps.publisher.sessionEvent(staff.locationId, event);
      reply({ payment }, event ? 201 : 200);
    },

    "POST /api/sessions/:id/customers/:customerId/remove": async ({ req, params, reply }) => {
      const staff = staffOf(req);
      const { customer, session, event } = await removeCustomer(deps.prisma, publicUrl, staff, params.id, params.customerId);
      if (event) {
        deps.publisher.sessionEvent(staff.locationId, event);
        const { joinCode, joinUrl, pin } = session;
        deps.publisher.sessionRekeyed(staff.locationId, { sessionId: session.id, joinCode, joinUrl, pin });
      }
      // Also when nothing changed: a socket that slipped through a race is closed too.
      deps.publisher.customerRemoved(customer.id);
      reply({ customer, session, qr: await renderQr(session.joinUrl) });
    },

    "POST /api/sessions/:id/customers/:customerId/accept": async ({ req, params, reply }) => {
      const staff = staffOf(req);
      const { customer, event } = await acceptCustomer(deps.prisma, staff, params.id, params.customerId);
      if (event) deps.publisher.sessionEvent(staff.locationId, event);
      reply({ customer });
    },
  });
}
