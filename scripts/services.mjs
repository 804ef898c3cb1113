// Shared by start.mjs and test.mjs: make sure PostgreSQL and Redis answer, run commands,
// apply the committed migrations (with the server's own migrateDatabase, after the build).
import { spawnSync } from "node:child_process";
import net from "node:net";

export const root = new URL("..", import.meta.url).pathname;

export const defaults = {
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/ordered",
  REDIS_URL: "redis://127.0.0.1:6379",
};

const HOW_TO_START = {
  PostgreSQL:
    "Start it with `docker compose up -d postgres redis`, or your system's service manager " +
    "(e.g. `pg_ctlcluster 15 main start`), or set DATABASE_URL.",
  Redis: "Start it with `docker compose up -d postgres redis`, or `redis-server --daemonize yes`, or set REDIS_URL.",
};

function tcpCheck(host, port, timeoutMs = 3000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** Exits with a message naming the service that does not answer, and how to start it. */
export async function requireServices(env) {
  const db = new URL(env.DATABASE_URL);
  const redis = new URL(env.REDIS_URL);
  const checks = [
    ["PostgreSQL", db.hostname, Number(db.port || 5432)],
    ["Redis", redis.hostname, Number(redis.port || 6379)],
  ];
  let missing = false;
  for (const [name, host, port] of checks) {
    if (!(await tcpCheck(host, port))) {
      console.error(`✗ ${name} is not reachable at ${host}:${port}. ${HOW_TO_START[name]}`);
      missing = true;
    }
  }
  if (missing) process.exit(1);
}

export function run(cmd, args, env, opts = {}) {
  const result = spawnSync(cmd, args, { cwd: root, env, stdio: opts.quiet ? "pipe" : "inherit", encoding: "utf8" });
  if (result.status !== 0) {
    if (opts.quiet) process.stderr.write(`${result.stdout ?? ""}${result.stderr ?? ""}`);
    console.error(`✗ ${cmd} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
  return result;
}

/** Creates the database if it is missing and applies the migrations. Needs server/dist (build first). */
export async function migrate(env) {
  const { migrateDatabase } = await import(`${root}server/dist/db/migrate.js`);
  try {
    await migrateDatabase(env.DATABASE_URL);
  } catch (err) {
    console.error(`✗ ${err.message}`);
    process.exit(1);
  }
}

export function generateClient(env) {
  run("npx", ["--no-install", "prisma", "generate"], env, { quiet: true });
}
