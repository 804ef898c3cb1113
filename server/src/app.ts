import { createServer, type Server as HttpServer } from "node:http";
import type { Redis } from "ioredis";
import { createGuards, type Guards } from "./auth/passport.js";
import { createTokens, type Tokens } from "./auth/tokens.js";
import type { Config } from "./config.js";
import type { PrismaClient } from "./db/prisma.js";
import type { OrderDto } from "./dto.js";
import { createHttpApp } from "./http/http-app.js";
import { createLimiter, type Limiter } from "./http/rate-limit.js";
import type { Logger } from "./logger.js";
import { bullConnection } from "./db/redis.js";
import { createProducer, type Producer } from "./pipeline/queues.js";
import { createMetrics } from "./metrics/metrics.js";
import { createIo, type AppServer } from "./realtime/io.js";
import { createIoPublisher } from "./realtime/io-publisher.js";
import { mutedPublisher, type Publisher } from "./realtime/publisher.js";

/** What the process provides: built once in main.ts, or per test. */
export interface AppComponents {
  config: Config;
  prisma: PrismaClient;
  redis: Redis;
  log: Logger;
  /** Optional extension points; see AppHooks. */
  hooks?: Partial<AppHooks>;
}

/** Async hooks other parts attach to. Each is awaited before the ack. */
export interface AppHooks {
  /** A new order was committed (not called for a repeated clientOrderId). Default: queue its processing. */
  orderPlaced(order: OrderDto, locationId: string): Promise<void>;
}

/** Everything route and socket handlers may use. */
export interface AppDeps extends Omit<AppComponents, "hooks"> {
  tokens: Tokens;
  guards: Guards;
  limiters: Record<"join" | "login" | "sessionJoin" | "orderPerSocket" | "orderPerSession", Limiter>;
  publisher: Publisher;
  /** Queues pipeline work (the worker processes consume it). */
  producer: Producer;
  hooks: AppHooks;
}

export interface App {
  httpServer: HttpServer;
  io: AppServer;
  deps: AppDeps;
  /** Stops accepting connections and closes sockets; the caller owns prisma and redis. */
  close(): Promise<void>;
}

/** Wiring only: builds the HTTP server and Socket.IO with their dependencies. Call listen() on httpServer. */
export function createApp(components: AppComponents): App {
  const { config, redis, hooks, ...rest } = components;
  const tokens = createTokens(config.jwt);
  const producer = createProducer(bullConnection(config.redisUrl), { prefix: config.redisPrefix, ...config.pipeline }, rest.log);
  const limiter = (name: string, points: number, durationSeconds: number) =>
    createLimiter(redis, { prefix: config.redisPrefix, name, points, durationSeconds });
  const deps: AppDeps = {
    ...rest,
    config,
    redis,
    tokens,
    guards: createGuards(config.jwt, tokens),
    limiters: {
      join: limiter("join", config.limits.joinPerMinute, 60),
      login: limiter("login", config.limits.loginPerMinute, 60),
      sessionJoin: limiter("session-join", config.limits.sessionJoinPerMinute, 60),
      orderPerSocket: limiter("order-socket", config.limits.orderPerSocketPer10s, 10),
      orderPerSession: limiter("order-session", config.limits.orderPerSessionPerMinute, 60),
    },
    // Replaced below once io exists; handlers read deps.publisher on every call.
    publisher: mutedPublisher,
    producer,
    hooks: {
      orderPlaced: async (order) => {
        await producer.enqueue("processing", order.id);
      },
      ...hooks,
    },
  };
  let connectedSockets = () => 0;
  const metrics = createMetrics({ prisma: deps.prisma, producer, connectedSockets: () => connectedSockets() });
  const httpServer = createServer(createHttpApp(deps, metrics));
  const realtime = createIo(httpServer, deps);
  connectedSockets = () => realtime.io.engine.clientsCount;
  deps.publisher = createIoPublisher(realtime.io);
  return {
    httpServer,
    io: realtime.io,
    deps,
    async close() {
      // Handlers still running may try to publish after Redis is gone: drop those emits
      // (clients replay the log when they reconnect) rather than fail with the connection closed.
      deps.publisher = mutedPublisher;
      await realtime.close();
      await producer.close();
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
    },
  };
}
