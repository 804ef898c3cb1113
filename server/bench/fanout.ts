// `npm run bench:fanout`: what a broadcast costs each Socket.IO instance and Redis, on a Redis
// Cluster of its own (3 masters), with 1, 2 and 4 instances, for the classic adapter
// (PUBLISH/PSUBSCRIBE: every instance hears everything, and the cluster bus copies every
// message to every node) and the sharded one (SPUBLISH/SSUBSCRIBE per room: an instance hears
// only the rooms it has sockets in). On one machine the absolute times are shared; what to
// compare is the messages each instance receives from Redis per event, the Redis CPU per event
// and how it spreads over the nodes. Latency (publish → socket) is printed too.
//
// The workload: --locations venues with one staff socket each, --sessions per venue with two
// phones each, every socket on a random instance (a load balancer's choice); --events session
// events published at --rate from a separate broadcaster (as the pipeline worker does), each
// to a random session: its two phones and its venue's staff receive it.
//
// Uses the built server (server/dist): `npm run build:server` first (the npm script does).
import { randomBytes, randomInt } from "node:crypto";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import type { LoggedEvent } from "@ordered/contract";
import { Server } from "socket.io";
import { io as connectClient, type Socket } from "socket.io-client";
import { closeRedis, createRedis, type RedisClient, redisTarget } from "../dist/db/redis.js";
import { type AdapterKind, createBroadcaster, createRoomsAdapter } from "../dist/realtime/adapter.js";
import { rooms } from "../dist/realtime/rooms.js";
import { startRedisCluster } from "../dist/tools/redis-cluster.js";
import { Latency, nowUs } from "./lib/hist.js";

const { values: args } = parseArgs({
  options: {
    locations: { type: "string", default: "20" },
    sessions: { type: "string", default: "25" },
    events: { type: "string", default: "3000" },
    rate: { type: "string", default: "500" },
    instances: { type: "string", default: "1,2,4" },
  },
});
const LOCATIONS = Number(args.locations);
const SESSIONS = Number(args.sessions);
const EVENTS = Number(args.events);
const RATE = Number(args.rate);
const INSTANCES = args.instances.split(",").map(Number);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Row {
  kind: AdapterKind;
  instances: number;
  delivered: number;
  expected: number;
  /** Messages each instance's subscriber received from Redis, per published event. */
  perInstance: number[];
  /** Redis CPU (user + sys, all nodes) per 1,000 events, ms; and each master's share. */
  redisCpuPer1000: number;
  perNode: number[];
  latency: ReturnType<Latency["summary"]>;
  channels: number[];
}

/** CPU seconds a Redis node has used (user + sys, main thread and children). */
async function redisCpu(client: RedisClient): Promise<number> {
  const info = await client.info("cpu");
  const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, "m").exec(info)?.[1] ?? 0);
  return field("used_cpu_user") + field("used_cpu_sys");
}

async function measure(kind: AdapterKind, n: number, nodes: string, masterPorts: number[]): Promise<Row> {
  const target = redisTarget("", nodes.split(","));
  const prefix = `bench-fanout-${randomBytes(3).toString("hex")}`;
  const received = Array.from({ length: n }, () => 0);
  const instances: { http: HttpServer; io: Server; url: string; close(): Promise<void> }[] = [];
  for (let i = 0; i < n; i++) {
    const adapter = createRoomsAdapter(target, prefix, kind);
    for (const event of ["messageBuffer", "pmessageBuffer", "smessageBuffer"]) adapter.sub.on(event, () => received[i]!++);
    const http = createServer();
    const io = new Server(http, { adapter: adapter.adapter, transports: ["websocket"] });
    // The bench's own handshake: the client says which rooms it is in.
    io.on("connection", (socket) => void socket.join(socket.handshake.auth.rooms as string[]));
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    instances.push({
      http,
      io,
      url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
      async close() {
        io.disconnectSockets(true);
        await new Promise<void>((resolve) => io.close(() => resolve()));
        await Promise.all([closeRedis(adapter.pub), closeRedis(adapter.sub)]);
      },
    });
  }

  // Sockets: each on a random instance.
  const latency = new Latency();
  let delivered = 0;
  const clients: Socket[] = [];
  const connect = (roomList: string[]) =>
    new Promise<void>((resolve, reject) => {
      const socket = connectClient(instances[randomInt(n)]!.url, { transports: ["websocket"], forceNew: true, auth: { rooms: roomList } });
      socket.on("order:placed", (envelope: { data: { sentUs: number } }) => {
        delivered++;
        latency.record(nowUs() - envelope.data.sentUs);
      });
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
      clients.push(socket);
    });
  const sessions: { locationId: string; sessionId: string }[] = [];
  for (let l = 0; l < LOCATIONS; l++) {
    const locationId = `loc${l}`;
    await connect([rooms.audience(locationId, "floor.serve")]);
    for (let s = 0; s < SESSIONS; s++) {
      const sessionId = `${locationId}-s${s}`;
      sessions.push({ locationId, sessionId });
      for (let p = 0; p < 2; p++) await connect([rooms.session(sessionId), rooms.locationCustomers(locationId)]);
    }
  }
  await sleep(500); // the room subscriptions (sharded: one SSUBSCRIBE per room) settle

  const stats = nodes.split(",").map((node) => createRedis(redisTarget(`redis://${node}`, undefined), { maxRetriesPerRequest: 2 }));
  const broadcasterRedis = createRedis(target, { maxRetriesPerRequest: null });
  const broadcaster = createBroadcaster(target, prefix, broadcasterRedis, kind);
  await sleep(200);
  received.fill(0);
  const cpuBefore = await Promise.all(stats.map(redisCpu));

  const started = Date.now();
  for (let e = 0; e < EVENTS; e++) {
    const due = started + (e * 1000) / RATE;
    if (due > Date.now()) await sleep(due - Date.now());
    const { locationId, sessionId } = sessions[randomInt(sessions.length)]!;
    const event = {
      sessionId,
      seq: e + 1,
      type: "order.placed",
      at: new Date().toISOString(),
      payload: { sentUs: nowUs() },
    } as unknown as LoggedEvent;
    broadcaster.publisher.sessionEvent(locationId, event);
  }
  const expected = EVENTS * 3;
  for (let i = 0; i < 100 && delivered < expected; i++) await sleep(100); // until every delivery arrived, at most 10 s
  const cpuAfter = await Promise.all(stats.map(redisCpu));
  const perNode = cpuAfter.map((c, i) => ((c - cpuBefore[i]!) * 1000 * 1000) / EVENTS);
  const channels = await Promise.all(
    instances.map(async (inst) => {
      const adapter = inst.io.of("/").adapter as unknown as { rooms: Map<string, Set<string>>; sids: Map<string, unknown> };
      return [...adapter.rooms.keys()].filter((r) => !adapter.sids.has(r)).length;
    }),
  );

  for (const c of clients) c.close();
  await broadcaster.close();
  await closeRedis(broadcasterRedis);
  for (const inst of instances) await inst.close();
  await Promise.all(stats.map(closeRedis));
  const masters = new Set(masterPorts);
  return {
    kind,
    instances: n,
    delivered,
    expected,
    perInstance: received.map((r) => r / EVENTS),
    redisCpuPer1000: perNode.reduce((a, b) => a + b, 0),
    perNode: perNode.filter((_, i) => masters.has(Number(nodes.split(",")[i]!.split(":")[1]))),
    latency: latency.summary(),
    channels,
  };
}

const cluster = await startRedisCluster(3, { replicas: false });
const rows: Row[] = [];
try {
  console.log(
    `Fan-out on a 3-master Redis Cluster: ${LOCATIONS} venues × (1 staff + ${SESSIONS} sessions × 2 phones) = ${LOCATIONS * (1 + SESSIONS * 2)} sockets; ${EVENTS} session events at ${RATE}/s`,
  );
  for (const kind of ["classic", "sharded"] as const) {
    for (const n of INSTANCES) {
      const row = await measure(kind, n, cluster.nodes, cluster.ports);
      rows.push(row);
      console.log(
        `${kind.padEnd(8)} ${n} instance(s): delivered ${row.delivered}/${row.expected}; messages from Redis per event, per instance: ${row.perInstance.map((m) => m.toFixed(2)).join(" / ")}; ` +
          `Redis CPU ${row.redisCpuPer1000.toFixed(0)} ms per 1,000 events (masters: ${row.perNode.map((c) => c.toFixed(0)).join(" / ")}); ` +
          `rooms held per instance ${row.channels.join(" / ")}${row.kind === "sharded" ? " (an SSUBSCRIBE each)" : ""}; publish → socket p50 ${row.latency.p50} ms, p99 ${row.latency.p99} ms`,
      );
    }
  }
} finally {
  await cluster.stop();
}
console.log(
  "\n| adapter | instances | msgs from Redis per event, per instance | Redis CPU ms / 1,000 events (per master) | p50 / p99 ms | delivered |",
);
console.log("| --- | --- | --- | --- | --- | --- |");
for (const r of rows) {
  console.log(
    `| ${r.kind} | ${r.instances} | ${r.perInstance.map((m) => m.toFixed(2)).join(" / ")} | ${r.redisCpuPer1000.toFixed(0)} (${r.perNode.map((c) => c.toFixed(0)).join(" / ")}) | ${r.latency.p50} / ${r.latency.p99} | ${r.delivered}/${r.expected} |`,
  );
}
process.exit(0);
