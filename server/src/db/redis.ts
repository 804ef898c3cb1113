import { Cluster, type ClusterOptions, Redis, type RedisOptions } from "ioredis";
import type { Logger } from "../logger.js";

/**
 * Where Redis is: one server (REDIS_URL, the default) or a Redis Cluster (REDIS_CLUSTER_NODES,
 * a few of its nodes; the client learns the rest). Everything that talks to Redis (rate
 * limits, the Socket.IO adapter, the worker's emitter, the pipeline's streams, health) gets its
 * connections from here, so the rest of the code does not care which.
 */
export type RedisTarget =
  | { kind: "single"; url: string }
  | {
      kind: "cluster";
      nodes: { host: string; port: number }[];
      /** Credentials and TLS, taken from the first node's URL, used for every node. */
      auth: Pick<RedisOptions, "username" | "password" | "tls">;
    };

/** A connection to either: ioredis' `Redis` or `Cluster` (the same commands). */
export type RedisClient = Redis | Cluster;

/** The target from REDIS_URL, or REDIS_CLUSTER_NODES when set (`host:port` or redis:// URLs, comma-separated). */
export function redisTarget(redisUrl: string, clusterNodes: readonly string[] | undefined): RedisTarget {
  if (!clusterNodes?.length) return { kind: "single", url: redisUrl };
  const urls = clusterNodes.map((n) => {
    const url = URL.parse(/^[a-z][\w+.-]*:\/\//i.test(n) ? n : `redis://${n}`);
    const valid = url && /^rediss?:$/.test(url.protocol) && url.hostname && ["", "/"].includes(url.pathname);
    if (!valid) throw new Error(`"${n}" is neither host:port nor a redis:// URL`);
    return url;
  });
  const first = urls[0]!;
  return {
    kind: "cluster",
    nodes: urls.map((u) => ({ host: u.hostname, port: Number(u.port || 6379) })),
    auth: {
      username: first.username ? decodeURIComponent(first.username) : undefined,
      password: first.password ? decodeURIComponent(first.password) : undefined,
      tls: first.protocol === "rediss:" ? {} : undefined,
    },
  };
}

/** Where a target is, for messages (no credentials). */
export function describeTarget(target: RedisTarget): string {
  if (target.kind === "single") return target.url.replace(/\/\/([^:@/]+)?:[^@/]+@/, "//$1:***@");
  return `the Redis Cluster at ${target.nodes.map((n) => `${n.host}:${n.port}`).join(", ")}`;
}

/** Per-connection behaviour, the same words for both kinds. */
export interface ClientOptions {
  /** ioredis' retries per command (null: wait out an outage, what the pipeline's workers need). */
  maxRetriesPerRequest: number | null;
  lazyConnect?: boolean;
  /** false: a command while disconnected fails at once instead of waiting in ioredis' queue. */
  enableOfflineQueue?: boolean;
  /** Pause before the next reconnection attempt. */
  retryStrategy?: (times: number) => number;
  /** Cluster only: one subscriber per master, for the sharded adapter's SSUBSCRIBE. */
  shardedSubscribers?: boolean;
  /**
   * Commands issued in the same turn of the event loop go out in one write (ioredis'
   * auto-pipelining): an order's two rate-limit scripts, or a worker's broadcast and its
   * acknowledgement. Not for connections that block (XREADGROUP BLOCK) or subscribe.
   */
  autoPipelining?: boolean;
}

/**
 * A new connection to the target. On a cluster, a node that dies is replaced by its replica
 * within the cluster's node timeout: commands meanwhile are retried (`retryDelayOnFailover`,
 * `retryDelayOnClusterDown`) rather than failed.
 */
export function createRedis(target: RedisTarget, opts: ClientOptions): RedisClient {
  const base: RedisOptions = {
    maxRetriesPerRequest: opts.maxRetriesPerRequest,
    lazyConnect: opts.lazyConnect ?? false,
    enableOfflineQueue: opts.enableOfflineQueue ?? true,
    enableAutoPipelining: opts.autoPipelining ?? false,
    ...(opts.retryStrategy ? { retryStrategy: opts.retryStrategy } : {}),
  };
  if (target.kind === "single") return new Redis(target.url, base);
  const cluster: ClusterOptions = {
    lazyConnect: base.lazyConnect,
    enableOfflineQueue: base.enableOfflineQueue,
    enableAutoPipelining: base.enableAutoPipelining,
    // The per-node connections: credentials, and each node reconnecting at ioredis' pace.
    redisOptions: {
      ...target.auth,
      tls: target.auth.tls && { ...target.auth.tls },
      maxRetriesPerRequest: opts.maxRetriesPerRequest,
      connectTimeout: 2000,
    },
    ...(opts.retryStrategy ? { clusterRetryStrategy: opts.retryStrategy } : {}),
    retryDelayOnFailover: 200,
    retryDelayOnClusterDown: 200,
    // A failover moves slots; ask the cluster again rather than trusting a stale map.
    slotsRefreshTimeout: 2000,
    shardedSubscribers: opts.shardedSubscribers ?? false,
  };
  if (opts.maxRetriesPerRequest === null) {
    // ioredis' cluster gives up on a command after `maxRedirections` redirects (16); while a
    // master fails over that can happen: let waiting commands wait, as on one server.
    cluster.maxRedirections = 1000;
  }
  return new Cluster(
    target.nodes.map((n) => ({ ...n })),
    cluster,
  );
}

/** Whether a connection is ready for commands (ioredis' Cluster may say "connect" once its slots are known). */
export function isReady(client: { status: string; isCluster?: boolean }): boolean {
  return client.status === "ready" || (client.isCluster === true && client.status === "connect");
}

/**
 * The key of a pipeline stream (`<prefix>:pipeline:<name>`). On a cluster the prefix is a hash
 * tag (`{ordered}:pipeline:…`): every pipeline key lands in one hash slot, so the worker reads
 * both stages in one XREADGROUP and acknowledges in one pipeline.
 */
export function pipelineKey(target: RedisTarget, prefix: string, name: string): string {
  return `${target.kind === "cluster" ? `{${prefix}}` : prefix}:pipeline:${name}`;
}

/** What watchOutage needs of a connection: an ioredis client or anything that re-emits its events. */
interface Watched {
  on(event: "error", fn: (err: Error) => void): unknown;
  on(event: "ready", fn: () => void): unknown;
}

/**
 * Logs a Redis outage once, when it starts, and once when it ends, instead of every
 * reconnection attempt or every request it fails. Attach it to every connection a process
 * makes (an 'error' listener is also what keeps ioredis from throwing on its own).
 */
export function watchOutage(log: Logger, what: string, ...connections: Watched[]): void {
  let down = false;
  for (const connection of connections) {
    connection.on("error", (err) => {
      if (down) return;
      down = true;
      log.warn({ err: err.message }, `${what}: Redis is unreachable; retrying in the background`);
    });
    connection.on("ready", () => {
      if (!down) return;
      down = false;
      log.info(`${what}: Redis is back`);
    });
  }
}

/** Where a command that may fail says so: once per run of failures, and once when it works again. */
export interface FailureLog {
  failed(err: unknown): void;
  ok(): void;
}

/**
 * For commands whose failure a process survives because something does the work later (a
 * retry, the next check, another worker): logs the first failure of a run, with what it
 * means, and once when the command works again, like watchOutage does for a connection,
 * instead of staying silent or logging every attempt.
 */
export function failureLog(log: Logger, what: string, meaning: string): FailureLog {
  let failing = false;
  return {
    failed(err) {
      if (failing) return;
      failing = true;
      log.warn({ err: err instanceof Error ? err.message : String(err) }, `${what} failed: ${meaning}`);
    },
    ok() {
      if (!failing) return;
      failing = false;
      log.info(`${what} works again`);
    },
  };
}

/**
 * Marks the promise of every command sent on `client` as handled, for connections a library
 * drives without awaiting each command: @socket.io/redis-adapter's close() unsubscribes
 * without a catch, so a command still pending when the connection is then closed ("Connection
 * is closed.") would be an unhandled rejection. Callers that await a command still get its error.
 */
export function handledCommands<T extends RedisClient>(client: T): T {
  const target = client as unknown as { sendCommand(command: { promise: Promise<unknown> }, ...rest: unknown[]): unknown };
  const send = target.sendCommand.bind(client);
  target.sendCommand = (command, ...rest) => {
    command.promise.catch(() => {});
    return send(command, ...rest);
  };
  // An auto-pipelined command's promise is ioredis' own, made before any sendCommand: the
  // adapters' unawaited broadcasts need theirs handled too.
  const methods = client as unknown as Record<(typeof UNAWAITED)[number], (...args: unknown[]) => Promise<unknown>>;
  for (const name of UNAWAITED) {
    const call = methods[name].bind(client);
    methods[name] = (...args) => {
      const promise = call(...args);
      promise.catch(() => {});
      return promise;
    };
  }
  return client;
}

/** What @socket.io/redis-adapter sends without awaiting, besides (un)subscribing. */
const UNAWAITED = ["publish", "spublish"] as const;

/**
 * Closes a connection: QUIT (what was sent is answered first), or a plain disconnect when
 * that fails or takes over a second (a cluster node that died cannot answer).
 */
export async function closeRedis(client: RedisClient): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, 1000);
  });
  await Promise.race([client.quit().catch(() => {}), late]).finally(() => clearTimeout(timer));
  client.disconnect();
}
