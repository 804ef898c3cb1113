import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { LIMITS } from "@ordered/contract";
import { parse } from "yaml";
import { loadConfig } from "../../src/config.js";
import { seedConfig } from "../../src/demo/demo-seed.js";
import { MAX_BODY_BYTES } from "../../src/http/express-app.js";
import { repoRoot } from "../support/global-setup.js";
import { describe, expect, it } from "../support/kit.js";

// There is no Docker engine on CI; these checks keep docker-compose.yml, the Dockerfile and
// deploy/nginx.conf honest by reading them and holding them against the code and the build
// (`npm test` builds server/dist before the tests run).
const read = (file: string) => readFileSync(path.join(repoRoot, file), "utf8");
const compose = parse(read("docker-compose.yml"), { merge: true });
const dockerfile = read("Dockerfile");
const nginx = read("deploy/nginx.conf");

/** Compose's variable substitution: `${X:-default}` → default, `${X:?error}` (required) → `required`. */
function interpolate(value: unknown, required: (name: string) => string): string {
  return String(value).replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_m, name: string, op?: string, arg?: string) =>
    op === "-" ? (arg ?? "") : required(name),
  );
}

/** `ENV` of the Dockerfile's final stage: every app container starts with it. */
const imageEnv: Record<string, string> = Object.fromEntries(
  [...dockerfile.slice(dockerfile.lastIndexOf("\nFROM ")).matchAll(/^ENV\s+(\w+)=(\S+)$/gm)].map((m) => [m[1]!, m[2]!]),
);

/** What compose sets for a service (required variables such as JWT_SECRET filled in). */
function composeEnvOf(service: string): Record<string, string> {
  const env = compose.services[service].environment ?? {};
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, interpolate(v, (name) => `${name.toLowerCase()}-`.padEnd(40, "x"))]));
}

/** A service's environment as its container sees it: the image's ENV, then compose's. */
const envOf = (service: string): Record<string, string> => ({ ...imageEnv, ...composeEnvOf(service) });

/** The environment variables loadConfig() reads, found by handing it an env that records every lookup. */
function variablesConfigReads(): Set<string> {
  const names = new Set<string>();
  const recorder = new Proxy({} as NodeJS.ProcessEnv, {
    get: (_t, key) => {
      if (typeof key === "string") names.add(key);
      return undefined;
    },
    has: (_t, key) => {
      if (typeof key === "string") names.add(key);
      return false;
    },
  });
  loadConfig(recorder, () => "x".repeat(32));
  return names;
}

/** Every `node <file>` a compose command or the Dockerfile's CMD runs (also inside `sh -c "..."`). */
function nodeEntryPoints(): { where: string; file: string }[] {
  const found: { where: string; file: string }[] = [];
  for (const [name, service] of Object.entries<{ command?: string | string[] }>(compose.services)) {
    const command = Array.isArray(service.command) ? service.command.join(" ") : (service.command ?? "");
    for (const m of command.matchAll(/\bnode\s+(\S+\.js)\b/g)) found.push({ where: `compose ${name}`, file: m[1]! });
  }
  const cmd = /^CMD\s+(\[.*\])\s*$/m.exec(dockerfile);
  if (cmd) {
    const argv = JSON.parse(cmd[1]!) as string[];
    if (argv[0] === "node") found.push({ where: "Dockerfile CMD", file: argv[1]! });
  }
  return found;
}

const appServices = ["server-1", "server-2", "worker"];

describe("docker-compose.yml", () => {
  it("has PostgreSQL, Redis, a migration step, two servers, a worker and a proxy", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["migrate", "postgres", "proxy", "redis", "server-1", "server-2", "worker"]);
    expect(compose.services.worker.command).toEqual(["node", "server/dist/worker-main.js"]);
    expect(compose.services.worker.environment.REDIS_URL).toBe("redis://redis:6379");
    expect(compose.services.postgres.image).toMatch(/^postgres:/);
    expect(compose.services.redis.image).toMatch(/^redis:7/);
  });

  it("gives every server the settings main.ts reads", () => {
    for (const name of ["server-1", "server-2"]) {
      const env = compose.services[name].environment;
      expect(Object.keys(env)).toEqual(expect.arrayContaining(["DATABASE_URL", "REDIS_URL", "JWT_SECRET", "PUBLIC_URL", "NODE_ENV"]));
      expect(env.DATABASE_URL).toContain("@postgres:5432/");
      expect(env.REDIS_URL).toBe("redis://redis:6379");
      expect(compose.services[name].depends_on.migrate.condition).toBe("service_completed_successfully");
    }
  });

  it("sets only variables that config.ts reads, with values it accepts", () => {
    const known = variablesConfigReads();
    expect(known).toContain("DATABASE_URL"); // the probe itself works
    expect(imageEnv).toEqual({ NODE_ENV: "production" });
    for (const name of [...appServices, "migrate"]) {
      const unknown = Object.keys(envOf(name)).filter((k) => !known.has(k));
      expect(unknown, `${name} sets variables config.ts does not read`).toEqual([]);
    }
    // Valid as a whole in the image's production mode, where servers and workers require
    // JWT_SECRET (main.ts, worker-main.ts) and the migrate step's seed command does not.
    for (const name of appServices) expect(() => loadConfig(envOf(name)), name).not.toThrow();
    expect(() => seedConfig(envOf("migrate"))).not.toThrow();
  });

  it("seeds no demo unless asked: the seed step and every server run without it by default (issue 30)", () => {
    expect(seedConfig(envOf("migrate")).seedDemo).toBe(false);
    for (const name of ["server-1", "server-2", "worker"]) expect(loadConfig(envOf(name)).seedDemo, name).toBe(false);
    // Outside production (npm run dev), the demo is the default; `npm start` asks for it
    // (SEED_DEMO=true unless told otherwise: npm-start.test.ts).
    expect(loadConfig({ NODE_ENV: "development" }, () => "x".repeat(32)).seedDemo).toBe(true);
  });

  it("gives the servers and the seed step one photo folder, on a volume the app may write", () => {
    for (const name of ["server-1", "server-2", "migrate"]) {
      const dir = (name === "migrate" ? seedConfig(envOf(name)) : loadConfig(envOf(name))).photoDir;
      expect(compose.services[name].volumes, name).toContain(`photos:${dir}`);
      expect(dockerfile).toContain(`RUN mkdir -p ${dir} && chown -R node:node`);
    }
    expect(compose.volumes).toHaveProperty("photos");
  });

  it("points the app at the database and Redis services compose runs", () => {
    const postgres = compose.services.postgres.environment;
    for (const name of [...appServices, "migrate"]) {
      const config = name === "migrate" ? seedConfig(envOf(name)) : loadConfig(envOf(name));
      const db = new URL(config.databaseUrl);
      expect([db.hostname, db.port, db.username, decodeURIComponent(db.password), db.pathname.slice(1)], name).toEqual([
        "postgres",
        "5432",
        "postgres",
        postgres.POSTGRES_PASSWORD,
        postgres.POSTGRES_DB,
      ]);
      if (name === "migrate") continue; // migrations and the seed need no Redis
      const redis = new URL(config.redisUrl);
      expect([redis.hostname, redis.port], name).toEqual(["redis", "6379"]);
    }
    for (const [service, port] of [
      ["postgres", 5432],
      ["redis", 6379],
    ] as const) {
      // Published for `npm start` on the host, on loopback only: neither asks for a password.
      expect(compose.services[service].ports).toEqual([`127.0.0.1:${port}:${port}`]);
    }
  });

  it("lets `docker compose up -d postgres redis` then `npm start` work as the README says: the default DATABASE_URL logs in", () => {
    const postgres = compose.services.postgres.environment;
    const db = new URL(loadConfig({ NODE_ENV: "development" }, () => "x".repeat(32)).databaseUrl);
    expect([db.hostname, db.port, db.username, db.password, db.pathname.slice(1)]).toEqual([
      "127.0.0.1",
      "5432",
      "postgres",
      "",
      postgres.POSTGRES_DB,
    ]);
    // No password in that URL: the image must not ask host connections for one.
    expect(postgres.POSTGRES_HOST_AUTH_METHOD).toBe("trust");
    expect(read("README.md")).toContain("docker compose up -d postgres redis");
  });
});

describe("deploy/nginx.conf and the ports", () => {
  it("points the proxy at both servers with sticky sessions and WebSocket upgrades", () => {
    expect(nginx).toContain("ip_hash;");
    expect(nginx).toContain("server server-1:3000;");
    expect(nginx).toContain("server server-2:3000;");
    expect(nginx).toMatch(/proxy_set_header Upgrade \$http_upgrade/);
    expect(compose.services.proxy.volumes[0]).toContain("./deploy/nginx.conf:");
  });

  it("agrees on ports between nginx, compose, config and the Dockerfile", () => {
    const upstream = [...nginx.matchAll(/^\s*server\s+([\w-]+):(\d+);/gm)].map((m) => [m[1], Number(m[2])]);
    const servers = ["server-1", "server-2"];
    // nginx balances over exactly the server services, on the port each one listens on.
    expect(upstream.map(([host]) => host)).toEqual(servers);
    for (const [host, port] of upstream) expect(port, `nginx → ${host}`).toBe(loadConfig(envOf(host as string)).port);
    expect(dockerfile).toMatch(new RegExp(`^EXPOSE ${loadConfig(envOf("server-1")).port}$`, "m"));
    // The proxy publishes nginx's listen port, and PUBLIC_URL (QR codes) points at it.
    const listen = Number(/^\s*listen\s+(\d+);/m.exec(nginx)?.[1]);
    const [published, container] = String(compose.services.proxy.ports[0]).split(":").map(Number);
    expect(container).toBe(listen);
    for (const name of servers) expect(Number(new URL(loadConfig(envOf(name)).publicUrl).port), name).toBe(published);
    // One proxy hop in front of the servers: the client address is the hop before nginx.
    for (const name of appServices) expect(loadConfig(envOf(name)).trustProxyHops, name).toBe(1);
  });

  it("lets through every body the API accepts", () => {
    const size = /client_max_body_size\s+(\d+)([km]?);/.exec(nginx);
    const bytes = Number(size?.[1]) * ({ k: 1024, m: 1024 * 1024 } as Record<string, number>)[size?.[2] ?? ""]!;
    expect(bytes).toBeGreaterThanOrEqual(MAX_BODY_BYTES);
    // Photo uploads (PUT /api/products/<id>/photo) have a location of their own.
    const photo = /location ~ \S*\/photo\$ \{\s*client_max_body_size (\d+)m;/.exec(nginx);
    expect(Number(photo?.[1]) * 1024 * 1024).toBeGreaterThan(LIMITS.photo.maxBytes);
  });
});

describe("Dockerfile and compose commands", () => {
  it("run files that the build produces", () => {
    const entryPoints = nodeEntryPoints();
    expect(entryPoints.map((e) => e.where).sort()).toEqual(["Dockerfile CMD", "compose migrate", "compose worker"]);
    for (const { where, file } of entryPoints) {
      expect(file, where).toMatch(/^server\/dist\//);
      expect(existsSync(path.join(repoRoot, file)), `${where}: ${file} is not in the build`).toBe(true);
    }
  });

  it("install every workspace before npm ci, and ship the contract the server imports at run time", () => {
    const { workspaces } = JSON.parse(read("package.json")) as { workspaces: string[] };
    for (const workspace of workspaces) {
      expect(dockerfile, `${workspace}/package.json is copied before npm ci`).toMatch(
        new RegExp(`^COPY ${workspace}/package.json ${workspace}/$`, "m"),
      );
    }
    const serverDeps = (JSON.parse(read("server/package.json")) as { dependencies: Record<string, string> }).dependencies;
    expect(serverDeps).toHaveProperty("@ordered/contract");
    expect(dockerfile).toMatch(/^COPY contract contract$/m);
    expect(dockerfile).toMatch(/^COPY --from=build \/app\/contract\/package\.json contract\/$/m);
    expect(dockerfile).toMatch(/^COPY --from=build \/app\/contract\/dist contract\/dist$/m);
    expect(existsSync(path.join(repoRoot, "contract/dist/index.js"))).toBe(true);
  });

  it("ship what the migration step needs: the Prisma config and the adapter it imports", () => {
    const prismaConfig = read("prisma.config.ts");
    const imported = /from "\.\/(server\/src\/db\/[\w-]+)\.js"/.exec(prismaConfig)?.[1];
    expect(imported).toBe("server/src/db/migration-adapter");
    expect(dockerfile).toContain(`COPY --from=build /app/${imported}.ts ${imported}.ts`);
    expect(existsSync(path.join(repoRoot, `${imported}.ts`))).toBe(true);
    expect(dockerfile).toMatch(/^COPY --from=build \/app\/package\.json \/app\/prisma\.config\.ts \.\/$/m);
    expect(dockerfile).toMatch(/^COPY --from=build \/app\/prisma prisma$/m);
    expect(dockerfile).toMatch(/^COPY --from=build \/app\/server\/dist server\/dist$/m);
    expect(compose.services.migrate.command.join(" ")).toContain("prisma migrate deploy");
  });
});
