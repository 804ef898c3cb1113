import {
  type CloseSessionResponse,
  type CurrentSessionResponse,
  JoinBody,
  type JoinResponse,
  ListSessionsQuery,
  OpenSessionBody,
  type OpenSessionResponse,
  type SessionDetailResponse,
  type SessionListResponse,
} from "@ordered/contract";
import { Router } from "express";
import { customerOf, staffOf } from "../auth/passport.js";
import type { AppDeps } from "../deps.js";
import { clientKey } from "../http/client-key.js";
import { idParam, parse } from "../http/validate.js";
import { renderQr } from "./qr.js";
import { closeSession, getCustomerSession, getSession, joinSession, listSessions, openSession } from "./sessions.service.js";

export function sessionRoutes(deps: AppDeps): Router {
  const router = Router();
  const publicUrl = deps.config.publicUrl;

  // Customer side: join with a code, then read the joined session.
  router.post("/join", async (req, res) => {
    await deps.limiters.join.consume(clientKey(req), "join attempts");
    const body = parse(JoinBody, req.body, "body");
    res.status(201).json((await joinSession(deps, body)) satisfies JoinResponse);
  });

  router.get("/current", deps.guards.customer, async (req, res) => {
    res.json((await getCustomerSession(deps.prisma, customerOf(req))) satisfies CurrentSessionResponse);
  });

  // Staff side, scoped to the staff's own location.
  router.post("/", deps.guards.staff, async (req, res) => {
    const staff = staffOf(req);
    const body = parse(OpenSessionBody, req.body, "body");
    const { session, event } = await openSession(deps.prisma, publicUrl, staff, body);
    deps.publisher.sessionEvent(staff.locationId, event);
    res.status(201).json({ session, qr: await renderQr(session.joinUrl) } satisfies OpenSessionResponse);
  });

  router.get("/", deps.guards.staff, async (req, res) => {
    const query = parse(ListSessionsQuery, req.query, "query");
    res.json({ sessions: await listSessions(deps.prisma, publicUrl, staffOf(req).locationId, query) } satisfies SessionListResponse);
  });

  router.get("/:id", deps.guards.staff, async (req, res) => {
    const id = idParam(req.params.id, "session");
    const result = await getSession(deps.prisma, publicUrl, staffOf(req).locationId, id);
    const qr = result.session.status === "OPEN" ? await renderQr(result.session.joinUrl) : null;
    res.json({ ...result, qr } satisfies SessionDetailResponse);
  });

  router.post("/:id/close", deps.guards.staff, async (req, res) => {
    const staff = staffOf(req);
    const { session, event } = await closeSession(deps.prisma, publicUrl, staff, idParam(req.params.id, "session"));
    if (event) deps.publisher.sessionEvent(staff.locationId, event);
    res.json({ session } satisfies CloseSessionResponse);
  });

  return router;
}
