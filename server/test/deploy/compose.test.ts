import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { repoRoot } from "../support/global-setup.js";

// There is no Docker engine on CI; these checks keep docker-compose.yml honest by reading it.
const compose = parse(readFileSync(path.join(repoRoot, "docker-compose.yml"), "utf8"), { merge: true });

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

  it("points the proxy at both servers with sticky sessions and WebSocket upgrades", () => {
    const nginx = readFileSync(path.join(repoRoot, "deploy/nginx.conf"), "utf8");
    expect(nginx).toContain("ip_hash;");
    expect(nginx).toContain("server server-1:3000;");
    expect(nginx).toContain("server server-2:3000;");
    expect(nginx).toMatch(/proxy_set_header Upgrade \$http_upgrade/);
    expect(compose.services.proxy.volumes[0]).toContain("./deploy/nginx.conf:");
  });

  it("runs files that the build produces", () => {
    const dockerfile = readFileSync(path.join(repoRoot, "Dockerfile"), "utf8");
    expect(dockerfile).toContain('CMD ["node", "server/dist/main.js"]');
    expect(compose.services.migrate.command.join(" ")).toContain("server/dist/demo/seed.js");
    expect(existsSync(path.join(repoRoot, "server/src/main.ts"))).toBe(true);
    expect(existsSync(path.join(repoRoot, "server/src/demo/seed.ts"))).toBe(true);
    expect(existsSync(path.join(repoRoot, "server/src/worker-main.ts"))).toBe(true);
  });
});
