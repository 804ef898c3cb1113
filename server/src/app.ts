/**
 * Wiring only: builds the HTTP server and Socket.IO from the process's components, and
 * lists every route's handlers (the routes themselves: the contract's ROUTES) and every socket
 * command in one place.
 */
import { createServer, type Server as HttpServer } from "node:http";
import { type Express, Router } from "express";
import * as allergies from "./allergies/allergies.handlers.js";
import { allergyRoutes } from "./allergies/allergies.routes.js";
import { authRoutes } from "./auth/auth.routes.js";
import { createCustomerBudget } from "./auth/customer-budget.js";
import { createGuards } from "./auth/passport.js";
import { createTokens } from "./auth/tokens.js";
import * as courses from "./courses/courses.handlers.js";
import { courseRoutes } from "./courses/courses.routes.js";
import { daysRoutes } from "./days/days.routes.js";
import { poolOf } from "./db/prisma.js";
import type { AppComponents, AppDeps } from "./deps.js";
import { estimateRoutes } from "./estimates/estimates.routes.js";
import { createExpress, errorHandler, serveWebApp, unknownRoute } from "./http/express-app.js";
import { healthRoutes } from "./http/health.js";
import { createInFlightGate } from "./http/in-flight.js";
import { openApiRoutes } from "./http/openapi.routes.js";
import { createLimiter, createLocalLimiter } from "./http/rate-limit.js";
import { type RouteHandlers, registerRoutes } from "./http/routes.js";
import * as kitchen from "./kitchen/kitchen.handlers.js";
import { kitchenRoutes } from "./kitchen/kitchen.routes.js";
import { stationRoutes } from "./kitchen/stations.routes.js";
import { cardRoutes, locationRoutes } from "./locations/location.routes.js";
import { brandingRoutes } from "./media/branding.routes.js";
import { photoRoutes } from "./media/media.routes.js";
import { serveMedia } from "./media/serve-media.js";
import { countingPublisher, createMetrics, type Metrics } from "./metrics/metrics.js";
import * as orders from "./orders/orders.handlers.js";
import { orderRoutes } from "./orders/orders.routes.js";
import { PlacementMenus } from "./orders/placement-menus.js";
import { paymentRoutes } from "./payments/payments.routes.js";
import { startReconciler } from "./payments/reconcile.js";
import { stripeProviders } from "./payments/stripe-provider.js";
import { createProducer } from "./pipeline/queues.js";
import * as printBridge from "./printers/print-bridge.handlers.js";
import { printRequestRoutes } from "./printers/print-request.routes.js";
import { printerRoutes } from "./printers/printers.routes.js";
import { categoryRoutes } from "./products/categories.routes.js";
import { menuRoutes } from "./products/menu.routes.js";
import { productRoutes } from "./products/products.routes.js";
import { taxRateRoutes } from "./products/tax-rates.routes.js";
import { catchUp } from "./realtime/catch-up.js";
import { onCommand, refuseUnknownEvents } from "./realtime/command.js";
import { handshake } from "./realtime/handshake.js";
import { type AppServer, createIo, dropForReconnect } from "./realtime/io.js";
import { createIoPublisher } from "./realtime/io-publisher.js";
import { mutedPublisher } from "./realtime/publisher.js";
import { startStaffRecheck } from "./realtime/staff-recheck.js";
import { createMailer } from "./receipts/mailer.js";
import { receiptMailRoutes } from "./receipts/receipt-mail.routes.js";
import * as sessions from "./sessions/sessions.handlers.js";
import { sessionRoutes } from "./sessions/sessions.routes.js";
import { transferRoutes } from "./sessions/transfers.routes.js";
import { staffRoutes } from "./staff/staff.routes.js";
import { statsRoutes } from "./stats/stats.routes.js";
import { createSeatWaits, seatingPublisher } from "./tables/seat-waits.js";
import { tableRoutes } from "./tables/tables.routes.js";

export type { AppComponents, AppDeps } from "./deps.js";

export interface App {
  httpServer: HttpServer;
  /** The API and the web app on it (its /api routes: the contract's table). */
  express: Express;
  io: AppServer;
  deps: AppDeps;
  /** This instance's Prometheus series (served on METRICS_PORT by main.ts, not on the API). */
  metrics: Metrics;
  /** Stops accepting connections and closes sockets and queues; the caller owns prisma and redis. */
  close(): Promise<void>;
}

/** Builds the app; call listen() on `httpServer`. */
export function createApp(components: AppComponents): App {
  const { config, redis, log } = components;
  const tokens = createTokens(config.jwt);
  const producer = createProducer(config.redis, { prefix: config.redisPrefix, ...config.pipeline }, log);
  const limiter = (name: string, points: number, durationSeconds: number) =>
    createLimiter(redis, { prefix: config.redisPrefix, name, points, durationSeconds });
  const customerBudget = createCustomerBudget({
    // Keyed by the phone: its sockets on this instance share one budget, and reconnecting does not renew it.
    commands: createLocalLimiter({ points: config.limits.customerCommandsPer10s, durationSeconds: 10 }),
    // REST reads may reach any instance: one budget in Redis (not on the order path).
    reads: limiter("customer-read", config.limits.customerReadsPerMinute, 60),
    gate: createInFlightGate(config.limits.customerInFlight),
  });
  const deps: AppDeps = {
    ...components,
    tokens,
    guards: createGuards(config.jwt, tokens, components.prisma, customerBudget),
    customerBudget,
    limiters: {
      join: limiter("join", config.limits.joinPerMinute, 60),
      login: limiter("login", config.limits.loginPerMinute, 60),
      loginPerAccount: limiter("login-account", config.limits.loginPerAccountPer15Min, 15 * 60),
      sessionJoin: limiter("session-join", config.limits.sessionJoinPerMinute, 60),
      cardJoin: limiter("card-join", config.limits.cardJoinPerMinute, 60),
      // Keyed by socket id, which lives on this instance: a local budget is the same budget.
      // The table's budget is counted by placement itself (orders/place-order.ts).
      orderPerSocket: createLocalLimiter({ points: config.limits.orderPerSocketPer10s, durationSeconds: 10 }),
      receiptMailPerSession: limiter("receipt-mail-session", config.limits.receiptMailsPerSessionPerHour, 3600),
      receiptMailPerAddress: limiter("receipt-mail-address", config.limits.receiptMailsPerAddressPerHour, 3600),
    },
    // Replaced below once io exists; handlers read deps.publisher on every call.
    publisher: mutedPublisher,
    seatWaits: createSeatWaits({ holdMs: config.cardWaitMs }),
    producer,
    menus: new PlacementMenus(),
    mailer: createMailer(config.mail),
    payments: stripeProviders({ apiUrl: config.payments.stripeApiUrl }),
  };

  // HTTP: every route of the API.
  const http = createExpress(config);
  let connectedSockets = () => 0;
  const metrics = createMetrics({ producer, connectedSockets: () => connectedSockets(), pool: poolOf(deps.prisma) });
  // Every route of the contract's table (ROUTES), each with its handler: one missing, or one
  // the table does not have, does not compile.
  const routes: RouteHandlers = {
    ...healthRoutes(deps),
    ...openApiRoutes(config),
    ...authRoutes(deps),
    ...staffRoutes(deps),
    ...locationRoutes(deps),
    ...tableRoutes(deps),
    ...cardRoutes(deps),
    ...stationRoutes(deps),
    ...courseRoutes(deps),
    ...taxRateRoutes(deps),
    ...categoryRoutes(deps),
    ...productRoutes(deps),
    ...photoRoutes(deps),
    ...brandingRoutes(deps),
    ...menuRoutes(deps),
    ...sessionRoutes(deps),
    ...receiptMailRoutes(deps),
    ...transferRoutes(deps),
    ...orderRoutes(deps),
    ...kitchenRoutes(deps),
    ...allergyRoutes(deps),
    ...estimateRoutes(deps),
    ...statsRoutes(deps),
    ...paymentRoutes(deps),
    ...printerRoutes(deps),
    ...printRequestRoutes(deps),
    ...daysRoutes(deps),
  };
  const api = Router();
  registerRoutes(api, routes, deps);
  http.use(api);
  http.use("/api", unknownRoute);
  serveMedia(http, config);
  serveWebApp(http, config);
  http.use(errorHandler(log));
  const httpServer = createServer(http);

  // Sockets: authenticated at the handshake, then every command of the contract.
  const realtime = createIo(httpServer, deps);
  const io = realtime.io;
  io.use(handshake(deps));
  io.on("connection", (socket) => {
    refuseUnknownEvents(socket);
    onCommand(socket, deps, "order:place", orders.place, { handlerChecksPhone: true });
    onCommand(socket, deps, "order:enter", (d, input, staff) => orders.enter(d, staff, input));
    onCommand(socket, deps, "order:advance", async (d, input, staff) => ({ order: await orders.advance(d, staff, input) }));
    onCommand(socket, deps, "order:cancel", async (d, input, staff) => ({ order: await orders.cancel(d, staff, input) }));
    onCommand(socket, deps, "session:focus", sessions.focus);
    onCommand(socket, deps, "session:unfocus", sessions.unfocus);
    onCommand(socket, deps, "alert:raise", sessions.raise);
    onCommand(socket, deps, "alert:acknowledge", sessions.acknowledge);
    onCommand(socket, deps, "bill:claim", sessions.claim);
    onCommand(socket, deps, "bill:assign", sessions.assign);
    onCommand(socket, deps, "ticket:bump", kitchen.bump);
    onCommand(socket, deps, "ticket:recall", kitchen.recall);
    onCommand(socket, deps, "ticket:acknowledge-allergies", allergies.acknowledge);
    onCommand(socket, deps, "course:hold", courses.hold);
    onCommand(socket, deps, "course:fire", courses.fire);
    onCommand(socket, deps, "print:next", printBridge.next);
    onCommand(socket, deps, "print:done", printBridge.done);
    onCommand(socket, deps, "printer:report", printBridge.report);
    catchUp(socket, deps).catch((err: unknown) => {
      log.error({ err }, "catch-up failed; dropping the connection so the client retries");
      dropForReconnect(socket);
    });
  });
  const staffRecheck = startStaffRecheck(io, deps, config.staffRecheckMs);
  const reconciler = startReconciler(deps, { intervalMs: config.payments.reconcileIntervalMs, afterMs: config.payments.reconcileAfterMs });
  connectedSockets = () => io.engine.clientsCount;
  // A table seated here wakes the phones waiting at its card here, and on the other instances
  // through the adapter's server-side channel (tables/seat-waits.ts); theirs arrive the same way.
  io.on("table:seated", (tableId) => deps.seatWaits.wake(tableId));
  const seated = (tableId: string) => {
    deps.seatWaits.wake(tableId);
    io.serverSideEmit("table:seated", tableId);
  };
  deps.publisher = seatingPublisher(countingPublisher(createIoPublisher(io, { perRoom: realtime.perRoom }), metrics), seated);
  // A placement's job and its broadcast leave in one write (pipeline/queues.ts).
  producer.shareConnection(realtime.pub);

  return {
    httpServer,
    express: http,
    io,
    deps,
    metrics,
    async close() {
      // Handlers still running may try to publish after Redis is gone: drop those emits
      // (clients replay the log when they reconnect) rather than fail with the connection closed.
      deps.publisher = mutedPublisher;
      // Waiting phones are told "not yet" and ask again (another instance, or this one restarted).
      deps.seatWaits.close();
      staffRecheck.stop();
      reconciler.stop();
      await realtime.close();
      await producer.close();
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
      deps.mailer?.close();
    },
  };
}
