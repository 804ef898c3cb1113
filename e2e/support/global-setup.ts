import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createWriteStream, mkdirSync, readFileSync, rmSync, type WriteStream, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { Redis } from "ioredis";
import { migrateDatabase } from "../../server/dist/db/migrate.js";
import { createApiClient } from "../../server/dist/tools/api-client.js";
import { isFailureLine } from "../../server/dist/tools/log-failures.js";
import { startSmtpStandIn } from "../../server/dist/tools/smtp-stand-in.js";
import { startStripeStandin } from "../../server/dist/tools/stripe-standin.js";
import {
  E2E_DATABASE_URL,
  E2E_MAIL_DIR,
  E2E_PORTS,
  E2E_REDIS_PREFIX,
  E2E_SMTP_PORT,
  E2E_STRIPE_PORT,
  REDIS_URL,
  repoRoot,
  serverEnv,
} from "./env.js";

/** Where the servers' and the worker's logs go (pino JSON lines, and anything on stderr). */
const LOG_DIR = path.join(repoRoot, "e2e/test-results/logs");

/**
 * Creates and migrates the e2e database (tests seed their own locations into it), then
 * starts two server instances and a pipeline worker over the same PostgreSQL and Redis. Playwright's webServer
 * option starts before globalSetup, so the database would not exist yet; hence this.
 *
 * The teardown fails the run when a process died or logged an unexpected error (a bug the
 * browser may not have shown): the suite is also a check that no journey makes a 500.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  // A leftover server of an interrupted run would answer the health check in place of ours.
  for (const port of [...E2E_PORTS, E2E_STRIPE_PORT]) await assertPortFree(port);
  await migrateDatabase(E2E_DATABASE_URL);
  // Stripe for the servers (STRIPE_API_URL): tests make accounts through its /_standin/accounts.
  const stripe = await startStripeStandin({ port: E2E_STRIPE_PORT });
  mkdirSync(LOG_DIR, { recursive: true });
  // The venue's mail server: each mail it takes lands in E2E_MAIL_DIR for the tests (support/mail.ts).
  rmSync(E2E_MAIL_DIR, { recursive: true, force: true });
  mkdirSync(E2E_MAIL_DIR, { recursive: true });
  const smtp = await startSmtpStandIn({
    port: E2E_SMTP_PORT,
    onMail: (mail) => writeFileSync(path.join(E2E_MAIL_DIR, `${Date.now()}-${randomUUID()}.json`), JSON.stringify(mail)),
  });
  const children = [
    ...E2E_PORTS.map((port) => startProcess("server/dist/main.js", serverEnv(port), `server-${port}`)),
    startProcess("server/dist/worker-main.js", serverEnv(0), "worker"),
  ];
  try {
    await Promise.all(E2E_PORTS.map((port) => waitForHealth(port)));
  } catch (err) {
    await Promise.all(children.map(stopProcess));
    await smtp.close();
    await stripe.close();
    throw err;
  }
  return async () => {
    await Promise.all(children.map(stopProcess));
    await smtp.close();
    await stripe.close();
    await deleteRedisKeys();
    const failures = children.flatMap(failuresOf);
    if (failures.length > 0)
      throw new Error(`the servers or the worker failed during the run (logs in ${LOG_DIR}):\n${failures.join("\n")}`);
  };
}

interface Child {
  process: ChildProcess;
  name: string;
  logFile: string;
  log: WriteStream;
  /** Set once the teardown asked it to stop. */
  stopping: boolean;
  /** Set when it exited on its own (a crash, or a port already taken). */
  died?: string;
}

function startProcess(file: string, env: Record<string, string>, name: string): Child {
  const logFile = path.join(LOG_DIR, `${name}.log`);
  const log = createWriteStream(logFile);
  const child = spawn("node", [file], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  // Still shown as it happens: stderr carries only what a crash prints.
  child.stderr.pipe(process.stderr, { end: false });
  const entry: Child = { process: child, name, logFile, log, stopping: false };
  child.on("exit", (code, signal) => {
    if (!entry.stopping) {
      entry.died = `${name} exited with ${code ?? signal}`;
      console.error(entry.died);
    }
  });
  return entry;
}

function stopProcess(child: Child): Promise<void> {
  const closeLog = () => new Promise<void>((resolve) => child.log.end(resolve));
  if (child.process.exitCode !== null || child.process.signalCode !== null) return closeLog();
  child.stopping = true;
  return new Promise((resolve) => {
    child.process.once("close", () => closeLog().then(resolve));
    child.process.kill("SIGTERM");
  });
}

/** An exit other than ours, and every log line that is an unexpected error, a fatal line or a crash. */
function failuresOf(child: Child): string[] {
  const lines = readFileSync(child.logFile, "utf8").split("\n").filter(isFailureLine);
  return [...(child.died ? [child.died] : []), ...lines.map((line) => `${child.name}: ${line.slice(0, 2000)}`)];
}

/** The run's queues and counters: PostgreSQL keeps what the tests made, Redis keeps nothing of it. */
async function deleteRedisKeys(): Promise<void> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true });
  await redis.connect();
  try {
    // Keys are `<prefix>:…`, or `{<prefix>}:…` where they must share a cluster slot.
    for (const match of [`${E2E_REDIS_PREFIX}:*`, `{${E2E_REDIS_PREFIX}}:*`]) {
      for await (const keys of redis.scanStream({ match, count: 500 }) as AsyncIterable<string[]>)
        if (keys.length > 0) await redis.del(...keys);
    }
  } finally {
    redis.disconnect();
  }
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", () =>
      reject(
        new Error(
          `port ${port} is taken (a server left over from an interrupted run? \`pkill -f server/dist/main.js\`); set E2E_PORTS to use others`,
        ),
      ),
    );
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

async function waitForHealth(port: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await createApiClient(`http://127.0.0.1:${port}`).request("GET", "/api/health")).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200)); // polling interval until the server answers
  }
  throw new Error(`server on port ${port} did not become healthy`);
}
