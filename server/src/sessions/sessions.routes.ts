import {
  CloseSessionBody,
  type CloseSessionResponse,
  type CodeInfoResponse,
  type CurrentSessionResponse,
  JoinBody,
  type JoinResponse,
  ListSessionsQuery,
  OpenSessionBody,
  type OpenSessionResponse,
  type PaymentResponse,
  type ReceiptResponse,
  RecordPaymentBody,
  type RemoveCustomerResponse,
  type SessionDetailResponse,
  type SessionListResponse,
  type VerifyCustomerResponse,
  VerifyPinBody,
} from "@ordered/contract";
import { Router } from "express";
import { customerOf, staffOf } from "../auth/passport.js";
import type { AppDeps } from "../deps.js";
import { clientKey } from "../http/client-key.js";
import { idParam, parse } from "../http/validate.js";
import { loadMenu } from "../products/products.service.js";
import { codeInfo, joinByCard, joinByCode, removeCustomer } from "./customers.js";
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

export function sessionRoutes(deps: AppDeps): Router {
  const router = Router();
  const publicUrl = deps.config.publicUrl;
  const joinDeps = { ...deps, publicUrl };

  // Customer side: join with a session's code or a table's card, then read the joined session.
  router.post("/join", async (req, res) => {
    await deps.limiters.join.consume(clientKey(req), "join attempts");
    const body = parse(JoinBody, req.body, "body");
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
    res.status(201).json({ ...joined, ...activity, menu } satisfies JoinResponse);
  });

  // Before joining: the venue and table a code belongs to (or why it does not work).
  router.get("/code/:joinCode", async (req, res) => {
    await deps.limiters.join.consume(clientKey(req), "join attempts");
    res.json((await codeInfo(deps.prisma, String(req.params.joinCode))) satisfies CodeInfoResponse);
  });

  router.get("/current", deps.guards.customer, async (req, res) => {
    res.json((await getCustomerSession(deps.prisma, customerOf(req))) satisfies CurrentSessionResponse);
  });

  // A card-joined phone proves it is at the table with the PIN staff show there.
  router.post("/verify", deps.guards.customer, async (req, res) => {
    const customer = customerOf(req);
    const body = parse(VerifyPinBody, req.body, "body");
    const { customer: phone, event } = await verifyPin(deps.prisma, customer, body.pin);
    if (event) deps.publisher.sessionEvent(customer.locationId, event);
    res.json({ customer: phone } satisfies VerifyCustomerResponse);
  });

  router.get("/receipt", deps.guards.customer, async (req, res) => {
    res.json({ receipt: await getCustomerReceipt(deps.prisma, customerOf(req)) } satisfies ReceiptResponse);
  });

  // Staff side, scoped to the staff's own location.
  router.post("/", ...deps.guards.may("floor.serve"), async (req, res) => {
    const staff = staffOf(req);
    const body = parse(OpenSessionBody, req.body, "body");
    const { session, event } = await openSession(deps.prisma, publicUrl, staff, body);
    deps.publisher.sessionEvent(staff.locationId, event);
    res.status(201).json({ session, qr: await renderQr(session.joinUrl) } satisfies OpenSessionResponse);
  });

  router.get("/", ...deps.guards.may("floor.serve"), async (req, res) => {
    const query = parse(ListSessionsQuery, req.query, "query");
    res.json({ sessions: await listSessions(deps.prisma, publicUrl, staffOf(req).locationId, query) } satisfies SessionListResponse);
  });

  router.get("/:id", ...deps.guards.may("floor.serve"), async (req, res) => {
    const id = idParam(req.params.id, "session");
    const result = await getSession(deps.prisma, publicUrl, staffOf(req).locationId, id);
    const qr = result.session.status === "OPEN" ? await renderQr(result.session.joinUrl) : null;
    res.json({ ...result, qr } satisfies SessionDetailResponse);
  });

  router.post("/:id/close", ...deps.guards.may("floor.serve"), async (req, res) => {
    const staff = staffOf(req);
    const id = idParam(req.params.id, "session");
    const body = parse(CloseSessionBody, req.body, "body");
    const { session, receipt, events } = await closeSession(deps.prisma, publicUrl, staff, id, body);
    for (const event of events) deps.publisher.sessionEvent(staff.locationId, event);
    res.json({ session, receipt } satisfies CloseSessionResponse);
  });

  router.post("/:id/payments", ...deps.guards.may("payments.record"), async (req, res) => {
    const staff = staffOf(req);
    const id = idParam(req.params.id, "session");
    const body = parse(RecordPaymentBody, req.body, "body");
    const { payment, event } = await recordPayment(deps.prisma, staff, id, body);
    if (event) deps.publisher.sessionEvent(staff.locationId, event);
    res.status(event ? 201 : 200).json({ payment } satisfies PaymentResponse);
  });

  router.post("/:id/customers/:customerId/remove", ...deps.guards.may("floor.serve"), async (req, res) => {
    const staff = staffOf(req);
    const id = idParam(req.params.id, "session");
    const customerId = idParam(req.params.customerId, "phone");
    const { customer, session, event } = await removeCustomer(deps.prisma, publicUrl, staff, id, customerId);
    if (event) {
      deps.publisher.sessionEvent(staff.locationId, event);
      const { joinCode, joinUrl, pin } = session;
      deps.publisher.sessionRekeyed(staff.locationId, { sessionId: session.id, joinCode, joinUrl, pin });
    }
    // Also when nothing changed: a socket that slipped through a race is closed too.
    deps.publisher.customerRemoved(customer.id);
    res.json({ customer, session, qr: await renderQr(session.joinUrl) } satisfies RemoveCustomerResponse);
  });

  router.post("/:id/customers/:customerId/accept", ...deps.guards.may("floor.serve"), async (req, res) => {
    const staff = staffOf(req);
    const id = idParam(req.params.id, "session");
    const customerId = idParam(req.params.customerId, "phone");
    const { customer, event } = await acceptCustomer(deps.prisma, staff, id, customerId);
    if (event) deps.publisher.sessionEvent(staff.locationId, event);
    res.json({ customer } satisfies VerifyCustomerResponse);
  });

  return router;
}
