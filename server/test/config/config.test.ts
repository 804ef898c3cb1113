import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

const secret = "x".repeat(32);

describe("loadConfig", () => {
  it("applies defaults for this machine", () => {
    const c = loadConfig({ JWT_SECRET: secret });
    expect(c).toMatchObject({
      port: 3000,
      databaseUrl: "postgresql://postgres@127.0.0.1:5432/ordered",
      redisUrl: "redis://127.0.0.1:6379",
      publicUrl: "http://localhost:3000",
    });
    expect(c.allowedOrigins).toContain("http://localhost:3000");
    expect(Object.isFrozen(c.jwt)).toBe(true);
  });

  it("requires JWT_SECRET in production, and uses the fallback elsewhere", () => {
    expect(() => loadConfig({ NODE_ENV: "production" }, () => secret)).toThrow(ConfigError);
    expect(loadConfig({ NODE_ENV: "development" }, () => secret).jwt.secret).toBe(secret);
  });

  it("mails receipts with both SMTP_URL and MAIL_FROM, none without them, and names the one missing", () => {
    expect(loadConfig({ JWT_SECRET: secret }).mail).toBeNull();
    expect(loadConfig({ JWT_SECRET: secret, SMTP_URL: "", MAIL_FROM: "" }).mail).toBeNull(); // docker-compose's ${SMTP_URL:-}
    const mail = { SMTP_URL: "smtps://user:pass@smtp.example.com:465", MAIL_FROM: '"Bistro" <receipts@bistro.example>' };
    expect(loadConfig({ JWT_SECRET: secret, ...mail }).mail).toEqual({ smtpUrl: mail.SMTP_URL, from: mail.MAIL_FROM });
    expect(() => loadConfig({ JWT_SECRET: secret, SMTP_URL: mail.SMTP_URL })).toThrow(/MAIL_FROM is required when SMTP_URL is set/);
    expect(() => loadConfig({ JWT_SECRET: secret, MAIL_FROM: mail.MAIL_FROM })).toThrow(/SMTP_URL is required when MAIL_FROM is set/);
    expect(() => loadConfig({ JWT_SECRET: secret, ...mail, SMTP_URL: "https://smtp.example.com" })).toThrow(
      /SMTP_URL must start with smtp/,
    );
  });

  it("names every invalid setting", () => {
    expect(() => loadConfig({ JWT_SECRET: "short", PORT: "abc" })).toThrow(/JWT_SECRET.*PORT|PORT.*JWT_SECRET/);
  });

  it("parses the origin allow-list and trims PUBLIC_URL", () => {
    const c = loadConfig({
      JWT_SECRET: secret,
      PUBLIC_URL: "https://bistro.example/",
      ALLOWED_ORIGINS: "https://a.example, https://b.example",
    });
    expect(c.publicUrl).toBe("https://bistro.example");
    expect(c.allowedOrigins).toEqual(["https://a.example", "https://b.example"]);
  });

  it("allows the Vite dev server's origin by default only outside production", () => {
    expect(loadConfig({ JWT_SECRET: secret }).allowedOrigins).toEqual(["http://localhost:3000", "http://localhost:5173"]);
    const production = loadConfig({ JWT_SECRET: secret, NODE_ENV: "production", PUBLIC_URL: "https://bistro.example" });
    expect(production.allowedOrigins).toEqual(["https://bistro.example"]);
  });

  it("uses one Redis server by default, a Redis Cluster when REDIS_CLUSTER_NODES names its nodes", () => {
    expect(loadConfig({ JWT_SECRET: secret }).redis).toEqual({ kind: "single", url: "redis://127.0.0.1:6379" });
    const c = loadConfig({ JWT_SECRET: secret, REDIS_CLUSTER_NODES: "rediss://app:s%40cret@10.0.0.1:7000, 10.0.0.2:7001,10.0.0.3" });
    expect(c.redis).toEqual({
      kind: "cluster",
      nodes: [
        { host: "10.0.0.1", port: 7000 },
        { host: "10.0.0.2", port: 7001 },
        { host: "10.0.0.3", port: 6379 },
      ],
      auth: { username: "app", password: "s@cret", tls: {} },
    });
    expect(() => loadConfig({ JWT_SECRET: secret, REDIS_CLUSTER_NODES: "10.0.0.1:7000,http://x:y" })).toThrow(
      /REDIS_CLUSTER_NODES: "http:\/\/x:y" is neither host:port nor a redis:\/\/ URL/,
    );
  });
});
