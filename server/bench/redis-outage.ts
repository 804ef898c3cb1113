// `npm run bench:redis-outage -- [--seconds 30] [--outage 10] [--rate 20] [--phones 60]`
// What a Redis outage costs the phones: 2 servers and 2 workers (built server/dist, their own
// redis-server on a free port, database ordered_bench_outage), phones on both servers placing
// `rate` orders/s in all for `seconds`; at a third of the run Redis is SIGKILLed, and after
// `outage` seconds started again, empty. Prints the ack latency before, during and after the
// outage (p50/p99/max), acks that failed or timed out, and how long it took after Redis came
// back until every acknowledged order was ACCEPTED; checks nothing was lost or doubled.
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { ClientToServerEvents, ServerToClientEvents } from "@ordered/contract";
import { io, type Socket } from "socket.io-client";
import { createPrisma } from "../dist/db/prisma.js";
import { Latency, nowUs } from "./lib/hist.js";
import { freePort, killAllNow, startNode, stopAll } from "./lib/procs.js";
import { openAndJoin, resetDatabase, seedLocations } from "./lib/setup.js";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "30" },
    outage: { type: "string", default: "10" },
    rate: { type: "string", default: "20" },
    phones: { type: "string", default: "60" },
  },
});
const seconds = Number(values.seconds);
const outageSeconds = Number(values.outage);
const rate = Number(values.rate);
const phoneCount = Number(values.phones);
const ACK_TIMEOUT_MS = 6000;

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = path.resolve(serverDir, "..");
const databaseUrl = process.env.BENCH_OUTAGE_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/ordered_bench_outage";
const runDir = path.join(repoRoot, "bench-results", `redis-outage-${new Date().toISOString().replace(/[:.]/g, "-")}`);
mkdirSync(runDir, { recursive: true });
process.on("SIGINT", () => {
  killAllNow();
  redis?.kill("SIGKILL");
  process.exit(130);
});

let redis: ChildProcess | undefined;
const redisPort = await freePort();
const startRedis = async () => {
  redis = spawn("redis-server", ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: "ignore",
  });
  for (;;) {
    const up = await new Promise<boolean>((resolve) => {
      const s = net.connect(redisPort, "127.0.0.1", () => {
        s.destroy();
        resolve(true);
      });
      s.on("error", () => resolve(false));
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 20)); // polling interval until the port accepts
  }
};
await startRedis();

console.log(`Resetting ${databaseUrl}…`);
await resetDatabase(databaseUrl);
const [venue] = await seedLocations(databaseUrl, ["Outage venue"], 6);
const env = {
  ...process.env,
  NODE_ENV: "production",
  DATABASE_URL: databaseUrl,
  REDIS_URL: `redis://127.0.0.1:${redisPort}`,
  REDIS_PREFIX: "bench-outage",
  JWT_SECRET: "bench-outage-secret-0123456789-0123456789",
  LOG_LEVEL: "info",
  WEB_DIST: "",
  ORDER_RATE_PER_SOCKET: "1000000",
  ORDER_RATE_PER_SESSION: "1000000",
  JOIN_RATE_PER_MINUTE: "1000000",
  SESSION_JOIN_RATE_PER_MINUTE: "1000000",
  LOGIN_RATE_PER_MINUTE: "1000000",
  CUSTOMER_COMMAND_RATE: "1000000",
  CUSTOMER_READ_RATE_PER_MINUTE: "1000000",
  CUSTOMER_MAX_IN_FLIGHT: "1000000",
};
const ports = [await freePort(), await freePort()];
for (const [i, port] of ports.entries())
  startNode(`server-${i + 1}`, ["dist/main.js"], {
    env: { ...env, PORT: String(port), HOST: "127.0.0.1" },
    cwd: serverDir,
    logDir: runDir,
  });
for (const i of [1, 2]) startNode(`worker-${i}`, ["dist/worker-main.js"], { env, cwd: serverDir, logDir: runDir });
const urls = ports.map((p) => `http://127.0.0.1:${p}`);
for (const url of urls) {
  for (;;) {
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100)); // polling interval until the server answers
  }
}

const phonesPerSession = 6;
const { sessions } = await openAndJoin(urls, [venue!], {
  sessions: Math.ceil(phoneCount / phonesPerSession),
  customers: phoneCount,
  phonesPerSession,
});
type Phone = Socket<ServerToClientEvents, ClientToServerEvents>;
const phones: Phone[] = [];
for (const [i, customer] of sessions.flatMap((s) => s.customers).entries()) {
  const phone: Phone = io(urls[i % urls.length]!, {
    transports: ["websocket"],
    auth: { token: customer.token },
    reconnectionDelay: 200,
    reconnectionDelayMax: 1000,
  });
  await new Promise<void>((resolve) => phone.once("connect", () => resolve()));
  phones.push(phone);
}
console.log(
  `${phones.length} phones on ${urls.length} servers, 2 workers; ${rate} orders/s for ${seconds} s; Redis down for ${outageSeconds} s from ${Math.round(seconds / 3)} s.`,
);

const phase = { before: new Latency(), during: new Latency(), after: new Latency() };
const failures: Record<string, number> = {};
const acked = new Map<string, keyof typeof phase>();
let current: keyof typeof phase = "before";
let retried = 0;
let downAt = 0;
let upAt = 0;
const total = Math.round(rate * seconds);
const start = nowUs();
const pending: Promise<void>[] = [];
for (let i = 0; i < total; i++) {
  const due = start + (i * 1e6) / rate;
  while (nowUs() < due) await new Promise((r) => setTimeout(r, Math.max(0, (due - nowUs()) / 1000 - 1)));
  const t = (nowUs() - start) / 1e6;
  if (current === "before" && t >= seconds / 3) {
    current = "during";
    downAt = nowUs();
    redis!.kill("SIGKILL");
    console.log(`t=${t.toFixed(1)} s: Redis killed`);
  } else if (current === "during" && t >= seconds / 3 + outageSeconds) {
    current = "after";
    await startRedis();
    upAt = nowUs();
    console.log(`t=${t.toFixed(1)} s: Redis started again (empty)`);
  }
  const bucket = current;
  const phone = phones[i % phones.length]!;
  const clientOrderId = randomUUID();
  const payload = { clientOrderId, items: [{ productId: venue!.productIds[i % 6]!, quantity: 1 }] };
  const sent = nowUs();
  // As the phone does (web/src/realtime/command.ts): no ack in time, send the same order again.
  const attempt = async (left: number): Promise<void> => {
    try {
      const ack = await phone.timeout(ACK_TIMEOUT_MS).emitWithAck("order:place", payload);
      phase[bucket].record(nowUs() - sent);
      if (ack.error) failures[ack.error.code] = (failures[ack.error.code] ?? 0) + 1;
      else acked.set(ack.data.order.id, bucket);
    } catch {
      retried++;
      if (left > 0) return attempt(left - 1);
      failures.TIMEOUT = (failures.TIMEOUT ?? 0) + 1;
    }
  };
  pending.push(attempt(3));
}
await Promise.all(pending);

// Every acknowledged order must reach ACCEPTED (through the outboxes, or the sweepers).
// The drain time: from Redis's return until the last order acknowledged during the outage
// was accepted (read from PostgreSQL's accepted_at, so it does not depend on polling).
const prisma = createPrisma(databaseUrl, 2);
const ids = [...acked.keys()];
const duringIds = ids.filter((id) => acked.get(id) === "during");
const deadline = Date.now() + 120_000;
while (Date.now() < deadline) {
  const accepted = await prisma.order.count({ where: { id: { in: ids }, status: "ACCEPTED" } });
  if (accepted === ids.length) break;
  await new Promise((r) => setTimeout(r, 100)); // polling interval
}
const lastDuring = await prisma.order.aggregate({ where: { id: { in: duringIds } }, _max: { acceptedAt: true } });
const upAtMs = Date.now() - (nowUs() - upAt) / 1000;
const drainedMs = lastDuring._max.acceptedAt ? Math.max(0, lastDuring._max.acceptedAt.getTime() - upAtMs) : null;
const notAccepted = await prisma.order.count({ where: { id: { in: ids }, status: { not: "ACCEPTED" } } });
const stored = await prisma.order.count({ where: { locationId: venue!.id } });
const distinct = await prisma.order.groupBy({ by: ["sessionId", "clientOrderId"], where: { locationId: venue!.id }, _count: true });
await prisma.$disconnect();

const result = {
  settings: { seconds, outageSeconds, rate, phones: phones.length, servers: 2, workers: 2 },
  ackMs: { beforeOutage: phase.before.summary(), duringOutage: phase.during.summary(), afterOutage: phase.after.summary() },
  failures,
  /** Placements re-sent after no ack came within ACK_TIMEOUT_MS (the ack, or the order, was lost with a dropped connection). */
  resent: retried,
  acked: ids.length,
  ackedDuringOutage: duringIds.length,
  notAccepted,
  stored,
  doubled: distinct.filter((d) => d._count > 1).length,
  outageOrdersAllAcceptedMsAfterRedisReturned: drainedMs === null ? null : Math.round(drainedMs),
  outageMs: Math.round((upAt - downAt) / 1000),
};
console.log(JSON.stringify(result, null, 2));
writeFileSync(path.join(runDir, "result.json"), JSON.stringify(result, null, 2));
for (const p of phones) p.close();
await stopAll();
redis?.kill("SIGKILL");
process.exit(0);
