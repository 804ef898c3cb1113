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

/** Largest socket message accepted; larger ones close the connection (engine.io). */
export const MAX_SOCKET_MESSAGE_BYTES = 32 * 1024;

/**
 * Socket.IO on the API's HTTP server, sharing rooms across instances through Redis
 * pub/sub (the classic adapter: see docs/architecture.md for why not the sharded one).
 */
export function createIo(httpServer: HttpServer, deps: AppDeps): { io: AppServer; close(): Promise<void> } {
  const pub: Redis = deps.redis.duplicate();
  const sub: Redis = deps.redis.duplicate();
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

  io.use(handshake(deps));
  io.on("connection", (socket) => {
    registerOrderHandlers(socket, deps);
    registerSessionHandlers(socket, deps);
    catchUp(socket, deps).catch((err: unknown) => {
      deps.log.error({ err }, "catch-up failed; disconnecting so the client retries");
      socket.disconnect(true);
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
