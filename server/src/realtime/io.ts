import type { Server as HttpServer, IncomingMessage } from "node:http";
import { createAdapter } from "@socket.io/redis-adapter";
import type { Redis } from "ioredis";
import { Server, type Socket } from "socket.io";
import type { AppDeps } from "../app.js";
import { registerOrderHandlers } from "../orders/orders.handlers.js";
import { registerSessionHandlers } from "../sessions/sessions.handlers.js";
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents, SocketData } from "./events.js";
import { handshake, type HandshakeAuthInput } from "./handshake.js";
import { catchUp } from "./catch-up.js";

export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData & { auth?: HandshakeAuthInput }>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData & { auth?: HandshakeAuthInput }>;

/**
 * Closes the transport without Socket.IO's disconnect packet: the client sees a
 * "transport close" and reconnects by itself (after "io server disconnect" it would not).
 */
function dropForReconnect(socket: AppSocket): void {
  socket.conn.close();
}

/** Largest socket message accepted; larger ones close the connection (engine.io). */
export const MAX_SOCKET_MESSAGE_BYTES = 32 * 1024;

/**
 * Socket.IO on the API's HTTP server, sharing rooms across instances through Redis
 * pub/sub (the classic adapter: see docs/architecture.md for why not the sharded one).
 */
export function createIo(httpServer: HttpServer, deps: AppDeps): { io: AppServer; close(): Promise<void> } {
  // Commands wait out a Redis outage instead of failing: a failed PUBLISH inside the
  // adapter would be an unhandled rejection. Whatever is delayed is also replayed to
  // clients when Redis is back (see below).
  const pub: Redis = deps.redis.duplicate({ maxRetriesPerRequest: null });
  const sub: Redis = deps.redis.duplicate({ maxRetriesPerRequest: null });
  const io: AppServer = new Server(httpServer, {
    adapter: createAdapter(pub, sub, { key: `${deps.config.redisPrefix}:socket.io` }),
    transports: ["websocket", "polling"],
    maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
    pingInterval: 20_000,
    pingTimeout: 20_000,
    // Browsers send Origin on both polling and WebSocket requests; refuse foreign ones.
    // Non-browser clients send none and still need a valid token.
    allowRequest: (req: IncomingMessage, callback) => {
      const origin = req.headers.origin;
      callback(null, !origin || deps.config.allowedOrigins.includes(origin));
    },
    cors: { origin: [...deps.config.allowedOrigins], credentials: false },
  });

  // While Redis was away, broadcasts from other instances were lost for our sockets. When
  // the subscriber is back, drop our local connections: clients reconnect at once and
  // replay what they missed from the session log.
  let redisLost = false;
  sub.on("close", () => (redisLost = true));
  sub.on("ready", () => {
    if (!redisLost) return;
    redisLost = false;
    deps.log.warn("Redis is back; asking local clients to reconnect and catch up");
    for (const socket of io.of("/").sockets.values()) dropForReconnect(socket);
  });
  for (const client of [pub, sub]) client.on("error", (err) => deps.log.warn({ err: err.message }, "adapter redis error"));

  io.use(handshake(deps));
  io.on("connection", (socket) => {
    registerOrderHandlers(socket, deps);
    registerSessionHandlers(socket, deps);
    catchUp(socket, deps).catch((err: unknown) => {
      deps.log.error({ err }, "catch-up failed; dropping the connection so the client retries");
      dropForReconnect(socket);
    });
  });

  return {
    io,
    async close() {
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}
