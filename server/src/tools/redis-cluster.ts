import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "./free-port.js";

// A Redis Cluster on this machine's loopback, for the tests (test/realtime/redis-cluster.test.ts)
// and the fan-out benchmark (bench/fanout.ts): redis-server and redis-cli (Redis 7) must be installed.

const run = promisify(execFile);

/** Redis Cluster's node timeout here: a dead master is replaced by its replica about this long after. */
const NODE_TIMEOUT_MS = 1000;

export interface RedisClusterHandle {
  /** REDIS_CLUSTER_NODES for Ordered: every node, `127.0.0.1:<port>`, comma-separated. */
  nodes: string;
  /** The port of the master that serves `key`'s hash slot now. */
  masterOf(key: string): Promise<number>;
  /** SIGKILLs one node, as if its machine died. */
  kill(port: number): Promise<void>;
  /** Until every live node says the cluster is ok and every live replica is in sync with its master. */
  healthy(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
  /** The redis-server processes' ports, masters and replicas. */
  ports: number[];
}

async function cli(port: number, ...args: string[]): Promise<string> {
  const { stdout } = await run("redis-cli", ["-h", "127.0.0.1", "-p", String(port), ...args]);
  return stdout;
}

/**
 * A Redis Cluster of its own on loopback ports: `masters` masters with one replica each
 * (unless `replicas` is false) (redis-server in cluster mode, joined by `redis-cli --cluster create`), nothing
 * persisted, a short node timeout so a failover takes a second or two. Never the machine's
 * shared Redis.
 */
export async function startRedisCluster(masters = 3, opts: { replicas?: boolean } = {}): Promise<RedisClusterHandle> {
  const replicas = opts.replicas ?? true;
  const dir = mkdtempSync(path.join(tmpdir(), "ordered-redis-cluster-"));
  const ports: number[] = [];
  for (let i = 0; i < masters * (replicas ? 2 : 1); i++) ports.push(await freePort());
  const children = new Map<number, ChildProcess>();
  for (const port of ports) {
    const child = spawn(
      "redis-server",
      [
        "--port",
        String(port),
        "--bind",
        "127.0.0.1",
        "--cluster-enabled",
        "yes",
        "--cluster-config-file",
        `nodes-${port}.conf`,
        "--cluster-node-timeout",
        String(NODE_TIMEOUT_MS),
        "--dir",
        dir,
        "--save",
        "",
        "--appendonly",
        "no",
      ],
      { stdio: "ignore" },
    );
    children.set(port, child);
  }
  const alive = () => ports.filter((p) => children.get(p)?.exitCode === null && children.get(p)?.signalCode === null);

  const waitFor = async (what: string, check: () => Promise<boolean>, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (await check().catch(() => false)) return;
      if (Date.now() > deadline) throw new Error(`Redis Cluster: ${what} within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100)); // polling interval while the cluster settles
    }
  };
  const healthy = async (timeoutMs = 20_000) => {
    await waitFor(
      "not healthy",
      async () => {
        for (const port of alive()) {
          if (!(await cli(port, "cluster", "info")).includes("cluster_state:ok")) return false;
          const replication = await cli(port, "info", "replication");
          if (replication.includes("role:slave") && !replication.includes("master_link_status:up")) return false;
        }
        return true;
      },
      timeoutMs,
    );
  };

  try {
    await waitFor(
      "nodes did not start",
      async () => (await Promise.all(ports.map((p) => cli(p, "ping")))).every((r) => r.trim() === "PONG"),
      10_000,
    );
    await run("redis-cli", [
      "--cluster",
      "create",
      ...ports.map((p) => `127.0.0.1:${p}`),
      "--cluster-replicas",
      replicas ? "1" : "0",
      "--cluster-yes",
    ]);
    await healthy();
  } catch (err) {
    for (const child of children.values()) child.kill("SIGKILL");
    throw err;
  }

  const kill = (port: number) =>
    new Promise<void>((resolve) => {
      const child = children.get(port);
      if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGKILL");
    });

  return {
    nodes: ports.map((p) => `127.0.0.1:${p}`).join(","),
    ports,
    async masterOf(key) {
      const port = alive()[0]!;
      const slot = Number((await cli(port, "cluster", "keyslot", key)).trim());
      // `cluster nodes`: id addr@bus flags master ping pong epoch link-state slot-ranges…
      for (const line of (await cli(port, "cluster", "nodes")).trim().split("\n")) {
        const [, addr, flags, , , , , link, ...ranges] = line.split(" ");
        if (!flags?.includes("master") || flags.includes("fail") || link !== "connected") continue;
        const serves = ranges.some((r) => {
          const [from, to = from] = r.split("-").map(Number);
          return slot >= from! && slot <= to!;
        });
        if (serves) return Number(addr!.split("@")[0]!.split(":")[1]);
      }
      throw new Error(`no live master serves slot ${slot}`);
    },
    kill,
    healthy,
    async stop() {
      await Promise.all(ports.map(kill));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
