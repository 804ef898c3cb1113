import { createServer, type Server as HttpServer } from "node:http";
import type { Redis } from "ioredis";
import { createGuards, type Guards } from "./auth/passport.js";
import { createTokens, type Tokens } from "./auth/tokens.js";
import type { Config } from "./config.js";
import type { PrismaClient } from "./db/prisma.js";
import { createHttpApp } from "./http/http-app.js";
import { createLimiter, type Limiter } from "./http/rate-limit.js";
import type { Logger } from "./logger.js";
import { silentPublisher, type Publisher } from "./realtime/publisher.js";

/** What the process provides: built once in main.ts, or per test. */
export interface AppComponents {
  config: Config;
  prisma: PrismaClient;
  redis: Redis;
  log: Logger;
}

/** Everything route and socket handlers may use. */
export interface AppDeps extends AppComponents {
  tokens: Tokens;
  guards: Guards;
  limiters: { join: Limiter; login: Limiter };
  publisher: Publisher;
}

export interface App {
  httpServer: HttpServer;
  deps: AppDeps;
  /** Stops accepting connections and closes sockets; the caller owns prisma and redis. */
  close(): Promise<void>;
}

/** Wiring only: builds the HTTP server with its dependencies. Call listen() on httpServer. */
export function createApp(components: AppComponents): App {
  const { config, redis } = components;
  const tokens = createTokens(config.jwt);
  const deps: AppDeps = {
    ...components,
    tokens,
    guards: createGuards(config.jwt, tokens),
    limiters: {
      join: createLimiter(redis, { prefix: config.redisPrefix, name: "join", points: config.limits.joinPerMinute, durationSeconds: 60 }),
      login: createLimiter(redis, { prefix: config.redisPrefix, name: "login", points: config.limits.loginPerMinute, durationSeconds: 60 }),
    },
    publisher: silentPublisher,
  };
  const httpServer = createServer(createHttpApp(deps));
  return {
    httpServer,
    deps,
    async close() {
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
    },
  };
}
