import type { ServerToClientEvents } from "@ordered/contract";
import { createAdapter, createShardedAdapter } from "@socket.io/redis-adapter";
import { Emitter } from "@socket.io/redis-emitter";
import type { Redis } from "ioredis";
import { Server, type ServerOptions } from "socket.io";
import { closeRedis, createRedis, handledCommands, type RedisClient, type RedisTarget } from "../db/redis.js";
import { createIoPublisher } from "./io-publisher.js";
import type { Publisher } from "./publisher.js";

/**
 * How Socket.IO instances share rooms through Redis:
 * - one Redis server: the classic adapter (PUBLISH/PSUBSCRIBE). Every instance hears every
 *   broadcast; on one server that is the cheapest there is.
 * - a Redis Cluster: the sharded adapter (Redis 7's SPUBLISH/SSUBSCRIBE). A classic PUBLISH on
 *   a cluster is copied to every node over the cluster bus, so each node does the work of
 *   all; a sharded channel lives on one node only, and each room has its own channel
 *   ("dynamic" mode), so an instance hears only the rooms it has sockets in. The publisher
 *   (io-publisher.ts) then emits one room at a time (`perRoom`) so that the room channels are
 *   used. docs/architecture.md has the measurements behind the choice.
 */
export interface RoomsAdapter {
  /** The adapter factory for `new Server({ adapter })`. */
  adapter: ServerOptions["adapter"];
  /** Whether broadcasts should name one room each (sharded channels per room). */
  perRoom: boolean;
  /** Its two connections, for outage handling and closing. */
  pub: RedisClient;
  sub: RedisClient;
}

/** Which adapter: the sharded one on a cluster, the classic one on one server (the benchmark tries both on a cluster). */
export type AdapterKind = "classic" | "sharded";

export const adapterKindFor = (target: RedisTarget): AdapterKind => (target.kind === "cluster" ? "sharded" : "classic");

export function createRoomsAdapter(target: RedisTarget, prefix: string, kind = adapterKindFor(target)): RoomsAdapter {
  // Commands wait out an outage instead of failing: a failed PUBLISH inside the adapter would
  // be an unhandled rejection. Not lazy: the subscriptions must be up before the adapter is used.
  const sharded = kind === "sharded";
  // The adapter does not await every command (its close() unsubscribes and moves on): see handledCommands.
  // Auto-pipelined: what else is sent in a broadcast's tick (the placement's XADD: app.ts) shares its write.
  const pub = handledCommands(createRedis(target, { maxRetriesPerRequest: null, autoPipelining: true }));
  const sub = handledCommands(createRedis(target, { maxRetriesPerRequest: null, shardedSubscribers: sharded }));
  const channel = `${prefix}:socket.io`;
  return {
    // ioredis' Cluster has what both adapters use (spublish, ssubscribe and its per-node
    // subscribers, PUBSUB on every node); the adapters' own types name only node-redis.
    adapter: sharded
      ? createShardedAdapter(pub, sub, { channelPrefix: channel, subscriptionMode: "dynamic" })
      : createAdapter(pub, sub, { key: channel }),
    perRoom: sharded,
    pub,
    sub,
  };
}

/**
 * How a process without sockets (the pipeline worker) broadcasts to every instance's clients.
 * On one Redis server: the Redis emitter over the process's connection (a PUBLISH per event,
 * nothing subscribed). On a cluster the emitter's PUBLISH would not reach the sharded
 * adapter's channels: a Socket.IO server with no HTTP server and no sockets of its own
 * speaks the adapter's protocol instead (its adapter subscribes only to its own channels).
 */
export function createBroadcaster(
  target: RedisTarget,
  prefix: string,
  redis: RedisClient,
  kind = adapterKindFor(target),
): { publisher: Publisher; close(): Promise<void>; connections: RedisClient[] } {
  if (kind === "classic") {
    // The emitter only PUBLISHes, which a cluster's client sends to any node.
    const emitter = new Emitter<ServerToClientEvents>(redis as Redis, { key: `${prefix}:socket.io` });
    return { publisher: createIoPublisher(emitter), connections: [], close: async () => {} };
  }
  const rooms = createRoomsAdapter(target, prefix, kind);
  const io = new Server<never, ServerToClientEvents>({ adapter: rooms.adapter });
  return {
    publisher: createIoPublisher(io, { perRoom: rooms.perRoom }),
    connections: [rooms.pub, rooms.sub],
    async close() {
      // Not io.close(): this server has no engine (no HTTP server) to close.
      await io.of("/").adapter.close();
      await Promise.all([closeRedis(rooms.pub), closeRedis(rooms.sub)]);
    },
  };
}
