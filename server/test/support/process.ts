import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createApiClient } from "../../src/tools/api-client.js";
import { freePort } from "../../src/tools/free-port.js";
import { REDIS_URL, TEST_DATABASE_URL, TEST_SECRET } from "./harness.js";
import { lineWatcher } from "./log-watch.js";

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface ChildServer {
  url: string;
  process: ChildProcess;
  /** Everything it logged so far (pino JSON lines, stdout and stderr). */
  logs(): string;
  /** SIGKILL: no graceful shutdown, sockets drop as if the machine died. */
  kill(): Promise<void>;
}

/** A server instance in its own process (src/main.ts through tsx) on a free port, for crash tests. */
export async function spawnServer(env: Record<string, string>): Promise<ChildServer> {
  // A port of the test's choosing (a restart at the same address), else a free one.
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: serverDir,
    env: {
      ...process.env,
      NODE_ENV: "test",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: TEST_DATABASE_URL,
      REDIS_URL,
      JWT_SECRET: TEST_SECRET,
      PUBLIC_URL: "http://ordered.test",
      LOG_LEVEL: "warn",
      WEB_DIST: "",
      // Generous per-phone limits, as in testConfig(): tests that race one phone's commands
      // test ordering, not the limits (which their own tests set low).
      CUSTOMER_COMMAND_RATE: "1000",
      CUSTOMER_READ_RATE_PER_MINUTE: "1000",
      CUSTOMER_MAX_IN_FLIGHT: "1000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  const watchOut = lineWatcher(`server :${port}`);
  const watchErr = lineWatcher(`server :${port} (stderr)`);
  child.stdout!.on("data", (d) => {
    stderr += d;
    watchOut(d);
  });
  child.stderr!.on("data", (d) => {
    stderr += d;
    watchErr(d);
  });
  const url = `http://127.0.0.1:${port}`;
  const health = createApiClient(url);
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    try {
      if ((await health.request("GET", "/api/health")).status === 200) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100)); // polling interval until /api/health answers
  }
  return {
    url,
    process: child,
    logs: () => stderr,
    kill: () => sigkill(child),
  };
}

/** SIGKILL: no graceful shutdown, as if the machine died. Resolves once the process is gone. */
function sigkill(child: ChildProcess | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

export interface ChildWorker {
  process: ChildProcess;
  /** Everything it logged so far (pino JSON lines). */
  logs(): string;
  kill(): Promise<void>;
}

/** A pipeline worker in its own process (src/worker-main.ts through tsx), for crash tests. */
export async function spawnWorker(env: Record<string, string>): Promise<ChildWorker> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/worker-main.ts"], {
    cwd: serverDir,
    env: {
      ...process.env,
      NODE_ENV: "test",
      DATABASE_URL: TEST_DATABASE_URL,
      REDIS_URL,
      JWT_SECRET: TEST_SECRET,
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", lineWatcher("worker"));
  child.stderr!.on("data", lineWatcher("worker (stderr)"));
  await new Promise<void>((resolve, reject) => {
    // A deadline, not a wait: resolves as soon as the worker says it runs.
    const timer = setTimeout(() => reject(new Error(`worker did not start: ${output}`)), 30_000);
    const onData = (d: Buffer) => {
      output += d;
      if (output.includes("pipeline worker running")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`worker exited with ${code}: ${output}`)));
  });
  return {
    process: child,
    logs: () => output,
    kill: () => sigkill(child),
  };
}

export interface OwnRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** A redis-server of the test's own on a free port (never the machine's shared one). */
export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    const net = await import("node:net");
    for (let i = 0; i < 100; i++) {
      const ok = await new Promise<boolean>((resolve) => {
        const s = net.connect(port, "127.0.0.1", () => {
          s.destroy();
          resolve(true);
        });
        s.on("error", () => resolve(false));
      });
      if (ok) return;
      await new Promise((r) => setTimeout(r, 50)); // polling interval until the port accepts
    }
    throw new Error("own redis-server did not start");
  };
  const stop = () => sigkill(child);
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, stop, start };
}

export interface OwnPostgres {
  /** The URL of its `ordered` database (created and migrated by the caller). */
  url: string;
  port: number;
  /** `pg_ctl stop -m immediate`: every backend dies at once, as in a crash. */
  crash(): Promise<void>;
  /** Starts it again; resolves once it accepts connections. */
  start(): Promise<void>;
  /** Stops it and removes its files. */
  destroy(): Promise<void>;
}

const PG_BIN = "/usr/lib/postgresql";

/**
 * A PostgreSQL cluster of the test's own (initdb in a temporary folder, on a free port), to
 * crash and restart at will: never the machine's shared one. Runs as the `postgres` OS user
 * when the tests run as root (initdb refuses root).
 */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const { mkdtemp, readdir, rm, chown } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const { execFileSync } = await import("node:child_process");
  const version = (await readdir(PG_BIN)).sort().at(-1);
  if (!version) throw new Error(`no PostgreSQL binaries under ${PG_BIN}`);
  const bin = (name: string) => path.join(PG_BIN, version, "bin", name);
  const dir = await mkdtemp(path.join(tmpdir(), "ordered-pg-"));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    await chown(dir, uid, gid);
  }
  const run = (command: string, args: string[]) =>
    execFileSync(asRoot ? "runuser" : command, asRoot ? ["-u", "postgres", "--", command, ...args] : args, { stdio: "pipe" });
  const port = await freePort();
  const data = path.join(dir, "data");
  run(bin("initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  const start = async () => {
    run(bin("pg_ctl"), ["-D", data, "-o", options, "-l", path.join(dir, "log"), "-w", "start"]);
  };
  const stop = (mode: "immediate" | "fast") => run(bin("pg_ctl"), ["-D", data, "-m", mode, "-w", "stop"]);
  await start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/ordered`,
    port,
    start,
    async crash() {
      stop("immediate");
    },
    async destroy() {
      try {
        stop("immediate");
      } catch {
        // already stopped
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
