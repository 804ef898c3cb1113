import type { Server as HttpServer, IncomingMessage } from "node:http";
import type { ClientToServerEvents, HandshakeAuth, ServerToClientEvents } from "@ordered/contract";
import { Server, type Socket } from "socket.io";
import type { Principal } from "../auth/tokens.js";
import type { Config } from "../config.js";
import { closeRedis, type RedisClient, watchOutage } from "../db/redis.js";
import { clientAddress } from "../http/client-key.js";
import type { Logger } from "../logger.js";
import { createRoomsAdapter } from "./adapter.js";

/** What the handshake (handshake.ts) stores on every socket it lets in. */
export interface SocketData {
  principal: Principal;
  /** The handshake's checked `auth`: the client's cursors for catch-up. */
  auth: HandshakeAuth;
  /** Commands being run for this socket (realtime/command.ts), so a drop can wait for their acks. */
  inFlight?: number;
  /** Set by dropForReconnect while commands are in flight: the last ack drops the socket. */
  dropWhenIdle?: boolean;
}

/** What instances tell each other over the adapter (io.serverSideEmit), besides its own protocol. */
interface InterServerEvents {
  /** A table was seated: wake the phones waiting at its card (tables/seat-waits.ts). */
  "table:seated": (tableId: string) => void;
}

export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** How long the reconnects asked of local clients after a Redis outage are spread over, at most. */
const RECONNECT_SPREAD_MS = 2000;

/** On a cluster: how long the subscribers must stay up after a failover before clients are asked to catch up. */
const SUBSCRIBERS_SETTLE_MS = 1000;

/** Largest socket message accepted; larger ones close the connection (engine.io). */
export const MAX_SOCKET_MESSAGE_BYTES = 32 * 1024;

/**
 * Closes the transport without Socket.IO's disconnect packet: the client sees a
 * "transport close" and reconnects by itself (after "io server disconnect" it would not).
 * A socket with commands in flight is dropped once their acks are sent, so no ack is lost.
 */
export function dropForReconnect(socket: AppSocket): void {
  if (socket.data.inFlight) socket.data.dropWhenIdle = true;
  else socket.conn.close();
}

/** Counts a command in and out of flight on a socket (and finishes a drop that waited for it). */
export function trackCommand(socket: AppSocket): () => void {
  socket.data.inFlight = (socket.data.inFlight ?? 0) + 1;
  return () => {
    socket.data.inFlight = (socket.data.inFlight ?? 1) - 1;
    if (socket.data.inFlight === 0 && socket.data.dropWhenIdle) {
      socket.data.dropWhenIdle = false;
      socket.conn.close();
    }
  };
}

/**
 * Socket.IO on the API's HTTP server, sharing rooms across instances through Redis (the
 * classic adapter on one Redis server, the sharded one on a Redis Cluster: adapter.ts).
 * Handlers are registered by the caller (app.ts).
 */
export function createIo(
  httpServer: HttpServer,
  deps: { config: Config; log: Logger },
): { io: AppServer; perRoom: boolean; pub: RedisClient; close(): Promise<void> } {
  const { adapter, perRoom, pub, sub } = createRoomsAdapter(deps.config.redis, deps.config.redisPrefix);
  const io: AppServer = new Server(httpServer, {
    adapter,
    transports: ["websocket", "polling"],
    maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
    pingInterval: 20_000,
    pingTimeout: 20_000,
    // Browsers send Origin on both polling and WebSocket requests; refuse foreign ones.
    // Non-browser clients send none and still need a valid token. One address may hold
    // only so many connections on this instance.
    allowRequest: (req: IncomingMessage, callback) => {
      const origin = req.headers.origin;
      if (origin && !deps.config.allowedOrigins.includes(origin)) return callback("origin not allowed", false);
      if ((perAddress.get(clientAddress(req, deps.config.trustProxyHops)) ?? 0) >= deps.config.limits.socketsPerAddress) {
        return callback("too many connections from this address", false);
      }
      callback(null, true);
    },
    cors: { origin: [...deps.config.allowedOrigins], credentials: false },
  });

  // Open connections per client address, counted where they open and close (the engine's
  // connections, so a client's polling requests and its upgrade count once).
  const perAddress = new Map<string, number>();
  io.engine.on("connection", (conn: { request: IncomingMessage; once(event: "close", fn: () => void): void }) => {
    const address = clientAddress(conn.request, deps.config.trustProxyHops);
    perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
    conn.once("close", () => {
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left > 0) perAddress.set(address, left);
      else perAddress.delete(address);
    });
  });

  // While Redis was away, broadcasts from other instances were lost for our sockets. When
  // the subscriber is back, drop our local connections: clients reconnect at once and
  // replay what they missed from the session log. On a cluster the subscriber is one
  // connection per master: one of them lost (a master failing over) is enough, and they are
  // back once the cluster's client has subscribed again on the new masters.
  let redisLost = false;
  const lost = () => {
    redisLost = true;
  };
  const back = () => {
    if (!redisLost) return;
    redisLost = false;
    deps.log.warn("Redis is back; asking local clients to reconnect and catch up");
    // Spread over up to RECONNECT_SPREAD_MS rather than all at once: every reconnect costs a
    // handshake and a replay from PostgreSQL, which the pipeline's backlog also needs now.
    const sockets = [...io.of("/").sockets.values()];
    const gapMs = Math.min(RECONNECT_SPREAD_MS / Math.max(1, sockets.length), 10);
    sockets.forEach((socket, i) => {
      setTimeout(() => {
        if (socket.connected) dropForReconnect(socket);
      }, i * gapMs).unref();
    });
  };
  sub.on("close", lost);
  if (perRoom) {
    // While a master fails over, the cluster's client replaces the dead node's subscriber
    // many times a second ("-subscriber", then "subscribersReady") until the replica has taken
    // over: clients are asked to reconnect once, when that has been quiet for a while.
    let settle: ReturnType<typeof setTimeout> | undefined;
    sub.on("-subscriber", () => {
      lost();
      clearTimeout(settle);
    });
    sub.on("subscribersReady", () => {
      clearTimeout(settle);
      settle = setTimeout(back, SUBSCRIBERS_SETTLE_MS);
      settle.unref();
    });
  } else {
    sub.on("ready", back);
  }
  watchOutage(deps.log, "socket.io adapter", pub, sub);

  return {
    io,
    perRoom,
    pub,
    async close() {
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await Promise.all([closeRedis(pub), closeRedis(sub)]);
    },
  };
}
